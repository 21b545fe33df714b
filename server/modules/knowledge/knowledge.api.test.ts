import { describe, expect, it } from 'vitest';
import { setupApp, testClock } from '../../../test/app.ts';
import { insertTicketRow } from '../../../test/factories/citizens.ts';
import { buildKnowledgeItem } from '../../../test/factories/knowledge.ts';
import { buildCategory, buildSignedInUser, buildUnit, uid, type Session } from '../../../test/factories/orgs.ts';
import { ticketKnowledge } from '../../db/schema.ts';

// 10:00 on 2 March 2026 in Beijing
const clock = testClock('2026-03-02T02:00:00Z');
const { app } = await setupApp({ clock });
const db = app.services.db;
const agent = await buildSignedInUser(app, 'agent');
const supervisor = await buildSignedInUser(app, 'supervisor');

const get = (s: Session, url: string) => app.inject({ method: 'GET', url, headers: s.headers });
const post = (s: Session, payload: unknown) =>
  app.inject({ method: 'POST', url: '/api/v1/knowledge', headers: s.headers, payload: payload as any });
const patch = (s: Session, id: number, payload: unknown) =>
  app.inject({ method: 'PATCH', url: `/api/v1/knowledge/${id}`, headers: s.headers, payload: payload as any });
const del = (s: Session, id: number) => app.inject({ method: 'DELETE', url: `/api/v1/knowledge/${id}`, headers: s.headers });
const search = (s: Session, params: Record<string, string | number>) =>
  get(s, `/api/v1/knowledge?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))}`);
const ids = (res: { json(): any }) => res.json().items.map((i: any) => i.id);

describe('knowledge API', () => {
  describe('search', () => {
    it('finds Chinese items by jieba words: "公积金 提取" finds "住房公积金提取条件"', async () => {
      const category = await buildCategory(db);
      const hit = await buildKnowledgeItem(app, {
        title: '住房公积金提取条件',
        content: '职工购买、建造、翻建、大修自住住房的，可以申请提取住房公积金账户内的存储余额。',
        categoryId: category.id,
        keywords: ['公积金', '提取'],
      });
      const other = await buildKnowledgeItem(app, {
        title: '居住证办理流程',
        content: '持本人身份证到社区服务中心申请居住证。',
        categoryId: category.id,
      });

      const res = await search(agent, { q: '公积金 提取', categoryId: category.id });
      expect(res.statusCode).toBe(200);
      expect(ids(res)).toEqual([hit.id]);
      expect(res.json().items[0]).toMatchObject({
        title: '住房公积金提取条件',
        isValid: true,
        categoryPathName: category.pathName,
        rank: expect.any(Number),
      });
      expect(res.json().items[0].excerpt).toMatch(/^职工购买/);

      expect(ids(await search(agent, { q: '公积金 提取' }))).toContain(hit.id);
      expect(ids(await search(agent, { q: '居住证', categoryId: category.id }))).toEqual([other.id]);
      expect(ids(await search(agent, { q: '怎么办理居住证', categoryId: category.id }))).toEqual([other.id]);
    });

    it('ranks a title match above a body-only match', async () => {
      const category = await buildCategory(db);
      const inBody = await buildKnowledgeItem(app, {
        title: '职工福利事项汇总',
        content: '其中包括医保报销，以及住房公积金提取等事项，详见各专项说明。',
        categoryId: category.id,
      });
      const inTitle = await buildKnowledgeItem(app, {
        title: '公积金提取办理指南',
        content: '携带身份证和相关证明材料到服务网点办理。',
        categoryId: category.id,
      });
      expect(ids(await search(agent, { q: '公积金提取', categoryId: category.id }))).toEqual([inTitle.id, inBody.id]);
    });

    it('falls back to any word when no item has them all', async () => {
      const category = await buildCategory(db);
      const item = await buildKnowledgeItem(app, {
        title: '新生儿落户指南',
        content: '新生儿出生后一个月内，由监护人到户籍所在地派出所申报出生登记。',
        categoryId: category.id,
      });
      expect(ids(await search(agent, { q: '新生儿落户需要什么材料', categoryId: category.id }))).toEqual([item.id]);
      expect(ids(await search(agent, { q: '！？。', categoryId: category.id }))).toEqual([]);
    });

    it("suggests items for a complaint's text by its telling words, never by one common word alone", async () => {
      const category = await buildCategory(db);
      const smoke = await buildKnowledgeItem(app, {
        title: '烧烤油烟扰民的处理',
        content: '餐饮烧烤油烟扰民的，由属地综合行政执法部门依法查处。',
        categoryId: category.id,
        keywords: ['烧烤', '油烟'],
      });
      const prepaid = await buildKnowledgeItem(app, {
        title: '预付卡退费纠纷',
        content: '经营者停业的，消费者可要求退还预付卡余额，向市场监管部门投诉。',
        categoryId: category.id,
        keywords: ['预付卡', '退费'],
      });
      const res = await search(agent, {
        about: '小区楼下烧烤店每晚油烟很大，家里没法开窗，向商家投诉过多次都没有用',
        categoryId: category.id,
      });
      expect(res.statusCode).toBe(200);
      expect(ids(res)).toEqual([smoke.id]);
      expect(ids(res)).not.toContain(prepaid.id);
      expect(ids(await search(agent, { about: '！？。', categoryId: category.id }))).toEqual([]);
    });

    it('lists items of sub-categories under a category', async () => {
      const parent = await buildCategory(db);
      const child = await buildCategory(db, { parentId: parent.id, level: 2 });
      const item = await buildKnowledgeItem(app, { categoryId: child.id });
      expect(ids(await search(agent, { categoryId: parent.id }))).toEqual([item.id]);
    });

    it('pages through listings and ranked results with a cursor', async () => {
      const category = await buildCategory(db);
      const word = `医保${uid()}`;
      const made = [];
      for (let i = 0; i < 3; i++)
        made.push((await buildKnowledgeItem(app, { title: `异地就医备案 ${i}`, keywords: [word], categoryId: category.id })).id);

      const first = await search(agent, { categoryId: category.id, limit: 2 });
      expect(ids(first)).toEqual([made[2], made[1]]);
      const second = await search(agent, { categoryId: category.id, limit: 2, cursor: first.json().nextCursor });
      expect(second.json()).toMatchObject({ nextCursor: null });
      expect(ids(second)).toEqual([made[0]]);

      const rankedFirst = await search(agent, { q: '异地就医', categoryId: category.id, limit: 2 });
      const rankedSecond = await search(agent, { q: '异地就医', categoryId: category.id, limit: 2, cursor: rankedFirst.json().nextCursor });
      expect([...ids(rankedFirst), ...ids(rankedSecond)].sort()).toEqual([...made].sort());
      expect((await search(agent, { cursor: 'not-a-cursor' })).statusCode).toBe(400);
    });
  });

  describe('validity and publication', () => {
    it('shows only items valid today by default; editors may include expired ones', async () => {
      const category = await buildCategory(db);
      const current = await buildKnowledgeItem(app, { categoryId: category.id, validFrom: '2026-03-02', validTo: '2026-03-02' });
      const expired = await buildKnowledgeItem(app, { categoryId: category.id, validTo: '2026-03-01' });
      const future = await buildKnowledgeItem(app, { categoryId: category.id, validFrom: '2026-03-03' });

      expect(ids(await search(agent, { categoryId: category.id }))).toEqual([current.id]);
      expect((await search(agent, { categoryId: category.id, includeExpired: 'true' })).statusCode).toBe(403);
      const all = await search(supervisor, { categoryId: category.id, includeExpired: 'true' });
      expect(ids(all)).toEqual([future.id, expired.id, current.id]);
      expect(all.json().items.find((i: any) => i.id === expired.id).isValid).toBe(false);

      const byId = await get(agent, `/api/v1/knowledge/${expired.id}`);
      expect(byId.statusCode).toBe(200);
      expect(byId.json()).toMatchObject({ isValid: false, validTo: '2026-03-01' });
    });

    it('hides drafts from readers, even by id', async () => {
      const category = await buildCategory(db);
      const draft = await buildKnowledgeItem(app, { categoryId: category.id, isPublished: false });
      expect(ids(await search(agent, { categoryId: category.id }))).toEqual([]);
      expect((await get(agent, `/api/v1/knowledge/${draft.id}`)).statusCode).toBe(404);
      expect(ids(await search(supervisor, { categoryId: category.id, includeUnpublished: 'true' }))).toEqual([draft.id]);
      expect((await get(supervisor, `/api/v1/knowledge/${draft.id}`)).json().isPublished).toBe(false);
    });
  });

  describe('editing', () => {
    it('lets a supervisor create, edit and delete, re-indexing the text and auditing each change', async () => {
      const category = await buildCategory(db);
      const created = await post(supervisor, {
        title: '燃气报修电话',
        content: '燃气泄漏请立即拨打燃气公司抢修电话。',
        categoryId: category.id,
        keywords: ['燃气', '燃气'],
      });
      expect(created.statusCode).toBe(201);
      const item = created.json();
      expect(item).toMatchObject({ keywords: ['燃气'], isPublished: true, createdById: supervisor.userId, useCount: 0 });

      const edited = await patch(supervisor, item.id, { title: '供暖报修电话', content: '暖气不热请拨打热力公司服务电话。' });
      expect(edited.statusCode).toBe(200);
      expect(edited.json().title).toBe('供暖报修电话');
      expect(ids(await search(agent, { q: '燃气', categoryId: category.id }))).toEqual([item.id]); // still a keyword
      expect(ids(await search(agent, { q: '暖气 不热', categoryId: category.id }))).toEqual([item.id]);
      await patch(supervisor, item.id, { keywords: [] });
      expect(ids(await search(agent, { q: '燃气', categoryId: category.id }))).toEqual([]);

      expect((await del(supervisor, item.id)).statusCode).toBe(204);
      expect((await get(agent, `/api/v1/knowledge/${item.id}`)).statusCode).toBe(404);
      const trail = await app.services.audit.findBySubject('knowledge_item', item.id);
      expect(trail.map((t) => t.action)).toEqual([
        'delete_knowledge_item',
        'update_knowledge_item',
        'update_knowledge_item',
        'create_knowledge_item',
      ]);
    });

    it('lets agents read but not write', async () => {
      const item = await buildKnowledgeItem(app);
      expect((await post(agent, { title: '越权', content: '越权' })).statusCode).toBe(403);
      expect((await patch(agent, item.id, { title: '越权' })).statusCode).toBe(403);
      expect((await del(agent, item.id)).statusCode).toBe(403);
      expect((await get(agent, `/api/v1/knowledge/${item.id}`)).json().title).toBe(item.title);
    });

    it('lets a unit admin edit the items of their own units only', async () => {
      const unit = await buildUnit(db);
      const sub = await buildUnit(db, { parentId: unit.id });
      const unitAdmin = await buildSignedInUser(app, 'unit_admin', { unitId: unit.id });
      const own = await post(unitAdmin, { title: '本单位政策', content: '内容' });
      expect(own.statusCode).toBe(201);
      expect(own.json().unitId).toBe(unit.id);
      expect((await post(unitAdmin, { title: '下级单位政策', content: '内容', unitId: sub.id })).statusCode).toBe(201);
      const foreign = await buildKnowledgeItem(app, { unitId: (await buildUnit(db)).id });
      expect((await patch(unitAdmin, foreign.id, { title: '改别人的' })).statusCode).toBe(403);
      expect((await patch(unitAdmin, own.json().id, { unitId: foreign.unitId })).statusCode).toBe(403);
      expect((await patch(unitAdmin, own.json().id, { isPublished: false })).json().isPublished).toBe(false);
    });

    it('rejects bad input with specific codes and changes nothing', async () => {
      const category = await buildCategory(db);
      const reversed = await post(supervisor, {
        title: '日期颠倒',
        content: '内容',
        categoryId: category.id,
        validFrom: '2026-05-01',
        validTo: '2026-04-01',
      });
      expect(reversed.statusCode).toBe(400);
      expect(reversed.json().error).toMatchObject({ code: 'VALIDATION_FAILED', message: '有效期结束日期不能早于开始日期' });
      const badDate = await post(supervisor, { title: '日期', content: '内容', validFrom: '2026-13-01' });
      expect(badDate.statusCode).toBe(400);
      const noTitle = await post(supervisor, { title: '', content: '内容' });
      expect(noTitle.statusCode).toBe(400);
      const unknown = await post(supervisor, { title: '未知分类', content: '内容', categoryId: 999_999_999 });
      expect(unknown.statusCode).toBe(422);
      expect(unknown.json().error.code).toBe('UNKNOWN_REFERENCE');
      expect(ids(await search(supervisor, { categoryId: category.id, includeExpired: 'true', includeUnpublished: 'true' }))).toEqual([]);
      expect((await patch(supervisor, 999_999_999, { title: 'x' })).statusCode).toBe(404);
    });

    it('refuses to delete an item a ticket cites', async () => {
      const item = await buildKnowledgeItem(app);
      const ticket = await insertTicketRow(db, { status: 'closed', resolution: 'direct_answer' });
      await db.insert(ticketKnowledge).values({ ticketId: ticket.id, knowledgeItemId: item.id });
      const res = await del(supervisor, item.id);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.message_en).toMatch(/unpublish/);
      expect((await get(agent, `/api/v1/knowledge/${item.id}`)).statusCode).toBe(200);
    });
  });

  describe('recordCitations (for direct answers)', () => {
    it('counts uses of published items and refuses unknown or draft ones', async () => {
      const item = await buildKnowledgeItem(app);
      const draft = await buildKnowledgeItem(app, { isPublished: false });
      await db.transaction((tx) => app.services.knowledge.recordCitations(tx, [item.id, item.id]));
      expect((await get(agent, `/api/v1/knowledge/${item.id}`)).json().useCount).toBe(1);
      await expect(db.transaction((tx) => app.services.knowledge.recordCitations(tx, [item.id, draft.id]))).rejects.toMatchObject({
        code: 'UNKNOWN_REFERENCE',
      });
      expect((await get(agent, `/api/v1/knowledge/${item.id}`)).json().useCount).toBe(1);
    });
  });
});
