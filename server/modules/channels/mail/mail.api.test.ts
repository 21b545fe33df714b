/**
 * 市长信箱 end to end against a real Dovecot (IMAP, LMTP) and a real Postfix (SMTP): a citizen's letter goes through
 * Postfix into the mayor's mailbox, Lianxin reads it over IMAP, and its answers go out through Postfix into the
 * citizen's mailbox, where the test reads them over IMAP.
 */
import { randomUUID } from 'node:crypto';
import { eq, like } from 'drizzle-orm';
import { ImapFlow } from 'imapflow';
import { simpleParser, type ParsedMail } from 'mailparser';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { setupApp } from '../../../../test/app.ts';
import { buildSignedInUser } from '../../../../test/factories/orgs.ts';
import { attachments, citizenChannelAddresses, outboxCursors, writtenContacts } from '../../../db/schema.ts';
import { buildCitizen, insertTicketRow } from '../../../../test/factories/citizens.ts';
import { startJobs } from '../../../jobs/runner.ts';
import { sendChannelMessage } from '../../../jobs/send-channel-message.ts';
import { mailServersMissing, startMailServers } from './mail.testkit.ts';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const MAYOR = 'mayor@city.test';
const MAX_BYTES = 1024 * 1024;

describe.skipIf(mailServersMissing)(
  `Mayor's mailbox over IMAP and SMTP${mailServersMissing ? ` (skipped: ${mailServersMissing})` : ''}`,
  async () => {
    const citizens = Array.from({ length: 9 }, (_, i) => `c${i}-${randomUUID().slice(0, 8)}@citizen.test`);
    const rig = await startMailServers({ accounts: [MAYOR, ...citizens] });
    const { app } = await setupApp({
      // its own database: other files' job loops would send this file's queued messages through their gateways
      isolated: true,
      env: {
        MAIL_IMAP_URL: `imap://${encodeURIComponent(MAYOR)}:${rig.password}@127.0.0.1:${rig.imapPort}/INBOX`,
        MAIL_SMTP_URL: `smtp://127.0.0.1:${rig.smtpPort}`,
        MAIL_FROM: `12345市长信箱 <${MAYOR}>`,
        MAIL_MAX_BYTES: String(MAX_BYTES),
        MAIL_MAX_ATTACHMENTS: '20',
        NOTICE_QUIET_HOURS: '',
      },
    });
    const stopJobs = startJobs(app.services, [sendChannelMessage], { pollMs: 100, log: () => {} });
    afterAll(async () => {
      await stopJobs();
      await rig.stop();
    });
    const db = app.services.db;
    const mailbox = app.services.mailbox!;
    const smtp = nodemailer.createTransport({ host: '127.0.0.1', port: rig.smtpPort, secure: false });

    async function imap<T>(user: string, work: (client: ImapFlow) => Promise<T>): Promise<T> {
      const client = new ImapFlow({
        host: '127.0.0.1',
        port: rig.imapPort,
        secure: false,
        auth: { user, pass: rig.password },
        logger: false,
      });
      await client.connect();
      try {
        return await work(client);
      } finally {
        await client.logout();
      }
    }
    const countIn = (user: string) =>
      imap(user, async (c) => {
        const s = await c.status('INBOX', { messages: true });
        return (s && s.messages) || 0;
      });
    async function waitFor<T>(check: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 30_000): Promise<T> {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const value = await check();
        if (value) return value;
        if (Date.now() > until) throw new Error(`${what} not met within ${timeoutMs} ms\n${rig.postfixLog().slice(-2000)}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    /** Sends through Postfix and waits until Dovecot has it in the mayor's mailbox. */
    async function sendToMayor(mail: SendMailOptions) {
      const before = await countIn(MAYOR);
      await smtp.sendMail({ to: MAYOR, ...mail });
      await waitFor(async () => (await countIn(MAYOR)) > before, "the letter in the mayor's mailbox");
    }
    /** Puts a raw message straight into the mayor's mailbox (what Postfix would refuse or mangle). */
    const appendToMayor = async (raw: Promise<Buffer>) => {
      const bytes = await raw;
      return imap(MAYOR, (c) => c.append('INBOX', bytes));
    };
    const compose = (mail: ConstructorParameters<typeof MailComposer>[0]) => new MailComposer(mail).compile().build();
    /** Every message in a citizen's mailbox, parsed. */
    const inboxOf = (user: string) =>
      imap(user, async (c) => {
        await c.mailboxOpen('INBOX');
        const out: ParsedMail[] = [];
        for await (const m of c.fetch('1:*', { source: true })) out.push(await simpleParser(m.source!));
        return out;
      }).catch(() => [] as ParsedMail[]);
    const contactsFrom = (address: string) =>
      db.select().from(writtenContacts).where(eq(writtenContacts.address, address)).orderBy(writtenContacts.id);

    it('takes a letter with its attachment as one contact with a 24-hour clock, and acknowledges it in the thread', async () => {
      const citizen = citizens[0];
      await sendToMayor({
        from: `王女士 <${citizen}>`,
        subject: '关于小区噪音扰民的来信',
        text: '市长您好：楼下商铺每晚音响到凌晨。联系电话 13912345678。',
        attachments: [
          { filename: '现场照片.png', content: PNG, contentType: 'image/png' },
          { filename: 'photo.png', content: Buffer.from('MZ\x90\x00 this is a program'), contentType: 'image/png' },
        ],
      });
      const counts = await mailbox.fetchNew();
      expect(counts).toMatchObject({ taken: 1, refused: 0 });
      const [contact] = await contactsFrom(citizen);
      expect(contact).toMatchObject({ channel: 'mailbox', subject: '关于小区噪音扰民的来信', senderName: '王女士', status: 'waiting' });
      expect(contact.content).toContain('楼下商铺每晚音响到凌晨');
      expect(contact.respondBy.getTime() - contact.receivedAt.getTime()).toBe(24 * 3_600_000);
      const meta = contact.meta as {
        messageId: string;
        uidValidity: string;
        uid: number;
        attachments: { id: number; filename: string }[];
        refusedAttachments: { filename: string; reason: string }[];
      };
      expect(meta.attachments).toEqual([expect.objectContaining({ filename: '现场照片.png', mimeType: 'image/png' })]);
      expect(meta.refusedAttachments).toEqual([
        expect.objectContaining({ filename: 'photo.png', reason: expect.stringMatching(/does not match/) }),
      ]);
      expect(contact.sourceId).toBe(meta.messageId);
      // the number in the letter is a suggestion for the agent: it does not link the sender's address by itself
      expect(contact).toMatchObject({ citizenId: null, suggestedPhone: '13912345678' });

      const ack = await waitFor(async () => (await inboxOf(citizen))[0], "the acknowledgement in the citizen's mailbox");
      expect(ack.text).toContain(`C${contact.id}`);
      expect(ack.inReplyTo).toBe(`<${meta.messageId}>`);
      expect(ack.subject).toBe('Re: 关于小区噪音扰民的来信');
      expect(ack.headers.get('auto-submitted')).toBe('auto-replied');
      expect(ack.from?.value[0].address).toBe(MAYOR);

      const agent = await buildSignedInUser(app, 'agent');
      const listed = (await app.inject({ method: 'GET', url: '/api/v1/contacts?channel=mailbox', headers: agent.headers })).json();
      const item = listed.items.find((i: { id: number }) => i.id === contact.id);
      expect(item.sla).toMatchObject({ state: 'normal' });
      expect(item.sla.remainingSeconds).toBeGreaterThan(23 * 3600);
      const file = await app.inject({
        method: 'GET',
        url: `/api/v1/contacts/${contact.id}/attachments/${meta.attachments[0].id}`,
        headers: agent.headers,
      });
      expect(file.statusCode).toBe(200);
      expect(Buffer.compare(file.rawPayload, PNG)).toBe(0);
    });

    it('never takes a letter twice: not on the next run, not when the cursor is lost, not when delivered twice', async () => {
      const citizen = citizens[1];
      const messageId = `<${randomUUID()}@citizen.test>`;
      const letter = compose({ from: citizen, to: MAYOR, subject: '路灯不亮', text: '人民路 5 号路灯三晚不亮。', messageId });
      await appendToMayor(letter);
      await appendToMayor(letter); // the same letter delivered again
      const first = await mailbox.fetchNew();
      expect(first.taken).toBe(1);
      expect(first.known).toBeGreaterThanOrEqual(1);
      expect(await mailbox.fetchNew()).toEqual({ taken: 0, refused: 0, known: 0 });
      // the cursor lost (a restored database): every letter is read again and recognised by its Message-ID
      await db.delete(outboxCursors).where(like(outboxCursors.name, 'mailbox:%'));
      const again = await mailbox.fetchNew();
      expect(again.taken).toBe(0);
      expect(again.known).toBeGreaterThanOrEqual(3);
      expect(await contactsFrom(citizen)).toHaveLength(1);
      await waitFor(async () => (await inboxOf(citizen)).length === 1, 'one acknowledgement');
      await new Promise((r) => setTimeout(r, 1_000));
      expect(await inboxOf(citizen)).toHaveLength(1);
    });

    it("sends the agent's reply in the thread, and the citizen's answer to it joins the same thread", async () => {
      const citizen = citizens[2];
      const agent = await buildSignedInUser(app, 'agent');
      await sendToMayor({ from: citizen, subject: '公积金提取咨询', text: '请问离职后多久可以提取公积金？' });
      await mailbox.fetchNew();
      const [contact] = await contactsFrom(citizen);
      const letterId = (contact.meta as { messageId: string }).messageId;
      const res = await app.inject({
        method: 'POST',
        url: `/api/v1/contacts/${contact.id}/reply`,
        headers: agent.headers,
        payload: { body: '您好，离职满半年可申请提取。' },
      });
      expect(res.statusCode).toBe(200);
      const reply = await waitFor(
        async () => (await inboxOf(citizen)).find((m) => m.text?.includes('离职满半年')),
        "the reply in the citizen's mailbox",
      );
      expect(reply.subject).toBe('Re: 公积金提取咨询');
      expect(reply.inReplyTo).toBe(`<${letterId}>`);
      expect(reply.references).toContain(`<${letterId}>`);
      expect(reply.headers.has('auto-submitted')).toBe(false);

      await sendToMayor({
        from: citizen,
        subject: 'Re: 公积金提取咨询',
        text: '谢谢，需要带什么材料？',
        inReplyTo: reply.messageId,
        references: [`<${letterId}>`, reply.messageId!],
      });
      await mailbox.fetchNew();
      const [, followUp] = await contactsFrom(citizen);
      expect(followUp.meta).toMatchObject({ thread: { contactId: contact.id }, inReplyTo: reply.messageId!.replace(/^<|>$/g, '') });
    });

    it('refuses a mail bomb (too large, thousands of attachments) with a logged reason, stores it once, answers nobody', async () => {
      const warn = vi.spyOn(console, 'warn');
      const huge = citizens[3];
      const many = citizens[4];
      await appendToMayor(
        compose({
          from: huge,
          to: MAYOR,
          subject: 'big',
          text: 'x'.repeat(MAX_BYTES + 10_000),
          messageId: `<${randomUUID()}@citizen.test>`,
        }),
      );
      await appendToMayor(
        compose({
          from: many,
          to: MAYOR,
          subject: 'many',
          text: 'see attached',
          messageId: `<${randomUUID()}@citizen.test>`,
          attachments: Array.from({ length: 2000 }, (_, i) => ({ filename: `${i}.txt`, content: 'a', contentType: 'text/plain' })),
        }),
      );
      const counts = await mailbox.fetchNew();
      expect(counts).toMatchObject({ taken: 0, refused: 2 });
      const [big] = await contactsFrom(huge);
      const [bomb] = await contactsFrom(many);
      expect(big).toMatchObject({ status: 'closed', subject: 'big', content: expect.stringContaining('邮件过大') });
      expect(big.meta).toMatchObject({ rejected: { code: 'too_large' } });
      expect(bomb).toMatchObject({ status: 'closed', content: expect.stringContaining('附件过多') });
      expect(bomb.meta).toMatchObject({ rejected: { code: 'too_many_attachments' } });
      expect(warn.mock.calls.map((c) => String(c[0])).join('\n')).toMatch(/mailbox letter refused.*too_many_attachments/);
      expect(warn.mock.calls.map((c) => String(c[0])).join('\n')).toMatch(/mailbox letter refused.*too_large/);
      warn.mockRestore();
      // read again from the start: still one record each, and no attachment of the bomb stored
      await db.delete(outboxCursors).where(like(outboxCursors.name, 'mailbox:%'));
      await mailbox.fetchNew();
      expect(await contactsFrom(many)).toHaveLength(1);
      expect(await contactsFrom(huge)).toHaveLength(1);
      expect(await db.select().from(attachments).where(eq(attachments.filename, '1999.txt'))).toHaveLength(0);
      await new Promise((r) => setTimeout(r, 1_000));
      expect(await inboxOf(many)).toHaveLength(0);
    }, 180_000);

    it("gives the letter's attachments to the order it becomes, and tells the citizen the order number", async () => {
      const citizen = citizens[5];
      const agent = await buildSignedInUser(app, 'agent');
      await sendToMayor({
        from: citizen,
        subject: '道路破损',
        text: '和平路与解放路口路面塌陷。',
        attachments: [{ filename: 'road.png', content: PNG, contentType: 'image/png' }],
      });
      await mailbox.fetchNew();
      const [contact] = await contactsFrom(citizen);
      const res = await app.inject({
        method: 'POST',
        url: `/api/v1/contacts/${contact.id}/ticket`,
        headers: agent.headers,
        payload: { type: 'report' },
      });
      expect(res.statusCode).toBe(200);
      const { ticketId, number } = res.json();
      const [stored] = (contact.meta as { attachments: { id: number }[] }).attachments;
      const [row] = await db.select().from(attachments).where(eq(attachments.id, stored.id));
      expect(row.ticketId).toBe(ticketId);
      const notice = await waitFor(async () => (await inboxOf(citizen)).find((m) => m.text?.includes(number)), 'the acceptance notice');
      expect(notice.inReplyTo).toBe(`<${(contact.meta as { messageId: string }).messageId}>`);
    });
    it("attaches the citizen's answer to the acceptance notice, and a new letter naming the order, to the order; a stranger's letter only notes the number", async () => {
      const citizen = citizens[6];
      const stranger = citizens[7];
      const agent = await buildSignedInUser(app, 'agent');
      await sendToMayor({ from: citizen, subject: '小区垃圾清运不及时', text: '幸福小区垃圾三天没人收。' });
      await mailbox.fetchNew();
      const [letter] = await contactsFrom(citizen);
      const { ticketId, number } = (
        await app.inject({
          method: 'POST',
          url: `/api/v1/contacts/${letter.id}/ticket`,
          headers: agent.headers,
          payload: { type: 'complaint' },
        })
      ).json();
      const notice = await waitFor(async () => (await inboxOf(citizen)).find((m) => m.text?.includes(number)), 'the acceptance notice');

      // an answer in the notice's thread, naming no number
      await sendToMayor({
        from: citizen,
        subject: `Re: ${notice.subject}`,
        text: '今天还是没人来收。',
        inReplyTo: notice.messageId,
        references: [notice.messageId!],
      });
      // a new letter (no thread) naming the number in its subject, without the hyphen
      await sendToMayor({ from: citizen, subject: `催办 工单${number.replace('-', '')}`, text: '请尽快处理。' });
      // someone else naming the same number
      await sendToMayor({ from: stranger, subject: `关于工单 ${number}`, text: '我也住幸福小区。' });
      expect(await mailbox.fetchNew()).toMatchObject({ taken: 3 });

      const [, byThread, byNumber] = await contactsFrom(citizen);
      expect(byThread).toMatchObject({ status: 'attached', ticketId, content: expect.stringContaining('今天还是没人来收') });
      expect(byThread.meta).toMatchObject({ followUp: { number, via: 'thread' } });
      expect(byNumber).toMatchObject({ status: 'attached', ticketId });
      expect(byNumber.meta).toMatchObject({ followUp: { number, via: 'number' } });
      const [other] = await contactsFrom(stranger);
      expect(other).toMatchObject({ status: 'waiting', ticketId: null });
      expect(other.meta).toMatchObject({ mentionedNumbers: [number] });

      const acks = await waitFor(async () => {
        const m = (await inboxOf(citizen)).filter((x) => x.text?.includes('已补充到工单'));
        return m.length === 2 && m;
      }, 'two follow-up acknowledgements');
      expect(acks.every((m) => m.text!.includes(number))).toBe(true);
      const events = (await app.inject({ method: 'GET', url: `/api/v1/tickets/${ticketId}`, headers: agent.headers }))
        .json()
        .events.filter((e: { action: string }) => e.action === 'follow_up');
      expect(events.map((e: { data: { contactId: number } }) => e.data.contactId)).toEqual([byThread.id, byNumber.id]);
      const queue = (
        await app.inject({ method: 'GET', url: '/api/v1/contacts?status=all&channel=mailbox&limit=200', headers: agent.headers })
      ).json();
      expect(queue.items.find((i: { id: number }) => i.id === byThread.id)).toMatchObject({
        status: 'attached',
        ticketId,
        meta: { followUp: { number } },
      });
    });
    it("writes a Japanese order's notices by e-mail in Japanese, subject and body", async () => {
      const address = citizens[8];
      const citizen = await buildCitizen(db, { language: 'ja' });
      await db.insert(citizenChannelAddresses).values({ channel: 'mailbox', address, citizenId: citizen.id });
      const ticket = await insertTicketRow(db, { citizenId: citizen.id, channel: 'mailbox', language: 'ja' });
      for (const kind of ['notice_accepted', 'callback_survey', 'notice_completed'] as const) {
        expect(await app.services.contacts.notifyCitizen(ticket.id, kind)).toMatchObject({ channel: 'mailbox', status: 'queued' });
      }
      const mails = await waitFor(async () => {
        const m = await inboxOf(address);
        return m.length === 3 && m;
      }, 'three notices');
      const bySubject = Object.fromEntries(mails.map((m) => [m.subject, m.text?.trim()]));
      expect(bySubject).toEqual({
        '12345市長メールボックス：受理のお知らせ': expect.stringContaining(`ご要望を受理しました。受付番号 ${ticket.number}`),
        '12345市長メールボックス：対応結果の評価のお願い': expect.stringContaining('1 満足、2 おおむね満足、3 不満'),
        '12345市長メールボックス：対応完了のお知らせ': expect.stringContaining(`案件 ${ticket.number} の対応が完了しました`),
      });
    });
  },
);
