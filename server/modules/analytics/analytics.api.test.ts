import { afterAll, describe, expect, it } from 'vitest';
import { isPostgres, setupApp, testClock } from '../../../test/app.ts';
import { buildCitizen, buildOrder, clearAnalyticsWindow, orderStory } from '../../../test/factories/analytics.ts';
import { buildCategory, buildRegion, buildSignedInUser, buildUnit } from '../../../test/factories/orgs.ts';
import { addDays } from './periods.ts';
import { randomTestMonth } from '../../../test/factories/windows.ts';

const w = randomTestMonth();
const todayDay = w.day(20);
const clock = testClock(w.at(20, '15:00'));
const { app } = await setupApp({ clock });
const db = app.services.db;
afterAll(() => clearAnalyticsWindow(db, addDays(w.day(1), -70), addDays(todayDay, 40)));

const leader = await buildSignedInUser(app, 'leader');
const admin = await buildSignedInUser(app, 'admin');
const get = (url: string, headers = leader.headers) => app.inject({ method: 'GET', url, headers });

// Reference data of this file: category X (level 1) with child X1; district R with street R1.
const catX = await buildCategory(db);
const catX1 = await buildCategory(db, { parentId: catX.id, level: 2, pathName: `${catX.name} / 子类` });
const districtR = await buildRegion(db, { level: 'district' });
const streetR1 = await buildRegion(db, { level: 'street', parentId: districtR.id });
const u1 = await buildUnit(db);
const u2 = await buildUnit(db);
const citizen = await buildCitizen(db);

// o1, o2: complaints by one citizen in X1 handled by u1 (the second is a repeat complaint)
const o1 = await buildOrder(db, {
  at: w.at(5, '09:00'),
  channel: 'phone',
  type: 'complaint',
  categoryId: catX1.id,
  regionId: streetR1.id,
  citizenId: citizen.id,
});
await (
  await orderStory(db, o1.id).dispatch(w.at(5, '09:30'), u1.id)
)
  .sign(w.at(5, '10:00'), true)
  .then((s) => s.reply(w.at(5, '19:30'), true))
  .then((s) => s.review(w.at(5, '20:00')))
  .then((s) => s.callback(w.at(6, '10:00'), 'satisfied', true));
const o2 = await buildOrder(db, {
  at: w.at(5, '10:00'),
  channel: 'web',
  type: 'complaint',
  categoryId: catX1.id,
  regionId: streetR1.id,
  citizenId: citizen.id,
});
await (
  await orderStory(db, o2.id).dispatch(w.at(5, '11:00'), u1.id)
)
  .sign(w.at(6, '11:00'), false)
  .then((s) => s.reply(w.at(6, '17:00'), false))
  .then((s) => s.review(w.at(6, '18:00')))
  .then((s) => s.callback(w.at(7, '10:00'), 'basically_satisfied', false));
// o3 answered on the spot, o4 invalid, both in X; o5 today, dispatched to u2 and overdue
const o3 = await buildOrder(db, { at: w.at(6, '08:00'), channel: 'phone', type: 'inquiry', categoryId: catX.id, regionId: districtR.id });
await orderStory(db, o3.id).directAnswer(w.at(6, '08:05'));
const o4 = await buildOrder(db, { at: w.at(6, '08:10'), channel: 'phone', type: 'help', categoryId: catX.id, regionId: districtR.id });
await orderStory(db, o4.id).invalidate(w.at(6, '08:15'));
const o5 = await buildOrder(db, { at: w.at(20, '08:00'), channel: 'phone', type: 'help', categoryId: catX.id, regionId: streetR1.id });
await (await orderStory(db, o5.id).dispatch(w.at(20, '08:30'), u2.id)).overdue(w.at(20, '14:00'));

// sms contacts at 09:00 on two of the eight weekdays before tomorrow, for the staffing forecast
const tomorrow = addDays(todayDay, 1);
for (const [daysBack, n] of [
  [7, 3],
  [14, 5],
] as const) {
  for (let i = 0; i < n; i++)
    await buildOrder(db, {
      at: `${addDays(tomorrow, -daysBack)}T09:${String(10 + i).padStart(2, '0')}:00+08:00`,
      channel: 'sms',
      type: 'inquiry',
    });
}
await app.services.analytics.rollups.refresh();

const period = `from=${w.day(1)}&to=${todayDay}`;

describe('analytics API', () => {
  it('serves the indicator definitions', async () => {
    const res = await get('/api/v1/analytics/indicators');
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items.find((i: any) => i.id === 'satisfaction_rate')).toMatchObject({
      nameZh: '满意率',
      nameEn: 'Satisfaction rate',
      kind: 'rate',
      isAssessable: true,
    });
    expect(items.length).toBeGreaterThan(20);
  });

  it('sums a unit exactly, with handling-time percentiles', async () => {
    const res = await get(`/api/v1/analytics/summary?${period}&groupBy=unit&unitId=${u1.id}&percentiles=true`);
    expect(res.statusCode).toBe(200);
    const [row] = res.json().rows;
    expect(row).toMatchObject({ key: String(u1.id), label: u1.name });
    expect(row.measures).toMatchObject({
      dispatches: 2,
      signs: 2,
      signsOnTime: 1,
      replies: 2,
      repliesOnTime: 1,
      reviewsAccepted: 2,
      callbacks: 2,
      satisfied: 1,
      basicallySatisfied: 1,
      resolved: 1,
      resolvedAnswered: 2,
    });
    expect(row.indicators).toMatchObject({
      on_time_sign_rate: 0.5,
      on_time_completion_rate: 0.5,
      satisfaction_rate: 1,
      resolution_rate: 0.5,
      callback_rate: 1,
      avg_handling_hours: 20,
      p50_handling_hours: 20,
      p90_handling_hours: 28,
      return_rate: 0,
    });
    const plain = (await get(`/api/v1/analytics/summary?${period}&groupBy=unit&unitId=${u1.id}`)).json().rows[0];
    expect(plain.indicators).toMatchObject({ avg_handling_hours: 20, p50_handling_hours: null, p90_handling_hours: null });
    // 10·0.5 + 45·0.5 + 45·1 = 72.5
    expect(row.indicators.composite_score).toBeCloseTo(72.5, 10);
  });

  it('sums by category, channel and type for the period', async () => {
    const cats = (await get(`/api/v1/analytics/summary?${period}&groupBy=category`)).json().rows;
    const x1 = cats.find((r: any) => r.key === String(catX1.id));
    expect(x1.measures).toMatchObject({ contacts: 2, complaints: 2, repeatComplaints: 1 });
    expect(x1.indicators.repeat_complaint_rate).toBe(0.5);
    const x = cats.find((r: any) => r.key === String(catX.id));
    expect(x.measures).toMatchObject({ contacts: 3, directAnswered: 1, invalid: 1 });
    expect(x.indicators).toMatchObject({ orders: 2, direct_answer_rate: 0.5 });
    const channels = (await get(`/api/v1/analytics/summary?${period}&groupBy=channel`)).json();
    expect(Object.fromEntries(channels.rows.map((r: any) => [r.key, r.measures.contacts]))).toEqual({ phone: 4, web: 1, sms: 8 });
    expect(channels.rows.find((r: any) => r.key === 'phone').label).toBe('电话');
    expect(channels.total.measures.contacts).toBe(13);
    expect(channels.total.indicators.orders).toBe(12);
  });

  it('shows the dashboard for today and this month', async () => {
    const res = await get('/api/v1/analytics/dashboard');
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d.today).toEqual({ day: todayDay, contacts: 1, orders: 1 });
    expect(d.month).toMatchObject({
      from: w.day(1),
      to: todayDay,
      contacts: 13,
      orders: 12,
      onTimeSignRate: 0.5,
      onTimeCompletionRate: 0.5,
    });
    expect(d.month.directAnswerRate).toBeCloseTo(1 / 12, 12);
    expect(d.month.satisfaction).toEqual({ rate: 1, countsBasic: true, satisfied: 1, basicallySatisfied: 1, unsatisfied: 0 });
    expect(d.trend).toHaveLength(30);
    expect(d.trend.at(-1)).toEqual({ day: todayDay, contacts: 1, orders: 1 });
    expect(d.trend.find((t: any) => t.day === w.day(6))).toEqual({ day: w.day(6), contacts: 2, orders: 1 });
    // the sms contacts have no category or region
    expect(d.topCategories).toEqual([
      { id: 0, name: '未填写', contacts: 8 },
      { id: catX.id, name: catX.name, contacts: 5 },
    ]);
    expect(d.byDistrict).toEqual([
      { id: 0, name: '未填写', contacts: 8 },
      { id: districtR.id, name: districtR.name, contacts: 5 },
    ]);
    expect(d.overdue.monthOverdueEvents).toBe(1);
    expect(d.overdue.openOverdue).toBeGreaterThanOrEqual(1);
    if (!isPostgres) expect(d.overdue).toEqual({ openOverdue: 1, openAtRisk: 0, monthOverdueEvents: 1 });
  });

  it('follows the 基本满意 setting', async () => {
    const before = (await get('/api/v1/analytics/settings')).json();
    const put = (body: Record<string, unknown>) =>
      app.inject({ method: 'PUT', url: '/api/v1/analytics/settings', headers: admin.headers, payload: body });
    try {
      expect((await put({ ...before, satisfactionCountsBasic: false })).statusCode).toBe(200);
      const row = (await get(`/api/v1/analytics/summary?${period}&groupBy=unit&unitId=${u1.id}`)).json().rows[0];
      expect(row.indicators.satisfaction_rate).toBe(0.5);
    } finally {
      await put(before);
    }
    const bad = await put({ ...before, compositeWeights: { response: 10, resolution: 45, satisfaction: 40 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { reason: 'weights_not_100' } });
    expect(bad.json().error.message).toContain('100');
    expect(bad.json().error.message_en).toContain('100');
    const byLeader = await app.inject({ method: 'PUT', url: '/api/v1/analytics/settings', headers: leader.headers, payload: before });
    expect(byLeader.statusCode).toBe(403);
  });

  it('forecasts tomorrow by half hour and staffs it with Erlang C', async () => {
    const res = await get('/api/v1/analytics/staffing?serviceLevel=0.8&targetSeconds=20&aht=180&channel=sms&days=1&plannedAgents=2');
    expect(res.statusCode).toBe(200);
    const plan = res.json();
    expect(plan.model).toBe('erlang_c');
    const [day] = plan.days;
    expect(day.day).toBe(tomorrow);
    expect(day.referenceDays).toHaveLength(8);
    expect(day.volume).toBe(1);
    const nine = day.slots.find((s: any) => s.start === '09:00');
    expect(nine.volume).toBe(1);
    expect(nine.required).toMatchObject({ agents: 1, serviceLevel: 0.9095 });
    expect(nine.planned.serviceLevel).toBeCloseTo(0.9961, 4);
    expect(day.slots.find((s: any) => s.start === '10:00').required.agents).toBe(0);
    expect(day.peakAgents).toBe(1);
    const withPatience = (
      await get('/api/v1/analytics/staffing?serviceLevel=0.8&targetSeconds=20&aht=180&patience=60&channel=sms&days=1')
    ).json();
    expect(withPatience.model).toBe('erlang_a');
    expect(withPatience.days[0].slots[18].required.agents).toBe(1);
  });

  it('works out a roster of shifts half hour by half hour, and refuses a shift it cannot read', async () => {
    const roster = encodeURIComponent('08:00-12:00*2, 09:00-17:00*1');
    const plan = (
      await get(`/api/v1/analytics/staffing?serviceLevel=0.8&targetSeconds=20&aht=180&channel=sms&days=1&plannedAgents=9&roster=${roster}`)
    ).json();
    const slot = (start: string) => plan.days[0].slots.find((s: any) => s.start === start);
    expect([
      slot('07:30').planned.agents,
      slot('08:00').planned.agents,
      slot('09:00').planned.agents,
      slot('12:00').planned.agents,
      slot('17:00').planned.agents,
    ]).toEqual([0, 2, 3, 1, 0]);
    expect(slot('09:00').planned.serviceLevel).toBeGreaterThan(0.99);
    const bad = await get(
      `/api/v1/analytics/staffing?serviceLevel=0.8&targetSeconds=20&aht=180&channel=sms&days=1&roster=${encodeURIComponent('早班20人')}`,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'roster', part: '早班20人' }] });
    expect(bad.json().error.message).toContain('08:00-17:00*20');
  });

  it('lets only the center read figures', async () => {
    const handler = await buildSignedInUser(app, 'handler', { unitId: u1.id });
    expect((await get(`/api/v1/analytics/summary?${period}&groupBy=unit`, handler.headers)).statusCode).toBe(403);
    expect((await get('/api/v1/analytics/dashboard', handler.headers)).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/v1/analytics/dashboard' })).statusCode).toBe(401);
    const dispatcher = await buildSignedInUser(app, 'dispatcher');
    expect((await get('/api/v1/analytics/dashboard', dispatcher.headers)).statusCode).toBe(200);
  });

  describe('bad input', () => {
    const errorOf = async (url: string) => {
      const res = await get(url);
      return { status: res.statusCode, ...res.json().error };
    };
    it('rejects reversed and future periods with a reason', async () => {
      expect(await errorOf(`/api/v1/analytics/summary?from=${w.day(10)}&to=${w.day(2)}&groupBy=unit`)).toMatchObject({
        status: 400,
        code: 'VALIDATION_FAILED',
        details: { reason: 'reversed_period' },
      });
      const future = await errorOf(`/api/v1/analytics/summary?from=${w.day(10)}&to=${tomorrow}&groupBy=unit`);
      expect(future).toMatchObject({
        status: 400,
        code: 'VALIDATION_FAILED',
        message: '统计期不能晚于今天',
        message_en: 'The period cannot end in the future',
        details: { reason: 'future_period' },
      });
      expect((await errorOf('/api/v1/analytics/summary?from=2026-13-01&to=2026-13-02&groupBy=unit')).status).toBe(400);
      expect((await errorOf(`/api/v1/analytics/summary?${period}&groupBy=street`)).status).toBe(400);
    });
    it('rejects unknown units', async () => {
      expect(await errorOf(`/api/v1/analytics/summary?${period}&groupBy=unit&unitId=987654321`)).toMatchObject({
        status: 422,
        code: 'UNKNOWN_REFERENCE',
      });
      expect(await errorOf(`/api/v1/analytics/summary?${period}&groupBy=category&unitId=${u1.id}`)).toMatchObject({
        status: 400,
        details: { reason: 'unit_filter_needs_unit_grouping' },
      });
    });
    it('rejects impossible staffing targets and past forecasts', async () => {
      expect((await errorOf('/api/v1/analytics/staffing?serviceLevel=1.5&targetSeconds=20&aht=180')).status).toBe(400);
      expect((await errorOf('/api/v1/analytics/staffing?serviceLevel=0.8&targetSeconds=20&aht=0')).status).toBe(400);
      expect(await errorOf(`/api/v1/analytics/staffing?serviceLevel=0.8&targetSeconds=20&aht=180&from=${w.day(1)}`)).toMatchObject({
        status: 400,
        details: { reason: 'past_period' },
      });
    });
  });
});
