import { describe, expect, it } from 'vitest';
import { setupApp, testClock } from '../../../../test/app.ts';
import { buildCitizen, insertTicketRow, randomMobile } from '../../../../test/factories/citizens.ts';
import { buildCategory, buildRegion, buildSignedInUser, uid } from '../../../../test/factories/orgs.ts';
import { jobDefinitions } from '../../../jobs/index.ts';
import { runDueJobs } from '../../../jobs/runner.ts';
import { tickets } from '../../../db/schema.ts';
import { buildCityOrders } from '../insight.fixtures.ts';
import { createHotspotsRepository } from './hotspots.repository.ts';
import { createHotspotsService } from './hotspots.service.ts';
import { buildGazetteer } from '../places/gazetteer.ts';
import { SYSTEM_ACTOR } from '../../../lib/actor.ts';

// each run lives on its own day far in the future, so other files' (and earlier runs') orders stay out of its periods
const runDay = new Date(
  Date.UTC(2100 + Math.floor(Math.random() * 7800), Math.floor(Math.random() * 12), 1 + Math.floor(Math.random() * 28), 2),
);
const clock = testClock(runDay);
const isoDay = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
const daysAgo = (d: number) => new Date(clock.now().getTime() - d * 86_400_000);
const { app } = await setupApp({ clock });
const db = app.services.db;
const leader = await buildSignedInUser(app, 'leader');
const agent = await buildSignedInUser(app, 'agent');
const tag = [...uid().slice(0, 4)].map((c) => '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳'[parseInt(c, 16)]).join('');
const district = await buildRegion(db, { name: `清河${tag}区`, level: 'district' });
const category = await buildCategory(db, { name: `环境保护${tag}` });
const get = (url: string) => app.inject({ method: 'GET', url, headers: leader.headers });
const runJobs = () =>
  runDueJobs(
    app.services,
    jobDefinitions.filter((d) => d.name === 'compute-hotspots'),
  );

describe('hotspots API (stored, computed by the compute-hotspots job)', () => {
  it('answers at once with "pending", and serves the job’s stored result afterwards', async () => {
    const place = `锦绣${tag}家园`;
    const made: Awaited<ReturnType<typeof insertTicketRow>>[] = [];
    for (const [i, d] of [20, 12, 5, 2].entries()) {
      const citizen = await buildCitizen(db);
      // the second and third callers' orders were merged into the first (并单): still three more people who called
      const merged = i === 1 || i === 2 ? { status: 'merged', mergedIntoId: made[0].id } : { status: 'handling' };
      made.push(
        await insertTicketRow(db, {
          title: `${place}旁工地夜间施工噪音扰民${i}`,
          content: `${place}小区旁边的工地每天晚上施工到凌晨，噪音很大，居民无法休息`,
          ...merged,
          citizenId: citizen.id,
          regionId: district.id,
          createdAt: daysAgo(d),
          likes: i,
        }),
      );
    }
    const url = `/api/v1/insight/hotspots?from=${isoDay(daysAgo(30))}&to=${isoDay(clock.now())}&top=100`;
    const first = await get(url);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ status: 'pending', items: [], computedAt: null });
    // asking again does not queue a second computation
    expect((await get(url)).json().status).toBe('pending');

    const outcomes = await runJobs();
    expect(outcomes).toEqual([expect.objectContaining({ name: 'compute-hotspots', status: 'done' })]);
    const res = await get(url);
    const body = res.json();
    expect(body).toMatchObject({ status: 'ready', from: isoDay(daysAgo(30)), to: isoDay(clock.now()), orders: 4 });
    expect(body.computedAt).toBe(clock.now().toISOString());
    const ours = body.items.find((h: any) => h.ticketIds.includes(made[0].id));
    expect([...ours.ticketIds].sort()).toEqual(made.map((t) => t.id).sort());
    expect(ours).toMatchObject({ count: 4, citizens: 4, region: district.name, place });
    expect(ours.numbers).toContain(made[0].number);
    expect(ours.trend.series.reduce((a: number, s: any) => a + s.count, 0)).toBe(4);

    // a stale result stays served while the refresh is pending; the refresh replaces it
    clock.advance(20 * 60_000);
    const stale = (await get(url)).json();
    expect(stale).toMatchObject({ status: 'pending', orders: 4 });
    expect(stale.items).toHaveLength(body.items.length);
    await runJobs();
    expect((await get(url)).json()).toMatchObject({ status: 'ready', computedAt: clock.now().toISOString() });
  });

  it('stores an empty result for a period without orders', async () => {
    const url = `/api/v1/insight/hotspots?from=${isoDay(daysAgo(400))}&to=${isoDay(daysAgo(390))}`;
    expect((await get(url)).json().status).toBe('pending');
    await runJobs();
    expect((await get(url)).json()).toMatchObject({ status: 'ready', orders: 0, items: [] });
  });

  it('groups only the newest orders of a period larger than a run takes, and says so in both languages', async () => {
    const place = `翠湖${tag}花园`;
    const made = [];
    for (const d of [200, 199, 198, 197, 196, 195, 194, 193]) {
      made.push(
        await insertTicketRow(db, {
          title: `${place}小区门口垃圾堆积发臭`,
          content: `${place}小区门口的垃圾好几天没人清运，堆积发臭，蚊蝇很多`,
          status: 'handling',
          citizenId: (await buildCitizen(db)).id,
          regionId: district.id,
          createdAt: daysAgo(d),
        }),
      );
    }
    // the service as the app builds it, with a run taking at most 5 orders instead of 200,000
    const service = createHotspotsService({ db, clock, gazetteer: async () => buildGazetteer([]), orderLimit: 5 });
    const period = { from: isoDay(daysAgo(205)), to: isoDay(daysAgo(190)) };
    expect(await service.computeHotspots(SYSTEM_ACTOR, period)).toMatchObject({ orders: 5, ordersInPeriod: 8 });
    // served as any stored run: through the API
    const body = (await get(`/api/v1/insight/hotspots?from=${period.from}&to=${period.to}`)).json();
    expect(body).toMatchObject({ status: 'ready', orders: 5, ordersInPeriod: 8, capped: { limit: 5, since: isoDay(daysAgo(197)) } });
    expect(body.capped.message).toContain('共 8 件工单，超过单次计算上限 5 件');
    expect(body.capped.messageEn).toContain('newest 5');
    expect(body.items[0].ticketIds.sort()).toEqual(
      made
        .slice(3)
        .map((t) => t.id)
        .sort(),
    );
    // the app's own limit takes the whole period
    await app.services.insight.computeHotspots(SYSTEM_ACTOR, period);
    expect((await get(`/api/v1/insight/hotspots?from=${period.from}&to=${period.to}`)).json()).toMatchObject({
      orders: 8,
      ordersInPeriod: 8,
      capped: null,
    });
  });

  it('keeps intake answering while a large period is computed on the worker thread', async () => {
    const from = daysAgo(90);
    const orders = buildCityOrders(4_000, from, 25, 7);
    for (let i = 0; i < orders.length; i += 500) {
      await db.insert(tickets).values(
        orders.slice(i, i + 500).map((o, k) => ({
          number: `H${uid()}${i + k}`.slice(0, 17),
          channel: 'web',
          type: 'complaint',
          title: o.title,
          content: o.body,
          status: 'closed',
          createdAt: o.at,
          regionId: district.id,
        })),
      );
    }
    const fromDay = isoDay(from);
    const toDay = isoDay(daysAgo(60));
    expect((await get(`/api/v1/insight/hotspots?from=${fromDay}&to=${toDay}`)).json().status).toBe('pending');
    const job = runJobs();
    const runs = createHotspotsRepository(db);
    // wait until the orders are read and the worker thread computes
    for (let i = 0; i < 600 && (await runs.findRun(fromDay, toDay))?.status !== 'running'; i++) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 300));
    const timings: number[] = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/tickets',
        headers: agent.headers,
        payload: {
          channel: 'phone',
          type: 'complaint',
          urgency: 'normal',
          categoryId: category.id,
          regionId: district.id,
          content: '人民路路灯不亮已经一周了',
          citizen: { phone: randomMobile() },
        } as never,
      });
      timings.push(performance.now() - started);
      expect(res.statusCode, res.body).toBe(201);
    }
    // the hotspot computation was still under way while every intake was answered
    expect((await runs.findRun(fromDay, toDay))?.status).toBe('running');
    const during = (await get(`/api/v1/insight/hotspots?from=${fromDay}&to=${toDay}`)).json();
    expect(during).toMatchObject({ status: 'running', items: [] });
    // on the main thread the intakes would have waited for the whole computation; on a shared test machine an intake
    // takes up to a second or so anyway
    expect(Math.max(...timings)).toBeLessThan(3_000);
    await job;
    const done = (await get(`/api/v1/insight/hotspots?from=${fromDay}&to=${toDay}&top=5`)).json();
    expect(done).toMatchObject({ status: 'ready', orders: 4_000 });
    expect(done.items).toHaveLength(5);
  }, 120_000);

  it('checks the period and the role', async () => {
    expect((await get(`/api/v1/insight/hotspots?from=${isoDay(clock.now())}&to=${isoDay(daysAgo(5))}`)).statusCode).toBe(400);
    expect((await get('/api/v1/insight/hotspots?from=yesterday')).statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: '/api/v1/insight/hotspots', headers: agent.headers })).statusCode).toBe(403);
  });
});
