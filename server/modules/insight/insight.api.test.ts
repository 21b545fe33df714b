import { describe, expect, it } from 'vitest';
import { isPostgres, setupApp, testClock } from '../../../test/app.ts';
import { buildCitizen, insertTicketRow } from '../../../test/factories/citizens.ts';
import { buildCategory, buildRegion, buildSignedInUser, buildUnit, uid, type Session } from '../../../test/factories/orgs.ts';
import { eq } from 'drizzle-orm';
import { dispatchCatalogue, dispatchSuggestions } from '../../db/schema.ts';
import { toSearchVector } from '../../lib/text.ts';
import { buildMessages } from './insight.fixtures.ts';

// Tests share the PostgreSQL database and training reads every closed order of the last two years:
// each run lives on its own day far in the future, so other files' (and earlier runs') orders stay out.
const runDay = new Date(
  Date.UTC(2100 + Math.floor(Math.random() * 7800), Math.floor(Math.random() * 12), 1 + Math.floor(Math.random() * 28), 2),
);
const clock = testClock(runDay);
const isoDay = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
const { app } = await setupApp({ clock });
const db = app.services.db;
const admin = await buildSignedInUser(app, 'admin');
const agent = await buildSignedInUser(app, 'agent');
const leader = await buildSignedInUser(app, 'leader');
const handler = await buildSignedInUser(app, 'handler');

const post = (s: Session, url: string, payload: unknown) =>
  app.inject({ method: 'POST', url, headers: s.headers, payload: payload as any });
const get = (s: Session, url: string) => app.inject({ method: 'GET', url, headers: s.headers });
const daysAgo = (d: number) => new Date(clock.now().getTime() - d * 86_400_000);

// a district with a street, three categories, and the units the dispatch catalogue allows for them
// names must read like names to the place finder: the test's tag in Chinese numerals
const tag = [...uid().slice(0, 4)].map((c) => '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳'[parseInt(c, 16)]).join('');
const district = await buildRegion(db, { name: `清河${tag}区`, level: 'district' });
const street = await buildRegion(db, { name: `柳岸${tag}街道`, level: 'street', parentId: district.id });
const category: Record<string, Awaited<ReturnType<typeof buildCategory>>> = {
  交通运输: await buildCategory(db, { name: `交通运输${tag}` }),
  教育文体: await buildCategory(db, { name: `教育文体${tag}` }),
  环境保护: await buildCategory(db, { name: `环境保护${tag}` }),
};
const unit = {
  transport: await buildUnit(db, { name: `交通局${tag}` }),
  education: await buildUnit(db, { name: `教育局${tag}` }),
  environment: await buildUnit(db, { name: `生态环境局${tag}` }),
  environmentDistrict: await buildUnit(db, { name: `清河区环保所${tag}` }),
  notInCatalogue: await buildUnit(db, { name: `无关单位${tag}` }),
};
await db.insert(dispatchCatalogue).values([
  { categoryId: category.交通运输.id, regionId: null, unitId: unit.transport.id },
  { categoryId: category.教育文体.id, regionId: null, unitId: unit.education.id },
  { categoryId: category.环境保护.id, regionId: null, unitId: unit.environment.id },
  { categoryId: category.环境保护.id, regionId: district.id, unitId: unit.environmentDistrict.id },
]);
const leadUnitOf: Record<string, number> = { 交通运输: unit.transport.id, 教育文体: unit.education.id, 环境保护: unit.environment.id };

// closed orders to learn from (the tag keeps them apart from another run's, should one fall within two years)
for (const m of buildMessages(20, 9)) {
  await insertTicketRow(db, {
    title: m.title,
    content: `${m.body}${tag}`,
    status: 'closed',
    categoryId: category[m.category].id,
    leadUnitId: leadUnitOf[m.category],
    closedAt: daysAgo(40),
    createdAt: daysAgo(50),
  });
}

describe('insight API', () => {
  describe('training', () => {
    it('refuses anyone but an admin', async () => {
      expect((await post(agent, '/api/v1/admin/insight/train', {})).statusCode).toBe(403);
    });

    it('trains versioned category and unit models from closed orders', async () => {
      const res = await post(admin, '/api/v1/admin/insight/train', { labelKind: 'both' });
      expect(res.statusCode).toBe(200);
      const { models } = res.json();
      expect(models.map((m: any) => m.labelKind)).toEqual(['category', 'unit']);
      for (const m of models) {
        expect(m.version).toBeGreaterThanOrEqual(1);
        expect(m.examples).toBeGreaterThanOrEqual(60);
        expect(m.accuracy).toBeGreaterThanOrEqual(0.8);
      }
      // the category tree adds descriptions of each category
      expect(models[0].priors).toBeGreaterThanOrEqual(3);
      if (!isPostgres) {
        expect(models.map((m: any) => [m.version, m.examples, m.classes])).toEqual([
          [1, 60, 3],
          [1, 60, 3],
        ]);
        expect(models[0].priors).toBe(3);
      }
    });
  });

  describe('suggest', () => {
    const noise = {
      title: '工地夜间施工噪音扰民',
      content: `${street.name}附近工地夜间施工，噪音很大，还有粉尘污染，希望环保局尽快处理${tag}`,
    };

    it('suggests the category, and only units the catalogue allows, the district’s own first', async () => {
      const res = await post(agent, '/api/v1/insight/suggest', { ...noise, regionId: street.id });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.categories[0]).toMatchObject({ categoryId: category.环境保护.id, name: category.环境保护.name });
      expect(body.categories[0].confidence).toBeGreaterThan(0.3);
      expect(body.categories.length).toBeLessThanOrEqual(3);
      expect(body.units[0]).toMatchObject({ unitId: unit.environmentDistrict.id, categoryId: category.环境保护.id });
      const allowed = [unit.transport.id, unit.education.id, unit.environmentDistrict.id];
      for (const u of body.units) expect(allowed).toContain(u.unitId);
      expect(body.units.map((u: any) => u.unitId)).not.toContain(unit.environment.id); // the city-wide row is overridden in this district
      expect(body.terms.join(' ')).toMatch(/噪音|施工|污染|粉尘/);
      expect(body.reason).toBeNull();
      expect(body.location).toMatchObject({ regionId: street.id });
    });

    it('reads the region from the text when none is given', async () => {
      const res = await post(agent, '/api/v1/insight/suggest', noise);
      expect(res.json().location).toMatchObject({ regionId: street.id, regionPath: [district.name, street.name] });
    });

    it('fills region and address from an estate that earlier orders filed under a community, once the models are retrained', async () => {
      const community = await buildRegion(db, { name: `桃源${tag}社区`, level: 'community', parentId: street.id });
      const estate = `丰泽${tag}家园`;
      for (const n of [12, 14]) {
        await insertTicketRow(db, {
          title: '楼道灯不亮',
          content: '楼道灯坏了',
          regionId: community.id,
          address: `${district.name}${street.name}${n}号${estate}`,
          createdAt: daysAgo(5),
        });
      }
      expect((await post(admin, '/api/v1/admin/insight/train', { labelKind: 'category' })).statusCode).toBe(200);
      const res = await post(agent, '/api/v1/insight/suggest', {
        title: '烧烤油烟扰民',
        content: `${estate}3栋楼下的烧烤店每天晚上油烟很大，窗户都不敢开`,
      });
      expect(res.statusCode).toBe(200);
      const { location } = res.json();
      expect(location).toMatchObject({
        regionId: community.id,
        regionPath: [district.name, street.name, community.name],
        address: `${estate}3栋`,
        confidence: 0.8,
      });
      expect(location.evidence).toEqual([{ text: estate, start: 7, end: 7 + estate.length, kind: 'estate', regionId: community.id }]);
    });

    it('answers bad input with a reason and no suggestion', async () => {
      for (const [content, code] of [
        ['', 'empty'],
        ['好', 'too_short'],
        ['Please fix the street lights near my home', 'unsupported_script'],
      ]) {
        const res = await post(agent, '/api/v1/insight/suggest', { content });
        expect(res.statusCode).toBe(200);
        expect(res.json()).toMatchObject({ categories: [], units: [], reason: { code } });
      }
      expect((await post(agent, '/api/v1/insight/suggest', { title: 'x' })).statusCode).toBe(400);
    });

    it('is not for handlers', async () => {
      expect((await post(handler, '/api/v1/insight/suggest', noise)).statusCode).toBe(403);
    });

    it('logs the final choice and reports dispatch accuracy', async () => {
      const suggestion = (await post(agent, '/api/v1/insight/suggest', { ...noise, regionId: district.id })).json();
      const decided = await post(agent, `/api/v1/insight/suggestions/${suggestion.suggestionId}/decision`, {
        categoryId: category.环境保护.id,
        unitId: unit.environmentDistrict.id,
      });
      expect(decided.statusCode).toBe(200);
      expect(decided.json()).toMatchObject({ isCategoryHit: true, isUnitHit: true });
      const report = await get(leader, `/api/v1/insight/dispatch-accuracy?from=${isoDay(daysAgo(1))}&to=${isoDay(clock.now())}`);
      expect(report.statusCode).toBe(200);
      expect(report.json()).toMatchObject({ decided: 1, categoryAccuracy: 1, unitAccuracy: 1, autoDispatchShare: 0 });
      expect((await post(agent, '/api/v1/insight/suggestions/2147483000/decision', { categoryId: null, unitId: null })).statusCode).toBe(
        404,
      );
    });

    it('logs one suggestion per shown request: asking again for the same text returns it until a choice is recorded', async () => {
      const asked = { title: '夜间施工', content: `${street.name}旁工地夜里施工，噪音很大，吵得睡不着${uid()}` };
      const first = (await post(agent, '/api/v1/insight/suggest', asked)).json();
      // a re-render, a refetch on focus, a cached result shown again: the same logged suggestion
      expect((await post(agent, '/api/v1/insight/suggest', asked)).json().suggestionId).toBe(first.suggestionId);
      const rows = await db.select().from(dispatchSuggestions).where(eq(dispatchSuggestions.requestedById, agent.user.id));
      expect(rows.filter((r) => r.id === first.suggestionId)).toHaveLength(1);
      // another wording is another suggestion
      const other = (await post(agent, '/api/v1/insight/suggest', { ...asked, content: `${asked.content}，请尽快处理` })).json();
      expect(other.suggestionId).not.toBe(first.suggestionId);
      // once decided, the same text asked for the next call is logged anew
      expect(
        (
          await post(agent, `/api/v1/insight/suggestions/${first.suggestionId}/decision`, {
            categoryId: category.环境保护.id,
            unitId: null,
          })
        ).statusCode,
      ).toBe(200);
      expect((await post(agent, '/api/v1/insight/suggest', asked)).json().suggestionId).not.toBe(first.suggestionId);
    });

    it('records one final choice per suggestion, and never one made for another order', async () => {
      const order = await insertTicketRow(db, { title: '噪音', content: `工地噪音扰民${uid()}`, status: 'pending_dispatch' });
      const otherOrder = await insertTicketRow(db, { title: '噪音', content: `工地噪音扰民${uid()}`, status: 'pending_dispatch' });
      const shown = (await post(agent, '/api/v1/insight/suggest', { content: order.content, ticketId: order.id })).json();
      const decide = (body: Record<string, unknown>) => post(agent, `/api/v1/insight/suggestions/${shown.suggestionId}/decision`, body);

      const wrongOrder = await decide({ ticketId: otherOrder.id, categoryId: category.环境保护.id, unitId: null });
      expect(wrongOrder.statusCode).toBe(409);
      expect(wrongOrder.json()).toMatchObject({ error: { code: 'CONFLICT', message: expect.any(String), message_en: expect.any(String) } });
      expect((await decide({ ticketId: order.id, categoryId: category.环境保护.id, unitId: unit.environment.id })).json()).toMatchObject({
        ticketId: order.id,
        isCategoryHit: expect.any(Boolean),
      });
      // the same decision again (a retried request) is answered as before; a different one is refused and changes nothing
      expect((await decide({ ticketId: order.id, categoryId: category.环境保护.id, unitId: unit.environment.id })).statusCode).toBe(200);
      const second = await decide({ ticketId: order.id, categoryId: category.交通运输.id, unitId: unit.transport.id });
      expect(second.statusCode).toBe(409);
      expect(second.json().error.code).toBe('CONFLICT');
      const [row] = await db.select().from(dispatchSuggestions).where(eq(dispatchSuggestions.id, shown.suggestionId));
      expect(row).toMatchObject({ ticketId: order.id, finalCategoryId: category.环境保护.id, finalUnitId: unit.environment.id });
    });
  });

  describe('duplicates', () => {
    it('finds a repeat by the same citizen and another citizen’s order about the same place', async () => {
      const citizen = await buildCitizen(db);
      const other = await buildCitizen(db);
      const place = `翠湖${tag}花园`;
      const text = `${place}门口的路灯坏了一个多月，晚上一片漆黑，老人小孩出行很不安全，希望尽快维修`;
      const first = await insertTicketRow(db, {
        title: `${place}路灯坏了`,
        content: text,
        status: 'handling',
        citizenId: citizen.id,
        regionId: district.id,
        createdAt: daysAgo(3),
        search: toSearchVector(`${place}路灯坏了`, text) as any,
      });
      const second = await insertTicketRow(db, {
        title: `${place}路灯不亮`,
        content: `${place}门口路灯不亮，晚上漆黑一片，出行不安全`,
        status: 'closed',
        citizenId: other.id,
        regionId: district.id,
        createdAt: daysAgo(10),
        search: toSearchVector(text) as any,
      });
      const old = await insertTicketRow(db, {
        title: `${place}路灯坏了`,
        content: text,
        status: 'closed',
        citizenId: citizen.id,
        regionId: district.id,
        createdAt: daysAgo(200),
      });

      const res = await post(agent, '/api/v1/insight/duplicates', {
        title: `${place}路灯坏了还没修`,
        content: text,
        regionId: district.id,
        citizenId: citizen.id,
      });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.isRepeat).toBe(true);
      const ids = body.items.map((i: any) => i.ticketId);
      expect(ids[0]).toBe(first.id);
      expect(ids).toContain(second.id);
      expect(ids).not.toContain(old.id);
      expect(body.items[0]).toMatchObject({ isRepeat: true, shouldMerge: true, number: first.number });
      expect(body.items[0].reasons).toEqual(expect.arrayContaining(['same_citizen', 'same_place']));
      expect(body.items.find((i: any) => i.ticketId === second.id)).toMatchObject({ isRepeat: false, shouldMerge: false });
    });
  });
});
