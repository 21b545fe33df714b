/**
 * 市长信箱: one e-mail as a letter to the mayor's mailbox. Pure functions: what the limits say about a message, and the
 * letter's own ids, thread, sender and attachments as the contacts module wants them.
 */
import { createHash } from 'node:crypto';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { LIMITS } from '../../../../common/limits.ts';

export interface MailLimits {
  /** A message larger than this is refused unread (its size comes from the IMAP server). */
  maxBytes: number;
  /** More attachments than this and the whole letter is refused. */
  maxAttachments: number;
}

/** Why a letter is refused, in the log and on the stored record: Chinese and English. */
export type RejectReason = { code: 'too_large' | 'too_many_attachments' | 'unreadable'; zh: string; en: string };

export function tooLarge(sizeBytes: number, limits: MailLimits): RejectReason | null {
  if (sizeBytes <= limits.maxBytes) return null;
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  return {
    code: 'too_large',
    zh: `邮件过大（${mb(sizeBytes)} MB，上限 ${mb(limits.maxBytes)} MB），未读取`,
    en: `Message too large (${mb(sizeBytes)} MB, limit ${mb(limits.maxBytes)} MB); not read`,
  };
}

export function tooManyAttachments(count: number, limits: MailLimits): RejectReason | null {
  if (count <= limits.maxAttachments) return null;
  return {
    code: 'too_many_attachments',
    zh: `附件过多（${count} 个，上限 ${limits.maxAttachments} 个）`,
    en: `Too many attachments (${count}, limit ${limits.maxAttachments})`,
  };
}

/** A part of the IMAP BODYSTRUCTURE: enough to count attachments before downloading. */
export interface StructurePart {
  type: string;
  disposition?: string | null | false;
  childNodes?: StructurePart[];
}

/** Leaf parts that are attachments: marked so, or anything but the text of the letter (images inline included). */
export function attachmentCountOf(part: StructurePart): number {
  if (part.childNodes?.length) return part.childNodes.reduce((n, child) => n + attachmentCountOf(child), 0);
  if (part.type.startsWith('multipart/')) return 0;
  return part.disposition === 'attachment' || !part.type.startsWith('text/') ? 1 : 0;
}

export interface LetterAttachment {
  filename: string;
  mimeType: string;
  content: Buffer;
}

export interface Letter {
  /** The Message-ID without angle brackets, or null when the sender gave none. */
  messageId: string | null;
  inReplyTo: string | null;
  /** The thread's earlier Message-IDs, oldest first. */
  references: string[];
  /** Where an answer goes: Reply-To when given, else From; lower-cased. */
  address: string | null;
  senderName: string | null;
  subject: string | null;
  text: string;
  /** Sent by a machine (RFC 3834 Auto-Submitted, Precedence bulk/junk/list, a bounce): never answered automatically. */
  isAutomatic: boolean;
  attachments: LetterAttachment[];
  date: Date | null;
}

const bare = (id: string) => id.trim().replace(/^<|>$/g, '');

/** The letter's own id for de-duplication: its Message-ID, or a digest of the whole message when it has none. */
export function sourceIdOf(messageId: string | null, raw: Buffer): string {
  return messageId ?? `sha256:${createHash('sha256').update(raw).digest('hex')}`;
}

function firstAddress(list: AddressObject | AddressObject[] | undefined): { address: string; name: string } | null {
  for (const obj of Array.isArray(list) ? list : list ? [list] : []) {
    for (const v of obj.value) if (v.address) return { address: v.address.toLowerCase(), name: v.name ?? '' };
  }
  return null;
}

const headerText = (parsed: ParsedMail, name: string) => {
  const v = parsed.headers.get(name);
  return typeof v === 'string'
    ? v.toLowerCase()
    : v && typeof v === 'object' && 'value' in v
      ? String((v as { value: unknown }).value).toLowerCase()
      : '';
};

/**
 * Reads a whole message. Refuses one with more attachments than the limit (a mail bomb); the text is cut to what an
 * order may hold, saying so.
 */
export async function readLetter(raw: Buffer, limits: MailLimits): Promise<{ letter: Letter } | { rejected: RejectReason }> {
  let parsed: ParsedMail;
  try {
    parsed = await simpleParser(raw, {
      skipImageLinks: true,
      skipTextToHtml: true,
      skipTextLinks: true,
      maxHtmlLengthToParse: 2 * 1024 * 1024,
    });
  } catch (error) {
    return { rejected: { code: 'unreadable', zh: '邮件格式无法解析', en: `The message cannot be parsed: ${(error as Error).message}` } };
  }
  const tooMany = tooManyAttachments(parsed.attachments.length, limits);
  if (tooMany) return { rejected: tooMany };
  const sender = firstAddress(parsed.replyTo) ?? firstAddress(parsed.from);
  const autoSubmitted = headerText(parsed, 'auto-submitted');
  const precedence = headerText(parsed, 'precedence');
  const isAutomatic =
    (autoSubmitted !== '' && autoSubmitted !== 'no') ||
    ['bulk', 'junk', 'list'].includes(precedence) ||
    /^(mailer-daemon|postmaster)@/i.test(sender?.address ?? '') ||
    parsed.headers.has('list-id');
  let text = (parsed.text ?? '').replace(/\r\n/g, '\n').trim();
  if (text.length > LIMITS.contentMax) text = `${text.slice(0, LIMITS.contentMax - 40)}\n……（来信过长，余下部分见原邮件）`;
  const refs = parsed.references ? (Array.isArray(parsed.references) ? parsed.references : parsed.references.split(/\s+/)) : [];
  return {
    letter: {
      messageId: parsed.messageId ? bare(parsed.messageId) : null,
      inReplyTo: parsed.inReplyTo ? bare(parsed.inReplyTo.split(/\s+/)[0]) : null,
      references: refs.filter(Boolean).map(bare),
      address: sender?.address ?? null,
      senderName: sender?.name || null,
      subject: parsed.subject?.trim().slice(0, LIMITS.titleMax) || null,
      text,
      isAutomatic,
      attachments: parsed.attachments.map((a, i) => ({
        filename: a.filename ?? `attachment-${i + 1}`,
        mimeType: (a.contentType ?? 'application/octet-stream').toLowerCase(),
        content: a.content,
      })),
      date: parsed.date ?? null,
    },
  };
}

/** Our own Message-ID for an outgoing message: the id finds the message again when the citizen answers it. */
export function outgoingMessageId(messageId: number, domain: string): string {
  return `lianxin-${messageId}@${domain}`;
}

/** The channel message a Message-ID of ours names, or null. */
export function ourMessageIdOf(id: string, domain: string): number | null {
  const m = /^lianxin-(\d+)@(.+)$/.exec(id);
  return m && m[2] === domain ? Number(m[1]) : null;
}
