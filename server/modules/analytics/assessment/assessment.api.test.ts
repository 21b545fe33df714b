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
const unitC = await buildUnit(db, { peerGroup: `${group}-2` });
const supervisor = await buildSignedInUser(app, 'supervisor');
const leader = await buildSignedInUser(app, 'leader');
const adminOfA = await buildSignedInUser(app, 'unit_admin', { unitId: unitA.id });

const story = async (at: string) => orderStory(db, (await buildOrder(db, { at, type: 'complaint' })).id);
await (
  await story(w.at(3, '08:00'))
)
  .dispatch(w.at(3, '09:00'), unitA.id)
  .then((s) => s.sign(w.at(3, '10:00'), true))
  .then((s) => s.reply(w.at(4, '10:00'), true))
  .then((s) => s.review(w.at(4, '11:00')))
  .then((s) => s.callback(w.at(5, '10:00'), 'satisfied', true));
await (
  await story(w.at(3, '08:10'))
)
  .dispatch(w.at(3, '09:10'), unitA.id)
  .then((s) => s.sign(w.at(4, '10:00'), false))
  .then((s) => s.reply(w.at(6, '10:00'), false))
  .then((s) => s.review(w.at(6, '11:00')))
  .then((s) => s.callback(w.at(7, '10:00'), 'unsatisfied', false))
  .then((s) => s.reopen(w.at(7, '15:00')));
await (
  await story(w.at(8, '08:00'))
)
  .dispatch(w.at(8, '09:00'), unitA.id)
  .then((s) => s.return(w.at(8, '10:00')))
  .then((s) => s.dispatch(w.at(9, '09:00'), unitA.id))
  .then((s) => s.sign(w.at(9, '10:00'), true))
  .then((s) => s.overdue(w.at(10, '09:00')))
  .then((s) => s.supervise(w.at(10, '10:00')));
await (
  await story(w.at(3, '08:20'))
)
  .dispatch(w.at(3, '09:20'), unitB.id)
  .then((s) => s.sign(w.at(3, '10:20'), true))
  .then((s) => s.reply(w.at(4, '10:20'), true))
  .then((s) => s.review(w.at(4, '11:20')))
  .then((s) => s.callback(w.at(5, '10:20'), 'basically_satisfied', true));
const o5 = await buildOrder(db, { at: w.at(11, '08:00'), type: 'help' });
await (
  await orderStory(db, o5.id).dispatch(w.at(11, '09:00'), unitA.id)
)
  .sign(w.at(11, '15:00'), false)
  .then((s) => s.overdue(w.at(12, '09:00')));

const config = DEFAULT_ASSESSMENT_CONFIG;
const post = (url: string, payload: unknown, headers = supervisor.headers) =>
  app.inject({ method: 'POST', url, headers, payload: payload as any });
const get = (url: string, headers = leader.headers) => app.inject({ method: 'GET', url, headers });
const base = `/api/v1/analytics/assessments/${w.month}`;
const resultOf = (body: any, unitId: number) => body.results.find((r: any) => r.unitId === unitId);

describe('assessment API', () => {
  it('scores and ranks units within their peer group', async () => {
    const res = await post(`${base}/compute`, { config });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.run).toMatchObject({ month: w.month, version: 1, status: 'draft' });
    // A: 10·(2/4) + 25·(1/2) + 25·(1/2) + 30·(1/2) + 10·(1 − 1/5) = 53, minus 2 overdue (1) + 1 improper return (0.5) + 1 supervision (1) + 1 reopen (1)
    expect(resultOf(body, unitA.id)).toMatchObject({ score: 49.5, rank: 2, peerGroup: group });
    expect(resultOf(body, unitA.id).deductions).toEqual([
      { kind: 'overdue', count: 2, waived: 0, points: 1 },
      { kind: 'improper_return', count: 1, waived: 0, points: 0.5 },
      { kind: 'supervision', count: 1, waived: 0, points: 1 },
      { kind: 'upheld_dissatisfaction', count: 1, waived: 0, points: 1 },
    ]);
    expect(resultOf(body, unitB.id)).toMatchObject({ score: 100, rank: 1 });
    expect(resultOf(body, unitC.id)).toMatchObject({ score: null, rank: null });
  });

  it('leaves out orders marked 不纳入考核', async () => {
    const mark = await post('/api/v1/analytics/exclusions', { ticketId: o5.id, reason: '极端天气影响，经中心同意不纳入考核' });
    expect(mark.statusCode).toBe(200);
    expect((await post('/api/v1/analytics/exclusions', { ticketId: o5.id, reason: '重复' })).json().error).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'already_excluded' },
    });
    expect((await post('/api/v1/analytics/exclusions', { ticketId: 987654321, reason: 'x' })).statusCode).toBe(404);
    const listed = (await get('/api/v1/analytics/exclusions?limit=200')).json().items;
    expect(listed.find((x: any) => x.ticketId === o5.id)).toMatchObject({ reason: '极端天气影响，经中心同意不纳入考核' });
    const body = (await post(`${base}/compute`, { config })).json();
    expect(body.run.version).toBe(2);
    // 10·(2/3) + 25·0.5 + 25·0.5 + 30·0.5 + 10·0.75 = 54.1667, minus 3
    expect(resultOf(body, unitA.id)).toMatchObject({ score: 51.17, rank: 2 });
    expect(resultOf(body, unitA.id).deductions[0]).toEqual({ kind: 'overdue', count: 1, waived: 0, points: 0.5 });
  });

  it('takes appeals from the unit and recomputes when the center approves', async () => {
    const appeal = { unitId: unitA.id, deductionKind: 'supervision', count: 1, reason: '督办单系误发' };
    expect((await post(`${base}/appeals`, { ...appeal, unitId: unitB.id }, adminOfA.headers)).statusCode).toBe(403);
    expect((await post(`${base}/appeals`, { ...appeal, count: 2 }, adminOfA.headers)).json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { reason: 'appeal_exceeds_deductions', available: 1 },
    });
    expect((await post(`${base}/appeals`, { ...appeal, unitId: 987654321 })).json().error.code).toBe('UNKNOWN_REFERENCE');
    const filed = await post(`${base}/appeals`, appeal, adminOfA.headers);
    expect(filed.statusCode).toBe(200);
    expect(filed.json()).toMatchObject({ status: 'pending', unitName: unitA.name });
    expect((await get(`${base}/appeals`, adminOfA.headers)).json().items).toHaveLength(1);

    expect((await post(`/api/v1/analytics/appeals/${filed.json().id}/decide`, { decision: 'approve' }, adminOfA.headers)).statusCode).toBe(
      403,
    );
    const decided = await post(`/api/v1/analytics/appeals/${filed.json().id}/decide`, { decision: 'approve', note: '核实属实' });
    expect(decided.json()).toMatchObject({ status: 'approved', approvedCount: 1 });
    expect((await post(`/api/v1/analytics/appeals/${filed.json().id}/decide`, { decision: 'deny' })).json().error.details.reason).toBe(
      'already_decided',
    );
    const body = (await get(base)).json();
    expect(body.run.version).toBe(3);
    expect(resultOf(body, unitA.id)).toMatchObject({ score: 52.17 });
    expect(resultOf(body, unitA.id).deductions[2]).toEqual({ kind: 'supervision', count: 1, waived: 1, points: 0 });
  });

  it('rejects a scheme whose weights do not sum to 100 and keeps the results', async () => {
    const res = await post(`${base}/compute`, {
      config: {
        ...config,
        indicators: [
          { id: 'satisfaction_rate', weight: 60 },
          { id: 'resolution_rate', weight: 30 },
        ],
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: '各项指标权重之和应为 100，当前为 90',
      message_en: 'Indicator weights must sum to 100, not 90',
    });
    expect((await get(base)).json().versions).toHaveLength(3);
  });

  it('rejects future months, unknown months and other roles', async () => {
    const future = await post(`/api/v1/analytics/assessments/${shiftMonth(next.month, 1)}/compute`, { config });
    expect(future.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { reason: 'future_period' } });
    expect((await post('/api/v1/analytics/assessments/2026-13/compute', { config })).statusCode).toBe(400);
    expect((await get(`/api/v1/analytics/assessments/${shiftMonth(w.month, -1)}`)).json().error).toMatchObject({
      code: 'NOT_FOUND',
      details: { reason: 'not_computed' },
    });
    expect((await post(`${base}/compute`, { config }, leader.headers)).statusCode).toBe(403);
    expect((await post(`/api/v1/analytics/assessments/${next.month}/publish`, {})).json().error.details.reason).toBe('month_not_over');
  });

  it('freezes a published month: no recomputation, no appeals; units may then read it', async () => {
    expect((await get(base, adminOfA.headers)).json().error.details.reason).toBe('not_computed');
    const pending = await post(
      `${base}/appeals`,
      { unitId: unitA.id, deductionKind: 'overdue', count: 1, reason: '系统误判' },
      adminOfA.headers,
    );
    const published = await post(`${base}/publish`, {});
    expect(published.statusCode).toBe(200);
    expect(published.json().run).toMatchObject({ version: 3, status: 'published' });

    const again = await post(`${base}/compute`, { config });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'CONFLICT', details: { reason: 'month_published' } });
    expect(again.json().error.message).toContain('已发布');
    expect((await post(`${base}/publish`, {})).json().error.details.reason).toBe('month_published');
    expect(
      (await post(`${base}/appeals`, { unitId: unitA.id, deductionKind: 'overdue', count: 1, reason: 'x' }, adminOfA.headers)).json().error
        .details.reason,
    ).toBe('month_published');
    expect((await post(`/api/v1/analytics/appeals/${pending.json().id}/decide`, { decision: 'approve' })).json().error.details.reason).toBe(
      'month_published',
    );

    const seen = await get(base, adminOfA.headers);
    expect(seen.statusCode).toBe(200);
    expect(resultOf(seen.json(), unitA.id)).toMatchObject({ score: 52.17, rank: 2 });
    expect((await get(base)).json().versions).toHaveLength(3);
  });
});
