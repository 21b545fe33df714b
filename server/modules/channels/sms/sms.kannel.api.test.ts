/** SMS end to end through a real Kannel: fakesmsc → bearerbox → smsbox → Lianxin, and back with delivery reports. */
import { eq, inArray } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { setupApp } from '../../../../test/app.ts';
import { buildSignedInUser } from '../../../../test/factories/orgs.ts';
import { buildCitizen, insertTicketRow, randomMobile } from '../../../../test/factories/citizens.ts';
import { channelMessages, tickets, writtenContacts } from '../../../db/schema.ts';
import { startJobs } from '../../../jobs/runner.ts';
import { sendChannelMessage } from '../../../jobs/send-channel-message.ts';
import { freePort } from '../../../lib/ports.ts';
import { kannelMissing, startKannel, ucs2Arg } from './kannel.testkit.ts';

describe.skipIf(kannelMissing)(`SMS through Kannel${kannelMissing ? ` (skipped: ${kannelMissing})` : ''}`, async () => {
  const secret = `s${Date.now()}`;
  const appPort = await freePort();
  const base = `http://127.0.0.1:${appPort}`;
  const kannel = await startKannel({ lianxinBaseUrl: base, secret });
  const { app } = await setupApp({
    // its own database: other files' job loops would send this file's queued messages through their gateways
    isolated: true,
    env: {
      SMS_INBOUND_SECRET: secret,
      PUBLIC_BASE_URL: base,
      NOTICE_QUIET_HOURS: '',
      KANNEL_SENDSMS_URL: kannel.sendsmsUrl,
      KANNEL_USERNAME: kannel.username,
      KANNEL_PASSWORD: kannel.password,
    },
  });
  await app.listen({ port: appPort, host: '127.0.0.1' });
  const stopJobs = startJobs(app.services, [sendChannelMessage], { pollMs: 100, log: () => {} });
  afterAll(async () => {
    await stopJobs();
    await kannel.stop();
  });
  const db = app.services.db;

  const contactFrom = (phone: string) =>
    kannel.waitFor(
      async () => (await db.select().from(writtenContacts).where(eq(writtenContacts.address, phone)).orderBy(writtenContacts.id)).at(-1),
      `a contact from ${phone}`,
    );
  const smsTo = (phone: string, includes: string) =>
    kannel.waitFor(
      () => kannel.received.find((s) => s.to === phone && s.text.includes(includes)),
      `an SMS to ${phone} with ${includes} (got ${JSON.stringify(kannel.lines.slice(-4))})`,
    );

  it('takes in a UCS-2 SMS as one contact and acknowledges it with the contact number, delivery report stored', async () => {
    const phone = randomMobile();
    const started = Date.now();
    await kannel.sendFromPhones([`+86${phone} 12345 ucs2 ${ucs2Arg('小区路灯不亮，请尽快修理')}`]);
    const contact = await contactFrom(phone);
    expect(contact).toMatchObject({ channel: 'sms', content: '小区路灯不亮，请尽快修理', status: 'waiting' });
    const ack = await smsTo(phone, `C${contact.id}`);
    expect(ack.from).toBe('12345');
    expect(ack.text).toContain('您的留言已收到');
    const ackSeconds = (Date.now() - started) / 1000;
    expect(ackSeconds).toBeLessThan(180);
    const message = await kannel.waitFor(async () => {
      const [m] = await db.select().from(channelMessages).where(eq(channelMessages.contactId, contact.id));
      return m.status === 'delivered' && m;
    });
    expect(message.deliveryReports).toEqual(expect.arrayContaining([expect.objectContaining({ status: 'delivered' })]));
    expect(await db.select().from(writtenContacts).where(eq(writtenContacts.address, phone))).toHaveLength(1);
  });

  it('combines a concatenated long message into one contact', async () => {
    const phone = randomMobile();
    await kannel.sendFromPhones([`${phone} 12345 udh-text %05%00%03%2A%02%01 The street light at No. 5 has been out `]);
    await kannel.sendFromPhones([`${phone} 12345 udh-text %05%00%03%2A%02%02 for three nights.`]);
    const contact = await contactFrom(phone);
    expect(contact.content).toBe('The street light at No. 5 has been out for three nights.');
    await smsTo(phone, `C${contact.id}`);
    expect(await db.select().from(writtenContacts).where(eq(writtenContacts.address, phone))).toHaveLength(1);
  });

  it("acknowledges a burst of SMS once each while a second process's job loop sends beside this one", async () => {
    const stopSecondProcess = startJobs(app.services, [sendChannelMessage], { pollMs: 100, log: () => {} });
    try {
      const phones = Array.from({ length: 40 }, () => randomMobile());
      await kannel.sendFromPhones(phones.map((phone, i) => `${phone} 12345 text burst ${i}`));
      const contacts = await Promise.all(phones.map(contactFrom));
      const acks = await kannel.waitFor(
        async () => {
          const rows = await db
            .select()
            .from(channelMessages)
            .where(
              inArray(
                channelMessages.contactId,
                contacts.map((c) => c.id),
              ),
            );
          return rows.length === phones.length && rows.every((m) => m.status === 'delivered') && rows;
        },
        'every acknowledgement delivered',
        60_000,
      );
      expect(acks.every((m) => m.kind === 'acknowledgement')).toBe(true);
      for (const [i, phone] of phones.entries()) {
        expect(kannel.received.filter((sms) => sms.to === phone).map((sms) => sms.text)).toEqual([
          expect.stringContaining(`C${contacts[i].id}`),
        ]);
      }
    } finally {
      await stopSecondProcess();
    }
  });

  it("sends an agent's reply to the phone it came from", async () => {
    const agent = await buildSignedInUser(app, 'agent');
    const phone = randomMobile();
    await kannel.sendFromPhones([`${phone} 12345 text Is the tax office open on Saturday?`]);
    const contact = await contactFrom(phone);
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/contacts/${contact.id}/reply`,
      headers: agent.headers,
      payload: { body: '您好，税务大厅周六上午办公。' },
    });
    expect(res.statusCode).toBe(200);
    await smsTo(phone, '税务大厅周六上午办公');
  });

  it('tells the citizen of a new phone order its number and tracking link by SMS, once', async () => {
    const agent = await buildSignedInUser(app, 'agent');
    await app.services.contacts.notifyFromEvents(); // the first run starts at the end of the outbox
    const phone = randomMobile();
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      headers: agent.headers,
      payload: { channel: 'phone', type: 'help', content: '下水道堵塞', citizen: { phone } },
    });
    expect(res.statusCode).toBe(201);
    const { number, id } = res.json();
    await kannel.waitFor(async () => (await app.services.contacts.notifyFromEvents()).notices > 0, 'a notice from the order events');
    expect((await app.services.contacts.notifyFromEvents()).notices).toBe(0);
    const sms = await smsTo(phone, number).catch(async (e) => {
      throw new Error(`${e.message} ${JSON.stringify(await db.select().from(channelMessages).where(eq(channelMessages.ticketId, id)))}`);
    });
    expect(sms.text).toContain(`${base}/portal?tab=track&number=${number}`);
    const onOrder = (await app.inject({ method: 'GET', url: `/api/v1/tickets/${id}/channel-messages`, headers: agent.headers })).json();
    await kannel.waitFor(
      async () =>
        (await app.inject({ method: 'GET', url: `/api/v1/tickets/${id}/channel-messages`, headers: agent.headers })).json().messages[0]
          ?.status === 'delivered',
      'the notice delivered',
    );
    expect(onOrder.messages).toEqual([expect.objectContaining({ kind: 'notice_accepted', channel: 'sms' })]);
  });

  it('records a survey answer "2" sent by SMS as 基本满意 on the order', async () => {
    const phone = randomMobile();
    await kannel.sendFromPhones([`${phone} 12345 text hello`]);
    const first = await contactFrom(phone);
    const ticket = await insertTicketRow(db, { status: 'pending_callback', citizenId: first.citizenId!, channel: 'sms' });
    const survey = await app.services.contacts.notifyCitizen(ticket.id, 'callback_survey');
    expect(survey).toMatchObject({ channel: 'sms', status: 'queued' });
    await smsTo(phone, '请回复数字评价');
    await kannel.sendFromPhones([`${phone} 12345 text 2`]);
    const closed = await kannel.waitFor(async () => {
      const [t] = await db.select().from(tickets).where(eq(tickets.id, ticket.id));
      return t.status === 'closed' && t;
    });
    expect(closed.satisfaction).toBe('basically_satisfied');
    await smsTo(phone, `感谢您对工单 ${ticket.number} 的评价`);
  });
  it("attaches an SMS naming the sender's own order to it as a follow-up, and only a note of the number for anyone else", async () => {
    const agent = await buildSignedInUser(app, 'agent');
    const phone = randomMobile();
    const neighbour = randomMobile();
    await kannel.sendFromPhones([`${phone} 12345 text 人民路5号路灯不亮`]);
    const first = await contactFrom(phone);
    const made = await app.inject({
      method: 'POST',
      url: `/api/v1/contacts/${first.id}/ticket`,
      headers: agent.headers,
      payload: { type: 'help' },
    });
    const { ticketId, number } = made.json();
    // full-width digits, no hyphen: as a phone keyboard in full-width mode writes it
    const fullWidth = number.replace('-', '').replace(/\d/g, (d: string) => String.fromCharCode(0xff10 + Number(d)));
    await kannel.sendFromPhones([`${phone} 12345 ucs2 ${ucs2Arg(`工单${fullWidth}怎么还没修？`)}`]);
    const followUp = await kannel.waitFor(
      async () => (await contactFrom(phone)).id !== first.id && contactFrom(phone),
      'the follow-up contact',
    );
    expect(followUp).toMatchObject({ status: 'attached', ticketId, content: `工单${fullWidth}怎么还没修？` });
    expect(followUp.meta).toMatchObject({ followUp: { number, via: 'number' } });
    const ack = await smsTo(phone, '已补充到工单');
    expect(ack.text).toContain(number);
    const detail = (await app.inject({ method: 'GET', url: `/api/v1/tickets/${ticketId}`, headers: agent.headers })).json();
    expect(detail.events.filter((e: { action: string }) => e.action === 'follow_up')).toEqual([
      expect.objectContaining({
        note: `工单${fullWidth}怎么还没修？`,
        actionLabel: { zh: '市民追加', en: 'Citizen follow-up' },
        data: { contactId: followUp.id, channel: 'sms' },
      }),
    ]);

    await kannel.sendFromPhones([`${neighbour} 12345 ucs2 ${ucs2Arg(`我也反映 ${number} 的路灯`)}`]);
    const other = await contactFrom(neighbour);
    expect(other).toMatchObject({ status: 'waiting', ticketId: null });
    expect(other.meta).toMatchObject({ mentionedNumbers: [number] });
    expect(other.meta).not.toHaveProperty('followUp');
    await smsTo(neighbour, `C${other.id}`);
    const after = (await app.inject({ method: 'GET', url: `/api/v1/tickets/${ticketId}`, headers: agent.headers })).json();
    expect(after.events.filter((e: { action: string }) => e.action === 'follow_up')).toHaveLength(1);
  });
  it("sends a Korean order's acceptance notice through Kannel in Korean", async () => {
    const citizen = await buildCitizen(db, { language: 'ko' });
    const ticket = await insertTicketRow(db, {
      citizenId: citizen.id,
      channel: 'web',
      language: 'ko',
      number: `20261207-9${String(Date.now()).slice(-4)}`,
    });
    await app.services.contacts.notifyCitizen(ticket.id, 'notice_accepted');
    await kannel.waitFor(
      async () => (await db.select().from(channelMessages).where(eq(channelMessages.ticketId, ticket.id)))[0]?.status === 'delivered',
      'the notice delivered',
    );
    // fakesmsc prints what it got only when something comes in again
    await kannel.sendFromPhones([`${randomMobile()} 12345 text nudge`]);
    const accepted = await smsTo(citizen.phone, '민원이 접수되었습니다');
    expect(accepted.text).toBe(
      `[12345] 민원이 접수되었습니다. 접수번호 ${ticket.number}. 휴대전화 번호 뒤 4자리로 진행 상황을 조회할 수 있습니다: ${base}/portal?tab=track&number=${ticket.number}`,
    );
  });
});
