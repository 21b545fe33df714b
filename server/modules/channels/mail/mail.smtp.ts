/** 市长信箱 answers: replies, acknowledgements and notices by e-mail over SMTP, in the letter's thread. */
import nodemailer from 'nodemailer';
import type { ChannelSender } from '../../contacts/contacts.service.ts';
import { outgoingMessageId } from './mail.letter.ts';

export interface SmtpSenderOptions {
  /** `smtp://user:password@host:587` (STARTTLS when offered) or `smtps://…:465`. */
  url: string;
  /** `12345市长信箱 <mayor@city.gov.cn>` */
  from: string;
  timeoutMs?: number;
}

/** The domain of an address as written in MAIL_FROM (`Name <a@b>` or `a@b`). */
export function domainOf(from: string): string {
  const m = /@([^>\s]+)>?\s*$/.exec(from);
  return m ? m[1].toLowerCase() : 'localhost';
}

export function createSmtpSender(o: SmtpSenderOptions): ChannelSender & { close(): void } {
  const timeout = o.timeoutMs ?? 30_000;
  const u = new URL(o.url);
  if (u.protocol !== 'smtp:' && u.protocol !== 'smtps:') throw new Error(`MAIL_SMTP_URL: expected smtp:// or smtps://, got ${u.protocol}`);
  const secure = u.protocol === 'smtps:';
  const transport = nodemailer.createTransport({
    host: u.hostname,
    port: Number(u.port || (secure ? 465 : 587)),
    secure,
    auth: u.username ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } : undefined,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  const domain = domainOf(o.from);
  return {
    async send(message) {
      const meta = (message.contact?.meta ?? {}) as { messageId?: string | null; references?: string[] };
      const letterSubject = message.contact?.subject ?? null;
      // notices carry their subject in the citizen's language (contacts.notices.ts); answers to a letter keep its subject
      const subject = message.subject ?? (letterSubject ? `Re: ${letterSubject.replace(/^(re:\s*)+/i, '')}` : '12345市长信箱：答复');
      const threadIds = meta.messageId ? [...(meta.references ?? []), meta.messageId] : [];
      const messageId = `<${outgoingMessageId(message.id, domain)}>`;
      const info = await transport.sendMail({
        from: o.from,
        to: message.address,
        subject,
        text: message.body,
        messageId,
        ...(meta.messageId ? { inReplyTo: `<${meta.messageId}>`, references: threadIds.map((id) => `<${id}>`) } : {}),
        // RFC 3834: what the system sends by itself is marked so that the citizen's autoresponder does not answer it
        headers: message.kind === 'reply' ? {} : { 'Auto-Submitted': 'auto-replied' },
      });
      if (info.rejected.length > 0) throw new Error(`SMTP server refused ${info.rejected.join(', ')}: ${info.response}`);
      return { externalId: messageId.replace(/^<|>$/g, '') };
    },
    close: () => transport.close(),
  };
}
