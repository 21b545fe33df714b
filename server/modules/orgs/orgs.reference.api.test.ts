import { describe, expect, it } from 'vitest';
import { setupApp } from '../../../test/app.ts';
import { buildSignedInUser, buildUnit, uid, type Session } from '../../../test/factories/orgs.ts';

const { app } = await setupApp();
const admin = await buildSignedInUser(app, 'admin');
const agent = await buildSignedInUser(app, 'agent');

const post = (s: Session, url: string, payload: unknown) =>
  app.inject({ method: 'POST', url, headers: s.headers, payload: payload as any });
const patch = (s: Session, url: string, payload: unknown) =>
  app.inject({ method: 'PATCH', url, headers: s.headers, payload: payload as any });
const del = (s: Session, url: string) => app.inject({ method: 'DELETE', url, headers: s.headers });
const get = (s: Session, url: string) => app.inject({ method: 'GET', url, headers: s.headers });

/** city → district → street → community, with unique codes. */
async function buildRegionChain() {
  const tag = uid();
  const city = (await post(admin, '/api/v1/admin/regions', { code: `C${tag}`, name: `连心市${tag}`, level: 'city' })).json();
  const district = (
    await post(admin, '/api/v1/admin/regions', { code: `D${tag}`, name: `东湖区${tag}`, level: 'district', parentId: city.id })
  ).json();
  const street = (
    await post(admin, '/api/v1/admin/regions', {
      code: `S${tag}`,
      name: `南门街道${tag}`,
      level: 'street',
      parentId: district.id,
      aliases: ['南门', '南门'],
    })
  ).json();
  const community = (
    await post(admin, '/api/v1/admin/regions', {
      code: `M${tag}`,
      name: `幸福社区${tag}`,
      level: 'community',
      parentId: street.id,
      aliases: ['幸福小区', '幸福路'],
    })
  ).json();
  return { tag, city, district, street, community };
}

describe('orgs reference data API', () => {
  describe('regions', () => {
    it('creates a region tree and serves it nested or flat', async () => {
      const { city, district, street, community } = await buildRegionChain();
      expect(street.aliases).toEqual(['南门']);
      expect(community).toMatchObject({ level: 'community', parentId: street.id, aliases: ['幸福小区', '幸福路'] });

      const tree = await get(agent, '/api/v1/regions');
      expect(tree.statusCode).toBe(200);
      const root = tree.json().items.find((r: any) => r.id === city.id);
      expect(root.children[0]).toMatchObject({
        id: district.id,
        children: [{ id: street.id, children: [{ id: community.id, children: [] }] }],
      });

      const flat = await get(agent, `/api/v1/regions?parentId=${street.id}`);
      expect(flat.json().items).toEqual([expect.objectContaining({ id: community.id, parentId: street.id })]);
      expect(flat.json().items[0].children).toBeUndefined();

      const byAlias = await get(agent, '/api/v1/regions?q=' + encodeURIComponent('幸福小区'));
      expect(byAlias.json().items.map((r: any) => r.id)).toContain(community.id);
    });

    it('audits region changes', async () => {
      const { district } = await buildRegionChain();
      const res = await patch(admin, `/api/v1/admin/regions/${district.id}`, { name: '新名字区', aliases: ['老城区'] });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ name: '新名字区', aliases: ['老城区'] });
      const trail = await app.services.audit.findBySubject('region', district.id);
      expect(trail.map((a) => a.action)).toEqual(['update_region', 'create_region']);
      expect(trail[0]).toMatchObject({ actorUserId: admin.userId, details: { changes: { name: '新名字区', aliases: ['老城区'] } } });
    });

    it('refuses a child at or above its parent level, and changes nothing', async () => {
      const { street } = await buildRegionChain();
      const code = `X${uid()}`;
      const res = await post(admin, '/api/v1/admin/regions', { code, name: '错层', level: 'district', parentId: street.id });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({
        code: 'VALIDATION_FAILED',
        message: expect.stringContaining('层级'),
        message_en: expect.stringContaining('below its parent'),
      });
      expect((await get(agent, `/api/v1/regions?q=${code}`)).json().items).toEqual([]);
    });

    it('refuses moving a region under its own descendant', async () => {
      const { district, community } = await buildRegionChain();
      const res = await patch(admin, `/api/v1/admin/regions/${district.id}`, { parentId: community.id });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    });

    it('answers duplicates with CONFLICT and unknown parents with UNKNOWN_REFERENCE', async () => {
      const { city } = await buildRegionChain();
      const dup = await post(admin, '/api/v1/admin/regions', { code: city.code, name: '重复', level: 'city' });
      expect(dup.statusCode).toBe(409);
      expect(dup.json().error).toMatchObject({ code: 'CONFLICT', message: '行政区划已存在', message_en: 'region already exists' });
      const orphan = await post(admin, '/api/v1/admin/regions', {
        code: `O${uid()}`,
        name: '孤儿',
        level: 'street',
        parentId: 999_999_999,
      });
      expect(orphan.statusCode).toBe(422);
      expect(orphan.json().error.code).toBe('UNKNOWN_REFERENCE');
    });

    it('deletes only leaf regions nothing refers to', async () => {
      const { street, community } = await buildRegionChain();
      expect((await del(admin, `/api/v1/admin/regions/${street.id}`)).statusCode).toBe(409);
      await buildUnit(app.services.db, { regionId: community.id });
      const used = await del(admin, `/api/v1/admin/regions/${community.id}`);
      expect(used.statusCode).toBe(409);
      expect(used.json().error.code).toBe('CONFLICT');
      const spare = (
        await post(admin, '/api/v1/admin/regions', { code: `L${uid()}`, name: '空社区', level: 'community', parentId: street.id })
      ).json();
      expect((await del(admin, `/api/v1/admin/regions/${spare.id}`)).statusCode).toBe(204);
      expect((await del(admin, `/api/v1/admin/regions/${spare.id}`)).statusCode).toBe(404);
    });

    it('lets only admins change regions', async () => {
      const res = await post(agent, '/api/v1/admin/regions', { code: `A${uid()}`, name: '越权', level: 'city' });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    });
  });

  describe('units', () => {
    it('creates a unit tree, lists it flat and searches by name', async () => {
      const tag = uid();
      const parent = await post(admin, '/api/v1/admin/units', { code: `ZJ${tag}`, name: `住建局${tag}`, kind: 'department' });
      expect(parent.statusCode).toBe(201);
      expect(parent.json()).toMatchObject({ peerGroup: 'department', parentId: null, isActive: true });
      const child = (
        await post(admin, '/api/v1/admin/units', {
          code: `WY${tag}`,
          name: `物业科${tag}`,
          kind: 'other',
          parentId: parent.json().id,
          phone: '0571-12345678',
        })
      ).json();
      const street = (await post(admin, '/api/v1/admin/units', { code: `JD${tag}`, name: `南门街道办${tag}`, kind: 'street' })).json();
      expect(street.peerGroup).toBe('street');

      const list = await get(agent, `/api/v1/units?q=${encodeURIComponent(tag)}`);
      expect(list.statusCode).toBe(200);
      expect(
        list
          .json()
          .items.map((u: any) => u.id)
          .sort(),
      ).toEqual([parent.json().id, child.id, street.id].sort());
      const children = (await get(agent, `/api/v1/units?parentId=${parent.json().id}`)).json().items;
      expect(children).toEqual([expect.objectContaining({ id: child.id, parentId: parent.json().id, phone: '0571-12345678' })]);
    });

    it('hides deactivated units unless asked', async () => {
      const unit = await buildUnit(app.services.db);
      const res = await patch(admin, `/api/v1/admin/units/${unit.id}`, { isActive: false });
      expect(res.json().isActive).toBe(false);
      expect((await get(agent, `/api/v1/units?q=${unit.code}`)).json().items).toEqual([]);
      expect((await get(agent, `/api/v1/units?q=${unit.code}&includeInactive=true`)).json().items).toHaveLength(1);
    });

    it('rejects bad references, cycles and deleting a unit in use', async () => {
      const parent = await buildUnit(app.services.db);
      const child = await buildUnit(app.services.db, { parentId: parent.id });
      const badRegion = await post(admin, '/api/v1/admin/units', {
        code: `B${uid()}`,
        name: '无区划',
        kind: 'department',
        regionId: 999_999_999,
      });
      expect(badRegion.statusCode).toBe(422);
      const cycle = await patch(admin, `/api/v1/admin/units/${parent.id}`, { parentId: child.id });
      expect(cycle.statusCode).toBe(400);
      expect((await del(admin, `/api/v1/admin/units/${parent.id}`)).statusCode).toBe(409);
      await buildSignedInUser(app, 'handler', { unitId: child.id });
      expect((await del(admin, `/api/v1/admin/units/${child.id}`)).statusCode).toBe(409);
      const spare = await buildUnit(app.services.db);
      expect((await del(admin, `/api/v1/admin/units/${spare.id}`)).statusCode).toBe(204);
    });

    it('validates the body with field paths', async () => {
      const res = await post(admin, '/api/v1/admin/units', { code: 'has space', name: '', kind: 'planet' });
      expect(res.statusCode).toBe(400);
      const paths = res
        .json()
        .error.details.map((d: any) => d.path)
        .join(' ');
      expect(paths).toMatch(/code/);
      expect(paths).toMatch(/kind/);
    });
  });

  describe('unit tree helpers', () => {
    it('lists a unit subtree and answers ancestor questions, including for a sub-unit created after caching', async () => {
      const orgs = app.services.orgs;
      const top = await buildUnit(app.services.db);
      const mid = await buildUnit(app.services.db, { parentId: top.id });
      const leaf = await buildUnit(app.services.db, { parentId: mid.id });
      const other = await buildUnit(app.services.db);
      expect((await orgs.unitSubtreeIds(top.id)).sort()).toEqual([top.id, mid.id, leaf.id].sort());
      expect(await orgs.unitSubtreeIds(leaf.id)).toEqual([leaf.id]);
      expect(await orgs.isAncestorOrSelf(top.id, leaf.id)).toBe(true);
      expect(await orgs.isAncestorOrSelf(leaf.id, leaf.id)).toBe(true);
      expect(await orgs.isAncestorOrSelf(leaf.id, top.id)).toBe(false);
      expect(await orgs.isAncestorOrSelf(other.id, leaf.id)).toBe(false);
      const late = await buildUnit(app.services.db, { parentId: leaf.id });
      expect(await orgs.isAncestorOrSelf(top.id, late.id)).toBe(true);
    });

    it('forgets cached subtrees when an admin moves a unit', async () => {
      const a = await buildUnit(app.services.db);
      const b = await buildUnit(app.services.db);
      expect(await app.services.orgs.unitSubtreeIds(a.id)).toEqual([a.id]);
      expect((await patch(admin, `/api/v1/admin/units/${b.id}`, { parentId: a.id })).statusCode).toBe(200);
      expect((await app.services.orgs.unitSubtreeIds(a.id)).sort()).toEqual([a.id, b.id].sort());
    });
  });

  describe('categories', () => {
    async function buildCategoryChain() {
      const tag = uid();
      const l1 = (await post(admin, '/api/v1/admin/categories', { code: `K1${tag}`, name: `城乡建设${tag}` })).json();
      const l2 = (await post(admin, '/api/v1/admin/categories', { code: `K2${tag}`, name: '住房管理', parentId: l1.id })).json();
      const l3 = (await post(admin, '/api/v1/admin/categories', { code: `K3${tag}`, name: '物业管理', parentId: l2.id })).json();
      return { tag, l1, l2, l3 };
    }

    it('keeps three levels with path names and serves a tree', async () => {
      const { tag, l1, l2, l3 } = await buildCategoryChain();
      expect(l3).toMatchObject({ level: 3, parentId: l2.id, pathName: `城乡建设${tag} / 住房管理 / 物业管理` });
      const tree = (await get(agent, '/api/v1/categories')).json().items;
      const root = tree.find((c: any) => c.id === l1.id);
      expect(root.children[0]).toMatchObject({ id: l2.id, children: [{ id: l3.id, level: 3, children: [] }] });
      const flat = (await get(agent, '/api/v1/categories?view=flat')).json().items;
      expect(flat.find((c: any) => c.id === l3.id).children).toBeUndefined();
    });

    it('refuses a fourth level', async () => {
      const { l3 } = await buildCategoryChain();
      const res = await post(admin, '/api/v1/admin/categories', { code: `K4${uid()}`, name: '第四级', parentId: l3.id });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', message: '分类最多三级' });
    });

    it("rewrites descendants' path names on rename and on move", async () => {
      const { l1, l2, l3 } = await buildCategoryChain();
      const renamed = await patch(admin, `/api/v1/admin/categories/${l1.id}`, { name: '城建' });
      expect(renamed.json().pathName).toBe('城建');
      const flat = (await get(agent, '/api/v1/categories?view=flat')).json().items;
      expect(flat.find((c: any) => c.id === l3.id).pathName).toBe('城建 / 住房管理 / 物业管理');

      const other = await buildCategoryChain();
      const moved = await patch(admin, `/api/v1/admin/categories/${l2.id}`, { parentId: null });
      expect(moved.json()).toMatchObject({ level: 1, pathName: '住房管理', parentId: null });
      const after = (await get(agent, '/api/v1/categories?view=flat')).json().items;
      expect(after.find((c: any) => c.id === l3.id)).toMatchObject({ level: 2, pathName: '住房管理 / 物业管理' });
      // l2 (two levels) cannot go under a level-2 category: its child would be level 4
      const tooDeep = await patch(admin, `/api/v1/admin/categories/${l2.id}`, { parentId: other.l2.id });
      expect(tooDeep.statusCode).toBe(400);
      expect((await get(agent, '/api/v1/categories?view=flat')).json().items.find((c: any) => c.id === l2.id).level).toBe(1);
    });
  });

  describe('dispatch catalogue', () => {
    it('looks up units most specific region first, then region-less rows, then parent categories', async () => {
      const { district, street, community } = await buildRegionChain();
      const tag = uid();
      const l1 = (await post(admin, '/api/v1/admin/categories', { code: `P1${tag}`, name: '市政' })).json();
      const l2 = (await post(admin, '/api/v1/admin/categories', { code: `P2${tag}`, name: '路灯', parentId: l1.id })).json();
      const cityDept = await buildUnit(app.services.db, { name: '城管局' });
      const districtOffice = await buildUnit(app.services.db, { name: '东湖区城管', kind: 'district' });
      const streetOffice = await buildUnit(app.services.db, { name: '南门街道', kind: 'street' });
      const fallback = await buildUnit(app.services.db, { name: '市政总公司', kind: 'utility' });
      const rows = [
        { categoryId: l2.id, regionId: null, unitId: cityDept.id },
        { categoryId: l2.id, regionId: district.id, unitId: districtOffice.id },
        { categoryId: l2.id, regionId: street.id, unitId: streetOffice.id, note: '街道辖区内路灯' },
        { categoryId: l1.id, regionId: null, unitId: fallback.id },
      ];
      for (const row of rows) expect((await post(admin, '/api/v1/admin/dispatch-catalogue', row)).statusCode).toBe(201);

      const handler = await buildSignedInUser(app, 'handler', { unitId: streetOffice.id });
      const res = await get(handler, `/api/v1/dispatch-catalogue/lookup?categoryId=${l2.id}&regionId=${community.id}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().candidates.map((c: any) => c.unitId)).toEqual([streetOffice.id, districtOffice.id, cityDept.id, fallback.id]);
      expect(res.json().candidates[0]).toMatchObject({ regionId: street.id, note: '街道辖区内路灯', isParentCategory: false });
      expect(res.json().candidates[3]).toMatchObject({ categoryId: l1.id, isParentCategory: true });

      const noRegion = await get(agent, `/api/v1/dispatch-catalogue/lookup?categoryId=${l2.id}`);
      expect(noRegion.json().candidates.map((c: any) => c.unitId)).toEqual([cityDept.id, fallback.id]);

      const listed = await get(admin, `/api/v1/admin/dispatch-catalogue?categoryId=${l2.id}`);
      expect(listed.json().items).toHaveLength(3);
      expect(listed.json().items.find((e: any) => e.unitId === streetOffice.id)).toMatchObject({
        regionName: street.name,
        categoryPathName: '市政 / 路灯',
      });
    });

    it('refuses duplicate rows, region-less ones included, and unknown references', async () => {
      const category = (await post(admin, '/api/v1/admin/categories', { code: `Q${uid()}`, name: '噪音' })).json();
      const unit = await buildUnit(app.services.db);
      const row = { categoryId: category.id, unitId: unit.id };
      expect((await post(admin, '/api/v1/admin/dispatch-catalogue', row)).statusCode).toBe(201);
      const dup = await post(admin, '/api/v1/admin/dispatch-catalogue', { ...row, regionId: null });
      expect(dup.statusCode).toBe(409);
      expect(dup.json().error.code).toBe('CONFLICT');
      const unknown = await post(admin, '/api/v1/admin/dispatch-catalogue', { ...row, unitId: 999_999_999 });
      expect(unknown.statusCode).toBe(422);
      expect(unknown.json().error.code).toBe('UNKNOWN_REFERENCE');
      expect((await get(admin, `/api/v1/admin/dispatch-catalogue?categoryId=${category.id}`)).json().items).toHaveLength(1);
      const lookup = await get(agent, '/api/v1/dispatch-catalogue/lookup?categoryId=999999999');
      expect(lookup.statusCode).toBe(422);
    });

    it('updates and deletes rows, with an audit trail', async () => {
      const category = (await post(admin, '/api/v1/admin/categories', { code: `U${uid()}`, name: '供水' })).json();
      const a = await buildUnit(app.services.db);
      const b = await buildUnit(app.services.db);
      const entry = (await post(admin, '/api/v1/admin/dispatch-catalogue', { categoryId: category.id, unitId: a.id })).json();
      const updated = await patch(admin, `/api/v1/admin/dispatch-catalogue/${entry.id}`, { unitId: b.id, note: '改派' });
      expect(updated.json()).toMatchObject({ unitId: b.id, unitName: b.name, note: '改派' });
      expect((await del(admin, `/api/v1/admin/dispatch-catalogue/${entry.id}`)).statusCode).toBe(204);
      const trail = await app.services.audit.findBySubject('dispatch_catalogue', entry.id);
      expect(trail.map((t) => t.action)).toEqual(['delete_dispatch_entry', 'update_dispatch_entry', 'create_dispatch_entry']);
      expect((await post(agent, '/api/v1/admin/dispatch-catalogue', { categoryId: category.id, unitId: a.id })).statusCode).toBe(403);
    });
  });

  it('publishes the routes in the OpenAPI document', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    for (const path of [
      '/api/v1/regions',
      '/api/v1/units',
      '/api/v1/categories',
      '/api/v1/dispatch-catalogue/lookup',
      '/api/v1/admin/users',
    ]) {
      expect(doc.paths[path]).toBeDefined();
    }
    // every component reference must resolve (tree schemas are spelled out to avoid dangling ones)
    for (const ref of JSON.stringify(doc).match(/#\/components\/schemas\/[^"]+/g) ?? []) {
      expect(doc.components?.schemas?.[ref.split('/').pop()!], ref).toBeDefined();
    }
  });
});
