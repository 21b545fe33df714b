import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { setupApp, testClock } from '../../../test/app.ts';
import { buildOrder } from '../../../test/factories/analytics.ts';
import { buildSignedInUser, buildUser, uid } from '../../../test/factories/orgs.ts';
import { randomTestMonth } from '../../../test/factories/windows.ts';
import { callRecords } from '../../db/schema.ts';

const w = randomTestMonth();
const clock = testClock(w.at(20, '15:00'));
const { app } = await setupApp({ clock });
const db = app.services.db;

const admin = await buildSignedInUser(app, 'admin');
const leader = await buildSignedInUser(app, 'leader');
const agentUser = await buildUser(db, 'agent');
const agent = await buildSignedInUser(app, 'agent');
const key = await app.services.auth.createApiKey({ name: `CTI ${uid()}`, role: 'agent' });
const bearer = { authorization: `Bearer ${key.plainKey}` };
const source = `cti-${uid()}`;
const queue = `q-${uid()}`;

const post = (payload: object, headers: Record<string, string> = bearer) =>
  app.inject({ method: 'POST', url: '/api/v1/calls/import', headers, payload });
const get = (url: string, headers = leader.headers) => app.inject({ method: 'GET', url, headers });
const rowsOfSource = (s = source) => db.select().from(callRecords).where(eq(callRecords.source, s));

/** A call offered at `hhmm` on day `d`, answered after `wait` seconds (null: abandoned after 60 s), talking 200 s. */
function call(id: string, d: number, hhmm: string, wait: number | null, extra: Record<string, unknown> = {}) {
  const offered = new Date(w.at(d, hhmm));
  const answered = wait === null ? null : new Date(offered.getTime() + wait * 1000);
  const ended = new Date((answered ?? offered).getTime() + (wait === null ? 60_000 : 200_000));
  return {
    externalId: id,
    direction: 'inbound',
    phone: '13800138000',
    queue,
    offeredAt: offered.toISOString(),
    answeredAt: answered?.toISOString() ?? null,
    endedAt: ended.toISOString(),
    wrapUpSeconds: wait === null ? 0 : 40,
    agentUserId: wait === null ? null : agentUser.id,
    ...extra,
  };
}

// day 3: 4 calls (answered after 5 s, 15 s, 16 s; one abandoned); day 4: 1 answered after 3 s; day 10 (another week): 1 abandoned.
// 一次一评: a1 satisfied, a2 unsatisfied, a5 basically satisfied; a3 not rated.
const batch = [
  call('a1', 3, '09:05', 5, { rating: 1 }),
  call('a2', 3, '09:20', 15, { rating: 3 }),
  call('a3', 3, '09:40', 16),
  call('a4', 3, '10:10', null),
  call('a5', 4, '11:00', 3, { rating: 2 }),
  call('a6', 10, '11:00', null),
];

describe('POST /api/v1/calls/import', () => {
  it('stores a batch once: sending it again changes nothing, a changed call is updated', async () => {
    const first = await post({ source, calls: batch });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ received: 6, created: 6, updated: 0, unchanged: 0 });
    const again = await post({ source, calls: batch });
    expect(again.json()).toEqual({ received: 6, created: 0, updated: 0, unchanged: 6 });
    const rows = await rowsOfSource();
    expect(rows).toHaveLength(6);
    const a3 = rows.find((r) => r.externalId === 'a3')!;
    expect(a3).toMatchObject({
      waitSeconds: 16,
      talkSeconds: 200,
      wrapUpSeconds: 40,
      phone: '13800138000',
      agentUserId: agentUser.id,
      queue,
    });

    const changed = await post({ source, calls: [{ ...batch[2], wrapUpSeconds: 60 }] });
    expect(changed.json()).toEqual({ received: 1, created: 0, updated: 1, unchanged: 0 });
    expect((await rowsOfSource()).find((r) => r.externalId === 'a3')!.wrapUpSeconds).toBe(60);
    await post({ source, calls: [batch[2]] });
  });

  it('keeps the same external id of another source apart', async () => {
    const other = `${source}-b`;
    expect((await post({ source: other, calls: [{ ...batch[0], queue: `q-${uid()}` }] })).json()).toMatchObject({ created: 1 });
    expect(await rowsOfSource(other)).toHaveLength(1);
  });

  it('rejects a batch with any bad call and writes nothing, listing every problem', async () => {
    const s = `bad-${uid()}`;
    const res = await post({
      source: s,
      calls: [
        call('ok', 5, '09:00', 5),
        { ...call('x', 5, '09:10', 5), phone: '123' },
        { ...call('y', 5, '09:20', null), talkSeconds: 30 },
        call('ok', 5, '09:30', 2),
        call('z', 5, '09:40', null, { rating: 1 }),
      ],
    });
    expect(res.statusCode).toBe(400);
    const error = res.json().error;
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details.map((d: any) => [d.path, d.reason])).toEqual([
      ['calls.3.externalId', 'duplicate_in_batch'],
      ['calls.1.phone', 'bad_phone'],
      ['calls.2.talkSeconds', 'talk_without_answer'],
      ['calls.4.rating', 'rating_without_answer'],
    ]);
    expect(await rowsOfSource(s)).toHaveLength(0);
  });

  it('rejects malformed fields, future calls and unknown agents or orders with nothing written', async () => {
    const s = `bad-${uid()}`;
    expect((await post({ source: s, calls: [{ ...call('m', 5, '09:00', 5), offeredAt: 'yesterday' }] })).statusCode).toBe(400);
    expect((await post({ source: s, calls: [{ ...call('m', 5, '09:00', 5), direction: 'sideways' }] })).statusCode).toBe(400);
    expect((await post({ source: s, calls: [{ ...call('m', 5, '09:00', 5), surprise: 1 }] })).statusCode).toBe(400);
    expect((await post({ source: s, calls: [] })).statusCode).toBe(400);
    const future = await post({ source: s, calls: [call('f', 25, '09:00', 5)] });
    expect(future.json().error.details[0]).toMatchObject({ path: 'calls.0.offeredAt', reason: 'future_time' });
    const unknownAgent = await post({ source: s, calls: [call('u', 5, '09:00', 5, { agentUserId: 2_000_000_000 })] });
    expect(unknownAgent.statusCode).toBe(422);
    expect(unknownAgent.json().error).toMatchObject({
      code: 'UNKNOWN_REFERENCE',
      details: { reason: 'unknown_agent', agentUserIds: [2_000_000_000] },
    });
    const unknownTicket = await post({ source: s, calls: [call('t', 5, '09:00', 5, { ticketId: 2_000_000_000 })] });
    expect(unknownTicket.json().error.details).toMatchObject({ reason: 'unknown_ticket' });
    expect(await rowsOfSource(s)).toHaveLength(0);
  });

  it('links a call to its order', async () => {
    const order = await buildOrder(db, { at: w.at(6, '09:03') });
    const s = `link-${uid()}`;
    expect((await post({ source: s, calls: [call('l1', 6, '09:00', 5, { ticketId: order.id, queue: `q-${uid()}` })] })).statusCode).toBe(
      200,
    );
    expect((await rowsOfSource(s))[0].ticketId).toBe(order.id);
  });

  it('lets API keys, admins and supervisors import, but not agents or leaders', async () => {
    const s = `auth-${uid()}`;
    expect((await post({ source: s, calls: [call('p1', 5, '09:00', 5, { queue: `q-${uid()}` })] }, admin.headers)).statusCode).toBe(200);
    expect((await post({ source: s, calls: [call('p2', 5, '09:00', 5)] }, agent.headers)).statusCode).toBe(403);
    expect((await post({ source: s, calls: [call('p3', 5, '09:00', 5)] }, leader.headers)).statusCode).toBe(403);
    expect((await post({ source: s, calls: [call('p4', 5, '09:00', 5)] }, {})).statusCode).toBe(401);
  });
});

describe('GET /api/v1/calls/stats', () => {
  const base = `/api/v1/calls/stats?queue=${queue}`;

  it('gives answer rate and 15-second answer rate per day, with exact totals', async () => {
    const res = await get(`${base}&from=${w.day(1)}&to=${w.day(20)}&granularity=day`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.rows.map((r: any) => r.period)).toEqual([w.day(3), w.day(4), w.day(10)]);
    const day3 = body.rows[0];
    expect(day3.counts).toMatchObject({
      offered: 4,
      answered: 3,
      abandoned: 1,
      answeredWithinTarget: 2,
      answeredWaitSeconds: 36,
      waitSeconds: 96,
    });
    expect(day3.indicators).toMatchObject({
      answer_rate: 0.75,
      answer_15s_rate: 0.5,
      abandon_rate: 0.25,
      avg_speed_of_answer_seconds: 12,
      avg_call_handling_seconds: 240,
    });
    expect(day3.indicators).toMatchObject({ calls_rated: 2, call_satisfaction_rate: 0.5 });
    expect(body.total.counts).toMatchObject({
      offered: 6,
      answered: 4,
      abandoned: 2,
      answeredWithinTarget: 3,
      rated: 3,
      ratedSatisfied: 2,
    });
    expect(body.total.indicators).toMatchObject({ answer_rate: 4 / 6, answer_15s_rate: 0.5, call_satisfaction_rate: 2 / 3 });
    expect(body.patienceSeconds).toBeNull();
  });

  it('groups by week, month and half hour', async () => {
    const week = (await get(`${base}&from=${w.day(1)}&to=${w.day(20)}&granularity=week`)).json();
    expect(week.rows.reduce((s: number, r: any) => s + r.counts.offered, 0)).toBe(6);
    for (const r of week.rows) expect(new Date(`${r.period}T00:00:00Z`).getUTCDay()).toBe(1);
    const month = (await get(`${base}&from=${w.day(1)}&to=${w.day(20)}&granularity=month`)).json();
    expect(month.rows).toEqual([expect.objectContaining({ period: w.month, counts: expect.objectContaining({ offered: 6 }) })]);
    const half = (await get(`${base}&from=${w.day(3)}&to=${w.day(3)}&granularity=half_hour`)).json();
    expect(half.rows.map((r: any) => [r.period, r.counts.offered])).toEqual([
      [`${w.day(3)} 09:00`, 2],
      [`${w.day(3)} 09:30`, 1],
      [`${w.day(3)} 10:00`, 1],
    ]);
  });

  it('rejects future, reversed and over-long half-hour periods, and readers outside the center', async () => {
    const future = await get(`${base}&from=${w.day(1)}&to=${w.day(25)}`);
    expect(future.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { reason: 'future_period' } });
    expect((await get(`${base}&from=${w.day(5)}&to=${w.day(1)}`)).json().error.details.reason).toBe('reversed_period');
    expect((await get(`${base}&from=${w.day(1)}&to=${w.day(20)}&granularity=half_hour`)).statusCode).toBe(200);
    const long = await get(`/api/v1/calls/stats?from=2000-01-01&to=2000-03-01&granularity=half_hour`);
    expect(long.json().error.details.reason).toBe('period_too_long');
    expect((await get(`${base}&from=${w.day(1)}&to=${w.day(20)}`, agent.headers)).statusCode).toBe(403);
  });

  it('lists the call indicators with the others', async () => {
    const items = (await get('/api/v1/analytics/indicators')).json().items;
    expect(items.find((i: any) => i.id === 'answer_15s_rate')).toMatchObject({ nameZh: '15秒接通率', kind: 'rate', isAssessable: false });
    expect(items.find((i: any) => i.id === 'answer_rate')).toMatchObject({ nameZh: '接通率', nameEn: 'Answer rate' });
  });
});
