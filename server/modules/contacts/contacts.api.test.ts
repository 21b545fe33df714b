import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { setupApp, testClock } from '../../../test/app.ts';
import { buildSignedInUser, buildUnit } from '../../../test/factories/orgs.ts';
import { buildCitizen, insertTicketRow, randomMobile } from '../../../test/factories/citizens.ts';
import { callbacks, channelMessages, jobs, ticketEvents, tickets, writtenContacts } from '../../db/schema.ts';
import { runDueJobs } from '../../jobs/runner.ts';
import { sendChannelMessage } from '../../jobs/send-channel-message.ts';
import { openSse, type SseEvent, type SseStream } from '../live/live.sse-client.ts';

const clock = testClock('2026-12-01T02:00:00Z'); // 10:00 Beijing time
const SECRET = 'kannel-test-secret';
const { app } = await setupApp({ isolated: true, clock, env: { SMS_INBOUND_SECRET: SECRET, NOTICE_QUIET_HOURS: '22:00-08:00' } });
const db = app.services.db;
// the desks' live stream (SSE) is read over HTTP
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
const streams: SseStream[] = [];
afterAll(() => streams.forEach((s) => s.close()));
async function liveStream(headers: Record<string, string>) {
  const s = await openSse(`${base}/api/v1/live`, headers);
  streams.push(s);
  await s.waitFor((e) => e.event === 'ready');
  return s;
}
const liveAbout = (ticketId: number, topic: string) => (e: SseEvent) =>
  e.event === 'ticket' && JSON.parse(e.data).ticketId === ticketId && JSON.parse(e.data).topic === topic;

let seq = 0;
/** What Kannel's smsbox sends for one incoming SMS (text as raw UTF-8 bytes, %b). */
function inboundUrl(from: string, text: string, id = `kannel-${Date.now()}-${++seq}`, secret = SECRET) {
  const bytes = [...Buffer.from(text, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
  return `/api/v1/channels/sms/kannel/inbound?secret=${secret}&id=${id}&from=${encodeURIComponent(from)}&to=12345&text=${bytes}&coding=0&charset=UTF-8&udh=`;
}
const contactsOf = (sourceId: string) =>
  db
    .select()
    .from(writtenContacts)
    .where(and(eq(writtenContacts.channel, 'sms'), eq(writtenContacts.sourceId, sourceId)));
/** An order number in the real form (a follow-up names it so), in a year no real order has. */
const orderNumber = () =>
  `2098${String(1 + (++seq % 12)).padStart(2, '0')}${String(1 + (seq % 28)).padStart(2, '0')}-${String(Date.now() % 100_000).padStart(5, '0')}`;
const followUpsOn = async (ticketId: number) =>
  (
    await db
      .select()
      .from(ticketEvents)
      .where(and(eq(ticketEvents.ticketId, ticketId), eq(ticketEvents.action, 'follow_up')))
  ).map((e) => (e.data as { contactId: number }).contactId);
const messagesOf = (contactId: number) => db.select().from(channelMessages).where(eq(channelMessages.contactId, contactId));

describe('written contacts', () => {
  describe('receiving', () => {
    it('stores an SMS delivered twice as one contact with one acknowledgement queued', async () => {
      const phone = randomMobile();
      const url = inboundUrl(`+86${phone}`, '小区路灯坏了三天了', 'dup-1-' + phone);
      const first = await app.inject({ method: 'GET', url });
      const second = await app.inject({ method: 'GET', url });
      expect(first.statusCode).toBe(200);
      expect(second.json()).toEqual({ ok: true, contactId: first.json().contactId, isDuplicate: true });
      const rows = await contactsOf('dup-1-' + phone);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ address: phone, content: '小区路灯坏了三天了', status: 'waiting' });
      expect(rows[0].citizenId).not.toBeNull();
      expect(rows[0].respondBy.getTime() - rows[0].receivedAt.getTime()).toBe(3 * 60_000);
      const messages = await messagesOf(rows[0].id);
      expect(messages).toEqual([expect.objectContaining({ kind: 'acknowledgement', status: 'queued', address: phone })]);
      expect(messages[0].body).toContain(`C${rows[0].id}`);
      const queued = await db.select().from(jobs).where(eq(jobs.name, 'send-channel-message'));
      expect(queued.filter((j) => (j.payload as { messageId: number }).messageId === messages[0].id)).toHaveLength(1);
    });

    it('refuses a wrong gateway secret and stores nothing', async () => {
      const res = await app.inject({ method: 'GET', url: inboundUrl(randomMobile(), '测试', 'forged-1', 'wrong-secret') });
      expect(res.statusCode).toBe(401);
      expect(res.json().error).toMatchObject({ code: 'UNAUTHENTICATED', message: '短信网关密钥不正确' });
      expect(await contactsOf('forged-1')).toHaveLength(0);
    });

    it('keeps a UCS-2 message that was not recoded, and notes a malformed one', async () => {
      const ucs2 = await app.inject({
        method: 'GET',
        url: `/api/v1/channels/sms/kannel/inbound?secret=${SECRET}&id=ucs2-${seq++}&from=13912345678&text=%4F%60%59%7D&coding=2&charset=`,
      });
      expect((await db.select().from(writtenContacts).where(eq(writtenContacts.id, ucs2.json().contactId)))[0].content).toBe('你好');
      const odd = await app.inject({
        method: 'GET',
        url: `/api/v1/channels/sms/kannel/inbound?secret=${SECRET}&id=odd-${seq++}&from=13912345678&text=%4F%60%59&coding=2&charset=`,
      });
      const [row] = await db.select().from(writtenContacts).where(eq(writtenContacts.id, odd.json().contactId));
      expect(row.content).toBe('你\ufffd');
      expect(row.meta).toMatchObject({ encodingProblem: expect.stringMatching(/odd length/) });
    });

    it('answers 400 with the field for a delivery without a sender', async () => {
      const res = await app.inject({ method: 'GET', url: `/api/v1/channels/sms/kannel/inbound?secret=${SECRET}&id=x&text=hi` });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    });
  });

  describe("the agents' queue", () => {
    it('lists open contacts with channel and SLA clock; claim, release and reply in the channel', async () => {
      const a = await buildSignedInUser(app, 'agent');
      const b = await buildSignedInUser(app, 'agent');
      const phone = randomMobile();
      const { contactId } = (await app.inject({ method: 'GET', url: inboundUrl(phone, '噪音扰民，请处理') })).json();
      clock.advance(150_000);
      const list = await app.inject({ method: 'GET', url: '/api/v1/contacts?channel=sms&limit=200', headers: a.headers });
      expect(list.statusCode).toBe(200);
      const item = list.json().items.find((i: { id: number }) => i.id === contactId);
      expect(item).toMatchObject({
        channel: 'sms',
        status: 'waiting',
        address: `${phone.slice(0, 3)}****${phone.slice(-4)}`,
        sla: { waitedSeconds: 150, remainingSeconds: 30, state: 'at_risk' },
      });
      expect(list.json().counts).toEqual(expect.arrayContaining([expect.objectContaining({ channel: 'sms' })]));

      expect((await app.inject({ method: 'POST', url: `/api/v1/contacts/${contactId}/claim`, headers: a.headers })).json()).toMatchObject({
        status: 'claimed',
        claimedById: a.userId,
      });
      const taken = await app.inject({ method: 'POST', url: `/api/v1/contacts/${contactId}/claim`, headers: b.headers });
      expect(taken.statusCode).toBe(409);
      expect(taken.json().error.message_en).toBe('Someone else has claimed this contact');
      expect((await app.inject({ method: 'POST', url: `/api/v1/contacts/${contactId}/release`, headers: b.headers })).statusCode).toBe(403);
      expect((await app.inject({ method: 'POST', url: `/api/v1/contacts/${contactId}/release`, headers: a.headers })).json().status).toBe(
        'waiting',
      );

      const empty = await app.inject({
        method: 'POST',
        url: `/api/v1/contacts/${contactId}/reply`,
        headers: b.headers,
        payload: { body: '  ' },
      });
      expect(empty.statusCode).toBe(400);
      const headers = { ...b.headers, 'idempotency-key': 'reply-once' };
      const reply = await app.inject({
        method: 'POST',
        url: `/api/v1/contacts/${contactId}/reply`,
        headers,
        payload: { body: '您好，已通知城管核查。' },
      });
      expect(reply.json()).toMatchObject({ kind: 'reply', status: 'queued', channel: 'sms' });
      await app.inject({
        method: 'POST',
        url: `/api/v1/contacts/${contactId}/reply`,
        headers,
        payload: { body: '您好，已通知城管核查。' },
      });
      const detail = (await app.inject({ method: 'GET', url: `/api/v1/contacts/${contactId}`, headers: a.headers })).json();
      expect(detail.status).toBe('answered');
      expect(detail.sla.state).toBe('normal');
      expect(detail.messages.map((m: { kind: string }) => m.kind)).toEqual(['acknowledgement', 'reply']);
    });

    it("refuses to turn another agent's claimed contact into an order or attach it (zh/en 409, nothing changed); an unclaimed one is attached, keeping no claim", async () => {
      const owner = await buildSignedInUser(app, 'agent');
      const other = await buildSignedInUser(app, 'agent');
      const content = `路灯不亮 ${randomMobile()}`;
      const claimed = (await app.inject({ method: 'GET', url: inboundUrl(randomMobile(), content) })).json().contactId;
      const order = await insertTicketRow(db, { channel: 'sms', number: orderNumber(), status: 'handling' });
      expect((await app.inject({ method: 'POST', url: `/api/v1/contacts/${claimed}/claim`, headers: owner.headers })).statusCode).toBe(200);

      for (const [path, payload] of [
        ['ticket', { type: 'help' }],
        ['attach', { ticketNumber: order.number }],
      ] as const) {
        const res = await app.inject({ method: 'POST', url: `/api/v1/contacts/${claimed}/${path}`, headers: other.headers, payload });
        expect(res.statusCode).toBe(409);
        expect(res.json().error).toMatchObject({
          code: 'CONFLICT',
          message: '该书面诉求已被他人领取',
          message_en: 'Someone else has claimed this contact',
        });
      }
      const [unchanged] = await db.select().from(writtenContacts).where(eq(writtenContacts.id, claimed));
      expect(unchanged).toMatchObject({ status: 'claimed', claimedById: owner.user.id, ticketId: null });
      expect(await db.select().from(tickets).where(eq(tickets.content, content))).toEqual([]);

      const free = (await app.inject({ method: 'GET', url: inboundUrl(randomMobile(), '噪音扰民') })).json().contactId;
      const attached = await app.inject({
        method: 'POST',
        url: `/api/v1/contacts/${free}/attach`,
        headers: other.headers,
        payload: { ticketNumber: order.number },
      });
      expect(attached.statusCode).toBe(200);
      const [taken] = await db.select().from(writtenContacts).where(eq(writtenContacts.id, free));
      expect(taken).toMatchObject({ status: 'attached', claimedById: null, ticketId: order.id });
    });

    it('lets go of the claim once the contact is answered: another agent may then make it an order or attach it', async () => {
      const owner = await buildSignedInUser(app, 'agent');
      const other = await buildSignedInUser(app, 'agent');
      const order = await insertTicketRow(db, { channel: 'sms', number: orderNumber(), status: 'handling' });
      const answered: number[] = [];
      for (const text of ['路灯不亮，请尽快修', '井盖松动，有响声']) {
        const id = (await app.inject({ method: 'GET', url: inboundUrl(randomMobile(), text) })).json().contactId;
        expect((await app.inject({ method: 'POST', url: `/api/v1/contacts/${id}/claim`, headers: owner.headers })).statusCode).toBe(200);
        const reply = await app.inject({
          method: 'POST',
          url: `/api/v1/contacts/${id}/reply`,
          headers: owner.headers,
          payload: { body: '您好，已转相关部门核查。' },
        });
        expect(reply.statusCode, reply.body).toBe(200);
        const detail = (await app.inject({ method: 'GET', url: `/api/v1/contacts/${id}`, headers: other.headers })).json();
        expect(detail).toMatchObject({ status: 'answered', claimedById: null, claimedAt: null });
        answered.push(id);
      }
      const made = await app.inject({
        method: 'POST',
        url: `/api/v1/contacts/${answered[0]}/ticket`,
        headers: other.headers,
        payload: { type: 'help' },
      });
      expect(made.statusCode, made.body).toBe(200);
      const joined = await app.inject({
        method: 'POST',
        url: `/api/v1/contacts/${answered[1]}/attach`,
        headers: other.headers,
        payload: { ticketNumber: order.number },
      });
      expect(joined.statusCode, joined.body).toBe(200);
      const rows = await db.select().from(writtenContacts).where(inArray(writtenContacts.id, answered));
      expect(rows.map((r) => [r.status, r.claimedById]).sort()).toEqual([
        ['attached', null],
        ['converted', null],
      ]);
    });

    it('turns a contact into an order and tells the citizen its number; attaches another to it', async () => {
      const a = await buildSignedInUser(app, 'agent');
      const phone = randomMobile();
      const first = (await app.inject({ method: 'GET', url: inboundUrl(phone, '幸福路井盖丢失，很危险') })).json().contactId;
      const second = (await app.inject({ method: 'GET', url: inboundUrl(phone, '井盖的事情有人管吗？') })).json().contactId;
      const made = await app.inject({
        method: 'POST',
        url: `/api/v1/contacts/${first}/ticket`,
        headers: a.headers,
        payload: { type: 'help', urgency: 'urgent' },
      });
      expect(made.statusCode).toBe(200);
      const { ticketId, number } = made.json();
      const [ticket] = await db.select().from(tickets).where(eq(tickets.id, ticketId));
      expect(ticket).toMatchObject({ channel: 'sms', content: '幸福路井盖丢失，很危险', urgency: 'urgent', status: 'pending_dispatch' });
      const notice = (await messagesOf(first)).find((m) => m.kind === 'notice_accepted')!;
      expect(notice.body).toContain(number);
      expect(notice.body).toContain(`/portal?tab=track&number=${number}`);
      expect(
        (await app.inject({ method: 'POST', url: `/api/v1/contacts/${first}/ticket`, headers: a.headers, payload: { type: 'help' } }))
          .statusCode,
      ).toBe(409);

      const attached = await app.inject({
        method: 'POST',
        url: `/api/v1/contacts/${second}/attach`,
        headers: a.headers,
        payload: { ticketNumber: number },
      });
      expect(attached.json()).toEqual({ contactId: second, ticketId, number });
      expect(
        (
          await app.inject({
            method: 'POST',
            url: `/api/v1/contacts/${second}/attach`,
            headers: a.headers,
            payload: { ticketNumber: 'nope' },
          })
        ).statusCode,
      ).toBe(409);

      const onOrder = (await app.inject({ method: 'GET', url: `/api/v1/tickets/${ticketId}/channel-messages`, headers: a.headers })).json();
      expect(onOrder.contacts.map((c: { id: number }) => c.id)).toEqual([first, second]);
      expect(onOrder.messages).toEqual([expect.objectContaining({ kind: 'notice_accepted', status: 'queued' })]);

      const history = (
        await app.inject({ method: 'GET', url: `/api/v1/citizens/${ticket.citizenId}/contacts`, headers: a.headers })
      ).json();
      expect(history.items.map((i: { kind: string }) => i.kind).sort()).toEqual(['contact', 'contact', 'ticket']);
    });

    it('keeps units and the public out', async () => {
      const handler = await buildSignedInUser(app, 'handler');
      expect((await app.inject({ method: 'GET', url: '/api/v1/contacts', headers: handler.headers })).statusCode).toBe(403);
      expect((await app.inject({ method: 'GET', url: '/api/v1/contacts' })).statusCode).toBe(401);
    });
  });

  describe('callback survey by SMS', () => {
    it('records a "1" reply as 满意 through the callback lifecycle, once', async () => {
      const citizen = await buildCitizen(db);
      const ticket = await insertTicketRow(db, { status: 'pending_callback', citizenId: citizen.id, channel: 'sms' });
      // SMS is not configured in this app, so the survey is stored as skipped; the answer still matches it.
      const survey = await app.services.contacts.notifyCitizen(ticket.id, 'callback_survey');
      expect(survey).toMatchObject({ kind: 'callback_survey', channel: 'none', status: 'skipped' });
      expect(await app.services.contacts.notifyCitizen(ticket.id, 'callback_survey')).toBeNull();
      await db.update(channelMessages).set({ channel: 'sms' }).where(eq(channelMessages.id, survey!.id));

      const url = inboundUrl(citizen.phone, '１');
      const res = await app.inject({ method: 'GET', url });
      await app.inject({ method: 'GET', url });
      const [after] = await db.select().from(tickets).where(eq(tickets.id, ticket.id));
      expect(after).toMatchObject({ status: 'closed', satisfaction: 'satisfied' });
      expect(await db.select().from(callbacks).where(eq(callbacks.ticketId, ticket.id))).toEqual([
        expect.objectContaining({ result: 'satisfied' }),
      ]);
      const [contact] = await db.select().from(writtenContacts).where(eq(writtenContacts.id, res.json().contactId));
      expect(contact).toMatchObject({
        status: 'closed',
        ticketId: ticket.id,
        meta: expect.objectContaining({ surveyResult: 'satisfied' }),
      });
      expect((await messagesOf(contact.id)).map((m) => m.kind)).toEqual(['survey_thanks']);
    });
  });

  describe('notices', () => {
    it("stores an opted-out citizen's notice as skipped with the reason", async () => {
      const a = await buildSignedInUser(app, 'agent');
      const citizen = await buildCitizen(db);
      const ticket = await insertTicketRow(db, { citizenId: citizen.id, channel: 'sms' });
      await app.inject({
        method: 'PUT',
        url: `/api/v1/citizens/${citizen.id}/notice-settings`,
        headers: a.headers,
        payload: { preferredChannel: null, isOptedOut: true },
      });
      expect(await app.services.contacts.notifyCitizen(ticket.id, 'notice_completed')).toMatchObject({
        status: 'skipped',
        lastError: 'opted out',
      });
    });

    it('sends through the job, and marks a message of an unconfigured channel skipped without retrying', async () => {
      const phone = randomMobile();
      const { contactId } = (await app.inject({ method: 'GET', url: inboundUrl(phone, '咨询公积金提取') })).json();
      const [ack] = await messagesOf(contactId);
      const outcomes = await runDueJobs(app.services, [sendChannelMessage], { batchSize: 500 });
      expect(outcomes.every((o) => o.status === 'done')).toBe(true);
      const [after] = await db.select().from(channelMessages).where(eq(channelMessages.id, ack.id));
      expect(after).toMatchObject({ status: 'skipped', lastError: 'channel sms is not configured' });
    });
  });

  describe('follow-ups (追加)', () => {
    it("pushes the follow-up live to the centre's desks and to the order's unit, and to no other unit", async () => {
      const unit = await buildUnit(db);
      const otherUnit = await buildUnit(db);
      const agent = await buildSignedInUser(app, 'agent');
      const intake = async (leadUnitId: number, phone: string) => {
        const res = await app.inject({
          method: 'POST',
          url: '/api/v1/tickets',
          headers: agent.headers,
          payload: { channel: 'phone', type: 'complaint', content: '楼下饭店油烟扰民', citizen: { phone }, dispatch: { leadUnitId } },
        });
        expect(res.statusCode, res.body).toBe(201);
        return res.json() as { id: number; number: string };
      };
      const phone = randomMobile();
      const order = await intake(unit.id, phone);
      const [centre, handler, otherHandler] = await Promise.all([
        liveStream(agent.headers),
        buildSignedInUser(app, 'handler', { unitId: unit.id }).then((u) => liveStream(u.headers)),
        buildSignedInUser(app, 'handler', { unitId: otherUnit.id }).then((u) => liveStream(u.headers)),
      ]);

      const res = await app.inject({ method: 'GET', url: inboundUrl(phone, `工单${order.number}还没人来处理`) });
      expect(res.statusCode).toBe(200);
      for (const desk of [centre, handler]) {
        const event = JSON.parse((await desk.waitFor(liveAbout(order.id, 'ticket.follow_up'))).data);
        expect(event).toMatchObject({ unitIds: [unit.id], payload: { number: order.number, status: 'pending_sign' } });
      }
      // the other unit's desk hears of its own next order, which comes after the follow-up on the same stream
      const later = await intake(otherUnit.id, randomMobile());
      await otherHandler.waitFor(liveAbout(later.id, 'ticket.created'));
      expect(otherHandler.events.some(liveAbout(order.id, 'ticket.follow_up'))).toBe(false);
    });

    it('joins the main order when the order it names was merged into another (并单)', async () => {
      const citizen = await buildCitizen(db);
      const main = await insertTicketRow(db, { channel: 'phone', number: orderNumber(), status: 'handling' });
      const merged = await insertTicketRow(db, {
        citizenId: citizen.id,
        channel: 'sms',
        number: orderNumber(),
        status: 'merged',
        resolution: 'merged',
        mergedIntoId: main.id,
      });
      const res = await app.inject({ method: 'GET', url: inboundUrl(citizen.phone, `工单${merged.number}的事情怎么样了？`) });
      expect(res.statusCode).toBe(200);
      const [contact] = await db.select().from(writtenContacts).where(eq(writtenContacts.id, res.json().contactId));
      expect(contact).toMatchObject({ status: 'attached', ticketId: main.id });
      expect(contact.meta).toMatchObject({ followUp: { number: main.number, via: 'number', mergedFrom: merged.number } });
      expect(await followUpsOn(main.id)).toEqual([contact.id]);
      expect(await followUpsOn(merged.id)).toEqual([]);
      const [ack] = await messagesOf(contact.id);
      expect(ack).toMatchObject({ kind: 'acknowledgement', ticketId: main.id });
      expect(ack.body).toContain(main.number);

      // an agent attaching a contact to the merged order's number puts it on the main order too
      const agent = await buildSignedInUser(app, 'agent');
      const other = (await app.inject({ method: 'GET', url: inboundUrl(randomMobile(), '我也反映这件事') })).json().contactId;
      const attached = await app.inject({
        method: 'POST',
        url: `/api/v1/contacts/${other}/attach`,
        headers: agent.headers,
        payload: { ticketNumber: merged.number },
      });
      expect(attached.json()).toMatchObject({ ticketId: main.id, number: main.number });
    });
  });
});
