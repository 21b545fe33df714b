/**
 * Keeps the analytics rollups current: processes only the ticket events after the watermark,
 * in batches of `batchSize` ids, each batch in one transaction with the watermark update.
 */
import type { Db } from '../../db/client.ts';
import { createRollupRepository, eventRange, type WatermarkState } from './rollup.repository.ts';
import { dropExpired, removeFound } from './watermark.ts';

export const ROLLUP_WATERMARK = 'analytics_rollups';
/** Ids per batch: large enough for throughput, small enough for short transactions. */
const DEFAULT_BATCH = 200_000;
/** A missing id still missing after this long belonged to a rolled-back transaction. */
const DEFAULT_GAP_TIMEOUT_MS = 10 * 60_000;
/** Never track more pending gaps than this (oldest dropped first). */
const MAX_GAPS = 1_000;

export interface RefreshResult {
  batches: number;
  lastEventId: number;
  pendingGaps: number;
}

export function createRollupService(deps: { db: Db; batchSize?: number; gapTimeoutMs?: number }) {
  const { db } = deps;
  const batchSize = deps.batchSize ?? DEFAULT_BATCH;
  const gapTimeoutMs = deps.gapTimeoutMs ?? DEFAULT_GAP_TIMEOUT_MS;
  // Gap expiry measures how long a database transaction may stay open, which is wall-clock time,
  // not the business clock (tests move that one freely).
  const wallNow = () => Date.now();

  /** One batch; returns whether the rollups have caught up with the newest event. */
  async function step(): Promise<{ caughtUp: boolean; state: WatermarkState }> {
    return db.transaction(async (tx) => {
      const repo = createRollupRepository(tx);
      const state = await repo.lockWatermark(ROLLUP_WATERMARK);
      const maxId = await repo.maxEventId();
      const hi = Math.min(maxId, state.lastEventId + batchSize);
      const found = await repo.findIdsInGaps(state.gaps);
      const now = wallNow();
      if (hi <= state.lastEventId && found.length === 0) {
        const gaps = dropExpired(state.gaps, now, gapTimeoutMs);
        const next = { lastEventId: state.lastEventId, gaps };
        if (gaps.length !== state.gaps.length) await repo.saveWatermark(ROLLUP_WATERMARK, next, new Date(now));
        return { caughtUp: true, state: next };
      }
      const upTo = Math.max(hi, state.lastEventId);
      const missing = await repo.findMissingRanges(state.lastEventId, upTo);
      await repo.applyEvents(eventRange(state.lastEventId, upTo, found));
      const gaps = dropExpired([...removeFound(state.gaps, found), ...missing.map((g) => ({ ...g, seenAt: now }))], now, gapTimeoutMs)
        .slice(-MAX_GAPS);
      const next = { lastEventId: upTo, gaps };
      await repo.saveWatermark(ROLLUP_WATERMARK, next, new Date(now));
      return { caughtUp: upTo >= maxId, state: next };
    });
  }

  return {
    /** Brings the rollups up to date (the refresh-analytics-rollups job). Safe to run concurrently and repeatedly. */
    async refresh(): Promise<RefreshResult> {
      let batches = 0;
      for (;;) {
        const { caughtUp, state } = await step();
        batches++;
        if (caughtUp) return { batches, lastEventId: state.lastEventId, pendingGaps: state.gaps.length };
        // Let requests in between batches: embedded PGlite resolves queries without ever yielding to the event loop.
        await new Promise((resolve) => setImmediate(resolve));
      }
    },

    /** Empties the rollups and recounts everything (after a change of the rules, or a bulk load). */
    async rebuild(): Promise<RefreshResult> {
      await db.transaction(async (tx) => {
        const repo = createRollupRepository(tx);
        await repo.lockWatermark(ROLLUP_WATERMARK);
        await repo.reset(ROLLUP_WATERMARK);
      });
      return this.refresh();
    },

    readWatermark: () => createRollupRepository(db).readWatermark(ROLLUP_WATERMARK),
  };
}
export type RollupService = ReturnType<typeof createRollupService>;
