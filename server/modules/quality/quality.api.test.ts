import { eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { setupApp, testClock } from '../../../test/app.ts';
import { buildOrder } from '../../../test/factories/analytics.ts';
import { buildSignedInUser, uid } from '../../../test/factories/orgs.ts';
import { randomTestMonth } from '../../../test/factories/windows.ts';
import { qualityForms, qualityInspections, telCalls, tickets } from '../../db/schema.ts';
import { SIP_SOURCE } from '../calls/calls.rules.ts';
import { drawSample } from './quality-scoring.ts';

const w = randomTestMonth();
const clock = testClock(w.at(20, '15:00'));
const { app } = await setupApp({ clock });
const db = app.services.db;

const admin = await buildSignedInUser(app, 'admin');
const supervisor = await buildSignedInUser(app, 'supervisor');
const leader = await buildSignedInUser(app, 'leader');
const quality = await buildSignedInUser(app, 'callback_agent');
const agentA = await buildSignedInUser(app, 'agent');
const agentB = await buildSignedInUser(app, 'agent');
const period = { from: w.day(1), to: w.day(20) };
const q = `from=${period.from}&to=${period.to}`;

const req = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, headers: Record<string, string>, payload?: object) =>
  app.inject(payload === undefined ? { method, url, headers } : { method, url, headers, payload });

// agent A took in 4 orders (2 by phone, 2 from the web): one answered on the spot, one invalid; agent B one order
const orders: { id: number }[] = [];
for (const [d, channel, resolution] of [
  [2, 'phone', 'direct_answer'],
  [3, 'phone', null],
  [4, 'web', 'invalid'],
  [5, 'web', null],
] as const) {
  const o = await buildOrder(db, { at: w.at(d, '10:00'), channel });
  await db.update(tickets).set({ createdById: agentA.userId, resolution }).where(eq(tickets.id, o.id));
  orders.push(o);
}
const orderB = await buildOrder(db, { at: w.at(6, '10:00') });
await db.update(tickets).set({ createdById: agentB.userId }).where(eq(tickets.id, orderB.id));

// agent A answered 3 calls (200 s talk + 40 s wrap-up each); one more call was abandoned
const key = await app.services.auth.createApiKey({ name: `CTI ${uid()}`, role: 'agent' });
const calls = [1, 2, 3].map((i) => ({
  externalId: `c${i}`,
  offeredAt: new Date(w.at(i + 1, '09:00')).toISOString(),
  answeredAt: new Date(new Date(w.at(i + 1, '09:00')).getTime() + 10_000).toISOString(),
  endedAt: new Date(new Date(w.at(i + 1, '09:00')).getTime() + 210_000).toISOString(),
  wrapUpSeconds: 40,
  agentUserId: agentA.userId,
  queue: `q-${uid()}`,
}));
calls.push({
  externalId: 'c4',
  offeredAt: new Date(w.at(2, '09:30')).toISOString(),
  answeredAt: null as any,
  endedAt: new Date(w.at(2, '09:31')).toISOString(),
  wrapUpSeconds: 0,
  agentUserId: null as any,
  queue: `q-${uid()}`,
});
const imported = await req('POST', '/api/v1/calls/import', { authorization: `Bearer ${key.plainKey}` }, { source: `qa-${uid()}`, calls });
if (imported.statusCode !== 200) throw new Error(imported.body);

const FORM = {
  name: `热线质检表 ${uid()}`,
  description: '每月抽检',
  items: [
    { key: 'greeting', label: '规范用语', maxPoints: 20 },
    { key: 'accuracy', label: '答复准确', maxPoints: 50 },
    { key: 'record', label: '记录完整', maxPoints: 30 },
    { key: 'leak', label: '泄露举报人信息', maxPoints: 0, isFatal: true },
  ],
};
const fullMarks = [
  { key: 'greeting', points: 20 },
  { key: 'accuracy', points: 40 },
  { key: 'record', points: 30 },
  { key: 'leak', isViolated: false },
];

let formId = 0;
let sampled: any[] = [];

describe('quality forms', () => {
  it('rejects a form whose points do not sum to 100, and creates nothing', async () => {
    const name = `坏表 ${uid()}`;
    const res = await req('POST', '/api/v1/quality/forms', admin.headers, {
      ...FORM,
      name,
      items: FORM.items.map((i) => (i.key === 'record' ? { ...i, maxPoints: 25 } : i)),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toMatchObject({ reason: 'points_not_100', total: 95 });
    expect(await db.select().from(qualityForms).where(eq(qualityForms.name, name))).toHaveLength(0);
  });

  it('lets only admins create forms', async () => {
    expect((await req('POST', '/api/v1/quality/forms', supervisor.headers, FORM)).statusCode).toBe(403);
    const res = await req('POST', '/api/v1/quality/forms', admin.headers, FORM);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      version: 1,
      isFrozen: false,
      usedCount: 0,
      items: [expect.anything(), expect.anything(), expect.anything(), { key: 'leak', isFatal: true, maxPoints: 0 }],
    });
    formId = res.json().id;
    expect((await req('GET', '/api/v1/quality/forms', agentA.headers)).json().items.some((f: any) => f.id === formId)).toBe(true);
  });
});

describe('sampling', () => {
  it('draws the seeded sample of never-inspected orders and answered calls', async () => {
    const res = await req('POST', '/api/v1/quality/samples', supervisor.headers, {
      formId,
      ...period,
      agentUserIds: [agentA.userId],
      ordersPerAgent: 2,
      callsPerAgent: 1,
      seed: 7,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.agents).toEqual([{ agentUserId: agentA.userId, orderCandidates: 4, callCandidates: 3, orders: 2, calls: 1 }]);
    const expectedOrders = drawSample(
      orders.map((o) => o.id),
      2,
      7,
      agentA.userId,
    ).sort();
    expect(
      body.items
        .filter((i: any) => i.subjectKind === 'ticket')
        .map((i: any) => i.ticketId)
        .sort(),
    ).toEqual(expectedOrders);
    expect(body.items.every((i: any) => i.status === 'pending' && i.agentUserId === agentA.userId && i.sampleSeed === 7)).toBe(true);
    sampled = body.items;
  });

  it('never draws an order or call twice', async () => {
    const res = await req('POST', '/api/v1/quality/samples', supervisor.headers, {
      formId,
      ...period,
      agentUserIds: [agentA.userId],
      ordersPerAgent: 5,
      callsPerAgent: 5,
      seed: 7,
    });
    const body = res.json();
    expect(body.agents[0]).toMatchObject({ orderCandidates: 2, callCandidates: 2, orders: 2, calls: 2 });
    const all = await db.select().from(qualityInspections).where(eq(qualityInspections.agentUserId, agentA.userId));
    expect(all).toHaveLength(7);
    expect(new Set(all.map((i) => i.ticketId ?? `c${i.callRecordId}`)).size).toBe(7);
    // keep only the first draw for the rest of the file
    await db.delete(qualityInspections).where(
      inArray(
        qualityInspections.id,
        body.items.map((i: any) => i.id),
      ),
    );
  });

  it("offers the recording of a call Lianxin's own telephony answered beside its score, none for an imported call or past retention", async () => {
    const agentC = await buildSignedInUser(app, 'agent');
    const callId = `sip-${uid()}@127.0.0.1`;
    const at = new Date(w.at(8, '09:00'));
    const call = { externalId: callId, offeredAt: at.toISOString(), answeredAt: new Date(at.getTime() + 5_000).toISOString() };
    const sip = await req(
      'POST',
      '/api/v1/calls/import',
      { authorization: `Bearer ${key.plainKey}` },
      {
        source: SIP_SOURCE,
        calls: [{ ...call, endedAt: new Date(at.getTime() + 95_000).toISOString(), agentUserId: agentC.userId, queue: 'general' }],
      },
    );
    expect(sip.statusCode, sip.body).toBe(200);
    await db.insert(telCalls).values({
      callId,
      phone: '13800001111',
      queue: 'general',
      status: 'ended',
      offeredAt: at,
      answeredAt: new Date(call.answeredAt),
      endedAt: new Date(at.getTime() + 95_000),
      agentUserId: agentC.userId,
      recordingPath: `${uid()}.wav`,
    });
    const res = await req('POST', '/api/v1/quality/samples', quality.headers, {
      formId,
      ...period,
      agentUserIds: [agentC.userId, agentA.userId],
      ordersPerAgent: 0,
      callsPerAgent: 1,
      seed: 3,
    });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as any[];
    const own = items.find((i) => i.agentUserId === agentC.userId);
    expect(own).toMatchObject({ subjectKind: 'call', recordedCallId: callId });
    const detail = await req('GET', `/api/v1/quality/inspections/${own.id}`, quality.headers);
    expect(detail.json().recordedCallId).toBe(callId);
    const imported = items.find((i) => i.agentUserId === agentA.userId);
    expect(imported).toMatchObject({ subjectKind: 'call', recordedCallId: null });
    // a call started more than TELEPHONY_RECORDING_RETENTION_DAYS (180 by default) ago: its recording no longer plays,
    // so the scoring window offers no player for it
    await db
      .update(telCalls)
      .set({ offeredAt: new Date(clock.now().getTime() - 181 * 86_400_000) })
      .where(eq(telCalls.callId, callId));
    const expired = await req('GET', `/api/v1/quality/inspections/${own.id}`, quality.headers);
    expect(expired.statusCode).toBe(200);
    expect(expired.json().recordedCallId).toBeNull();
    await db.delete(qualityInspections).where(
      inArray(
        qualityInspections.id,
        items.map((i) => i.id),
      ),
    );
  });

  it('rejects future periods, unknown agents, empty samples and readers who may not inspect', async () => {
    const base = { formId, ...period, agentUserIds: [agentA.userId], ordersPerAgent: 1, seed: 1 };
    expect((await req('POST', '/api/v1/quality/samples', supervisor.headers, { ...base, to: w.day(25) })).json().error.details.reason).toBe(
      'future_period',
    );
    expect(
      (await req('POST', '/api/v1/quality/samples', supervisor.headers, { ...base, from: w.day(9), to: w.day(2) })).json().error.details
        .reason,
    ).toBe('reversed_period');
    const unknown = await req('POST', '/api/v1/quality/samples', supervisor.headers, { ...base, agentUserIds: [supervisor.userId] });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.details).toMatchObject({ reason: 'unknown_agent', agentUserIds: [supervisor.userId] });
    expect(
      (await req('POST', '/api/v1/quality/samples', supervisor.headers, { ...base, ordersPerAgent: 0 })).json().error.details.reason,
    ).toBe('empty_sample');
    expect((await req('POST', '/api/v1/quality/samples', supervisor.headers, { ...base, formId: 2_000_000_000 })).statusCode).toBe(422);
    expect((await req('POST', '/api/v1/quality/samples', leader.headers, base)).statusCode).toBe(403);
    expect((await req('POST', '/api/v1/quality/samples', agentA.headers, base)).statusCode).toBe(403);
    expect(await db.select().from(qualityInspections).where(eq(qualityInspections.agentUserId, agentA.userId))).toHaveLength(3);
  });
});

describe('scoring', () => {
  it('rejects scores that do not fit the form and leaves the inspection pending', async () => {
    const id = sampled[0].id;
    const bad = await req('POST', `/api/v1/quality/inspections/${id}/score`, supervisor.headers, {
      scores: [{ key: 'greeting', points: 25 }, ...fullMarks.slice(1)],
    });
    expect(bad.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { reason: 'points_out_of_range', key: 'greeting' } });
    const missing = await req('POST', `/api/v1/quality/inspections/${id}/score`, supervisor.headers, { scores: fullMarks.slice(0, 3) });
    expect(missing.json().error.details).toMatchObject({ reason: 'missing_items', keys: ['leak'] });
    expect((await db.select().from(qualityInspections).where(eq(qualityInspections.id, id)))[0].status).toBe('pending');
  });

  it('scores once; a fatal violation zeroes the score', async () => {
    const first = await req('POST', `/api/v1/quality/inspections/${sampled[0].id}/score`, supervisor.headers, {
      scores: fullMarks,
      comment: '答复准确，用语规范',
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      status: 'scored',
      score: 90,
      hasFatal: false,
      comment: '答复准确，用语规范',
      form: { id: formId },
    });
    const fatal = await req('POST', `/api/v1/quality/inspections/${sampled[1].id}/score`, quality.headers, {
      scores: [...fullMarks.slice(0, 3), { key: 'leak', isViolated: true }],
    });
    expect(fatal.json()).toMatchObject({ status: 'scored', score: 0, hasFatal: true });
    const again = await req('POST', `/api/v1/quality/inspections/${sampled[0].id}/score`, supervisor.headers, { scores: fullMarks });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.reason).toBe('already_scored');
    expect(
      (await req('POST', `/api/v1/quality/inspections/${sampled[2].id}/score`, leader.headers, { scores: fullMarks })).statusCode,
    ).toBe(403);
    expect((await req('POST', '/api/v1/quality/inspections/2000000000/score', supervisor.headers, { scores: fullMarks })).statusCode).toBe(
      404,
    );
  });

  it('freezes a used form: an edit saves a new version and the old scores keep theirs', async () => {
    const res = await req('PUT', `/api/v1/quality/forms/${formId}`, admin.headers, {
      ...FORM,
      items: [{ key: 'all', label: '综合', maxPoints: 100 }],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ version: 2, previousVersionId: formId, isFrozen: false, isActive: true });
    const old = (await db.select().from(qualityForms).where(eq(qualityForms.id, formId)))[0];
    expect(old).toMatchObject({ isActive: false, version: 1 });
    expect((old.items as any[]).map((i) => i.key)).toEqual(['greeting', 'accuracy', 'record', 'leak']);
    const detail = (await req('GET', `/api/v1/quality/inspections/${sampled[0].id}`, supervisor.headers)).json();
    expect(detail.form).toMatchObject({ id: formId, version: 1, isFrozen: true });
    const retired = await req('DELETE', `/api/v1/quality/forms/${formId}`, admin.headers);
    expect(retired.json()).toEqual({ id: formId, isDeleted: false, isActive: false });
    const unused = await req('DELETE', `/api/v1/quality/forms/${res.json().id}`, admin.headers);
    expect(unused.json()).toMatchObject({ isDeleted: true });
  });
});

describe('agent performance', () => {
  it("sums an agent's calls, orders and QA scores exactly", async () => {
    const res = await req('GET', `/api/v1/quality/agents/${agentA.userId}?${q}`, supervisor.headers);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      agentUserId: agentA.userId,
      callsAnswered: 3,
      talkSeconds: 600,
      wrapUpSeconds: 120,
      ordersCreated: 4,
      nonPhoneOrders: 2,
      directAnswered: 1,
      contactsHandled: 5,
      directAnswerRate: 0.3333,
      averageHandlingSeconds: 240,
      averageQaScore: 45,
      inspections: 2,
      fatalInspections: 1,
      pendingInspections: 1,
    });
  });

  it('lists every active agent for the center, and only their own record for an agent', async () => {
    const all = (await req('GET', `/api/v1/quality/agents?${q}`, leader.headers)).json().items;
    expect(all.map((r: any) => r.agentUserId)).toEqual(expect.arrayContaining([agentA.userId, agentB.userId]));
    expect(all.find((r: any) => r.agentUserId === agentB.userId)).toMatchObject({
      ordersCreated: 1,
      callsAnswered: 0,
      averageHandlingSeconds: null,
      averageQaScore: null,
    });
    const own = (await req('GET', `/api/v1/quality/agents?${q}`, agentB.headers)).json().items;
    expect(own.map((r: any) => r.agentUserId)).toEqual([agentB.userId]);
    expect((await req('GET', `/api/v1/quality/agents/${agentA.userId}?${q}`, agentB.headers)).statusCode).toBe(403);
    expect((await req('GET', `/api/v1/quality/agents/${agentB.userId}?${q}`, agentB.headers)).statusCode).toBe(200);
  });

  it('shows an agent only their own inspections', async () => {
    const mine = (await req('GET', `/api/v1/quality/inspections?${q}`, agentA.headers)).json().items;
    expect(mine).toHaveLength(3);
    expect((await req('GET', `/api/v1/quality/inspections?${q}&agentUserId=${agentA.userId}`, agentB.headers)).statusCode).toBe(403);
    expect((await req('GET', `/api/v1/quality/inspections?${q}`, agentB.headers)).json().items).toHaveLength(0);
    expect((await req('GET', `/api/v1/quality/inspections/${sampled[0].id}`, agentB.headers)).statusCode).toBe(403);
    const scored = (
      await req('GET', `/api/v1/quality/inspections?${q}&status=scored&agentUserId=${agentA.userId}`, supervisor.headers)
    ).json().items;
    expect(scored.map((i: any) => i.score).sort()).toEqual([0, 90]);
  });

  it('rejects future and reversed periods', async () => {
    expect(
      (await req('GET', `/api/v1/quality/agents?from=${w.day(1)}&to=${w.day(28)}`, supervisor.headers)).json().error.details.reason,
    ).toBe('future_period');
    expect(
      (await req('GET', `/api/v1/quality/agents?from=${w.day(9)}&to=${w.day(1)}`, supervisor.headers)).json().error.details.reason,
    ).toBe('reversed_period');
  });
});
