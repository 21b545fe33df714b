import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { setupApp, testClock } from '../../../../test/app.ts';
import { insertTicketRow, randomMobile } from '../../../../test/factories/citizens.ts';
import { buildCategory, buildRegion, buildSignedInUser, buildUnit, uid, type Session } from '../../../../test/factories/orgs.ts';
import { auditLog, dispatchCatalogue, dispatchSuggestions, ticketEvents, tickets } from '../../../db/schema.ts';
import { autoDispatchOrders } from '../../../jobs/auto-dispatch-orders.ts';
import { jobDefinitions } from '../../../jobs/index.ts';
import { SYSTEM_ACTOR } from '../../../lib/actor.ts';
import { buildMessages } from '../insight.fixtures.ts';

// Tests share the PostgreSQL database, training reads every closed order of the last two years and the job looks at
// every recent order awaiting dispatch: each run lives on its own day far in the future, so other files' orders stay out.
const runDay = new Date(
  Date.UTC(2100 + Math.floor(Math.random() * 7800), Math.floor(Math.random() * 12), 1 + Math.floor(Math.random() * 28), 2),
);
const clock = testClock(runDay);
const isoDay = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
const { app } = await setupApp({ clock });
const db = app.services.db;
const daysAgo = (d: number) => new Date(clock.now().getTime() - d * 86_400_000);

const tag = [...uid().slice(0, 4)].map((c) => '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳'[parseInt(c, 16)]).join('');
const district = await buildRegion(db, { name: `清河${tag}区`, level: 'district' });
const street = await buildRegion(db, { name: `柳岸${tag}街道`, level: 'street', parentId: district.id });
const category = {
  交通运输: await buildCategory(db, { name: `交通运输${tag}` }),
  教育文体: await buildCategory(db, { name: `教育文体${tag}` }),
  环境保护: await buildCategory(db, { name: `环境保护${tag}` }),
};
const center = await buildUnit(db, { kind: 'center' });
const unit = {
  transport: await buildUnit(db, { name: `交通局${tag}` }),
  education: await buildUnit(db, { name: `教育局${tag}` }),
  environment: await buildUnit(db, { name: `生态环境局${tag}` }),
  environmentDistrict: await buildUnit(db, { name: `清河区环保所${tag}` }),
};
await db.insert(dispatchCatalogue).values([
  { categoryId: category.交通运输.id, regionId: null, unitId: unit.transport.id },
  { categoryId: category.教育文体.id, regionId: null, unitId: unit.education.id },
  { categoryId: category.环境保护.id, regionId: null, unitId: unit.environment.id },
  { categoryId: category.环境保护.id, regionId: district.id, unitId: unit.environmentDistrict.id },
]);
const leadUnitOf: Record<string, number> = { 交通运输: unit.transport.id, 教育文体: unit.education.id, 环境保护: unit.environment.id };
for (const m of buildMessages(20, 9)) {
  await insertTicketRow(db, {
    title: m.title,
    content: `${m.body}${tag}`,
    status: 'closed',
    categoryId: category[m.category as keyof typeof category].id,
    leadUnitId: leadUnitOf[m.category],
    closedAt: daysAgo(40),
    createdAt: daysAgo(50),
  });
}

const admin = await buildSignedInUser(app, 'admin');
const agent = await buildSignedInUser(app, 'agent', { unitId: center.id });
const dispatcher = await buildSignedInUser(app, 'dispatcher', { unitId: center.id });
const leader = await buildSignedInUser(app, 'leader', { unitId: center.id });
const districtHandler = await buildSignedInUser(app, 'handler', { unitId: unit.environmentDistrict.id });

const call = (s: Session, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
  app.inject({ method, url, headers: s.headers, payload: payload as any });
const RULES = '/api/v1/admin/insight/auto-dispatch-rules';
/** One run of the job as the runner makes it: payload checked and defaulted by its schema. */
const runJob = () => autoDispatchOrders.handler(app.services, autoDispatchOrders.payloadSchema.parse({}));

async function intake(title: string, content: string, extra: Record<string, unknown> = {}) {
  const res = await call(agent, 'POST', '/api/v1/tickets', {
    channel: 'phone',
    type: 'complaint',
    title,
    content,
    citizen: { phone: randomMobile() },
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as number;
}
const ticketRow = async (id: number) => (await db.select().from(tickets).where(eq(tickets.id, id)))[0];
const suggestionsOf = (id: number) =>
  db.select().from(dispatchSuggestions).where(eq(dispatchSuggestions.ticketId, id)).orderBy(dispatchSuggestions.id);

/** Trains this file's models and makes sure they are the ones in use (another file may train at the same moment on PostgreSQL). */
async function trainOwnModels() {
  for (let attempt = 0; attempt < 5; attempt++) {
    const res = await call(admin, 'POST', '/api/v1/admin/insight/train', { labelKind: 'both' });
    expect(res.statusCode, res.body).toBe(200);
    const [categoryModel] = res.json().models;
    const suggestion = await call(dispatcher, 'POST', '/api/v1/insight/suggest', { content: `工地夜间施工噪音扰民，粉尘污染严重${tag}` });
    if (suggestion.json().models.categoryVersion === categoryModel.version) return;
  }
  throw new Error('another test kept replacing the models');
}

const createdRuleIds: number[] = [];
afterAll(async () => {
  // rules outlive the test in the shared PostgreSQL database: leave auto-dispatch off for the others
  for (const id of createdRuleIds) await call(admin, 'DELETE', `${RULES}/${id}`);
});

describe('auto-dispatch (自动派单)', () => {
  describe('rules', () => {
    it('are kept by admins only, one per category, with a sensible threshold, and audited', async () => {
      expect((await call(agent, 'GET', RULES)).statusCode).toBe(403);
      expect((await call(dispatcher, 'POST', RULES, { categoryId: category.环境保护.id, minConfidence: 0.8 })).statusCode).toBe(403);
      expect((await call(admin, 'POST', RULES, { categoryId: category.环境保护.id, minConfidence: 0.3 })).statusCode).toBe(400);
      expect((await call(admin, 'POST', RULES, { categoryId: 2_147_483_000, minConfidence: 0.8 })).statusCode).toBe(422);

      const created = await call(admin, 'POST', RULES, { categoryId: category.环境保护.id, minConfidence: 0.5 });
      expect(created.statusCode, created.body).toBe(201);
      const rule = created.json();
      createdRuleIds.push(rule.id);
      // off by default
      expect(rule).toMatchObject({
        categoryId: category.环境保护.id,
        categoryName: category.环境保护.pathName,
        minConfidence: 0.5,
        isEnabled: false,
        updatedById: admin.userId,
      });
      expect((await call(admin, 'POST', RULES, { categoryId: category.环境保护.id, minConfidence: 0.9 })).statusCode).toBe(409);

      const listed = (await call(admin, 'GET', RULES)).json().items;
      expect(listed.find((r: any) => r.id === rule.id)).toMatchObject({ isEnabled: false });
      expect((await call(admin, 'PATCH', `${RULES}/${rule.id}`, {})).statusCode).toBe(400);
      expect((await call(admin, 'PATCH', `${RULES}/2147483000`, { isEnabled: true })).statusCode).toBe(404);

      const audited = await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.subjectType, 'auto_dispatch_rule'), eq(auditLog.subjectId, String(rule.id))));
      expect(audited.map((a) => a.action)).toEqual(['auto_dispatch_rule.create']);

      const other = (await call(admin, 'POST', RULES, { categoryId: category.教育文体.id, minConfidence: 0.6, isEnabled: true })).json();
      // stored as a real, answered as entered
      expect(other).toMatchObject({ minConfidence: 0.6, isEnabled: true });
      expect((await call(admin, 'DELETE', `${RULES}/${other.id}`)).statusCode).toBe(204);
      expect((await call(admin, 'DELETE', `${RULES}/${other.id}`)).statusCode).toBe(404);
    });
  });

  describe('the auto-dispatch-orders job', () => {
    let noise: number, bus: number, mislabelled: number;

    it('is scheduled every minute and leaves orders alone while no rule is enabled', async () => {
      expect(jobDefinitions).toContain(autoDispatchOrders);
      expect(autoDispatchOrders.schedule).toEqual({ everyMs: 60_000 });
      noise = await intake('工地夜间施工噪音扰民', `${street.name}附近工地夜间施工，噪音很大，还有粉尘污染，影响休息${tag}`, {
        regionId: street.id,
      });
      const rules = (await call(admin, 'GET', RULES)).json().items;
      const outcome: any = await runJob();
      // PostgreSQL is shared: another run's rule may be enabled right now; this order's category has none that is
      if (!rules.some((r: any) => r.isEnabled)) expect(outcome).toEqual({ judged: 0, dispatched: 0, skipped: {}, failed: 0 });
      expect((await ticketRow(noise)).status).toBe('pending_dispatch');
      await db.delete(dispatchSuggestions).where(eq(dispatchSuggestions.ticketId, noise));
    });

    it('dispatches a sure order within the catalogue and logs the rest with their reasons', async () => {
      const [rule] = (await call(admin, 'GET', RULES)).json().items.filter((r: any) => r.categoryId === category.环境保护.id);
      const enabled = await call(admin, 'PATCH', `${RULES}/${rule.id}`, { isEnabled: true });
      expect(enabled.json()).toMatchObject({ isEnabled: true, minConfidence: 0.5 });
      // transport orders stay with humans for now
      const paused = (await call(admin, 'POST', RULES, { categoryId: category.交通运输.id, minConfidence: 0.9, isEnabled: false })).json();
      createdRuleIds.push(paused.id);
      bus = await intake('公交车长期晚点', `早高峰公交车站等车很久，公交线路经常晚点，道路拥堵，希望交通部门处理${tag}`);
      // the agent already classified this one otherwise: a human decides
      mislabelled = await intake('学校旁工地噪音', `学校旁边工地施工噪音很大，粉尘污染，影响学生上课${tag}`, {
        categoryId: category.教育文体.id,
      });

      await trainOwnModels();
      const outcome: any = await runJob();
      expect(outcome).toMatchObject({ dispatched: 1, failed: 0, skipped: { rule_disabled: 1, category_mismatch: 1 } });

      const dispatched = await ticketRow(noise);
      // the district's own environment office: the most specific catalogue row for the order's region
      expect(dispatched).toMatchObject({ status: 'pending_sign', leadUnitId: unit.environmentDistrict.id });
      const [event] = await db
        .select()
        .from(ticketEvents)
        .where(and(eq(ticketEvents.ticketId, noise), eq(ticketEvents.action, 'dispatch')));
      expect(event).toMatchObject({ actorUserId: null, unitId: unit.environmentDistrict.id });
      expect(event.note).toMatch(/^自动派单/);
      const [logged] = await suggestionsOf(noise);
      expect(logged).toMatchObject({
        isAutoDispatched: true,
        suggestedCategoryId: category.环境保护.id,
        suggestedUnitId: unit.environmentDistrict.id,
        finalCategoryId: category.环境保护.id,
        finalUnitId: unit.environmentDistrict.id,
        decidedById: null,
        candidates: expect.objectContaining({ source: 'auto_dispatch', decision: 'dispatch', ruleId: rule.id }),
      });
      expect(logged.decidedAt).not.toBeNull();

      for (const [id, reason] of [
        [bus, 'rule_disabled'],
        [mislabelled, 'category_mismatch'],
      ] as const) {
        expect((await ticketRow(id)).status).toBe('pending_dispatch');
        const [s] = await suggestionsOf(id);
        expect(s).toMatchObject({
          isAutoDispatched: false,
          decidedAt: null,
          candidates: expect.objectContaining({ source: 'auto_dispatch', decision: reason }),
        });
      }
      // every order is judged once
      expect(await runJob()).toMatchObject({ judged: 0, dispatched: 0 });
      expect(await app.services.insight.autoDispatch(SYSTEM_ACTOR, { ticketId: noise })).toMatchObject({
        isDispatched: false,
        reason: 'not_pending',
      });
    });

    it('records the human’s later choices against the latest suggestion (heard on the live bus)', async () => {
      expect((await call(dispatcher, 'POST', `/api/v1/tickets/${bus}/dispatch`, { leadUnitId: unit.transport.id })).statusCode).toBe(200);
      expect(
        (await call(dispatcher, 'POST', `/api/v1/tickets/${mislabelled}/dispatch`, { leadUnitId: unit.education.id })).statusCode,
      ).toBe(200);
      await vi.waitFor(
        async () => {
          const [b] = await suggestionsOf(bus);
          // the order was taken in without a category: only the unit is known
          expect(b).toMatchObject({
            finalUnitId: unit.transport.id,
            finalCategoryId: null,
            decidedById: dispatcher.userId,
            isAutoDispatched: false,
          });
          const [m] = await suggestionsOf(mislabelled);
          expect(m).toMatchObject({
            finalUnitId: unit.education.id,
            finalCategoryId: category.教育文体.id,
            decidedById: dispatcher.userId,
          });
        },
        { timeout: 5_000, interval: 50 },
      );

      // the unit hands the auto-dispatched order back; a dispatcher sends it to the city bureau
      expect((await call(districtHandler, 'POST', `/api/v1/tickets/${noise}/return`, { reason: '不属于本所职责' })).statusCode).toBe(200);
      expect((await call(dispatcher, 'POST', `/api/v1/tickets/${noise}/dispatch`, { leadUnitId: unit.environment.id })).statusCode).toBe(
        200,
      );
      await vi.waitFor(
        async () => {
          const [n] = await suggestionsOf(noise);
          expect(n).toMatchObject({
            finalUnitId: unit.environment.id,
            finalCategoryId: category.环境保护.id,
            decidedById: dispatcher.userId,
            isAutoDispatched: true,
          });
        },
        { timeout: 5_000, interval: 50 },
      );
    });

    it('shrugs off dispatches it has nothing to record for', async () => {
      const lone = await insertTicketRow(db, { status: 'pending_dispatch' });
      expect((await call(dispatcher, 'POST', `/api/v1/tickets/${lone.id}/dispatch`, { leadUnitId: unit.transport.id })).statusCode).toBe(
        200,
      );
      expect(await app.services.insight.recordDispatchOutcome(lone.id)).toBeNull();
      expect(await app.services.insight.recordDispatchOutcome(2_147_483_000)).toBeNull();
      app.services.live.publish({ topic: 'ticket.dispatch', ticketId: 2_147_483_000, unitIds: [] });
      app.services.live.publish({ topic: 'ticket.dispatch', unitIds: [] });
      expect(await suggestionsOf(lone.id)).toEqual([]);
    });
  });

  describe('dispatch accuracy', () => {
    it('reports accuracy and the auto-dispatch share, in all and week by week', async () => {
      const rows = await db
        .select()
        .from(dispatchSuggestions)
        .where(
          inArray(dispatchSuggestions.ticketId, [
            ...(await db.select({ id: tickets.id }).from(tickets).where(eq(tickets.createdAt, clock.now()))).map((t) => t.id),
          ]),
        );
      const decided = rows.filter((r) => r.decidedAt !== null);
      expect(decided).toHaveLength(3);
      const withCategory = decided.filter((r) => r.finalCategoryId !== null);
      const rate = (n: number, of: number) => Math.round((n / of) * 10_000) / 10_000;

      const res = await call(leader, 'GET', `/api/v1/insight/dispatch-accuracy?from=${isoDay(clock.now())}&to=${isoDay(clock.now())}`);
      expect(res.statusCode, res.body).toBe(200);
      const report = res.json();
      const expected = {
        decided: 3,
        autoDispatched: 1,
        autoDispatchShare: rate(1, 3),
        categoryAccuracy: rate(withCategory.filter((r) => r.suggestedCategoryId === r.finalCategoryId).length, withCategory.length),
        unitAccuracy: rate(decided.filter((r) => r.suggestedUnitId === r.finalUnitId).length, 3),
      };
      expect(report).toMatchObject(expected);
      // the auto-dispatched order went elsewhere in the end: a miss for the unit, a hit for the category
      expect(report.unitAccuracy).toBeLessThan(1);
      expect(report.series).toHaveLength(1);
      const monday = new Date(runDay.getTime() - ((new Date(runDay.getTime() + 8 * 3600_000).getUTCDay() + 6) % 7) * 86_400_000);
      expect(report.series[0]).toEqual({ weekStart: isoDay(monday), ...expected });
    });
  });
});
