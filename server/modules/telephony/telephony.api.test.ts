/** The telephony API without a SIP stack: Kamailio's endpoints driven directly, the desk's endpoints, bad input. */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { setupApp } from '../../../test/app.ts';
import { buildOrder } from '../../../test/factories/analytics.ts';
import { buildSignedInUser } from '../../../test/factories/orgs.ts';
import { telAgents, telCallbacks, telCalls } from '../../db/schema.ts';
import { SYSTEM_ACTOR } from '../../lib/actor.ts';

const SECRET = 'api-test-telephony-secret-000000';
const { app } = await setupApp({ isolated: true, env: { TELEPHONY_SECRET: SECRET, TELEPHONY_WRAP_UP_SECONDS: '30' } });
const sipHeaders = { 'x-telephony-secret': SECRET };
const sip = (url: string, payload: object) =>
  app.inject({ method: 'POST', url: `/api/v1/telephony/sip/${url}`, headers: sipHeaders, payload });
const phoneNo = () => `137${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
const callId = () => `t-${Math.random().toString(36).slice(2)}@test`;

/** This file's agents serve the enterprise queue (123455) only, and its calls go there (its database is its own). */
const ENTERPRISE = '123455';
const mine: number[] = [];
async function readyAgent() {
  const a = await buildSignedInUser(app, 'agent');
  await app.inject({ method: 'GET', url: '/api/v1/telephony/phone', headers: a.headers });
  await app.services.telephony.setSkills(SYSTEM_ACTOR, { userId: a.userId, skills: [{ queue: 'enterprise', level: 2 }] });
  mine.push(a.userId);
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/telephony/agents/me/state',
    headers: a.headers,
    payload: { state: 'ready' },
  });
  expect(res.statusCode).toBe(200);
  return a;
}
/** Every agent other than `a` goes on a break, so routing is predictable. */
async function onlyAgent(a: { userId: number }) {
  for (const userId of mine)
    if (userId !== a.userId)
      await app.services.db.update(telAgents).set({ state: 'break', breakReason: 'test' }).where(eq(telAgents.userId, userId));
}

describe('Telephony API', () => {
  it('hands an agent time-limited SIP credentials and the outside numbers', async () => {
    const a = await buildSignedInUser(app, 'agent');
    const res = await app.inject({ method: 'GET', url: '/api/v1/telephony/phone', headers: a.headers });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ enabled: true, extension: String(8000 + a.userId), sipDomain: 'lianxin.local' });
    expect(body.username).toMatch(new RegExp(`^\\d+:${body.extension}$`));
    expect(body.outsideNumbers.map((n: { number: string }) => n.number)).toEqual(['110', '119', '120', '122']);
  });

  it("keeps Kamailio's endpoints closed to sessions and wrong secrets", async () => {
    const admin = await buildSignedInUser(app, 'admin');
    const payload = { callId: callId(), from: '13800000000', to: ENTERPRISE };
    for (const headers of [admin.headers, { 'x-telephony-secret': 'wrong' }, {}]) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/telephony/sip/route', headers, payload });
      expect(res.statusCode).toBe(401);
      expect(res.json().error).toMatchObject({
        code: 'UNAUTHENTICATED',
        message: '仅供交换机调用',
        message_en: 'Only the SIP proxy may call this',
      });
    }
    const basic = `Basic ${Buffer.from(`kamailio:${SECRET}`).toString('base64')}`;
    expect(
      (await app.inject({ method: 'POST', url: '/api/v1/telephony/sip/route', headers: { authorization: basic }, payload })).statusCode,
    ).toBe(200);
    await sip('event', { callId: payload.callId, event: 'cancelled' });
  });

  it('refuses malformed caller identities and numbers not in service, storing nothing', async () => {
    const id = callId();
    expect((await sip('route', { callId: id, from: 'anonymous', to: '12345' })).json()).toEqual({
      action: 'reject',
      status: 403,
      reason: 'Caller identity is not a phone number / 主叫号码无法识别',
    });
    expect((await sip('route', { callId: id, from: '13800000000', to: '99999' })).json()).toMatchObject({ action: 'reject', status: 404 });
    expect((await sip('route', { callId: '', from: '13800000000', to: '12345' })).statusCode).toBe(400);
    expect((await sip('wait', { callId: id })).json()).toMatchObject({ action: 'reject', status: 404 });
  });

  it('routes to the ready agent, who cannot leave while talking; the call ends in wrap-up with a record', async () => {
    const a = await readyAgent();
    await onlyAgent(a);
    const id = callId();
    const decision = (await sip('route', { callId: id, from: phoneNo(), fromTag: 'caller-tag', to: ENTERPRISE })).json();
    expect(decision).toMatchObject({
      action: 'agent',
      uri: `sip:${8000 + a.userId}@lianxin.local`,
      agentUserId: a.userId,
      queue: 'enterprise',
    });
    const pop = await app.inject({ method: 'GET', url: `/api/v1/telephony/calls/${encodeURIComponent(id)}/pop`, headers: a.headers });
    expect(pop.statusCode).toBe(200);
    expect(pop.json()).toMatchObject({ callId: id, state: 'ringing', citizen: { isConfidential: false } });
    expect(pop.json().from).toMatch(/^137\*{4}\d{4}$/);

    await sip('event', { callId: id, event: 'answered', agent: String(8000 + a.userId) });
    const me = await app.inject({ method: 'GET', url: '/api/v1/telephony/agents/me', headers: a.headers });
    expect(me.json()).toMatchObject({ state: 'talking', currentCall: { callId: id, state: 'talking' } });
    const leave = await app.inject({
      method: 'POST',
      url: '/api/v1/telephony/agents/me/state',
      headers: a.headers,
      payload: { state: 'signed_out' },
    });
    expect(leave.statusCode).toBe(409);
    expect(leave.json().error).toMatchObject({
      code: 'INVALID_TRANSITION',
      message: '通话中或振铃中不能切换状态，请先结束通话',
      details: { reason: 'busy', state: 'talking' },
    });
    expect((await app.inject({ method: 'GET', url: '/api/v1/telephony/agents/me', headers: a.headers })).json().state).toBe('talking');

    await sip('event', { callId: id, event: 'ended', fromTag: 'agent-tag' });
    const after = (await app.inject({ method: 'GET', url: '/api/v1/telephony/agents/me', headers: a.headers })).json();
    expect(after).toMatchObject({ state: 'wrap_up', currentCall: null });
    // the agent may end wrap-up early
    expect(
      (
        await app.inject({ method: 'POST', url: '/api/v1/telephony/agents/me/state', headers: a.headers, payload: { state: 'ready' } })
      ).json().state,
    ).toBe('ready');
  });

  it("lists an order's calls with the agent, the rating and whether a recording exists, to those who may hear them", async () => {
    const a = await readyAgent();
    await onlyAgent(a);
    const order = await buildOrder(app.services.db, { at: new Date().toISOString() });
    const id = callId();
    expect((await sip('route', { callId: id, from: phoneNo(), fromTag: 'caller-tag', to: ENTERPRISE })).json()).toMatchObject({
      action: 'agent',
      agentUserId: a.userId,
    });
    await sip('event', { callId: id, event: 'answered', agent: String(8000 + a.userId) });
    expect(
      (
        await app.inject({
          method: 'POST',
          url: `/api/v1/telephony/calls/${encodeURIComponent(id)}/ticket`,
          headers: a.headers,
          payload: { ticketId: order.id },
        })
      ).statusCode,
    ).toBe(200);
    await sip('event', { callId: id, event: 'ended', fromTag: 'agent-tag' });
    expect(
      (
        await app.inject({
          method: 'POST',
          url: `/api/v1/telephony/calls/${encodeURIComponent(id)}/rating`,
          headers: sipHeaders,
          payload: { digit: '3' },
        })
      ).json(),
    ).toMatchObject({ ok: true });

    const list = (headers: Record<string, string>) =>
      app.inject({ method: 'GET', url: `/api/v1/telephony/calls?ticketId=${order.id}`, headers });
    const supervisor = await buildSignedInUser(app, 'supervisor');
    const seen = await list(supervisor.headers);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toEqual([
      expect.objectContaining({
        callId: id,
        direction: 'inbound',
        queue: 'enterprise',
        rating: 3,
        hasRecording: false,
        endReason: 'completed',
      }),
    ]);
    expect(seen.json()[0].agentName).toBeTruthy();
    expect(seen.json()[0]).not.toHaveProperty('phone');
    expect((await list(a.headers)).json().map((c: { callId: string }) => c.callId)).toEqual([id]);
    expect((await list((await buildSignedInUser(app, 'agent')).headers)).json()).toEqual([]); // another agent's call
    expect((await list((await buildSignedInUser(app, 'handler')).headers)).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/v1/telephony/calls?ticketId=abc', headers: supervisor.headers })).statusCode).toBe(
      400,
    );
  });

  it('asks for a reason for a break', async () => {
    const a = await readyAgent();
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/telephony/agents/me/state',
      headers: a.headers,
      payload: { state: 'break' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ message: '小休需填写原因', message_en: 'A break needs a reason' });
  });

  it('lets one agent claim a callback task; a second claim is refused and changes nothing', async () => {
    const first = await buildSignedInUser(app, 'agent');
    const second = await buildSignedInUser(app, 'callback_agent');
    await onlyAgent({ userId: -1 });
    const id = callId();
    const phone = phoneNo();
    expect((await sip('route', { callId: id, from: phone, to: ENTERPRISE })).json()).toMatchObject({
      action: 'queue',
      position: expect.any(Number),
    });
    await sip('event', { callId: id, event: 'cancelled' });
    const [task] = await app.services.db.select().from(telCallbacks).where(eq(telCallbacks.callId, id));
    expect(task!.status).toBe('open');

    const claim = (who: { headers: Record<string, string> }) =>
      app.inject({ method: 'POST', url: `/api/v1/telephony/callbacks/${task!.id}/claim`, headers: who.headers });
    expect((await claim(first)).statusCode).toBe(200);
    const again = await claim(second);
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: 'CONFLICT',
      message: '该回拨任务已被他人领取',
      message_en: 'This callback task was already taken',
    });
    const [after] = await app.services.db.select().from(telCallbacks).where(eq(telCallbacks.id, task!.id));
    expect(after!.claimedBy).toBe(first.userId);

    // only the claimer may dial and record the result; the claimer may call the citizen back through Kamailio
    expect(
      (await app.inject({ method: 'POST', url: `/api/v1/telephony/callbacks/${task!.id}/dial`, headers: second.headers })).statusCode,
    ).toBe(409);
    expect(
      (await app.inject({ method: 'POST', url: `/api/v1/telephony/callbacks/${task!.id}/dial`, headers: first.headers })).json(),
    ).toEqual({ number: phone });
    await app.inject({ method: 'GET', url: '/api/v1/telephony/phone', headers: first.headers });
    expect((await sip('outbound', { callId: callId(), from: String(8000 + first.userId), to: phone })).json()).toMatchObject({
      action: 'allow',
    });
    const done = await app.inject({
      method: 'POST',
      url: `/api/v1/telephony/callbacks/${task!.id}/result`,
      headers: first.headers,
      payload: { outcome: 'reached', note: '已解释' },
    });
    expect(done.json()).toMatchObject({ status: 'done', outcome: 'reached', closedReason: 'reached' });
    const list = (await app.inject({ method: 'GET', url: '/api/v1/telephony/callbacks?status=done', headers: first.headers })).json();
    expect(list.items.some((i: { id: number }) => i.id === task!.id)).toBe(true);
    expect(list.indicators.calledBackWithin30m).toBeGreaterThanOrEqual(1);
  });

  it('allows outside numbers from the list only, and only to known agents', async () => {
    const a = await buildSignedInUser(app, 'agent');
    await app.inject({ method: 'GET', url: '/api/v1/telephony/phone', headers: a.headers });
    const ext = String(8000 + a.userId);
    expect((await sip('outbound', { callId: callId(), from: ext, to: '110' })).json()).toEqual({
      action: 'allow',
      uri: 'sip:110@127.0.0.1:5080',
    });
    expect((await sip('outbound', { callId: callId(), from: ext, to: '95555', kind: 'refer' })).json()).toEqual({
      action: 'reject',
      status: 403,
      reason: 'Number not allowed / 该号码不在允许外呼或转接的范围内',
    });
    expect((await sip('outbound', { callId: callId(), from: 'mallory', to: '110' })).json()).toMatchObject({
      action: 'reject',
      status: 403,
      reason: 'Unknown agent / 坐席身份无法识别',
    });
  });

  it('shows the wallboard to supervisors and leaders, not to agents', async () => {
    const agent = await buildSignedInUser(app, 'agent');
    const leader = await buildSignedInUser(app, 'leader');
    expect((await app.inject({ method: 'GET', url: '/api/v1/telephony/wallboard', headers: agent.headers })).statusCode).toBe(403);
    const res = await app.inject({ method: 'GET', url: '/api/v1/telephony/wallboard', headers: leader.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json().today.offered).toBeGreaterThanOrEqual(1);
    expect(res.json().agents).toHaveProperty('wrap_up');
  });

  it('links an existing order only', async () => {
    const a = await readyAgent();
    await onlyAgent(a);
    const id = callId();
    await sip('route', { callId: id, from: phoneNo(), to: ENTERPRISE });
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/telephony/calls/${encodeURIComponent(id)}/ticket`,
      headers: a.headers,
      payload: { ticketId: 999999999 },
    });
    expect(res.statusCode).toBe(422);
    const other = await buildSignedInUser(app, 'agent');
    expect(
      (await app.inject({ method: 'GET', url: `/api/v1/telephony/calls/${encodeURIComponent(id)}/pop`, headers: other.headers }))
        .statusCode,
    ).toBe(404);
  });
});

describe('end-lost-calls', () => {
  it('ends a queued call nobody asks about any more and leaves a callback task', async () => {
    const id = callId();
    const long = new Date(Date.now() - 5 * 60_000);
    await app.services.db
      .insert(telCalls)
      .values({ callId: id, phone: phoneNo(), queue: 'enterprise', status: 'queued', offeredAt: long, lastPollAt: long });
    const result = await app.services.telephony.sip.sweepLostCalls();
    expect(result.ended).toBeGreaterThanOrEqual(1);
    const [row] = await app.services.db.select().from(telCalls).where(eq(telCalls.callId, id));
    expect(row).toMatchObject({ status: 'ended', endReason: 'lost' });
    expect((await app.services.db.select().from(telCallbacks).where(eq(telCallbacks.callId, id))).length).toBe(1);
    expect((await app.services.telephony.sip.sweepLostCalls()).ended).toBe(0);
  });
});

describe('Telephony API when not configured', async () => {
  const { app: plain } = await setupApp({ isolated: true });
  it('tells the desk there is no phone', async () => {
    const a = await buildSignedInUser(plain, 'agent');
    const res = await plain.inject({ method: 'GET', url: '/api/v1/telephony/phone', headers: a.headers });
    expect(res.json()).toMatchObject({ enabled: false, extension: null, password: null });
    const me = await plain.inject({ method: 'GET', url: '/api/v1/telephony/agents/me', headers: a.headers });
    expect(me.statusCode).toBe(409);
    expect(me.json().error.details.reason).toBe('telephony_disabled');
    expect(
      (
        await plain.inject({
          method: 'POST',
          url: '/api/v1/telephony/sip/route',
          headers: sipHeaders,
          payload: { callId: 'x', from: '1', to: '2' },
        })
      ).statusCode,
    ).toBe(401);
  });
});
