import { eq, inArray, sql } from 'drizzle-orm';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isPostgres, setupApp, testClock, TEST_DATABASE_URL } from '../../test/app.ts';
import { uid } from '../../test/factories/orgs.ts';
import { jobs } from '../db/schema.ts';
import { defineJob, enqueueJob, retryDelayMs, runDueJobs, scheduleRecurring, startJobs } from './runner.ts';

const clock = testClock('2026-03-02T02:00:00Z');
const { app } = await setupApp({ clock });
const services = app.services;
const db = services.db;

/** A job whose runs are recorded; `failures` first attempts throw. */
function recordingJob(options: { failures?: number; maxAttempts?: number; everyMs?: number } = {}) {
  const runs: { n: number }[] = [];
  let attempts = 0;
  const definition = defineJob({
    name: `test-job-${uid()}`,
    payloadSchema: z.object({ n: z.number().int().default(0) }),
    maxAttempts: options.maxAttempts,
    schedule: options.everyMs ? { everyMs: options.everyMs } : undefined,
    async handler(_services, payload) {
      attempts++;
      if (attempts <= (options.failures ?? 0)) throw new Error(`boom ${attempts}`);
      runs.push(payload);
    },
  });
  return { definition, runs };
}
const rowsOf = (name: string) => db.select().from(jobs).where(eq(jobs.name, name)).orderBy(jobs.id);

describe('jobs runner', () => {
  it('runs a queued job once and records it done', async () => {
    const { definition, runs } = recordingJob();
    const queued = await enqueueJob(services, definition, { n: 7 });
    expect(queued.status).toBe('queued');
    expect(await runDueJobs(services, [definition])).toEqual([{ id: queued.id, name: definition.name, status: 'done' }]);
    expect(runs).toEqual([{ n: 7 }]);
    const [row] = await rowsOf(definition.name);
    expect(row).toMatchObject({ status: 'done', attempts: 1, lastError: null });
    expect(row.finishedAt?.toISOString()).toBe(clock.now().toISOString());
    expect(await runDueJobs(services, [definition])).toEqual([]);
  });

  it('checks payloads when enqueuing and fails a stored bad payload without retrying', async () => {
    const { definition, runs } = recordingJob();
    await expect(enqueueJob(services, definition, { n: 1.5 })).rejects.toThrow();
    await db.insert(jobs).values({ name: definition.name, payload: { n: 'x' }, runAt: clock.now() });
    expect((await runDueJobs(services, [definition]))[0].status).toBe('failed');
    expect(runs).toEqual([]);
    expect((await rowsOf(definition.name))[0]).toMatchObject({ status: 'failed', attempts: 1 });
  });

  it('waits for a job scheduled later', async () => {
    const { definition, runs } = recordingJob();
    await enqueueJob(services, definition, { n: 1 }, { runAt: new Date(clock.now().getTime() + 60_000) });
    expect(await runDueJobs(services, [definition])).toEqual([]);
    clock.advance(60_000);
    expect(await runDueJobs(services, [definition])).toHaveLength(1);
    expect(runs).toEqual([{ n: 1 }]);
  });

  it('retries a failing job with growing backoff, then gives up', async () => {
    expect([1, 2, 3, 20].map((a) => retryDelayMs(a))).toEqual([10_000, 20_000, 40_000, 3_600_000]);
    const flaky = recordingJob({ failures: 1 });
    await enqueueJob(services, flaky.definition, { n: 2 });
    expect((await runDueJobs(services, [flaky.definition]))[0].status).toBe('retry');
    const [retrying] = await rowsOf(flaky.definition.name);
    expect(retrying).toMatchObject({ status: 'queued', attempts: 1 });
    expect(retrying.lastError).toMatch(/^boom 1/);
    expect(retrying.runAt.getTime() - clock.now().getTime()).toBe(10_000);
    expect(await runDueJobs(services, [flaky.definition])).toEqual([]);
    clock.advance(10_000);
    expect((await runDueJobs(services, [flaky.definition]))[0].status).toBe('done');
    expect((await rowsOf(flaky.definition.name))[0]).toMatchObject({ status: 'done', attempts: 2, lastError: null });
    expect(flaky.runs).toEqual([{ n: 2 }]);

    const broken = recordingJob({ failures: 99, maxAttempts: 2 });
    await enqueueJob(services, broken.definition, { n: 3 });
    await runDueJobs(services, [broken.definition]);
    clock.advance(10_000);
    expect((await runDueJobs(services, [broken.definition]))[0].status).toBe('failed');
    expect((await rowsOf(broken.definition.name))[0]).toMatchObject({ status: 'failed', attempts: 2 });
    clock.advance(3_600_000);
    expect(await runDueJobs(services, [broken.definition])).toEqual([]);
  });

  it('reclaims a job whose process died once its lock is stale', async () => {
    const { definition, runs } = recordingJob();
    await db
      .insert(jobs)
      .values({ name: definition.name, payload: { n: 4 }, status: 'running', attempts: 1, lockedAt: clock.now(), runAt: clock.now() });
    expect(await runDueJobs(services, [definition])).toEqual([]);
    clock.advance(16 * 60_000);
    expect((await runDueJobs(services, [definition]))[0].status).toBe('done');
    expect((await rowsOf(definition.name))[0].attempts).toBe(2);
    expect(runs).toEqual([{ n: 4 }]);
  });

  it('as the only process (embedded), reruns at start a job that an ended process left running', async () => {
    const { definition, runs } = recordingJob();
    await db.insert(jobs).values({
      name: definition.name,
      payload: { n: 5 },
      status: 'running',
      attempts: 1,
      lockedAt: new Date(clock.now().getTime() - 60_000),
      runAt: clock.now(),
    });
    const waitForRuns = async () => {
      for (let i = 0; i < 50 && runs.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    };
    const shared = startJobs(services, [definition], { pollMs: 20, log: () => {} });
    await waitForRuns();
    await shared();
    expect(runs).toEqual([]);
    const only = startJobs(services, [definition], { pollMs: 20, log: () => {}, isOnlyProcess: true });
    await waitForRuns();
    await only();
    expect(runs).toEqual([{ n: 5 }]);
    expect((await rowsOf(definition.name))[0]).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('hands each job to exactly one of several concurrent claimers', async () => {
    const { definition, runs } = recordingJob();
    for (let n = 0; n < 30; n++) await enqueueJob(services, definition, { n });
    const rounds = await Promise.all(
      [1, 2, 3].map(async () => {
        const mine = [];
        for (;;) {
          const outcomes = await runDueJobs(services, [definition], { batchSize: 4 });
          if (outcomes.length === 0) return mine;
          mine.push(...outcomes.map((o) => o.id));
        }
      }),
    );
    const all = rounds.flat();
    expect(all).toHaveLength(30);
    expect(new Set(all).size).toBe(30);
    expect(runs.map((r) => r.n).sort((a, b) => a - b)).toEqual([...Array(30).keys()]);
  });

  it('runs up to `concurrency` jobs of a name at once, beside the others run one at a time, each exactly once', async () => {
    /** A job that records how many of its runs overlap. */
    const overlapping = (concurrency?: number) => {
      const seen = { active: 0, maxActive: 0, runs: [] as number[] };
      const definition = defineJob({
        name: `test-job-${uid()}`,
        payloadSchema: z.object({ n: z.number().int() }),
        concurrency,
        async handler(_services, payload) {
          seen.active++;
          seen.maxActive = Math.max(seen.maxActive, seen.active);
          await db.execute(sql`select 1`);
          seen.runs.push(payload.n);
          seen.active--;
        },
      });
      return { definition, seen };
    };
    const parallel = overlapping(3);
    const serial = overlapping();
    for (let n = 0; n < 7; n++) await enqueueJob(services, parallel.definition, { n });
    for (let n = 0; n < 3; n++) await enqueueJob(services, serial.definition, { n });
    // a batch of 2 is raised to the concurrency so that the slots are used
    const first = await runDueJobs(services, [parallel.definition, serial.definition], { batchSize: 2 });
    expect(first).toHaveLength(3);
    const all = [...first];
    for (let outcomes = first; outcomes.length > 0;)
      all.push(...(outcomes = await runDueJobs(services, [parallel.definition, serial.definition], { batchSize: 2 })));
    expect(all.every((o) => o.status === 'done')).toBe(true);
    expect(new Set(all.map((o) => o.id)).size).toBe(10);
    expect(parallel.seen.runs.sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(parallel.seen.maxActive).toBe(3);
    expect(serial.seen.runs).toEqual([0, 1, 2]);
    expect(serial.seen.maxActive).toBe(1);
  });

  it.runIf(isPostgres)('skips a job row another transaction holds instead of waiting (FOR UPDATE SKIP LOCKED)', async () => {
    const { definition, runs } = recordingJob();
    const held = await enqueueJob(services, definition, { n: 5 });
    const free = await enqueueJob(services, definition, { n: 6 });
    const other = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await other.connect();
    try {
      await other.query('begin');
      await other.query('select id from jobs where id = $1 for update', [held.id]);
      const outcomes = await runDueJobs(services, [definition]);
      expect(outcomes.map((o) => o.id)).toEqual([free.id]);
      await other.query('commit');
    } finally {
      await other.end();
    }
    expect((await runDueJobs(services, [definition])).map((o) => o.id)).toEqual([held.id]);
    expect(runs).toEqual([{ n: 6 }, { n: 5 }]);
  });

  it('schedules a recurring job only when none is queued, after the last run plus its interval', async () => {
    const { definition, runs } = recordingJob({ everyMs: 60_000 });
    const [a, b] = await Promise.all([scheduleRecurring(services, [definition]), scheduleRecurring(services, [definition])]);
    expect([...a, ...b]).toEqual([definition.name]);
    expect(await scheduleRecurring(services, [definition])).toEqual([]);
    expect(await runDueJobs(services, [definition])).toHaveLength(1);
    expect(runs).toEqual([{ n: 0 }]);
    expect(await scheduleRecurring(services, [definition])).toEqual([definition.name]);
    const rows = await rowsOf(definition.name);
    expect(rows.map((r) => r.status)).toEqual(['done', 'queued']);
    expect(rows[1].runAt.getTime() - rows[0].finishedAt!.getTime()).toBe(60_000);
    expect(await runDueJobs(services, [definition])).toEqual([]);
    clock.advance(60_000);
    expect(await runDueJobs(services, [definition])).toHaveLength(1);
  });

  it('runs a detached job beside the loop: jobs due meanwhile do not wait for it, and stopping waits for it', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let slowRuns = 0;
    const slow = defineJob({
      name: `test-slow-${uid()}`,
      payloadSchema: z.object({}),
      runsDetached: true,
      async handler() {
        slowRuns++;
        await gate;
      },
    });
    const { definition: quick, runs } = recordingJob();
    await enqueueJob(services, slow, {});
    await enqueueJob(services, slow, {});
    const stop = startJobs(services, [slow, quick], { pollMs: 20, log: () => {} });
    for (let i = 0; i < 200 && slowRuns === 0; i++) await new Promise((r) => setTimeout(r, 10));
    await enqueueJob(services, quick, { n: 1 });
    for (let i = 0; i < 300 && runs.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    // the quick job ran while the slow one still waits; the second slow one waits for the first (one per name)
    expect(runs).toEqual([{ n: 1 }]);
    expect(slowRuns).toBe(1);
    const stopped = stop();
    release();
    await stopped;
    expect(slowRuns).toBe(2);
    expect((await rowsOf(slow.name)).map((r) => r.status)).toEqual(['done', 'done']);
  });

  it('runs the loop until stopped', async () => {
    const { definition, runs } = recordingJob();
    await enqueueJob(services, definition, { n: 9 });
    const stop = startJobs(services, [definition], { pollMs: 20, log: () => {} });
    for (let i = 0; i < 200 && runs.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    await stop();
    expect(runs).toEqual([{ n: 9 }]);
    await enqueueJob(services, definition, { n: 10 });
    await new Promise((r) => setTimeout(r, 100));
    expect(runs).toHaveLength(1);
    const statuses = await db
      .select({ status: jobs.status })
      .from(jobs)
      .where(inArray(jobs.name, [definition.name]));
    expect(statuses.map((s) => s.status).sort()).toEqual(['done', 'queued']);
  });
});
