import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { setupApp, testClock } from '../../../test/app.ts';
import { buildUser, signIn } from '../../../test/factories/orgs.ts';
import { sessions } from '../../db/schema.ts';
import { deleteExpiredSessions } from '../../jobs/delete-expired-sessions.ts';
import { jobDefinitions } from '../../jobs/index.ts';
import { enqueueJob, runDueJobs } from '../../jobs/runner.ts';
import { EXPIRED_SESSION_KEPT_MS } from './auth.service.ts';

// A database of its own: the job deletes every session past the cut-off, other files' included.
const clock = testClock('2026-03-02T02:00:00Z');
const { app } = await setupApp({ clock, isolated: true });

const me = (headers: Record<string, string>) => app.inject({ method: 'GET', url: '/api/v1/auth/me', headers });
const runJob = async () => {
  await enqueueJob(app.services, deleteExpiredSessions, {});
  const [outcome] = await runDueJobs(app.services, [deleteExpiredSessions]);
  expect(outcome).toMatchObject({ status: 'done' });
};

describe('expired sessions', () => {
  it('runs on a schedule', () => {
    expect(jobDefinitions).toContain(deleteExpiredSessions);
    expect(deleteExpiredSessions.schedule?.everyMs).toBeGreaterThan(0);
  });

  it('are kept long enough to say "expired", then deleted, while live sessions stay', async () => {
    const user = await buildUser(app.services.db, 'agent');
    const old = await signIn(app, user.username);
    const ttlMs = 12 * 3600_000;

    // Expired a day ago: still kept, so the open tab hears that its session expired rather than "sign in".
    clock.advance(ttlMs + 24 * 3600_000);
    const live = await signIn(app, user.username);
    await runJob();
    expect((await me(old.headers)).json().error.code).toBe('SESSION_EXPIRED');

    // Past the keeping time the row is gone; the other session still works.
    clock.advance(EXPIRED_SESSION_KEPT_MS);
    await runJob();
    const rows = await app.services.db.select({ expiresAt: sessions.expiresAt }).from(sessions).where(eq(sessions.userId, user.id));
    expect(rows).toHaveLength(1);
    expect((await me(old.headers)).json().error.code).toBe('UNAUTHENTICATED');
    expect((await me(live.headers)).statusCode).toBe(401); // its own 12 hours are over too by now
    const fresh = await signIn(app, user.username);
    expect((await me(fresh.headers)).statusCode).toBe(200);
  });
});
