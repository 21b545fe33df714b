import { jobDefinitions } from '../../../jobs/index.ts';
import { runDueJobs } from '../../../jobs/runner.ts';
import { describe, expect, it } from 'vitest';
import { isPostgres, setupApp, testClock } from '../../../../test/app.ts';
import { buildCitizen, insertTicketRow } from '../../../../test/factories/citizens.ts';
import { buildCategory, buildRegion, buildSignedInUser, buildUnit, uid, type Session } from '../../../../test/factories/orgs.ts';
import { like } from 'drizzle-orm';
import { tickets } from '../../../db/schema.ts';
import { recordDemoSeed } from '../../../db/seed/marker.ts';
import { buildMessages } from '../insight.fixtures.ts';

// Training reads every closed order of the last two years: this run lives on its own day far in the future.
const runDay = new Date(
  Date.UTC(2100 + Math.floor(Math.random() * 7800), Math.floor(Math.random() * 12), 1 + Math.floor(Math.random() * 28), 2),
);
const clock = testClock(runDay);
const { app } = await setupApp({ clock });
const db = app.services.db;
const admin = await buildSignedInUser(app, 'admin');
const leader = await buildSignedInUser(app, 'leader');
const supervisor = await buildSignedInUser(app, 'supervisor');
const agent = await buildSignedInUser(app, 'agent');
const handler = await buildSignedInUser(app, 'handler');
const get = (s: Session, url: string) => app.inject({ method: 'GET', url, headers: s.headers });
const daysAgo = (d: number) => new Date(clock.now().getTime() - d * 86_400_000);

const tag = uid();
const category: Record<string, Awaited<ReturnType<typeof buildCategory>>> = {
  交通运输: await buildCategory(db, { name: `交通运输${tag}` }),
  教育文体: await buildCategory(db, { name: `教育文体${tag}` }),
  环境保护: await buildCategory(db, { name: `环境保护${tag}` }),
};
const unit: Record<string, Awaited<ReturnType<typeof buildUnit>>> = {
  交通运输: await buildUnit(db, { name: `交通局${tag}` }),
  教育文体: await buildUnit(db, { name: `教育局${tag}` }),
  环境保护: await buildUnit(db, { name: `生态环境局${tag}` }),
};
for (const m of buildMessages(20, 5)) {
  await insertTicketRow(db, {
    title: m.title,
    content: `${m.body}${tag}`,
    status: 'closed',
    categoryId: category[m.category].id,
    leadUnitId: unit[m.category].id,
    closedAt: daysAgo(30),
    createdAt: daysAgo(35),
  });
}

describe('model versions (GET /api/v1/admin/insight/models)', () => {
  it('lists each trained version with its holdout figures; the newest of a kind is the one in use', async () => {
    const trained: any[] = [];
    for (let i = 0; i < 2; i++) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/admin/insight/train',
        headers: admin.headers,
        payload: { labelKind: 'category' },
      });
      expect(res.statusCode, res.body).toBe(200);
      trained.push(res.json().models[0]);
    }
    const res = await get(admin, '/api/v1/admin/insight/models?labelKind=category');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as any[];
    const ours = items.filter((m) => trained.some((t) => t.modelId === m.id));
    expect(ours.map((m) => m.version)).toEqual([trained[1].version, trained[0].version]);
    expect(ours[0]).toMatchObject({
      labelKind: 'category',
      isInUse: true,
      examples: trained[1].examples,
      classes: trained[1].classes,
      accuracy: trained[1].accuracy,
      macroF1: trained[1].macroF1,
    });
    // on the shared PostgreSQL another run's orders could fall within the two years learnt from
    if (!isPostgres) expect([ours[0].examples, ours[0].classes]).toEqual([60, 3]);
    expect(ours[0].holdoutCount).toBeGreaterThan(0);
    expect(ours[0].trainedByName).toBe(admin.user.displayName);
    expect(ours[1].isInUse).toBe(false);
    expect(items.every((m) => m.labelKind === 'category')).toBe(true);
  });

  it('says which share of the orders learnt from the demo city generated, and whether the shipped model was refitted', async () => {
    const train = async () =>
      (
        await app.inject({ method: 'POST', url: '/api/v1/admin/insight/train', headers: admin.headers, payload: { labelKind: 'category' } })
      ).json().models[0];
    const real = await train();
    expect(real.syntheticShare).toBe(0);
    // the demo seed's mark (db/seed/marker.ts) over this run's orders: they are now the demo's synthetic orders
    const ids = (
      await db
        .select({ id: tickets.id })
        .from(tickets)
        .where(like(tickets.content, `%${tag}`))
    ).map((r) => r.id);
    await recordDemoSeed(db, {
      seed: 1,
      tickets: ids.length,
      firstTicketId: Math.min(...ids),
      lastTicketId: Math.max(...ids),
      namespace: tag,
    });
    const synthetic = await train();
    if (!isPostgres) expect(synthetic.syntheticShare).toBe(1);
    else expect(synthetic.syntheticShare).toBeGreaterThan(0);
    const items = (await get(admin, '/api/v1/admin/insight/models?labelKind=category')).json().items as any[];
    expect(items.find((m) => m.id === real.modelId)).toMatchObject({ syntheticShare: 0, isRefitted: true });
    expect(items.find((m) => m.id === synthetic.modelId)).toMatchObject({ syntheticShare: synthetic.syntheticShare, isRefitted: true });
  });

  it('shows one version’s per-class figures and confusion matrix with the categories named', async () => {
    const latest = (await get(admin, '/api/v1/admin/insight/models?labelKind=category')).json().items[0];
    const res = await get(admin, `/api/v1/admin/insight/models/${latest.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const model = res.json();
    const names = Object.values(category)
      .map((c) => c.pathName)
      .sort();
    expect(model.perClass.map((c: any) => c.name)).toEqual(expect.arrayContaining(names));
    expect(model.perClass.reduce((a: number, c: any) => a + c.support, 0)).toBe(model.holdoutCount);
    const { labels, matrix } = model.confusion;
    expect(labels.map((l: any) => l.name)).toEqual(expect.arrayContaining(names));
    expect(matrix).toHaveLength(labels.length);
    for (const row of matrix) expect(row).toHaveLength(labels.length);
    // the diagonal over the holdout is the accuracy
    const total = matrix.flat().reduce((a: number, n: number) => a + n, 0);
    const correct = matrix.reduce((a: number, row: number[], i: number) => a + row[i], 0);
    expect(total).toBe(model.holdoutCount);
    expect(correct / total).toBeCloseTo(model.accuracy, 3);
  });

  it('is for admins; an unknown version is 404', async () => {
    expect((await get(supervisor, '/api/v1/admin/insight/models')).statusCode).toBe(403);
    expect((await get(leader, '/api/v1/admin/insight/models/1')).statusCode).toBe(403);
    expect((await get(admin, '/api/v1/admin/insight/models/2147483000')).statusCode).toBe(404);
    expect((await get(admin, '/api/v1/admin/insight/models?labelKind=other')).statusCode).toBe(400);
  });
});

describe('drill-down (GET /api/v1/insight/orders)', () => {
  it('gives the orders behind a hotspot or alert as summaries without citizen data', async () => {
    const region = await buildRegion(db, { name: `东岸${tag}区`, level: 'district' });
    const rows = [
      await insertTicketRow(db, {
        title: '东岸路灯不亮',
        content: '联系人王五 13912345678',
        categoryId: category.交通运输.id,
        regionId: region.id,
        createdAt: daysAgo(2),
      }),
      await insertTicketRow(db, {
        title: '东岸路灯闪烁',
        content: '路灯闪烁',
        categoryId: category.交通运输.id,
        regionId: region.id,
        leadUnitId: unit.交通运输.id,
        createdAt: daysAgo(1),
      }),
    ];
    const res = await get(leader, `/api/v1/insight/orders?ids=${rows.map((r) => r.id).join(',')}`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items;
    expect(items.map((i: any) => i.id)).toEqual([rows[1].id, rows[0].id]);
    expect(items[0]).toMatchObject({
      number: rows[1].number,
      title: '东岸路灯闪烁',
      categoryName: category.交通运输.pathName,
      regionName: region.name,
      leadUnitName: unit.交通运输.name,
    });
    expect(res.body).not.toContain('13912345678');
    expect(res.body).not.toContain('王五');
    expect((await get(supervisor, `/api/v1/insight/orders?ids=${rows[0].id}`)).json().items).toHaveLength(1);
  });

  it('is for the centre roles that see hotspots and alerts, over a valid list of ids', async () => {
    expect((await get(agent, '/api/v1/insight/orders?ids=1')).statusCode).toBe(403);
    expect((await get(handler, '/api/v1/insight/orders?ids=1')).statusCode).toBe(403);
    expect((await get(leader, '/api/v1/insight/orders?ids=')).statusCode).toBe(400);
    expect((await get(leader, '/api/v1/insight/orders?ids=a,b')).statusCode).toBe(400);
    expect((await get(leader, `/api/v1/insight/orders?ids=${Array.from({ length: 501 }, (_, i) => i + 1).join(',')}`)).statusCode).toBe(
      400,
    );
  });
});

describe('hotspots name their district (区/县)', () => {
  it('rolls the orders’ streets and communities up to the district most of them lie in', async () => {
    const isoDay = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    const district = await buildRegion(db, { name: `北湖${tag}区`, level: 'district' });
    const street = await buildRegion(db, { name: `湖光${tag}街道`, level: 'street', parentId: district.id });
    const community = await buildRegion(db, { name: `湖心${tag}社区`, level: 'community', parentId: street.id });
    const place = `翠湖${tag}花园`;
    const made: Awaited<ReturnType<typeof insertTicketRow>>[] = [];
    for (const [i, regionId] of [street.id, community.id, community.id, street.id].entries()) {
      made.push(
        await insertTicketRow(db, {
          title: `${place}门口垃圾清运不及时${i}`,
          content: `${place}小区门口的垃圾桶满了好几天没人清运，气味很大`,
          status: 'handling',
          citizenId: (await buildCitizen(db)).id,
          regionId,
          createdAt: daysAgo(3 + i),
        }),
      );
    }
    // the service keeps its region tree for five minutes: let it see the districts made above
    clock.advance(6 * 60_000);
    const url = `/api/v1/insight/hotspots?from=${isoDay(daysAgo(20))}&to=${isoDay(clock.now())}&top=100`;
    expect((await get(leader, url)).json().status).toBe('pending');
    // the compute-hotspots job stores the period's result
    await runDueJobs(
      app.services,
      jobDefinitions.filter((d) => d.name === 'compute-hotspots'),
    );
    const res = await get(leader, url);
    expect(res.statusCode, res.body).toBe(200);
    const ours = res.json().items.find((h: any) => h.ticketIds.includes(made[0].id));
    expect(ours).toBeDefined();
    expect(ours.district).toBe(district.name);
    expect([street.name, community.name]).toContain(ours.region);
  });
});
