import { describe, expect, it } from 'vitest';
import { setupApp } from '../../../test/app.ts';
import { buildSignedInUser, buildUnit, signIn, uid, type Session } from '../../../test/factories/orgs.ts';

const { app } = await setupApp();
const db = app.services.db;
const admin = await buildSignedInUser(app, 'admin');

const post = (s: Session, url: string, payload: unknown = {}) =>
  app.inject({ method: 'POST', url, headers: s.headers, payload: payload as any });
const patch = (s: Session, url: string, payload: unknown) =>
  app.inject({ method: 'PATCH', url, headers: s.headers, payload: payload as any });
const get = (s: Session, url: string) => app.inject({ method: 'GET', url, headers: s.headers });
const signInStatus = async (username: string, password: string) =>
  (await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { username, password } })).statusCode;

describe('orgs accounts API', () => {
  describe('roles', () => {
    it('lists every role with Chinese and English labels', async () => {
      const handler = await buildSignedInUser(app, 'handler', { unitId: (await buildUnit(db)).id });
      const res = await get(handler, '/api/v1/roles');
      expect(res.statusCode).toBe(200);
      expect(res.json().items).toHaveLength(8);
      expect(res.json().items).toContainEqual({ key: 'dispatcher', zh: '派单员', en: 'Dispatcher', scope: 'center' });
      expect(res.json().items).toContainEqual({ key: 'unit_admin', zh: '单位管理员', en: 'Unit administrator', scope: 'unit' });
    });
  });

  describe('users', () => {
    it('creates a user who can sign in, never returning the password hash', async () => {
      const unit = await buildUnit(db);
      const username = `zhang.san-${uid()}`;
      const res = await post(admin, '/api/v1/admin/users', {
        username,
        displayName: '张三',
        password: 'Secret-pass-1',
        role: 'handler',
        unitId: unit.id,
        phone: '13800138000',
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({
        username,
        displayName: '张三',
        role: 'handler',
        unitId: unit.id,
        unitName: unit.name,
        isActive: true,
      });
      expect(JSON.stringify(res.json())).not.toMatch(/argon2|password/i);
      expect(await signInStatus(username, 'Secret-pass-1')).toBe(200);
      const trail = await app.services.audit.findBySubject('user', res.json().id);
      expect(trail[0]).toMatchObject({ action: 'create_user', actorUserId: admin.userId });
      expect(JSON.stringify(trail[0].details)).not.toContain('Secret-pass-1');
      const list = await get(admin, `/api/v1/admin/users?unitId=${unit.id}`);
      expect(JSON.stringify(list.json())).not.toMatch(/argon2|passwordHash/);
    });

    it('refuses a handler without a unit, an unknown unit, a short password and a taken username', async () => {
      const base = { displayName: '李四', password: 'Secret-pass-1', role: 'handler' };
      const noUnit = await post(admin, '/api/v1/admin/users', { ...base, username: `li-${uid()}` });
      expect(noUnit.statusCode).toBe(400);
      expect(noUnit.json().error).toMatchObject({
        code: 'VALIDATION_FAILED',
        message_en: 'Handlers and unit admins must belong to a unit',
      });
      const badUnit = await post(admin, '/api/v1/admin/users', { ...base, username: `li-${uid()}`, unitId: 999_999_999 });
      expect(badUnit.statusCode).toBe(422);
      expect(badUnit.json().error.code).toBe('UNKNOWN_REFERENCE');
      const shortPassword = await post(admin, '/api/v1/admin/users', {
        ...base,
        role: 'agent',
        username: `li-${uid()}`,
        password: 'short',
      });
      expect(shortPassword.statusCode).toBe(400);
      const username = `li-${uid()}`;
      expect((await post(admin, '/api/v1/admin/users', { ...base, role: 'agent', username })).statusCode).toBe(201);
      const taken = await post(admin, '/api/v1/admin/users', { ...base, role: 'agent', username });
      expect(taken.statusCode).toBe(409);
      expect(taken.json().error.code).toBe('CONFLICT');
    });

    it('changes role and unit, and a deactivated user can no longer sign in or use a session', async () => {
      const unit = await buildUnit(db);
      const user = await buildSignedInUser(app, 'agent');
      const moved = await patch(admin, `/api/v1/admin/users/${user.user.id}`, { role: 'handler', unitId: unit.id });
      expect(moved.json()).toMatchObject({ role: 'handler', unitId: unit.id });
      const me = await get(user, '/api/v1/auth/me');
      expect(me.json()).toMatchObject({ role: 'handler', unitId: unit.id });

      const dropUnit = await patch(admin, `/api/v1/admin/users/${user.user.id}`, { unitId: null });
      expect(dropUnit.statusCode).toBe(400);

      expect((await patch(admin, `/api/v1/admin/users/${user.user.id}`, { isActive: false })).json().isActive).toBe(false);
      expect((await get(user, '/api/v1/auth/me')).statusCode).toBe(401);
      expect(await signInStatus(user.user.username, 'Test-password-1')).toBe(401);
      const trail = await app.services.audit.findBySubject('user', user.user.id);
      expect(trail.map((t) => t.action)).toEqual(['update_user', 'update_user']);
    });

    it('resets a password: a generated one is shown once and old sessions end', async () => {
      const user = await buildSignedInUser(app, 'dispatcher');
      const res = await post(admin, `/api/v1/admin/users/${user.user.id}/reset-password`);
      expect(res.statusCode).toBe(200);
      const { temporaryPassword } = res.json();
      expect(temporaryPassword).toMatch(/^.{12}$/);
      expect((await get(user, '/api/v1/auth/me')).statusCode).toBe(401);
      expect(await signInStatus(user.user.username, 'Test-password-1')).toBe(401);
      expect(await signInStatus(user.user.username, temporaryPassword)).toBe(200);

      const chosen = await post(admin, `/api/v1/admin/users/${user.user.id}/reset-password`, { password: 'Chosen-pass-9' });
      expect(chosen.json()).toEqual({ userId: user.user.id, temporaryPassword: null });
      expect(await signInStatus(user.user.username, 'Chosen-pass-9')).toBe(200);
      expect((await post(admin, '/api/v1/admin/users/999999999/reset-password')).statusCode).toBe(404);
    });

    it('does not let an admin lock themself out', async () => {
      const res = await patch(admin, `/api/v1/admin/users/${admin.userId}`, { isActive: false });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.message_en).toMatch(/own account/);
      expect((await get(admin, '/api/v1/auth/me')).statusCode).toBe(200);
    });

    it('lets a unit admin list the users of their own unit subtree only', async () => {
      const top = await buildUnit(db);
      const sub = await buildUnit(db, { parentId: top.id });
      const elsewhere = await buildUnit(db);
      const unitAdmin = await buildSignedInUser(app, 'unit_admin', { unitId: top.id });
      const inSub = await buildSignedInUser(app, 'handler', { unitId: sub.id });
      const outside = await buildSignedInUser(app, 'handler', { unitId: elsewhere.id });

      const res = await get(unitAdmin, '/api/v1/admin/users');
      expect(res.statusCode).toBe(200);
      const ids = res.json().items.map((u: any) => u.id);
      expect(ids.sort()).toEqual([unitAdmin.userId, inSub.userId].sort());
      expect(ids).not.toContain(outside.userId);
      expect((await get(unitAdmin, `/api/v1/admin/users?unitId=${sub.id}`)).json().items.map((u: any) => u.id)).toEqual([inSub.userId]);
      expect(
        (await get(unitAdmin, `/api/v1/admin/users?unitId=${top.id}&includeSubUnits=false`)).json().items.map((u: any) => u.id),
      ).toEqual([unitAdmin.userId]);
      expect((await get(unitAdmin, `/api/v1/admin/users?unitId=${elsewhere.id}`)).statusCode).toBe(403);
      expect(
        (
          await post(unitAdmin, '/api/v1/admin/users', {
            username: `x-${uid()}`,
            displayName: 'x',
            password: 'Secret-pass-1',
            role: 'handler',
            unitId: sub.id,
          })
        ).statusCode,
      ).toBe(403);
      expect((await get(inSub, '/api/v1/admin/users')).statusCode).toBe(403);
    });

    it('pages through users with a cursor', async () => {
      const unit = await buildUnit(db);
      const made = [];
      for (let i = 0; i < 5; i++) made.push((await buildSignedInUser(app, 'handler', { unitId: unit.id })).userId);
      const first = (await get(admin, `/api/v1/admin/users?unitId=${unit.id}&limit=2`)).json();
      expect(first.items.map((u: any) => u.id)).toEqual(made.slice(0, 2));
      const second = (await get(admin, `/api/v1/admin/users?unitId=${unit.id}&limit=2&cursor=${first.nextCursor}`)).json();
      expect(second.items.map((u: any) => u.id)).toEqual(made.slice(2, 4));
      const third = (await get(admin, `/api/v1/admin/users?unitId=${unit.id}&limit=2&cursor=${second.nextCursor}`)).json();
      expect(third).toMatchObject({ items: [expect.objectContaining({ id: made[4] })], nextCursor: null });
    });
  });

  describe('API keys', () => {
    it('shows the plain key once, lists without it, and a revoked key stops working', async () => {
      const created = await post(admin, '/api/v1/admin/api-keys', { name: `微信公众号${uid()}`, role: 'agent' });
      expect(created.statusCode).toBe(201);
      const { key, id, prefix } = created.json();
      expect(key).toMatch(/^lx_/);
      expect(key.startsWith(prefix)).toBe(true);

      const list = await get(admin, '/api/v1/admin/api-keys');
      expect(list.json().items.find((k: any) => k.id === id)).toMatchObject({ prefix, role: 'agent', revokedAt: null });
      expect(JSON.stringify(list.json())).not.toContain(key);

      const asKey = await app.inject({ method: 'GET', url: '/api/v1/roles', headers: { authorization: `Bearer ${key}` } });
      expect(asKey.statusCode).toBe(200);

      const revoked = await post(admin, `/api/v1/admin/api-keys/${id}/revoke`);
      expect(revoked.statusCode).toBe(200);
      expect(revoked.json().revokedAt).not.toBeNull();
      expect((await app.inject({ method: 'GET', url: '/api/v1/roles', headers: { authorization: `Bearer ${key}` } })).statusCode).toBe(401);
      expect((await post(admin, `/api/v1/admin/api-keys/${id}/revoke`)).statusCode).toBe(409);
      expect((await get(admin, '/api/v1/admin/api-keys')).json().items.map((k: any) => k.id)).not.toContain(id);
      expect((await get(admin, '/api/v1/admin/api-keys?includeRevoked=true')).json().items.map((k: any) => k.id)).toContain(id);
      const trail = await app.services.audit.findBySubject('api_key', id);
      expect(trail.map((t) => t.action)).toEqual(['revoke_api_key', 'create_api_key']);
    });

    it('is for admins only', async () => {
      const dispatcher = await buildSignedInUser(app, 'dispatcher');
      expect((await post(dispatcher, '/api/v1/admin/api-keys', { name: 'x', role: 'admin' })).statusCode).toBe(403);
      expect((await get(dispatcher, '/api/v1/admin/api-keys')).statusCode).toBe(403);
    });

    it('requires a unit for a unit-role key', async () => {
      const res = await post(admin, '/api/v1/admin/api-keys', { name: 'unit system', role: 'handler' });
      expect(res.statusCode).toBe(400);
      const session = await signIn(app, (await buildSignedInUser(app, 'admin')).user.username);
      expect((await get(session, '/api/v1/admin/api-keys')).statusCode).toBe(200);
    });
  });
});
