import { beforeAll, describe, expect, it } from 'vitest';
import { setupApp } from '../../test/app.ts';
import { buildUnit, buildUser, TEST_PASSWORD } from '../../test/factories/orgs.ts';

const { app } = await setupApp();
let username: string;

beforeAll(async () => {
  const center = await buildUnit(app.services.db, { kind: 'center' });
  username = (await buildUser(app.services.db, 'agent', { unitId: center.id })).username;
});

const signIn = (headers: Record<string, string>, remoteAddress?: string) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { username, password: TEST_PASSWORD }, headers, remoteAddress });

describe('browser security headers', () => {
  it('sends a CSP that forbids framing and foreign scripts, with the other helmet headers', async () => {
    for (const url of ['/', '/api/v1/auth/me', '/open311/v2/discovery.json']) {
      const res = await app.inject({ url });
      const csp = String(res.headers['content-security-policy']);
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    }
  });

  it('marks API answers, which carry personal data, Cache-Control: no-store', async () => {
    const signedIn = await signIn({});
    expect(signedIn.headers['cache-control']).toBe('no-store');
    const cookie = signedIn.cookies.find((c) => c.name === 'lx_session')!;
    const me = await app.inject({ url: '/api/v1/auth/me', headers: { cookie: `lx_session=${cookie.value}` } });
    expect(me.statusCode).toBe(200);
    expect(me.headers['cache-control']).toBe('no-store');
    expect((await app.inject({ url: '/open311/v2/requests.json' })).headers['cache-control']).toBe('no-store');
  });
});

describe('session cookie', () => {
  it('is Secure when HTTPS ended at a trusted proxy on this machine', async () => {
    const res = await signIn({ 'x-forwarded-proto': 'https' }, '127.0.0.1');
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'lx_session')!;
    expect(cookie.secure).toBe(true);
    expect(cookie.httpOnly).toBe(true);
  });

  it('believes no X-Forwarded-Proto from an untrusted address, and is not Secure over plain HTTP', async () => {
    const spoofed = await signIn({ 'x-forwarded-proto': 'https' }, '203.0.113.7');
    expect(spoofed.cookies.find((c) => c.name === 'lx_session')!.secure).toBeFalsy();
    const plain = await signIn({}, '127.0.0.1');
    expect(plain.cookies.find((c) => c.name === 'lx_session')!.secure).toBeFalsy();
  });
});
