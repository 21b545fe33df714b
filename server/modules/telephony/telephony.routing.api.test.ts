/**
 * The routing decision as one SQL statement (telephony.repository claimBestAgent): the ACD rules of acd.ts, and no
 * agent ever taken by two calls when decisions run at once. Each test uses its own skill queue so files sharing one
 * PostgreSQL database never meet; agents' idle times are set explicitly so the order is known.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray, sql } from 'drizzle-orm';
import { setupApp } from '../../../test/app.ts';
import { buildSignedInUser, buildUser } from '../../../test/factories/orgs.ts';
import { telAgents, telCallbacks, telCalls } from '../../db/schema.ts';
import { SYSTEM_ACTOR } from '../../lib/actor.ts';
import type { Queue } from './acd.ts';

const SECRET = 'routing-test-telephony-secret-00';
const { app } = await setupApp({ isolated: true, env: { TELEPHONY_SECRET: SECRET, TELEPHONY_OVERFLOW_SECONDS: '60' } });
const sip = (url: string, payload: object) =>
  app.inject({ method: 'POST', url: `/api/v1/telephony/sip/${url}`, headers: { 'x-telephony-secret': SECRET }, payload });
const phoneNo = () => `136${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
const callId = () => `r-${Math.random().toString(36).slice(2)}@test`;
const NUMBER: Record<string, string> = { general: '12345', ko: '123451', ja: '123452', en: '123453', th: '123454', enterprise: '123455' };

async function agent(skills: { queue: Queue; level: number }[], idleSince: Date | null, state = 'ready') {
  const a = await buildSignedInUser(app, 'agent');
  await app.inject({ method: 'GET', url: '/api/v1/telephony/phone', headers: a.headers });
  await app.services.telephony.setSkills(SYSTEM_ACTOR, { userId: a.userId, skills });
  await app.services.db.update(telAgents).set({ state, idleSince }).where(eq(telAgents.userId, a.userId));
  return a;
}
const route = async (queue: string, id = callId()) => ({
  id,
  decision: (await sip('route', { callId: id, from: phoneNo(), to: NUMBER[queue]! })).json(),
});
const hangUp = (id: string) => sip('event', { callId: id, event: 'cancelled' });

describe('routing decision', () => {
  // A PostgreSQL test database outlives runs: agents and calls an earlier run of this file left behind go first.
  beforeAll(async () => {
    await app.services.db.execute(sql`update tel_agents set state = 'signed_out', current_call_id = null
      where skills @> '[{"queue":"ko"}]' or skills @> '[{"queue":"ja"}]' or skills @> '[{"queue":"en"}]' or skills @> '[{"queue":"th"}]'
        or (skills @> '[{"queue":"general"}]' and idle_since < '2001-01-01')`);
    await app.services.db.execute(
      sql`update tel_calls set status = 'ended', end_reason = 'lost' where status in ('queued', 'ringing') and queue in ('ko', 'ja', 'en', 'th')`,
    );
  });

  it('gives concurrent calls different agents and queues the rest: nobody double-booked', async () => {
    const agents = await Promise.all(
      Array.from({ length: 6 }, (_, i) => agent([{ queue: 'ko', level: 1 }], new Date(Date.UTC(2020, 0, 1, 0, i)))),
    );
    const results = await Promise.all(Array.from({ length: 10 }, () => route('ko')));
    const routed = results.filter((r) => r.decision.action === 'agent');
    expect(routed).toHaveLength(6);
    expect(new Set(routed.map((r) => r.decision.agentUserId))).toEqual(new Set(agents.map((a) => a.userId)));
    expect(results.filter((r) => r.decision.action === 'queue')).toHaveLength(4);
    const rows = await app.services.db
      .select()
      .from(telAgents)
      .where(
        inArray(
          telAgents.userId,
          agents.map((a) => a.userId),
        ),
      );
    for (const row of rows) {
      expect(row.state).toBe('ringing');
      const call = routed.find((r) => r.decision.agentUserId === row.userId)!;
      expect(row.currentCallId).toBe(call.id);
      const [stored] = await app.services.db.select().from(telCalls).where(eq(telCalls.callId, call.id));
      expect(stored).toMatchObject({ status: 'ringing', agentUserId: row.userId });
    }
    for (const r of results) await hangUp(r.id);
    expect(
      (
        await app.services.db
          .select()
          .from(telAgents)
          .where(
            inArray(
              telAgents.userId,
              agents.map((a) => a.userId),
            ),
          )
      ).every((r) => r.state === 'ready'),
    ).toBe(true);
  });

  it('takes the longest idle agent first, then the higher level; never one on a break or signed out', async () => {
    const newer = await agent([{ queue: 'ja', level: 5 }], new Date('2021-01-01T02:00:00Z'));
    const olderLow = await agent([{ queue: 'ja', level: 1 }], new Date('2021-01-01T01:00:00Z'));
    const olderHigh = await agent([{ queue: 'ja', level: 3 }], new Date('2021-01-01T01:00:00Z'));
    await agent([{ queue: 'ja', level: 5 }], new Date('2020-01-01T00:00:00Z'), 'break');
    await agent([{ queue: 'ja', level: 5 }], new Date('2020-01-01T00:00:00Z'), 'signed_out');
    const order = [];
    for (let i = 0; i < 4; i++) order.push(await route('ja'));
    expect(order.map((o) => o.decision.agentUserId ?? o.decision.action)).toEqual([
      olderHigh.userId,
      olderLow.userId,
      newer.userId,
      'queue',
    ]);
    for (const o of order) await hangUp(o.id);
  });

  it('serves the earlier waiting caller first when an agent becomes ready', async () => {
    const first = await route('en');
    const second = await route('en');
    expect([first.decision.action, second.decision.action]).toEqual(['queue', 'queue']);
    const a = await agent([{ queue: 'en', level: 1 }], new Date('2021-01-01T00:00:00Z'));
    // the first caller's Kamailio is still asking (a call nobody polls for 3 s no longer holds others back)
    await app.services.db.update(telCalls).set({ lastPollAt: new Date() }).where(eq(telCalls.callId, first.id));
    expect((await sip('wait', { callId: second.id })).json()).toMatchObject({ action: 'queue', position: 2 });
    expect((await sip('wait', { callId: first.id })).json()).toMatchObject({ action: 'agent', agentUserId: a.userId });
    await hangUp(first.id);
    await hangUp(second.id);
  });

  it('overflows a skill call to a general agent after the configured wait, not before', async () => {
    const general = await agent([{ queue: 'general', level: 1 }], new Date('2000-01-01T00:00:00Z'));
    const call = await route('th');
    expect(call.decision.action).toBe('queue');
    expect((await sip('wait', { callId: call.id })).json().action).toBe('queue');
    await app.services.db
      .update(telCalls)
      .set({ offeredAt: new Date(Date.now() - 61_000) })
      .where(eq(telCalls.callId, call.id));
    expect((await sip('wait', { callId: call.id })).json()).toMatchObject({ action: 'agent', agentUserId: general.userId });
    await hangUp(call.id);
  });

  it('does not offer a call again to the agent who let it ring out', async () => {
    const a = await agent([{ queue: 'ko', level: 1 }], new Date('2000-01-01T00:00:00Z'));
    const call = await route('ko');
    expect(call.decision.agentUserId).toBe(a.userId);
    await sip('event', { callId: call.id, event: 'ring_failed', code: 408 });
    await app.services.db.update(telAgents).set({ state: 'ready' }).where(eq(telAgents.userId, a.userId));
    const again = (await sip('route', { callId: call.id, from: phoneNo(), to: NUMBER.ko, attempt: 1 })).json();
    expect(again.agentUserId).not.toBe(a.userId);
    await hangUp(call.id);
    await app.services.db.update(telAgents).set({ state: 'break' }).where(eq(telAgents.userId, a.userId));
  });

  it('transfers a call to a queue: the phone lists the queue numbers, and the caller is routed to an agent with that skill', async () => {
    const first = await agent([{ queue: 'th', level: 1 }], new Date('2000-01-02T00:00:00Z'));
    const phone = (await app.inject({ method: 'GET', url: '/api/v1/telephony/phone', headers: first.headers })).json();
    expect(phone.queueNumbers).toContainEqual({ number: NUMBER.th, queue: 'th' });
    expect(phone.queueNumbers).toContainEqual({ number: NUMBER.general, queue: 'general' });
    const caller = phoneNo();
    const original = callId();
    expect((await sip('route', { callId: original, from: caller, to: NUMBER.th })).json()).toMatchObject({
      action: 'agent',
      agentUserId: first.userId,
    });
    await sip('event', { callId: original, event: 'answered' });

    // The agent's blind transfer (REFER) to the Korean queue, checked by Kamailio before it is relayed.
    const other = await agent([{ queue: 'ko', level: 1 }], new Date('2000-01-02T00:00:00Z'));
    await agent([{ queue: 'th', level: 1 }], new Date('1999-01-01T00:00:00Z')); // idle longer, but not a Korean speaker
    const refer = (await sip('outbound', { callId: original, from: String(8000 + first.userId), to: NUMBER.ko, kind: 'refer' })).json();
    expect(refer).toEqual({ action: 'allow', uri: `sip:${NUMBER.ko}@lianxin.local` });
    // Dialling a queue number is not a transfer: refused, nothing changed.
    const dial = (await sip('outbound', { callId: callId(), from: String(8000 + first.userId), to: NUMBER.ko, kind: 'invite' })).json();
    expect(dial).toMatchObject({ action: 'reject', status: 403, reason: 'A queue number takes transfers only / 队列号码仅用于转接' });

    // The citizen's phone follows the REFER with a new INVITE to the queue number; the old leg ends.
    const transferred = callId();
    expect((await sip('route', { callId: transferred, from: caller, to: NUMBER.ko })).json()).toMatchObject({
      action: 'agent',
      agentUserId: other.userId,
      queue: 'ko',
    });
    await sip('event', { callId: original, event: 'ended' });
    const [old] = await app.services.db.select().from(telCalls).where(eq(telCalls.callId, original));
    expect(old).toMatchObject({ status: 'ended', endReason: 'transferred', transferredTo: NUMBER.ko });
    const [moved] = await app.services.db.select().from(telCalls).where(eq(telCalls.callId, transferred));
    expect(moved).toMatchObject({ status: 'ringing', queue: 'ko', phone: caller, agentUserId: other.userId });
    await hangUp(transferred);
  });

  it('refuses a transfer off the list, from an unknown or forged extension, and events out of order: the call goes on unchanged', async () => {
    const a = await agent([{ queue: 'en', level: 1 }], new Date('2000-01-03T00:00:00Z'));
    const call = await route('en');
    expect(call.decision).toMatchObject({ action: 'agent', agentUserId: a.userId });
    await sip('event', { callId: call.id, event: 'answered' });
    const ext = String(8000 + a.userId);
    const snapshot = async () => ({
      call: (await app.services.db.select().from(telCalls).where(eq(telCalls.callId, call.id)))[0]!,
      agent: (await app.services.db.select().from(telAgents).where(eq(telAgents.userId, a.userId)))[0]!,
    });
    const before = await snapshot();
    expect(before.call.status).toBe('talking');

    for (const [payload, expected] of [
      [
        { from: ext, to: '95555', kind: 'refer' },
        { status: 403, reason: 'Number not allowed / 该号码不在允许外呼或转接的范围内' },
      ],
      [
        { from: '8999999', to: '110', kind: 'refer' },
        { status: 403, reason: 'Unknown agent / 坐席身份无法识别' },
      ],
      [
        { from: 'sip-user', to: '110', kind: 'refer' },
        { status: 403, reason: 'Unknown agent / 坐席身份无法识别' },
      ],
      [
        { from: ext, to: '8999999', kind: 'refer' },
        { status: 404, reason: 'No such agent / 坐席不存在' },
      ],
    ] as const) {
      expect((await sip('outbound', { callId: call.id, ...payload })).json()).toEqual({ action: 'reject', ...expected });
    }
    // Malformed identities: refused as unknown, or not even read (too long).
    for (const bad of ['', 'a b', '<sip:x>', '8001;x=1']) {
      expect((await sip('outbound', { callId: call.id, from: bad, to: '110', kind: 'refer' })).json()).toEqual({
        action: 'reject',
        status: 403,
        reason: 'Unknown agent / 坐席身份无法识别',
      });
    }
    expect((await sip('outbound', { callId: call.id, from: 'x'.repeat(200), to: '110', kind: 'refer' })).statusCode).toBe(400);
    for (const bad of ['', 'anonymous', '139 0000 0000', '+44 20']) {
      expect((await sip('route', { callId: call.id, from: bad, to: NUMBER.en })).json()).toEqual({
        action: 'reject',
        status: 403,
        reason: 'Caller identity is not a phone number / 主叫号码无法识别',
      });
    }
    // Events that do not fit the call's state are ignored: a second answer, a ring failure while talking.
    await sip('event', { callId: call.id, event: 'answered' });
    await sip('event', { callId: call.id, event: 'ring_failed', code: 486 });
    // The agent cannot go ready while talking.
    const busy = await app.inject({
      method: 'POST',
      url: '/api/v1/telephony/agents/me/state',
      headers: a.headers,
      payload: { state: 'ready' },
    });
    expect(busy.statusCode).toBe(409);
    expect(busy.json().error).toMatchObject({
      message: '通话中或振铃中不能切换状态，请先结束通话',
      message_en: 'You cannot change state while a call is ringing or in progress; finish the call first',
    });

    const after = await snapshot();
    expect(after.call).toEqual(before.call);
    expect({ ...after.agent, updatedAt: null }).toEqual({ ...before.agent, updatedAt: null });
    await sip('event', { callId: call.id, event: 'ended' });
    await app.services.db.update(telAgents).set({ state: 'break' }).where(eq(telAgents.userId, a.userId));
  });

  it('frees an agent left ringing for a call Kamailio never relayed (it fell back), and a stale waiting call holds nobody back', async () => {
    await app.services.db.execute(
      sql`update tel_agents set state = 'break' where skills @> '[{"queue":"ja"}]' and current_call_id is null`,
    );
    const a = await agent([{ queue: 'ja', level: 1 }], new Date('1990-01-01T00:00:00Z'));
    const stuck = await route('ja');
    expect(stuck.decision.agentUserId).toBe(a.userId);
    await app.services.db
      .update(telCalls)
      .set({ ringingAt: new Date(Date.now() - 3 * 60_000) })
      .where(eq(telCalls.callId, stuck.id));
    await app.services.telephony.sip.sweepLostCalls();
    const [call] = await app.services.db.select().from(telCalls).where(eq(telCalls.callId, stuck.id));
    expect(call).toMatchObject({ status: 'ended', endReason: 'lost' });
    const [row] = await app.services.db.select().from(telAgents).where(eq(telAgents.userId, a.userId));
    expect(row).toMatchObject({ state: 'ready', currentCallId: null });

    // A queued call Kamailio stopped polling 5 s ago does not keep a new caller from the free agent.
    await app.services.db.update(telAgents).set({ state: 'break' }).where(eq(telAgents.userId, a.userId));
    const orphan = await route('ja');
    expect(orphan.decision.action).toBe('queue');
    await app.services.db
      .update(telCalls)
      .set({ lastPollAt: new Date(Date.now() - 5_000), offeredAt: new Date(Date.now() - 5_000) })
      .where(eq(telCalls.callId, orphan.id));
    await app.services.db.update(telAgents).set({ state: 'ready' }).where(eq(telAgents.userId, a.userId));
    const fresh = await route('ja');
    expect(fresh.decision).toMatchObject({ action: 'agent', agentUserId: a.userId });
    await hangUp(fresh.id);
    await hangUp(orphan.id);
    await app.services.db.update(telAgents).set({ state: 'break' }).where(eq(telAgents.userId, a.userId));
  });

  it('puts the agent back when Kamailio reports it sent the call to the fallback (its routing answer came too late)', async () => {
    await app.services.db.execute(
      sql`update tel_agents set state = 'break' where skills @> '[{"queue":"ko"}]' and current_call_id is null`,
    );
    const a = await agent([{ queue: 'ko', level: 1 }], new Date('1990-01-01T00:00:00Z'));
    const late = await route('ko');
    expect(late.decision.agentUserId).toBe(a.userId);
    await sip('event', { callId: late.id, event: 'fallback' });
    const [call] = await app.services.db.select().from(telCalls).where(eq(telCalls.callId, late.id));
    expect(call).toMatchObject({ status: 'ended', endReason: 'fallback' });
    expect((await app.services.db.select().from(telCallbacks).where(eq(telCallbacks.callId, late.id))).length).toBe(0);
    const [row] = await app.services.db.select().from(telAgents).where(eq(telAgents.userId, a.userId));
    expect(row).toMatchObject({ state: 'ready', currentCallId: null });
    await app.services.db.update(telAgents).set({ state: 'break' }).where(eq(telAgents.userId, a.userId));
  });

  it('records the calls Kamailio reports with its tick as sent to the fallback, known or not, and confirms each', async () => {
    await app.services.db.execute(
      sql`update tel_agents set state = 'break' where skills @> '[{"queue":"ko"}]' and current_call_id is null`,
    );
    // no sign-in (the file signs in more users than the sign-in limit allows a minute)
    const user = await buildUser(app.services.db, 'agent');
    await app.services.telephony.phone({ ...SYSTEM_ACTOR, kind: 'user', userId: user.id, role: 'agent' });
    await app.services.telephony.setSkills(SYSTEM_ACTOR, { userId: user.id, skills: [{ queue: 'ko', level: 1 }] });
    await app.services.db
      .update(telAgents)
      .set({ state: 'ready', idleSince: new Date('1990-01-01T00:00:00Z') })
      .where(eq(telAgents.userId, user.id));
    const a = { userId: user.id };
    const late = await route('ko');
    expect(late.decision.agentUserId).toBe(a.userId);
    const board = async () => (await app.services.telephony.wallboard(SYSTEM_ACTOR)).today;
    const before = await board();
    // one Lianxin routed too late, one it never heard of (it was down): 40 s ago by Kamailio's clock
    const unseen = { callId: callId(), from: phoneNo(), to: NUMBER.ja!, at: Math.floor(Date.now() / 1000) - 40 };
    const res = await sip('tick', {
      parked: [],
      fallback: [{ callId: late.id, from: '13600000000', to: NUMBER.ko!, at: Math.floor(Date.now() / 1000) }, unseen],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ resume: [], recorded: [late.id, unseen.callId], delivered: [] });
    const rows = await app.services.db
      .select()
      .from(telCalls)
      .where(inArray(telCalls.callId, [late.id, unseen.callId]));
    expect(rows.find((r) => r.callId === late.id)).toMatchObject({ status: 'ended', endReason: 'fallback' });
    const recorded = rows.find((r) => r.callId === unseen.callId)!;
    expect(recorded).toMatchObject({ status: 'ended', endReason: 'fallback', phone: unseen.from, queue: 'ja', agentUserId: null });
    expect(recorded.offeredAt.getTime()).toBe(unseen.at * 1000);
    expect(
      (
        await app.services.db
          .select()
          .from(telCallbacks)
          .where(inArray(telCallbacks.callId, [late.id, unseen.callId]))
      ).length,
    ).toBe(0);
    expect((await app.services.db.select().from(telAgents).where(eq(telAgents.userId, a.userId)))[0]).toMatchObject({
      state: 'ready',
      currentCallId: null,
    });
    const after = await board();
    expect(after.fallback - before.fallback).toBe(2);
    expect(after.offered - before.offered).toBe(2);
    // Kamailio repeats itself (its confirmation lost): nothing changes, and it is confirmed again
    expect((await sip('tick', { parked: [], fallback: [unseen] })).json().recorded).toEqual([unseen.callId]);
    expect((await board()).fallback).toBe(after.fallback);
    await app.services.db.update(telAgents).set({ state: 'break' }).where(eq(telAgents.userId, a.userId));
  });

  it('offers a parked call to the agent a late hang-up in the same tick freed, after that hang-up, never before it', async () => {
    await app.services.db.execute(
      sql`update tel_agents set state = 'break' where skills @> '[{"queue":"enterprise"}]' and current_call_id is null`,
    );
    // an agent made without signing in (the file's sign-ins would meet the rate limit)
    const user = await buildUser(app.services.db, 'agent');
    await app.services.telephony.phone({ ...SYSTEM_ACTOR, kind: 'user', userId: user.id, role: 'agent' });
    await app.services.telephony.setSkills(SYSTEM_ACTOR, { userId: user.id, skills: [{ queue: 'enterprise', level: 1 }] });
    await app.services.db
      .update(telAgents)
      .set({ state: 'ready', idleSince: new Date('2021-01-01T00:00:00Z') })
      .where(eq(telAgents.userId, user.id));
    const only = { userId: user.id };
    const first = await route('enterprise');
    expect(first.decision).toMatchObject({ action: 'agent', agentUserId: only.userId });
    const second = await route('enterprise');
    expect(second.decision).toMatchObject({ action: 'queue' });
    // the first caller's hang-up reached Lianxin late, with the tick that asks about the second
    const tick = await sip('tick', { parked: [second.id], events: [{ key: `${first.id}|1`, callId: first.id, event: 'cancelled' }] });
    expect(tick.json()).toMatchObject({ resume: [{ callId: second.id, decision: { action: 'agent', agentUserId: only.userId } }] });
    const [ended] = await app.services.db.select().from(telCalls).where(eq(telCalls.callId, first.id));
    const [ringing] = await app.services.db.select().from(telCalls).where(eq(telCalls.callId, second.id));
    expect(ended).toMatchObject({ status: 'ended', endReason: 'abandoned_ringing' });
    expect(ringing!.ringingAt!.getTime()).toBeGreaterThanOrEqual(ended!.endedAt!.getTime());
    await hangUp(second.id);
  });

  it("applies the call events Kamailio carries with its tick (not delivered in time) in a call's order, and a hang-up of a call still ringing here", async () => {
    await app.services.db.execute(
      sql`update tel_agents set state = 'break' where skills @> '[{"queue":"th"}]' and current_call_id is null`,
    );
    const users = await Promise.all([0, 1].map(() => buildUser(app.services.db, 'agent')));
    for (const [i, user] of users.entries()) {
      await app.services.telephony.phone({ ...SYSTEM_ACTOR, kind: 'user', userId: user.id, role: 'agent' });
      await app.services.telephony.setSkills(SYSTEM_ACTOR, { userId: user.id, skills: [{ queue: 'th', level: 1 }] });
      await app.services.db
        .update(telAgents)
        .set({ state: 'ready', idleSince: new Date(Date.UTC(1990, 0, 1, 0, i)) })
        .where(eq(telAgents.userId, user.id));
    }
    const late = await route('th');
    const direct = await route('th');
    expect(new Set([late.decision.agentUserId, direct.decision.agentUserId])).toEqual(new Set(users.map((u) => u.id)));
    // both events of `late` came late, the hang-up listed first; `direct`'s answer was lost but its hang-up arrives
    const res = await sip('tick', {
      parked: [],
      events: [
        { key: `${late.id}|2`, callId: late.id, event: 'ended' },
        { key: `${late.id}|1`, callId: late.id, event: 'answered' },
      ],
    });
    expect(res.json()).toMatchObject({ resume: [], delivered: [`${late.id}|1`, `${late.id}|2`] });
    expect((await sip('event', { callId: direct.id, event: 'ended' })).json()).toMatchObject({ known: true });
    const rows = await app.services.db
      .select()
      .from(telCalls)
      .where(inArray(telCalls.callId, [late.id, direct.id]));
    for (const row of rows) {
      expect(row).toMatchObject({ status: 'ended', endReason: 'completed' });
      expect(row.answeredAt).not.toBeNull();
    }
    const agents = await app.services.db
      .select()
      .from(telAgents)
      .where(
        inArray(
          telAgents.userId,
          users.map((u) => u.id),
        ),
      );
    expect(agents.map((x) => x.state)).toEqual(['wrap_up', 'wrap_up']);
    expect(agents.every((x) => x.currentCallId === null)).toBe(true);
    await app.services.db
      .update(telAgents)
      .set({ state: 'break' })
      .where(
        inArray(
          telAgents.userId,
          users.map((u) => u.id),
        ),
      );
  });
  it('ends a call whose hang-up comes while its answer is being applied (both events at once): the agent is freed', async () => {
    await app.services.db.execute(
      sql`update tel_agents set state = 'break' where skills @> '[{"queue":"th"}]' and current_call_id is null`,
    );
    // no sign-in (the file signs in many agents already; sign-ins are rate limited)
    const user = await buildUser(app.services.db, 'agent');
    await app.services.telephony.phone({ ...SYSTEM_ACTOR, kind: 'user', userId: user.id, role: 'agent' });
    await app.services.telephony.setSkills(SYSTEM_ACTOR, { userId: user.id, skills: [{ queue: 'th', level: 1 }] });
    await app.services.db
      .update(telAgents)
      .set({ state: 'ready', idleSince: new Date('1991-01-01T00:00:00Z') })
      .where(eq(telAgents.userId, user.id));
    const a = { userId: user.id };
    const call = await route('th');
    expect(call.decision).toMatchObject({ action: 'agent', agentUserId: a.userId });
    // the caller hung up at once: the BYE's event and the 200's event reach Lianxin together
    const tel = app.services.telephony.sip;
    await Promise.all([tel.event({ callId: call.id, event: 'answered' }), tel.event({ callId: call.id, event: 'ended' })]);
    const [row] = await app.services.db.select().from(telCalls).where(eq(telCalls.callId, call.id));
    expect(row).toMatchObject({ status: 'ended', endReason: 'completed' });
    const [agentRow] = await app.services.db.select().from(telAgents).where(eq(telAgents.userId, a.userId));
    expect(agentRow).toMatchObject({ state: 'wrap_up', currentCallId: null });
    await app.services.db.update(telAgents).set({ state: 'break' }).where(eq(telAgents.userId, a.userId));
  });
});
