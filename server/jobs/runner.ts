/**
 * Background jobs: definitions `{ name, payloadSchema, handler, schedule? }` run from the `jobs` table.
 * Every app process runs the same loop: schedule recurring jobs that are not queued yet, claim due jobs with
 * FOR UPDATE SKIP LOCKED, run them, record the outcome. A failed attempt is retried with exponential backoff;
 * a job whose process died is reclaimed once its lock is stale, so handlers must be safe to run twice.
 */
import type { z } from 'zod';
import type { Services } from '../services.ts';
import { startPollLoop } from '../lib/poll-loop.ts';
import { createJobsRepository, type JobRow } from './jobs.repository.ts';

export interface JobDefinition<P = unknown> {
  /** Verb first, kebab-case: `mark-overdue-orders`. */
  name: string;
  payloadSchema: z.ZodType<P>;
  /**
   * Written as a method so that definitions of different payloads form one `JobDefinition[]`: the runner parses each
   * payload with the definition's own schema before calling its handler.
   */
  handler(services: Services, payload: P): Promise<unknown>;
  /** Recurring jobs are enqueued `everyMs` after their last run finished; their payload is `{}`. */
  schedule?: { everyMs: number };
  /** Attempts before the job is marked failed for good (default 5). */
  maxAttempts?: number;
  /**
   * Runs beside the loop instead of in it: a long computation on a worker thread (hotspots) must not hold up the
   * SLA sweeps and notices due meanwhile. At most one such job of a name runs at a time in a process.
   */
  runsDetached?: boolean;
  /**
   * How many jobs of this name a process runs at once (default 1). For handlers whose runs are independent of each
   * other, such as sending one message each, where the time goes waiting on a gateway.
   */
  concurrency?: number;
}

export interface JobsOptions {
  /** Pause between polls when there is no work (default 5 s). */
  pollMs?: number;
  /** Jobs claimed per round (default 5; more when a job's `concurrency` is higher). */
  batchSize?: number;
  /** A running job whose lock is older than this is presumed dead and reclaimed (default 15 min). */
  lockTimeoutMs?: number;
  /**
   * This process is the only one that runs jobs (embedded PGlite), so a job found running when the loop starts was
   * left by a process that has ended, say one stopped in the middle of training, and is run again at once rather than
   * after the lock timeout.
   */
  isOnlyProcess?: boolean;
  /** Retry delay after the first failure; doubles with each attempt, capped at one hour (default 10 s). */
  backoffMs?: number;
  /** Finished jobs are deleted after this long (default one day; failed ones are kept seven times longer). */
  keepFinishedMs?: number;
  log?: (message: string, details: Record<string, unknown>) => void;
  /** Told when a job starts and when it ends (the start-up script announces the first model training with it). */
  onJobEvent?: (event: JobEvent) => void;
}

export type JobEvent =
  | { phase: 'started'; name: string; id: number }
  | { phase: 'done'; name: string; id: number; ms: number; result: unknown }
  | { phase: 'failed'; name: string; id: number; ms: number; error: string; willRetry: boolean };

const DEFAULTS = { pollMs: 5_000, batchSize: 5, lockTimeoutMs: 15 * 60_000, backoffMs: 10_000, keepFinishedMs: 86_400_000 };
const MAX_BACKOFF_MS = 3_600_000;
const DEFAULT_MAX_ATTEMPTS = 5;

/** Declares a job with its payload type inferred from the schema. */
export function defineJob<S extends z.ZodType>(
  definition: Omit<JobDefinition<z.output<S>>, 'payloadSchema'> & { payloadSchema: S },
): JobDefinition<z.output<S>> {
  return definition as JobDefinition<z.output<S>>;
}

/** Delay before attempt `attempts + 1` after `attempts` failed ones. */
export function retryDelayMs(attempts: number, backoffMs = DEFAULTS.backoffMs): number {
  return Math.min(backoffMs * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
}

/** Adds a job to the queue after checking its payload; it runs at `runAt` (default now) in whichever process claims it. */
export async function enqueueJob<P>(
  services: Pick<Services, 'db' | 'clock'>,
  definition: JobDefinition<P>,
  payload: P,
  options: { runAt?: Date } = {},
) {
  const parsed = definition.payloadSchema.parse(payload);
  return createJobsRepository(services.db).enqueue({
    name: definition.name,
    payload: parsed,
    runAt: options.runAt ?? services.clock.now(),
  });
}

/** Enqueues the recurring jobs that have nothing queued or running; returns their names. */
export function scheduleRecurring(services: Pick<Services, 'db' | 'clock'>, definitions: readonly JobDefinition[]): Promise<string[]> {
  const schedules = definitions.filter((d) => d.schedule).map((d) => ({ name: d.name, everyMs: d.schedule!.everyMs }));
  if (schedules.length === 0) return Promise.resolve([]);
  return createJobsRepository(services.db).scheduleRecurring(schedules, services.clock.now());
}

export interface JobOutcome {
  id: number;
  name: string;
  status: 'done' | 'retry' | 'failed';
  error?: string;
}

/** Jobs claimed per round: enough to keep every concurrent job's slots busy. */
function claimLimitOf(definitions: readonly JobDefinition[], batchSize: number) {
  return Math.max(batchSize, ...definitions.map((d) => d.concurrency ?? 1));
}

/**
 * Claims one round of due jobs and runs them: one after another, except that jobs of a name with a `concurrency`
 * run that many at a time beside the others. `reclaimLockedBefore`: running jobs locked before this time are presumed
 * dead whatever their age (startJobs passes its own start when it is the only process).
 */
export async function runDueJobs(
  services: Services,
  definitions: readonly JobDefinition[],
  options: JobsOptions & { reclaimLockedBefore?: Date; detach?: (name: string, run: () => Promise<JobOutcome>) => void } = {},
): Promise<JobOutcome[]> {
  const o = { ...DEFAULTS, ...options };
  const repo = createJobsRepository(services.db);
  const byName = new Map(definitions.map((d) => [d.name, d]));
  const now = services.clock.now();
  const staleBefore = Math.max(now.getTime() - o.lockTimeoutMs, o.reclaimLockedBefore?.getTime() ?? -Infinity);
  const claimed = await repo.claim({
    names: [...byName.keys()],
    now,
    staleBefore: new Date(staleBefore),
    limit: claimLimitOf(definitions, o.batchSize),
  });
  const inOrder: JobRow[] = [];
  const concurrentByName = new Map<string, JobRow[]>();
  for (const job of claimed) {
    const definition = byName.get(job.name)!;
    // detached jobs are claimed (so no other process takes them) and run on; their outcome is recorded when they end
    if (definition.runsDetached && o.detach) o.detach(job.name, () => runOne(services, definition, job, o));
    else if ((definition.concurrency ?? 1) > 1) {
      if (!concurrentByName.has(job.name)) concurrentByName.set(job.name, []);
      concurrentByName.get(job.name)!.push(job);
    } else inOrder.push(job);
  }
  const outcomes: JobOutcome[] = [];
  const drain = async (queue: JobRow[]) => {
    for (let job = queue.shift(); job; job = queue.shift()) outcomes.push(await runOne(services, byName.get(job.name)!, job, o));
  };
  const workers = [...concurrentByName].flatMap(([name, queue]) =>
    Array.from({ length: Math.min(byName.get(name)!.concurrency!, queue.length) }, () => drain(queue)),
  );
  // every worker ends before the round does (stopping waits for the round), even when recording an outcome failed
  const failed = (await Promise.allSettled([drain(inOrder), ...workers])).find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
  return outcomes;
}

async function runOne(services: Services, definition: JobDefinition, job: JobRow, o: typeof DEFAULTS & JobsOptions): Promise<JobOutcome> {
  const repo = createJobsRepository(services.db);
  const maxAttempts = definition.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const parsed = definition.payloadSchema.safeParse(job.payload);
  if (!parsed.success) {
    const error = `invalid payload: ${parsed.error.message}`;
    await repo.fail(job, error, services.clock.now(), null);
    o.log?.('job payload rejected', { job: job.name, id: job.id, error });
    return { id: job.id, name: job.name, status: 'failed', error };
  }
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  o.onJobEvent?.({ phase: 'started', name: job.name, id: job.id });
  try {
    const result = await definition.handler(services, parsed.data);
    await repo.complete(job, services.clock.now());
    o.log?.('job done', { job: job.name, id: job.id, result });
    o.onJobEvent?.({ phase: 'done', name: job.name, id: job.id, ms: elapsed(), result });
    return { id: job.id, name: job.name, status: 'done' };
  } catch (err) {
    const error = err instanceof Error ? `${err.message}\n${err.stack ?? ''}`.slice(0, 4_000) : String(err);
    const now = services.clock.now();
    const retryAt = job.attempts < maxAttempts ? new Date(now.getTime() + retryDelayMs(job.attempts, o.backoffMs)) : null;
    await repo.fail(job, error, now, retryAt);
    o.log?.(retryAt ? 'job failed, will retry' : 'job failed for good', { job: job.name, id: job.id, attempts: job.attempts, error });
    o.onJobEvent?.({ phase: 'failed', name: job.name, id: job.id, ms: elapsed(), error: error.split('\n')[0], willRetry: !!retryAt });
    return { id: job.id, name: job.name, status: retryAt ? 'retry' : 'failed', error };
  }
}

/**
 * Starts the loop in this process and returns a function that stops it (resolving once the current round ends).
 * Rounds follow each other without pause while there is work, then every `pollMs`.
 */
export function startJobs(services: Services, definitions: readonly JobDefinition[], options: JobsOptions = {}): () => Promise<void> {
  const running = new Map<string, Promise<JobOutcome>>();
  // one detached job of a name at a time: a second one claimed in the same batch runs after the first
  const detach = (name: string, start: () => Promise<JobOutcome>) => {
    const run = (running.get(name) ?? Promise.resolve()).then(start, start);
    running.set(name, run);
    void run.finally(() => {
      if (running.get(name) === run) running.delete(name);
    });
  };
  const o = {
    ...DEFAULTS,
    log: defaultLog,
    ...options,
    reclaimLockedBefore: options.isOnlyProcess ? services.clock.now() : undefined,
    detach,
  };
  let lastPrune = 0;

  async function round(isStopped: () => boolean) {
    await scheduleRecurring(services, definitions);
    for (;;) {
      const runnable = definitions.filter((d) => !running.has(d.name));
      const outcomes = await runDueJobs(services, runnable, o);
      if (isStopped() || outcomes.length < claimLimitOf(runnable, o.batchSize)) break;
    }
    if (performance.now() - lastPrune > 3_600_000) {
      lastPrune = performance.now();
      const now = services.clock.now().getTime();
      await createJobsRepository(services.db).prune({
        doneBefore: new Date(now - o.keepFinishedMs),
        failedBefore: new Date(now - 7 * o.keepFinishedMs),
      });
    }
  }

  const stop = startPollLoop({
    round,
    pollMs: o.pollMs,
    onError: (err) => o.log('jobs round failed', { error: err instanceof Error ? err.message : String(err) }),
  });
  return async () => {
    await stop();
    await Promise.allSettled(running.values());
  };
}

function defaultLog(message: string, details: Record<string, unknown>) {
  if (message === 'job done') return;
  console.warn(`[jobs] ${message}`, JSON.stringify(details));
}
