/** 答复模板: centre admins keep them; handlers get those that fit the order's category, the closest first. */
import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { setupApp } from '../../../test/app.ts';
import { buildCategory, buildSignedInUser, buildUnit, uid, type Session } from '../../../test/factories/orgs.ts';
import { auditLog } from '../../db/schema.ts';

const { app } = await setupApp();
const db = app.services.db;
let admin: Session, dispatcher: Session, handler: Session, agent: Session;
let unit: { id: number };
let city: { id: number }, lights: { id: number }, lightOut: { id: number }, noise: { id: number };
/** Unique per run, so templates of an earlier run on the same database are told apart. */
const tag = uid();

beforeAll(async () => {
  const center = await buildUnit(db, { kind: 'center' });
  unit = await buildUnit(db);
  agent = await buildSignedInUser(app, 'agent', { unitId: center.id });
  admin = await buildSignedInUser(app, 'admin', { unitId: center.id });
  dispatcher = await buildSignedInUser(app, 'dispatcher', { unitId: center.id });
  handler = await buildSignedInUser(app, 'handler', { unitId: unit.id });
  city = await buildCategory(db, { name: `城市管理${tag}`, level: 1, pathName: `城市管理${tag}` });
  lights = await buildCategory(db, { name: '市政设施', level: 2, parentId: city.id, pathName: `城市管理${tag} / 市政设施` });
  lightOut = await buildCategory(db, { name: '路灯不亮', level: 3, parentId: lights.id, pathName: `城市管理${tag} / 市政设施 / 路灯不亮` });
  noise = await buildCategory(db, { name: `噪声${tag}`, level: 1, pathName: `噪声${tag}` });
});

async function call(session: Session, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) {
  const res = await app.inject({ method, url, payload: payload as never, headers: session.headers });
  return { status: res.statusCode, body: res.body ? res.json() : null };
}

async function create(body: Record<string, unknown>) {
  const res = await call(admin, 'POST', '/api/v1/reply-templates', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: number; title: string };
}

describe('reply templates API', () => {
  it('lets a centre admin create, change and retire a template, audited', async () => {
    const created = await create({ title: `已办结${tag}`, content: '您反映的问题已处理完毕。', categoryId: lights.id });
    expect(created).toMatchObject({ categoryId: lights.id, categoryPathName: `城市管理${tag} / 市政设施`, isActive: true });
    const changed = await call(admin, 'PATCH', `/api/v1/reply-templates/${created.id}`, { content: '您反映的路灯问题已修复。' });
    expect(changed.body.content).toBe('您反映的路灯问题已修复。');
    const retired = await call(admin, 'PATCH', `/api/v1/reply-templates/${created.id}`, { isActive: false });
    expect(retired.body.isActive).toBe(false);

    const offered = await call(handler, 'GET', `/api/v1/reply-templates?categoryId=${lightOut.id}`);
    expect(offered.body.items.map((x: { id: number }) => x.id)).not.toContain(created.id);
    const all = await call(admin, 'GET', '/api/v1/reply-templates?includeRetired=true');
    expect(all.body.items.find((x: { id: number }) => x.id === created.id)).toMatchObject({ isActive: false });
    const audited = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectType, 'reply_template'), eq(auditLog.subjectId, String(created.id))));
    expect(audited.map((r) => r.action).sort()).toEqual(['create_reply_template', 'update_reply_template', 'update_reply_template']);
  });

  it("offers a handler the templates of the order's category and those above it, the closest first, then the general ones", async () => {
    const general = await create({ title: `不属于本单位职责${tag}`, content: '经核实，该事项不属于本单位职责范围。' });
    const top = await create({ title: `城市管理通用${tag}`, content: '已转相关科室处理。', categoryId: city.id });
    const leaf = await create({ title: `路灯已修复${tag}`, content: '已更换故障灯具，恢复照明。', categoryId: lightOut.id });
    const other = await create({ title: `噪声已劝导${tag}`, content: '已现场劝导。', categoryId: noise.id });

    const res = await call(handler, 'GET', `/api/v1/reply-templates?categoryId=${lightOut.id}`);
    expect(res.status).toBe(200);
    const ids = res.body.items.map((x: { id: number }) => x.id);
    expect(ids).not.toContain(other.id);
    const mine = ids.filter((id: number) => [general.id, top.id, leaf.id].includes(id));
    expect(mine).toEqual([leaf.id, top.id, general.id]);
    // every general template comes after every one for the category
    const firstGeneral = res.body.items.findIndex((x: { categoryId: number | null }) => x.categoryId === null);
    expect(res.body.items.slice(firstGeneral).every((x: { categoryId: number | null }) => x.categoryId === null)).toBe(true);
  });

  it('keeps templates to centre admins, retired ones too, and refuses an unknown category', async () => {
    const denied = await call(dispatcher, 'POST', '/api/v1/reply-templates', { title: '模板', content: '内容' });
    expect(denied.status).toBe(403);
    expect((await call(handler, 'PATCH', '/api/v1/reply-templates/1', { title: '改' })).status).toBe(403);
    expect((await call(handler, 'GET', '/api/v1/reply-templates?includeRetired=true')).status).toBe(403);
    const unknown = await call(admin, 'POST', '/api/v1/reply-templates', { title: '模板', content: '内容', categoryId: 2_000_000_000 });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.code).toBe('UNKNOWN_REFERENCE');
    const empty = await call(admin, 'POST', '/api/v1/reply-templates', { title: ' ', content: '内容' });
    expect(empty.status).toBe(400);
    expect((await call(admin, 'PATCH', '/api/v1/reply-templates/2000000000', { title: '改' })).status).toBe(404);
  });

  it('refuses a reply that still has a template blank (____) to fill in, and leaves the order as it was', async () => {
    let order = (
      await call(agent, 'POST', '/api/v1/tickets', {
        channel: 'phone',
        type: 'complaint',
        content: '光明路东段路灯不亮',
        categoryId: lightOut.id,
        citizen: { phone: '13800138000' },
        dispatch: { leadUnitId: unit.id },
      })
    ).body;
    order = (await call(handler, 'POST', `/api/v1/tickets/${order.id}/sign`, { version: order.version })).body;
    for (const content of ['您反映的____路段路灯不亮问题，已更换故障灯具。', '已于＿＿月＿＿日修复。']) {
      const refused = await call(handler, 'POST', `/api/v1/tickets/${order.id}/reply`, { version: order.version, content });
      expect(refused.status, content).toBe(400);
      expect(refused.body.error).toMatchObject({
        code: 'VALIDATION_FAILED',
        message: expect.stringContaining('____'),
        message_en: expect.stringContaining('____'),
      });
      expect(refused.body.error.details).toEqual([expect.objectContaining({ path: 'content' })]);
    }
    const unchanged = await call(handler, 'GET', `/api/v1/tickets/${order.id}`);
    expect(unchanged.body).toMatchObject({ status: 'handling', version: order.version, replies: [] });
    // a filled-in reply, underscores in a file name included, goes through
    const replied = await call(handler, 'POST', `/api/v1/tickets/${order.id}/reply`, {
      version: order.version,
      content: '您反映的光明路东段路灯不亮问题，已更换故障灯具（见 IMG_2031.jpg）。',
    });
    expect(replied.status, JSON.stringify(replied.body)).toBe(200);
  });
});
