import { and, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { jobs } from '../db/schema.ts';

export type JobRow = typeof jobs.$inferSelect;
/** Arbitrary constant namespace for the scheduler's advisory lock (see scheduleRecurring). */
const SCHEDULER_LOCK = 'lianxin.jobs.scheduler';

/** Rows of a raw `db.execute` result (node-postgres and PGlite both return `{ rows }`). */
const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/** The `jobs` table: a queue claimed with FOR UPDATE SKIP LOCKED so several app processes share it. */
export function createJobsRepository(db: Executor) {
  return {
    enqueue: async (row: { name: string; payload: unknown; runAt: Date }) =>
      (
        await db
          .insert(jobs)
          .values({ name: row.name, payload: row.payload ?? {}, runAt: row.runAt })
          .returning()
      )[0],

    /** Whether a job of this name and payload is queued or running (so a request does not ask for it twice). */
    isPending: async (name: string, payload: unknown) =>
      rowsOf<{ id: number }>(
        await db.execute(sql`
        select id from jobs where name = ${name} and status in ('queued', 'running') and payload = ${JSON.stringify(payload)}::jsonb limit 1`),
      ).length > 0,

    /**
     * Claims up to `limit` due jobs of the given names: queued ones whose time has come, and running ones whose
     * lock is older than `staleBefore` (their process died). Rows another process is claiming are skipped, not waited for.
     */
    claim: async (input: { names: string[]; now: Date; staleBefore: Date; limit: number }): Promise<JobRow[]> => {
      if (input.names.length === 0) return [];
      const names = sql.join(
        input.names.map((n) => sql`${n}`),
        sql`, `,
      );
      const now = sql`${input.now.toISOString()}::timestamptz`;
      const result = rowsOf<Record<string, unknown>>(
        await db.execute(sql`
        update jobs set status = 'running', attempts = attempts + 1, locked_at = ${now}
        where id in (
          select id from jobs
          where name in (${names})
            and ((status = 'queued' and run_at <= ${now})
              or (status = 'running' and locked_at < ${input.staleBefore.toISOString()}::timestamptz))
          order by run_at, id
          limit ${input.limit}
          for update skip locked
        )
        returning id, name, payload, run_at, status, attempts, locked_at, last_error, created_at, finished_at`),
      );
      // UPDATE … RETURNING keeps no order: the round runs its jobs oldest first
      return result.map(toJobRow).sort((a, b) => a.runAt.getTime() - b.runAt.getTime() || a.id - b.id);
    },

    /** Marks a claimed job done, unless another process reclaimed it meanwhile (its lock time changed). */
    complete: (job: JobRow, now: Date) =>
      db
        .update(jobs)
        .set({ status: 'done', finishedAt: now, lastError: null })
        .where(and(eq(jobs.id, job.id), eq(jobs.status, 'running'), eq(jobs.lockedAt, job.lockedAt!))),

    /** Puts a failed job back in the queue for `retryAt`, or marks it failed for good when `retryAt` is null. */
    fail: (job: JobRow, error: string, now: Date, retryAt: Date | null) =>
      db
        .update(jobs)
        .set(
          retryAt
            ? { status: 'queued', runAt: retryAt, lastError: error, lockedAt: null }
            : { status: 'failed', finishedAt: now, lastError: error },
        )
        .where(and(eq(jobs.id, job.id), eq(jobs.status, 'running'), eq(jobs.lockedAt, job.lockedAt!))),

    /**
     * Enqueues each recurring job that has no queued or running row, due `everyMs` after its last finish
     * (or now). The advisory lock makes concurrent schedulers in several processes take turns, so none doubles a job.
     */
    scheduleRecurring: async (schedules: { name: string; everyMs: number }[], now: Date): Promise<string[]> => {
      const enqueued: string[] = [];
      await db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${SCHEDULER_LOCK}))`);
        for (const s of schedules) {
          const result = rowsOf<{ id: number }>(
            await tx.execute(sql`
            insert into jobs (name, payload, run_at)
            select ${s.name}, '{}'::jsonb,
              coalesce((select max(finished_at) from jobs where name = ${s.name} and status in ('done', 'failed'))
                       + ${`${s.everyMs} milliseconds`}::interval, ${now.toISOString()}::timestamptz)
            where not exists (select 1 from jobs where name = ${s.name} and status in ('queued', 'running'))
            returning id`),
          );
          if (result.length > 0) enqueued.push(s.name);
        }
      });
      return enqueued;
    },

    /** Deletes finished jobs older than the given times (done ones go sooner than failed ones, which people inspect). */
    prune: (input: { doneBefore: Date; failedBefore: Date }) =>
      db
        .delete(jobs)
        .where(
          or(
            and(eq(jobs.status, 'done'), lt(jobs.finishedAt, input.doneBefore)),
            and(eq(jobs.status, 'failed'), lt(jobs.finishedAt, input.failedBefore)),
          ),
        ),

    findByName: (names: string[]) => db.select().from(jobs).where(inArray(jobs.name, names)).orderBy(jobs.id),
  };
}
export type JobsRepository = ReturnType<typeof createJobsRepository>;

function toJobRow(r: Record<string, unknown>): JobRow {
  const date = (v: unknown) => (v === null || v === undefined ? null : v instanceof Date ? v : new Date(String(v)));
  return {
    id: Number(r.id),
    name: String(r.name),
    payload: typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload,
    runAt: date(r.run_at)!,
    status: String(r.status),
    attempts: Number(r.attempts),
    lockedAt: date(r.locked_at),
    lastError: (r.last_error as string | null) ?? null,
    createdAt: date(r.created_at)!,
    finishedAt: date(r.finished_at),
  };
}
