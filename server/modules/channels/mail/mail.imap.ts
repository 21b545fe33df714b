/**
 * Reads the mayor's mailbox over IMAP (the fetch-mailbox job) and hands each new letter to the contacts module.
 * A letter is taken once: the mailbox's UIDVALIDITY and the last UID taken are kept as a cursor (saved after each
 * letter is committed), and the letter's Message-ID is its source id, so a letter seen again (the cursor lost, the
 * mailbox rebuilt with a new UIDVALIDITY, the same letter delivered twice) is recognised and not stored again.
 */
import { ImapFlow, type MessageStructureObject } from 'imapflow';
import { SYSTEM_ACTOR } from '../../../lib/actor.ts';
import { AppError } from '../../../lib/errors.ts';
import type { AttachmentsService } from '../../attachments/attachments.service.ts';
import type { ContactsService } from '../../contacts/contacts.service.ts';
import { findMobileIn } from '../../contacts/contacts.rules.ts';
import { normalizePhone } from '../../../../common/limits.ts';
import {
  attachmentCountOf,
  ourMessageIdOf,
  readLetter,
  sourceIdOf,
  tooLarge,
  tooManyAttachments,
  type MailLimits,
  type RejectReason,
} from './mail.letter.ts';

export const MAIL_CHANNEL = 'mailbox';

export interface ImapSettings {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  password: string;
  mailbox: string;
}

/** `imap://user:password@host:143/INBOX` (STARTTLS when offered) or `imaps://…:993/INBOX` (TLS). */
export function parseImapUrl(url: string): ImapSettings {
  const u = new URL(url);
  if (u.protocol !== 'imap:' && u.protocol !== 'imaps:') throw new Error(`MAIL_IMAP_URL: expected imap:// or imaps://, got ${u.protocol}`);
  const secure = u.protocol === 'imaps:';
  return {
    host: u.hostname,
    port: Number(u.port || (secure ? 993 : 143)),
    secure,
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    mailbox: decodeURIComponent(u.pathname.replace(/^\//, '')) || 'INBOX',
  };
}

export interface MailboxDeps {
  imap: ImapSettings;
  limits: MailLimits;
  /** The domain of our own Message-IDs (MAIL_FROM's), to find the message a citizen answers. */
  domain: string;
  contacts: ContactsService;
  attachments: AttachmentsService;
  cursors: { get(name: string): Promise<number>; save(name: string, lastUid: number): Promise<void> };
  log: (level: 'info' | 'warn', message: string, details: Record<string, unknown>) => void;
}

interface Pending {
  uid: number;
  size: number;
  messageId: string | null;
  attachments: number;
  from: string | null;
  subject: string | null;
}

export function createMailboxReader(deps: MailboxDeps) {
  const { imap, limits, log } = deps;

  async function reject(
    p: Pending,
    uidValidity: string,
    reason: RejectReason,
    extra: { address?: string | null; subject?: string | null; sourceId?: string },
  ) {
    const sourceId = extra.sourceId ?? p.messageId ?? `imap:${imap.user}/${imap.mailbox}:${uidValidity}:${p.uid}`;
    log('warn', 'mailbox letter refused', { uid: p.uid, uidValidity, sourceId, size: p.size, reason: reason.code, detail: reason.en });
    return deps.contacts.receive({
      channel: MAIL_CHANNEL,
      sourceId,
      address: extra.address ?? 'unknown',
      subject: extra.subject ?? null,
      content: `（来信被拒收：${reason.zh}）`,
      rejectedReason: reason.en,
      meta: { uidValidity, uid: p.uid, sizeBytes: p.size, messageId: p.messageId, rejected: reason },
    });
  }

  /** Stores what the attachments module accepts (type allowed and matching its bytes); the rest are listed as refused. */
  async function storeAttachments(list: { filename: string; mimeType: string; content: Buffer }[]) {
    const stored: { id: number; filename: string; mimeType: string; sizeBytes: number }[] = [];
    const refused: { filename: string; mimeType: string; reason: string }[] = [];
    for (const a of list) {
      try {
        stored.push(await deps.attachments.upload(SYSTEM_ACTOR, a));
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        refused.push({ filename: a.filename, mimeType: a.mimeType, reason: error.messageEn ?? error.code });
      }
    }
    return { stored, refused };
  }

  async function take(client: ImapFlow, p: Pending, uidValidity: string) {
    // what the server says of the message settles most cases before a byte of it is downloaded
    if (p.messageId && (await deps.contacts.isKnownSource(MAIL_CHANNEL, p.messageId))) {
      log('info', 'mailbox letter already taken', { uid: p.uid, uidValidity, sourceId: p.messageId });
      return null;
    }
    const unread = tooLarge(p.size, limits) ?? tooManyAttachments(p.attachments, limits);
    if (unread) return reject(p, uidValidity, unread, { address: p.from, subject: p.subject });
    const message = await client.fetchOne(String(p.uid), { source: true }, { uid: true });
    const raw = message && message.source;
    if (!raw) throw new Error(`IMAP gave no source for UID ${p.uid}`);
    const read = await readLetter(raw, limits);
    if ('rejected' in read) return reject(p, uidValidity, read.rejected, { sourceId: sourceIdOf(p.messageId, raw) });
    const { letter } = read;
    const sourceId = sourceIdOf(letter.messageId, raw);
    if (!letter.address) {
      return reject(
        p,
        uidValidity,
        { code: 'unreadable', zh: '来信没有发件地址', en: 'The message has no sender address' },
        { sourceId, subject: letter.subject },
      );
    }
    if (await deps.contacts.isKnownSource(MAIL_CHANNEL, sourceId)) {
      log('info', 'mailbox letter already taken', { uid: p.uid, uidValidity, sourceId });
      return null;
    }
    const thread = await deps.contacts.findThread(MAIL_CHANNEL, {
      messageIds: [letter.inReplyTo, ...[...letter.references].reverse()]
        .map((id) => (id ? ourMessageIdOf(id, deps.domain) : null))
        .filter((n): n is number => n !== null),
      sourceIds: [letter.inReplyTo, ...[...letter.references].reverse()].filter((id): id is string => Boolean(id)),
    });
    const { stored, refused } = await storeAttachments(letter.attachments);
    if (refused.length > 0) log('warn', 'mailbox attachments refused', { sourceId, refused });
    if (letter.isAutomatic) log('info', 'automatic message: taken without an acknowledgement', { sourceId, address: letter.address });
    const mobile = findMobileIn(letter.text);
    return deps.contacts.receive({
      channel: MAIL_CHANNEL,
      sourceId,
      address: letter.address,
      senderName: letter.senderName,
      subject: letter.subject,
      writtenPhone: mobile ? normalizePhone(mobile) : null,
      threadTicketId: thread?.ticketId ?? null,
      content: letter.text || '（来信无正文）',
      shouldAcknowledge: !letter.isAutomatic,
      meta: {
        messageId: letter.messageId,
        inReplyTo: letter.inReplyTo,
        references: letter.references,
        uidValidity,
        uid: p.uid,
        sizeBytes: p.size,
        attachments: stored,
        ...(refused.length ? { refusedAttachments: refused } : {}),
        ...(thread ? { thread } : {}),
        ...(letter.isAutomatic ? { isAutomatic: true } : {}),
      },
    });
  }

  return {
    /** Takes every letter that arrived since the last run; returns how many were new, refused or already known. */
    async fetchNew() {
      const client = new ImapFlow({
        host: imap.host,
        port: imap.port,
        secure: imap.secure,
        auth: { user: imap.user, pass: imap.password },
        logger: false,
      });
      client.on('error', (error) => log('warn', 'IMAP connection error', { error: String(error) }));
      await client.connect();
      const counts = { taken: 0, refused: 0, known: 0 };
      try {
        const box = await client.mailboxOpen(imap.mailbox);
        const uidValidity = String(box.uidValidity);
        const cursorName = `mailbox:${imap.user}@${imap.host}/${imap.mailbox}:${uidValidity}`;
        const last = await deps.cursors.get(cursorName);
        const pending: Pending[] = [];
        if (box.exists > 0) {
          for await (const m of client.fetch(
            `${last + 1}:*`,
            { uid: true, size: true, envelope: true, bodyStructure: true },
            { uid: true },
          )) {
            // `n:*` names the last message too when n is past it
            if (m.uid <= last) continue;
            pending.push({
              uid: m.uid,
              size: m.size ?? 0,
              messageId: m.envelope?.messageId ? m.envelope.messageId.trim().replace(/^<|>$/g, '') : null,
              attachments: m.bodyStructure ? attachmentCountOf(m.bodyStructure as MessageStructureObject) : 0,
              from: m.envelope?.from?.[0]?.address?.toLowerCase() ?? null,
              subject: m.envelope?.subject?.slice(0, 200) ?? null,
            });
          }
        }
        pending.sort((a, b) => a.uid - b.uid);
        for (const p of pending) {
          const result = await take(client, p, uidValidity);
          if (!result || result.isDuplicate) counts.known++;
          else if (result.isRejected) counts.refused++;
          else counts.taken++;
          await deps.cursors.save(cursorName, p.uid);
          await client.messageFlagsAdd(String(p.uid), ['\\Seen'], { uid: true });
        }
      } finally {
        await client.logout().catch(() => client.close());
      }
      return counts;
    },
  };
}
export type MailboxReader = ReturnType<typeof createMailboxReader>;
