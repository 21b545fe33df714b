import { describe, expect, it } from 'vitest';
import { setupApp, testClock } from '../../../../test/app.ts';
import { buildCategory, buildRegion, buildSignedInUser, signIn, uid, type Session } from '../../../../test/factories/orgs.ts';
import { SYSTEM_ACTOR } from '../../../lib/actor.ts';
import type { LiveEvent } from '../../../lib/live.ts';
import { detectSurgeAlerts } from '../../../jobs/detect-surge-alerts.ts';
import { jobDefinitions } from '../../../jobs/index.ts';
import { tickets } from '../../../db/schema.ts';

// Tests share the PostgreSQL database and an alert run counts every order of its window and baseline: each run
// lives on its own Wednesday far in the future, so other files' orders stay out.
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const someDay = Date.UTC(2100 + Math.floor(Math.random() * 7800), Math.floor(Math.random() * 12), 1 + Math.floor(Math.random() * 28));
const wednesday = someDay + ((3 - new Date(someDay).getUTCDay() + 7) % 7) * DAY_MS;
/** Instant at China time `hour` on the test day shifted by `days`. */
const cst = (days: number, hour: number, minute = 0) => new Date(wednesday + days * DAY_MS + (hour - 8) * HOUR_MS + minute * 60_000);
const isoDay = (d: Date) => new Date(d.getTime() + 8 * HOUR_MS).toISOString().slice(0, 10);
const isRestDay = (days: number) => [0, 6].includes(new Date(wednesday + days * DAY_MS).getUTCDay());

// 15:10 on the Wednesday: the run judges 14:00–15:00 and the day so far
const clock = testClock(cst(0, 15, 10));
const { app } = await setupApp({ clock });
const db = app.services.db;
const admin = await buildSignedInUser(app, 'admin');
const leader = await buildSignedInUser(app, 'leader');
const supervisor = await buildSignedInUser(app, 'supervisor');
const agent = await buildSignedInUser(app, 'agent');
const dispatcher = await buildSignedInUser(app, 'dispatcher');
const handler = await buildSignedInUser(app, 'handler');
const get = (s: Session, url: string) => app.inject({ method: 'GET', url, headers: s.headers });

const district = await buildRegion(db, { name: `东湖${uid()}区`, level: 'district' });
const street = await buildRegion(db, { name: `湖滨${uid()}街道`, level: 'street', parentId: district.id });
const community = await buildRegion(db, { name: `湖畔${uid()}社区`, level: 'community', parentId: street.id });
/** Working-day business: two orders each working day, a surge of 20 today (8 of them in the last hour). */
const waterOutage = await buildCategory(db, { name: `停水${uid()}` });
/** Steady: three each working day, three today. */
const potholes = await buildCategory(db, { name: `道路破损${uid()}` });
/** Rest-day business (parks, markets): six each rest day, six today — ordinary only if today is a holiday. */
const parkNoise = await buildCategory(db, { name: `公园噪音${uid()}` });

const rows: (typeof tickets.$inferInsert)[] = [];
const order = (categoryId: number, regionId: number, at: Date) =>
  rows.push({
    number: `A${uid()}${uid()}`.slice(0, 17),
    channel: 'phone',
    type: 'complaint',
    title: '测试',
    content: '测试',
    status: 'pending_dispatch',
    categoryId,
    regionId,
    createdAt: at,
  });
for (let back = 1; back <= 56; back++) {
  if (isRestDay(-back)) for (let i = 0; i < 6; i++) order(parkNoise.id, community.id, cst(-back, 10, i));
  else {
    for (let i = 0; i < 2; i++) order(waterOutage.id, street.id, cst(-back, 10, i));
    for (let i = 0; i < 3; i++) order(potholes.id, community.id, cst(-back, 11, i));
  }
}
for (let i = 0; i < 12; i++) order(waterOutage.id, street.id, cst(0, 9 + (i % 5), i));
for (let i = 0; i < 8; i++) order(waterOutage.id, community.id, cst(0, 14, 5 * i));
for (let i = 0; i < 3; i++) order(potholes.id, community.id, cst(0, 11, i));
for (let i = 0; i < 6; i++) order(parkNoise.id, community.id, cst(0, 10, i));
// after the hour judged: not counted in this run
order(waterOutage.id, street.id, cst(0, 15, 1));
const inserted = await db
  .insert(tickets)
  .values(rows)
  .returning({ id: tickets.id, categoryId: tickets.categoryId, createdAt: tickets.createdAt });
const todaysWaterOutages = inserted.filter((t) => t.categoryId === waterOutage.id && t.createdAt >= cst(0, 0) && t.createdAt < cst(0, 15));

// today is a public holiday (a weekday off): park noise is compared with rest days, not with working days
const holiday = await app.inject({
  method: 'PUT',
  url: `/api/v1/admin/calendar/${isoDay(cst(0, 12))}`,
  headers: admin.headers,
  payload: { isWorkday: false, name: '测试假日' },
});
expect(holiday.statusCode, holiday.body).toBe(200);

const events: LiveEvent[] = [];
app.services.live.subscribe((e) => {
  if (e.topic === 'alert.raised') events.push(e);
});
const ours = (items: any[]) => items.filter((a) => [waterOutage.id, potholes.id, parkNoise.id].includes(a.categoryId!));

describe('surge alerts (预警)', () => {
  it('the hourly job raises the day’s and the hour’s surge per category × district, and tells the centre live', async () => {
    expect(jobDefinitions).toContain(detectSurgeAlerts);
    expect(detectSurgeAlerts.schedule).toEqual({ everyMs: HOUR_MS });
    const outcome: any = await detectSurgeAlerts.handler(app.services, {});
    expect(outcome).toMatchObject({ hour: `${isoDay(cst(0, 12))}T14`, day: isoDay(cst(0, 12)) });

    const mine = events.filter((e) => [waterOutage.id, potholes.id, parkNoise.id].includes(e.payload!.categoryId as number));
    expect(mine.map((e) => e.payload!.granularity).sort()).toEqual(['day', 'hour']);
    for (const e of mine) {
      expect(e.unitIds).toEqual([]);
      expect(e.payload).toMatchObject({
        categoryId: waterOutage.id,
        regionId: district.id,
        regionName: district.name,
        isEscalation: false,
        level: expect.stringMatching(/warning|critical/),
      });
      expect(e.payload!.message).toMatch(/停水/);
    }
    const day = mine.find((e) => e.payload!.granularity === 'day')!.payload!;
    // against rest days (today is a holiday), where the water-outage baseline is nothing
    expect(day).toMatchObject({ observed: 20, ticketCount: 20, baselinePeriods: 16 });
    expect(mine.find((e) => e.payload!.granularity === 'hour')!.payload).toMatchObject({ observed: 8, period: `${isoDay(cst(0, 12))}T14` });
  });

  it('lists the alerts with their orders for drill-down', async () => {
    const res = await get(leader, `/api/v1/insight/alerts?from=${isoDay(cst(0, 12))}&to=${isoDay(cst(0, 12))}`);
    expect(res.statusCode, res.body).toBe(200);
    const items = ours(res.json().items);
    // steady potholes and rest-day park noise on a holiday raise nothing
    expect(items.map((a: any) => [a.granularity, a.categoryId])).toEqual(
      expect.arrayContaining([
        ['day', waterOutage.id],
        ['hour', waterOutage.id],
      ]),
    );
    expect(items).toHaveLength(2);
    const day = items.find((a: any) => a.granularity === 'day');
    expect(day).toMatchObject({
      period: isoDay(cst(0, 12)),
      windowStart: cst(0, 0).toISOString(),
      windowEnd: cst(1, 0).toISOString(),
      categoryName: waterOutage.pathName,
      regionId: district.id,
      regionName: district.name,
      observed: 20,
      expected: expect.any(Number),
    });
    expect(day.risePercent).toBeGreaterThan(286);
    expect([...day.ticketIds].sort()).toEqual(todaysWaterOutages.map((t) => t.id).sort());
    const hour = items.find((a: any) => a.granularity === 'hour');
    expect(hour.ticketIds).toHaveLength(8);
    expect(hour).toMatchObject({ windowStart: cst(0, 14).toISOString(), windowEnd: cst(0, 15).toISOString() });
  });

  it('is idempotent per window: a re-run in the same hour stores and announces nothing new', async () => {
    const before = events.length;
    clock.advance(20 * 60_000);
    const outcome = await app.services.insight.detectSurgeAlerts(SYSTEM_ACTOR);
    expect(outcome.raised).toBe(0);
    expect(outcome.updated).toBeGreaterThanOrEqual(2);
    expect(events.length).toBe(before);
    const items = ours((await get(supervisor, `/api/v1/insight/alerts?from=${isoDay(cst(0, 12))}&to=${isoDay(cst(0, 12))}`)).json().items);
    expect(items).toHaveLength(2);
  });

  it('is for dispatchers, supervisors, leaders and admins, over a valid period', async () => {
    expect((await get(agent, '/api/v1/insight/alerts')).statusCode).toBe(403);
    expect((await get(handler, '/api/v1/insight/alerts')).statusCode).toBe(403);
    expect((await get(dispatcher, '/api/v1/insight/alerts')).statusCode).toBe(200);
    expect((await get(leader, '/api/v1/insight/alerts?from=2026-03-05&to=2026-03-01')).statusCode).toBe(400);
    expect((await get(leader, '/api/v1/insight/alerts?from=soon')).statusCode).toBe(400);
    await expect(
      app.services.insight.detectSurgeAlerts({ ...SYSTEM_ACTOR, kind: 'user', role: 'leader', userId: leader.userId }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('counts a working day against working days: the same park noise is a surge then', async () => {
    // next Wednesday, an ordinary working day: six park-noise complaints where working days see none
    const nextWeek = 7;
    await db.insert(tickets).values(
      Array.from({ length: 6 }, (_, i) => ({
        number: `B${uid()}${uid()}`.slice(0, 17),
        channel: 'phone',
        type: 'complaint',
        title: '测试',
        content: '测试',
        status: 'pending_dispatch',
        categoryId: parkNoise.id,
        regionId: community.id,
        createdAt: cst(nextWeek, 10, i),
      })),
    );
    clock.set(cst(nextWeek, 17, 30));
    await app.services.insight.detectSurgeAlerts(SYSTEM_ACTOR);
    const adminNow = await signIn(app, admin.user.username); // a week on, the morning's session has expired
    const items = ours(
      (await get(adminNow, `/api/v1/insight/alerts?from=${isoDay(cst(nextWeek, 12))}&to=${isoDay(cst(nextWeek, 12))}`)).json().items,
    );
    expect(items.map((a: any) => [a.granularity, a.categoryId, a.observed])).toEqual([['day', parkNoise.id, 6]]);
  });
});
