import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { setupApp, testClock } from '../../../test/app.ts';
import { buildUnit, buildUser, TEST_PASSWORD } from '../../../test/factories/orgs.ts';
import { signInFailures } from '../../db/schema.ts';
import { deleteStaleSignInFailures } from '../../jobs/delete-stale-sign-in-failures.ts';
import { jobDefinitions } from '../../jobs/index.ts';
import { enqueueJob, runDueJobs } from '../../jobs/runner.ts';
import { SIGN_IN_BACKOFF } from './auth.service.ts';

const clock = testClock('2026-03-02T02:00:00Z');
const { app, database } = await setupApp({ clock });
/** A second app process on the same database: it shares nothing with the first but the database. */
let other: App;
let username: string;

beforeAll(async () => {
  other = await buildApp({
    config: loadConfig({ SEED_DEMO: 'false', JOBS_ENABLED: 'false', DATA_DIR: '/tmp/lianxin-test' }),
    database,
    clock,
  });
  await other.ready();
  const center = await buildUnit(app.services.db, { kind: 'center' });
  username = (await buildUser(app.services.db, 'admin', { unitId: center.id })).username;
});
afterAll(async () => {
  await other?.close();
});

// Each attempt from its own address, so the per-address rate limit is not what stops them.
let address = 0;
const signIn = (target: App, password: string, name = username) =>
  target.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { username: name, password },
    remoteAddress: `10.40.${Math.floor(address / 250)}.${(address++ % 250) + 1}`,
  });

describe('per-account sign-in backoff', () => {
  it('after repeated wrong passwords refuses even the right one, in every process, for a growing delay', async () => {
    for (let i = 1; i < SIGN_IN_BACKOFF.freeAttempts; i++) {
      const res = await signIn(i % 2 ? app : other, 'wrong-password');
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('INVALID_CREDENTIALS');
    }
    const locking = await signIn(app, 'wrong-password');
    expect(locking.statusCode).toBe(429);
    expect(locking.json().error.code).toBe('SIGN_IN_LOCKED');

    // The right password, through the other process: still refused, with Retry-After and a zh/en message.
    const refused = await signIn(other, TEST_PASSWORD);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('30');
    expect(refused.json().error).toMatchObject({ code: 'SIGN_IN_LOCKED', details: { retryAfterSeconds: 30 } });
    expect(refused.json().error.message).toMatch(/30 秒后再试/);
    expect(refused.json().error.message_en).toMatch(/try again in 30 seconds/);

    // After the delay, one more wrong password doubles it.
    clock.advance(31_000);
    const again = await signIn(app, 'wrong-password');
    expect(again.statusCode).toBe(429);
    expect(again.headers['retry-after']).toBe('60');

    clock.advance(61_000);
    const ok = await signIn(other, TEST_PASSWORD);
    expect(ok.statusCode, ok.body).toBe(200);
    // Success starts the count again.
    expect((await signIn(app, 'wrong-password')).statusCode).toBe(401);
  });

  it('treats an unknown account name the same way, so answers do not tell which names exist', async () => {
    const ghost = `nobody-${Date.now()}`;
    for (let i = 1; i < SIGN_IN_BACKOFF.freeAttempts; i++) expect((await signIn(app, 'x', ghost)).statusCode).toBe(401);
    expect((await signIn(app, 'x', ghost)).statusCode).toBe(429);
  });
});

describe('delete-stale-sign-in-failures job', () => {
  const rowsFor = async (names: string[]) =>
    (
      await app.services.db
        .select({ username: signInFailures.username })
        .from(signInFailures)
        .where(inArray(signInFailures.username, names))
    )
      .map((r) => r.username)
      .sort();

  it('is scheduled with the other recurring jobs', () => {
    expect(jobDefinitions).toContain(deleteStaleSignInFailures);
    expect(deleteStaleSignInFailures.schedule?.everyMs).toBeGreaterThan(0);
  });

  it('deletes the rows of names tried with nothing since the counting window, so random names do not pile up', async () => {
    const random = Array.from({ length: 30 }, (_, i) => `random-${Date.now()}-${i}`);
    for (const name of random) expect((await signIn(app, 'x', name)).statusCode).toBe(401);
    const locked = `locked-${Date.now()}`;
    for (let i = 0; i < SIGN_IN_BACKOFF.freeAttempts; i++) await signIn(other, 'x', locked);
    expect(await rowsFor([...random, locked])).toHaveLength(random.length + 1);

    // Within the window every row still counts.
    clock.advance(SIGN_IN_BACKOFF.resetAfterMs - 60_000);
    const recent = `recent-${Date.now()}`;
    expect((await signIn(app, 'x', recent)).statusCode).toBe(401);
    await enqueueJob(app.services, deleteStaleSignInFailures, {});
    expect(await runDueJobs(app.services, [deleteStaleSignInFailures])).toEqual([expect.objectContaining({ status: 'done' })]);
    expect(await rowsFor([...random, locked, recent])).toHaveLength(random.length + 2);

    // Past the window (the lock long over) they are gone; the recent name keeps its count.
    clock.advance(2 * 60_000);
    await enqueueJob(app.services, deleteStaleSignInFailures, {});
    const [outcome] = await runDueJobs(app.services, [deleteStaleSignInFailures]);
    expect(outcome).toMatchObject({ status: 'done' });
    expect(await rowsFor([...random, locked, recent])).toEqual([recent]);

    // Forgetting a stale row changes nothing for the account: its next wrong password counts as the first.
    for (let i = 1; i < SIGN_IN_BACKOFF.freeAttempts; i++) expect((await signIn(app, 'x', locked)).statusCode).toBe(401);
  });
});
