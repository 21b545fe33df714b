/**
 * 热点问题 wired to the database, off the request path: the compute-hotspots job reads a period's orders page by page,
 * groups them on a worker thread (hotspots.ts) and stores the ranked result per period; a request reads the stored
 * result, and asks the job for a computation when there is none yet or it is stale. No HTTP here.
 */
import type { Db } from '../../../db/client.ts';
import type { Actor, Clock } from '../../../lib/actor.ts';
import { validation } from '../../../lib/errors.ts';
import { createJobsRepository } from '../../../jobs/jobs.repository.ts';
import { shanghaiDayRange } from '../../../lib/parse-time.ts';
import { ancestors, type Gazetteer } from '../places/gazetteer.ts';
import { findHotspotsInThread } from './hotspots-thread.ts';
import { createHotspotsRepository, type HotspotRunRow } from './hotspots.repository.ts';
import { authorize } from '../insight.policy.ts';
import type { HotspotsOutput } from '../insight.schemas.ts';
import { shanghaiDay } from '../../../lib/calendar.ts';

/** Verb-first name of the job that computes a period's hotspots (server/jobs/compute-hotspots.ts). */
export const COMPUTE_HOTSPOTS_JOB = 'compute-hotspots';
/** The default period: the last 30 China days, today included. */
export const DEFAULT_HOTSPOT_DAYS = 30;
/**
 * Orders a run considers at most (38 s of CPU and a 0.6 GB heap on the worker thread at this size on the scale loader's
 * texts: `npx tsx scripts/bench-hotspots.ts --orders 200000 --scale`):
 * a larger period keeps its newest orders, and the answer says how many of how many, from when.
 */
export const HOTSPOT_ORDER_LIMIT = 200_000;
/** Hotspots stored per run (the most a request may ask for). */
const STORED_HOTSPOTS = 100;
const PAGE_SIZE = 5_000;
/** A stored run of a period that includes today is recomputed when older than this (finished periods never change much). */
const STALE_MS = 15 * 60_000;
const FINISHED_STALE_MS = 24 * 3600_000;

export interface HotspotsDeps {
  db: Db;
  clock: Clock;
  gazetteer: () => Promise<Gazetteer>;
  /** Orders a run considers at most (default HOTSPOT_ORDER_LIMIT; tests use a small one). */
  orderLimit?: number;
}

/** A hotspot as stored in a run and served (hotspots.ts's Hotspot with its district and order numbers). */
type StoredHotspot = HotspotsOutput['items'][number];

function present(run: HotspotRunRow | null, fromDay: string, toDay: string, top: number) {
  const items = ((run?.items ?? []) as StoredHotspot[]).slice(0, top);
  const orders = run?.orders ?? 0;
  const ordersInPeriod = Math.max(orders, run?.ordersInPeriod ?? 0);
  const since = run?.sampledFrom ? shanghaiDay(run.sampledFrom) : null;
  return {
    from: fromDay,
    to: toDay,
    orders,
    ordersInPeriod,
    /** Set when the period held more orders than a run considers (then `orders` is that limit): only the newest were grouped. */
    capped:
      ordersInPeriod > orders && since
        ? {
            limit: orders,
            since,
            message: `时段内共 ${ordersInPeriod} 件工单，超过单次计算上限 ${orders} 件：热点只按最新的 ${orders} 件（${since} 起）计算；请缩短时段查看完整结果`,
            messageEn: `The period holds ${ordersInPeriod} orders, more than the ${orders} one computation takes: hotspots were found among the newest ${orders} (from ${since}); choose a shorter period for complete results`,
          }
        : null,
    /** pending: asked for, waiting for the job; running: being computed; ready: `items` is the result; failed: see `error`. */
    status: (run?.status ?? 'pending') as 'pending' | 'running' | 'ready' | 'failed',
    /** When the items were computed (they stay served while a fresher run is pending); null: never yet. */
    computedAt: run?.computedAt?.toISOString() ?? null,
    durationMs: run?.durationMs ?? null,
    error:
      run?.status === 'failed'
        ? {
            message: '热点计算失败，稍后将自动重试',
            messageEn: 'Computing the hotspots failed; it will be retried shortly',
            details: run.error ?? '',
          }
        : null,
    items,
  };
}

export function createHotspotsService(deps: HotspotsDeps) {
  const { clock } = deps;
  const limit = deps.orderLimit ?? HOTSPOT_ORDER_LIMIT;
  const repo = createHotspotsRepository(deps.db);
  const jobs = createJobsRepository(deps.db);

  function periodOf(input: { from?: string; to?: string }) {
    const range = shanghaiDayRange(input.from, input.to, DEFAULT_HOTSPOT_DAYS, clock.now());
    if (!range) throw validation('开始日期必须早于结束日期', 'from must be before to', { path: 'from' });
    return { ...range, fromDay: shanghaiDay(range.start), toDay: shanghaiDay(new Date(range.end.getTime() - 1)) };
  }

  /** The district (区/县) most of a hotspot's orders roll up to: what the supervisor and leader screens group by. */
  async function districtNamer(regionOf: Map<number, number | null>) {
    const gaz = await deps.gazetteer();
    const names = new Map<number, string | null>();
    const nameOf = (regionId: number | null) => {
      if (regionId === null) return null;
      if (!names.has(regionId)) {
        const path = ancestors(gaz, regionId);
        names.set(regionId, (path.find((e) => e.level === 'district') ?? path.at(-1))?.name ?? null);
      }
      return names.get(regionId)!;
    };
    return (ids: number[]) => {
      const counts = new Map<string, number>();
      for (const id of ids) {
        const name = nameOf(regionOf.get(id) ?? null);
        if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
      }
      return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? null;
    };
  }

  return {
    /**
     * The period's stored hotspots (热点问题). Never computes: when the period has no result yet, or a stale one, it
     * asks the compute-hotspots job and answers at once with what is stored and the run's status.
     */
    async hotspots(actor: Actor, input: { from?: string; to?: string; top: number }) {
      authorize(actor, 'hotspots');
      const { fromDay, toDay, end } = periodOf(input);
      const now = clock.now();
      let run = await repo.findRun(fromDay, toDay);
      if (!run) {
        const created = await repo.createPendingRun(fromDay, toDay, now);
        if (created) await jobs.enqueue({ name: COMPUTE_HOTSPOTS_JOB, payload: { from: fromDay, to: toDay }, runAt: now });
        run = created ?? (await repo.findRun(fromDay, toDay));
      } else {
        const staleMs = end.getTime() > now.getTime() - 86_400_000 ? STALE_MS : FINISHED_STALE_MS;
        if (await repo.requestRefresh(run.id, new Date(now.getTime() - staleMs), now)) {
          await jobs.enqueue({ name: COMPUTE_HOTSPOTS_JOB, payload: { from: fromDay, to: toDay }, runAt: now });
          run = { ...run, status: 'pending' };
        }
      }
      return present(run, fromDay, toDay, input.top);
    },

    /**
     * The compute-hotspots job: reads the period's orders in pages, groups and ranks them on a worker thread, stores
     * the result. Safe to run twice (the period's row is replaced). Without a period: the default one ending today.
     */
    async computeHotspots(actor: Actor, input: { from?: string; to?: string }) {
      authorize(actor, 'configure');
      const { start, end, fromDay, toDay } = periodOf(input);
      const startedAt = performance.now();
      const run = await repo.upsertRunning(fromDay, toDay, clock.now());
      try {
        // a period larger than a run can take keeps its newest orders (what is hot now), and says so
        const ordersInPeriod = await repo.countOrders(start, end);
        const before = ordersInPeriod > limit ? await repo.findCursorBeforeNewest(start, end, limit) : null;
        const rows: Awaited<ReturnType<typeof repo.findOrdersPage>> = [];
        for (;;) {
          const last = rows.at(-1);
          const page = await repo.findOrdersPage(
            start,
            end,
            last ? { createdAt: last.createdAt, id: last.id } : before,
            Math.min(PAGE_SIZE, limit - rows.length),
          );
          rows.push(...page);
          if (page.length < PAGE_SIZE || rows.length >= limit) break;
        }
        const found = await findHotspotsInThread(
          rows.map((r) => ({
            id: r.id,
            title: r.title,
            body: r.content,
            at: r.createdAt,
            citizen: r.citizenId === null ? null : String(r.citizenId),
            region: r.regionName,
            likes: r.likes,
            isUrgent: r.urgency === 'urgent',
            category: r.categoryId,
          })),
          { from: start, to: end, top: STORED_HOTSPOTS },
        );
        const numbers = new Map(rows.map((r) => [r.id, r.number]));
        const districtOf = await districtNamer(new Map(rows.map((r) => [r.id, r.regionId])));
        const items = found.map(({ ids, ...h }) => ({
          ...h,
          district: districtOf(ids as number[]),
          ticketIds: ids as number[],
          numbers: (ids as number[]).map((id) => numbers.get(id) ?? ''),
        }));
        const durationMs = Math.round(performance.now() - startedAt);
        const sampledFrom = before && rows.length ? rows[0].createdAt : null;
        await repo.saveResult(run.id, {
          orders: rows.length,
          ordersInPeriod: Math.max(ordersInPeriod, rows.length),
          sampledFrom,
          items,
          durationMs,
          computedAt: clock.now(),
        });
        return { from: fromDay, to: toDay, orders: rows.length, ordersInPeriod, hotspots: items.length, durationMs };
      } catch (error) {
        await repo.markFailed(run.id, error instanceof Error ? error.message.slice(0, 2_000) : String(error), clock.now());
        throw error;
      }
    },
  };
}
export type HotspotsService = ReturnType<typeof createHotspotsService>;
