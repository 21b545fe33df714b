/** SQL for hotspots (热点问题): the stored runs per period, and a period's orders read in pages for the job. */
import { and, asc, desc, eq, gt, gte, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { hotspotRuns, regions, tickets } from '../../../db/schema.ts';

export type HotspotRunRow = typeof hotspotRuns.$inferSelect;

export function createHotspotsRepository(db: Executor) {
  return {
    findRun: async (fromDay: string, toDay: string) =>
      (
        await db
          .select()
          .from(hotspotRuns)
          .where(and(eq(hotspotRuns.fromDay, fromDay), eq(hotspotRuns.toDay, toDay)))
          .limit(1)
      )[0] ?? null,

    /** Creates the period's run as pending; null when it exists already (another request or process made it). */
    createPendingRun: async (fromDay: string, toDay: string, now: Date) =>
      (await db.insert(hotspotRuns).values({ fromDay, toDay, status: 'pending', requestedAt: now }).onConflictDoNothing().returning())[0] ??
      null,

    /**
     * Asks for a fresh computation of a ready run computed, or a failed run asked for, before `staleBefore`; true when this call asked
     * (so exactly one caller enqueues the job), false when it is fresh or already pending or running.
     */
    requestRefresh: async (id: number, staleBefore: Date, now: Date) =>
      (
        await db
          .update(hotspotRuns)
          .set({ status: 'pending', requestedAt: now })
          .where(
            and(
              eq(hotspotRuns.id, id),
              or(
                and(eq(hotspotRuns.status, 'ready'), lt(hotspotRuns.computedAt, staleBefore)),
                and(eq(hotspotRuns.status, 'failed'), lt(hotspotRuns.requestedAt, staleBefore)),
              ),
            ),
          )
          .returning({ id: hotspotRuns.id })
      ).length > 0,

    /** The job's own run row: made when a scheduled run finds none. */
    upsertRunning: async (fromDay: string, toDay: string, now: Date) =>
      (
        await db
          .insert(hotspotRuns)
          .values({ fromDay, toDay, status: 'running', requestedAt: now })
          .onConflictDoUpdate({ target: [hotspotRuns.fromDay, hotspotRuns.toDay], set: { status: 'running' } })
          .returning()
      )[0],

    saveResult: (
      id: number,
      result: { orders: number; ordersInPeriod: number; sampledFrom: Date | null; items: unknown[]; durationMs: number; computedAt: Date },
    ) =>
      db
        .update(hotspotRuns)
        .set({ status: 'ready', error: null, ...result })
        .where(eq(hotspotRuns.id, id)),

    markFailed: (id: number, error: string, now: Date) =>
      db.update(hotspotRuns).set({ status: 'failed', error, requestedAt: now }).where(eq(hotspotRuns.id, id)),

    /** Orders of a period, as findOrdersPage reads them (invalid ones left out). */
    countOrders: async (from: Date, to: Date) =>
      Number(
        (
          await db
            .select({ n: sql<number>`count(*)::int` })
            .from(tickets)
            .where(periodOrders(from, to))
        )[0]?.n ?? 0,
      ),

    /** The cursor just before the period's `newest` most recent orders: paging on from it reads exactly those. */
    findCursorBeforeNewest: async (from: Date, to: Date, newest: number) =>
      (
        await db
          .select({ createdAt: tickets.createdAt, id: tickets.id })
          .from(tickets)
          .where(periodOrders(from, to))
          .orderBy(desc(tickets.createdAt), desc(tickets.id))
          .offset(newest)
          .limit(1)
      )[0] ?? null,

    /**
     * One page of a period's orders for hotspots, oldest first, after the (createdAt, id) cursor: the job reads a large
     * period page by page so other requests get their turn on the database between pages. Merged orders count: each is
     * a citizen's contact about the problem (60 calls about one burst main make it hot, however few orders remain after
     * 并单). Invalid ones are left out.
     */
    findOrdersPage: (from: Date, to: Date, after: { createdAt: Date; id: number } | null, limit: number) =>
      db
        .select({
          id: tickets.id,
          number: tickets.number,
          title: tickets.title,
          content: tickets.content,
          createdAt: tickets.createdAt,
          citizenId: tickets.citizenId,
          regionName: regions.name,
          likes: tickets.likes,
          urgency: tickets.urgency,
          regionId: tickets.regionId,
          categoryId: tickets.categoryId,
        })
        .from(tickets)
        .leftJoin(regions, eq(regions.id, tickets.regionId))
        .where(
          and(
            periodOrders(from, to),
            after
              ? or(gt(tickets.createdAt, after.createdAt), and(eq(tickets.createdAt, after.createdAt), gt(tickets.id, after.id)))
              : undefined,
          ),
        )
        .orderBy(asc(tickets.createdAt), asc(tickets.id))
        .limit(limit),
  };
}
export type HotspotsRepository = ReturnType<typeof createHotspotsRepository>;

const periodOrders = (from: Date, to: Date) =>
  and(gte(tickets.createdAt, from), lt(tickets.createdAt, to), sql`coalesce(${tickets.resolution}, '') <> 'invalid'`);
