/**
 * Keeps the analytics rollups current: counts only the ticket events after the watermark, in
 * (transaction id, event id) order, in batches of `batchSize` events, each batch in one transaction
 * with the watermark update. Events of a transaction that commits late are counted when it commits,
 * never skipped (see WatermarkState).
 */
import type { Db } from '../../../db/client.ts';
import { createRollupRepository, eventRange, type WatermarkState } from './rollup.repository.ts';

export const ROLLUP_WATERMARK = 'analytics_rollups';
/** Events per batch: large enough for throughput, small enough for short transactions. */
const DEFAULT_BATCH = 200_000;
/**
 * How long a refresh waits for the transactions running when it was asked to finish, so that what was
 * committed before the request is counted; a transaction open longer only delays its own and later events.
 */
const DEFAULT_SETTLE_MS = 2_000;

export interface RefreshResult {
  batches: number;
  lastEventId: number;
  /** Committed events not counted yet because an older transaction is still running. */
  heldBackEvents: number;
}

export function createRollupService(deps: { db: Db; batchSize?: number; settleMs?: number }) {
  const { db } = deps;
  const batchSize = deps.batchSize ?? DEFAULT_BATCH;
  const settleMs = deps.settleMs ?? DEFAULT_SETTLE_MS;

  /** Waits (briefly) until every transaction running now has ended. */
  async function settle() {
    const repo = createRollupRepository(db);
    const horizon = await repo.currentHorizon();
    const until = Date.now() + settleMs;
    while (!(await repo.hasPassed(horizon)) && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
  }

  /** One batch; returns whether there was nothing left to count. */
  async function step(): Promise<{ isDone: boolean; state: WatermarkState }> {
    return db.transaction(async (tx) => {
      const repo = createRollupRepository(tx);
      const state = await repo.lockWatermark(ROLLUP_WATERMARK);
      const end = await repo.findBatchEnd(state, batchSize);
      if (!end) return { isDone: true, state };
      await repo.applyEvents(eventRange(state, end));
      await repo.saveWatermark(ROLLUP_WATERMARK, end, new Date());
      return { isDone: false, state: end };
    });
  }

  return {
    /** Brings the rollups up to date (the refresh-analytics-rollups job). Safe to run concurrently and repeatedly. */
    async refresh(): Promise<RefreshResult> {
      await settle();
      let batches = 0;
      for (;;) {
        const { isDone, state } = await step();
        if (isDone) {
          const heldBackEvents = await createRollupRepository(db).countHeldBack(state);
          return { batches, lastEventId: state.lastEventId, heldBackEvents };
        }
        batches++;
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
