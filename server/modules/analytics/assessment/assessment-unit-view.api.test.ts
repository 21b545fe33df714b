import { afterAll, describe, expect, it } from 'vitest';
import { setupApp, testClock } from '../../../../test/app.ts';
import { buildOrder, clearAnalyticsWindow, orderStory } from '../../../../test/factories/analytics.ts';
import { buildSignedInUser, buildUnit, uid } from '../../../../test/factories/orgs.ts';
import { randomTestMonth, testMonth } from '../../../../test/factories/windows.ts';
import { DEFAULT_ASSESSMENT_CONFIG } from './assessment-scoring.ts';
import { shiftMonth } from '../periods.ts';

const w = randomTestMonth();
const next = testMonth(shiftMonth(w.month, 1));
const { app } = await setupApp({ clock: testClock(next.at(10, '10:00')) });
const db = app.services.db;
afterAll(() => clearAnalyticsWindow(db, w.day(1), next.day(28)));

const group = `peer-${uid()}`;
const unitA = await buildUnit(db, { peerGroup: group });
const unitB = await buildUnit(db, { peerGroup: group });
const supervisor = await buildSignedInUser(app, 'supervisor');
const leader = await buildSignedInUser(app, 'leader');
const adminOfA = await buildSignedInUser(app, 'unit_admin', { unitId: unitA.id });
const handlerOfA = await buildSignedInUser(app, 'handler', { unitId: unitA.id });
const adminOfB = await buildSignedInUser(app, 'unit_admin', { unitId: unitB.id });

const story = async (at: string) => orderStory(db, (await buildOrder(db, { at, type: 'complaint' })).id);
await (
  await story(w.at(3, '08:00'))
)
  .dispatch(w.at(3, '09:00'), unitA.id)
  .then((s) => s.sign(w.at(3, '10:00'), true))
  .then((s) => s.overdue(w.at(5, '09:00')))
  .then((s) => s.supervise(w.at(5, '10:00')));
await (await story(w.at(3, '08:20'))).dispatch(w.at(3, '09:20'), unitB.id).then((s) => s.sign(w.at(3, '10:20'), true));

const post = (url: string, payload: unknown, headers = supervisor.headers) =>
  app.inject({ method: 'POST', url, headers, payload: payload as any });
const get = (url: string, headers = leader.headers) => app.inject({ method: 'GET', url, headers });
const base = `/api/v1/analytics/assessments/${w.month}`;

describe("assessment API: months and a unit's own result", () => {
  it('shows a unit its own draft result (公示) so it can appeal before publication', async () => {
    expect((await get(`${base}/unit`, adminOfA.headers)).json().error.details.reason).toBe('not_computed');
    expect((await post(`${base}/compute`, { config: DEFAULT_ASSESSMENT_CONFIG })).statusCode).toBe(200);

    const mine = await get(`${base}/unit`, adminOfA.headers);
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({
      month: w.month,
      unitId: unitA.id,
      unitName: unitA.name,
      run: { version: 1, status: 'draft' },
      peerGroupSize: 2,
    });
    expect(mine.json().result).toMatchObject({ unitId: unitA.id, peerGroup: group, rank: 2 });
    expect(mine.json().result.deductions.find((d: any) => d.kind === 'supervision')).toEqual({
      kind: 'supervision',
      count: 1,
      waived: 0,
      points: 1,
    });
    // the whole month stays hidden from units until it is published
    expect((await get(base, adminOfA.headers)).statusCode).toBe(404);

    expect((await get(`${base}/unit`, handlerOfA.headers)).json().unitId).toBe(unitA.id);
    expect((await get(`${base}/unit?unitId=${unitA.id}`, adminOfB.headers)).statusCode).toBe(403);
    expect((await get(`${base}/unit?unitId=${unitB.id}`)).json()).toMatchObject({ unitId: unitB.id, result: { rank: 1 } });
    expect((await get(`${base}/unit`)).json().error.details.reason).toBe('unit_required');

    const filed = await post(
      `${base}/appeals`,
      { unitId: unitA.id, deductionKind: 'supervision', count: 1, reason: '督办单系误发' },
      adminOfA.headers,
    );
    expect(filed.statusCode).toBe(200);
    await post(`/api/v1/analytics/appeals/${filed.json().id}/decide`, { decision: 'approve' });
    const after = (await get(`${base}/unit`, adminOfA.headers)).json();
    expect(after.run.version).toBe(2);
    expect(after.result.deductions.find((d: any) => d.kind === 'supervision')).toMatchObject({ waived: 1, points: 0 });
  });

  it("lists the months with an assessment, newest first, with the latest version's status", async () => {
    const before = (await get(`/api/v1/analytics/assessments?to=${w.month}&limit=1`)).json().items;
    expect(before).toEqual([expect.objectContaining({ month: w.month, version: 2, status: 'draft', publishedAt: null })]);
    expect((await post(`${base}/publish`, {})).statusCode).toBe(200);
    const after = (await get(`/api/v1/analytics/assessments?to=${w.month}&limit=5`)).json().items;
    expect(after[0]).toMatchObject({ month: w.month, version: 2, status: 'published' });
    expect(after.map((x: any) => x.month)).toEqual([...after.map((x: any) => x.month)].sort().reverse());
    expect((await get('/api/v1/analytics/assessments', adminOfA.headers)).statusCode).toBe(403);
  });

  it('gives units the indicator definitions their results are built from', async () => {
    const res = await get('/api/v1/analytics/indicators', handlerOfA.headers);
    expect(res.statusCode).toBe(200);
    expect(res.json().items.find((i: any) => i.id === 'satisfaction_rate')).toMatchObject({ nameZh: '满意率', kind: 'rate' });
  });
});
