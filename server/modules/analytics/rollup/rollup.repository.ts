/** SQL for maintaining the analytics rollups from ticket_events (see rollup.sql.ts for the rules). */
import { eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import {
  analyticsDaily,
  analyticsExclusions,
  analyticsHalfHour,
  analyticsReplyFacts,
  analyticsTicketDims,
  analyticsWatermarks,
} from '../../../db/schema.ts';
import { emptyMeasures, MEASURE_KEYS, type Measures } from '../indicators/measures.ts';
import { applyDimsStatement, applyEventsStatement, applyExclusionsStatement, measuresByUnitStatement } from './rollup.sql.ts';

/** node-postgres and PGlite both answer raw queries with `{ rows }`. */
export const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/**
 * How far the rollups have counted, as a position in (transaction id, event id) order. Only events of transactions older
 * than every running one are ever counted, so no event can later appear at or before the watermark: a transaction that
 * commits late holds the later ones back instead of being passed over (the same rule as the outbox readers).
 */
export interface WatermarkState {
  lastTxId: string;
  lastEventId: number;
}

const position = (state: WatermarkState) => sql`(${state.lastTxId}::xid8, ${state.lastEventId}::int)`;

/** Events after `from` up to and including `to`. */
export function eventRange(from: WatermarkState, to: WatermarkState): SQL {
  return sql`((e.tx_id, e.id) > ${position(from)} and (e.tx_id, e.id) <= ${position(to)})`;
}

/** Events already counted in the rollups. */
export function processedEvents(state: WatermarkState): SQL {
  return sql`(e.tx_id, e.id) <= ${position(state)}`;
}

export function toMeasures(row: Record<string, unknown>): Measures {
  const m = emptyMeasures();
  for (const k of MEASURE_KEYS) m[k] = Number(row[k] ?? 0);
  return m;
}

export function createRollupRepository(db: Executor) {
  return {
    /** Reads the job's watermark, locking it for the rest of the transaction (one runner at a time). */
    async lockWatermark(name: string): Promise<WatermarkState> {
      await db.insert(analyticsWatermarks).values({ name }).onConflictDoNothing();
      const [row] = rowsOf<{ last_tx_id: string; last_event_id: number }>(
        await db.execute(sql`select last_tx_id::text, last_event_id from analytics_watermarks where name = ${name} for update`),
      );
      return { lastTxId: row.last_tx_id, lastEventId: Number(row.last_event_id) };
    },

    async readWatermark(name: string): Promise<WatermarkState> {
      const [row] = await db.select().from(analyticsWatermarks).where(eq(analyticsWatermarks.name, name));
      return row ? { lastTxId: row.lastTxId, lastEventId: row.lastEventId } : { lastTxId: '0', lastEventId: 0 };
    },

    saveWatermark: (name: string, state: WatermarkState, now: Date) =>
      db
        .update(analyticsWatermarks)
        .set({ lastTxId: state.lastTxId, lastEventId: state.lastEventId, updatedAt: now })
        .where(eq(analyticsWatermarks.name, name)),

    /** The position `limit` countable events after `after` (or the last countable one), or null when there is none. */
    async findBatchEnd(after: WatermarkState, limit: number): Promise<WatermarkState | null> {
      const [row] = rowsOf<{ tx_id: string; id: number }>(
        await db.execute(sql`
        select tx_id::text, id from (
          select tx_id, id from ticket_events
          where (tx_id, id) > ${position(after)} and tx_id < pg_snapshot_xmin(pg_current_snapshot())
          order by tx_id, id limit ${limit}
        ) batch order by tx_id desc, id desc limit 1`),
      );
      return row ? { lastTxId: row.tx_id, lastEventId: Number(row.id) } : null;
    },

    /** Committed events after the watermark that wait for an older transaction still running. */
    async countHeldBack(after: WatermarkState): Promise<number> {
      const [row] = rowsOf<{ n: number }>(
        await db.execute(sql`
        select count(*)::int as n from ticket_events where (tx_id, id) > ${position(after)} and tx_id >= pg_snapshot_xmin(pg_current_snapshot())`),
      );
      return Number(row.n);
    },

    /** Whether every transaction that was running (or not yet begun) at `horizon` has ended. */
    async hasPassed(horizon: string): Promise<boolean> {
      const [row] = rowsOf<{ passed: boolean }>(
        await db.execute(sql`select pg_snapshot_xmin(pg_current_snapshot()) >= ${horizon}::xid8 as passed`),
      );
      return row.passed;
    },

    /** The first transaction id not yet started: every transaction below it has either ended or is running now. */
    async currentHorizon(): Promise<string> {
      const [row] = rowsOf<{ horizon: string }>(await db.execute(sql`select pg_snapshot_xmax(pg_current_snapshot())::text as horizon`));
      return row.horizon;
    },

    /** For the rest of the transaction: PostgreSQL's JIT would spend longer compiling these one-off statements than running them. */
    disableJit: () => db.execute(sql`set local jit = off`),

    async applyEvents(filter: SQL) {
      await db.execute(sql`set local jit = off`);
      await db.execute(applyDimsStatement(filter));
      await db.execute(applyEventsStatement(filter));
      await db.execute(applyExclusionsStatement(filter));
    },

    /** Measures of the given events per unit, for days in [from, to]. */
    async measuresByUnit(filter: SQL, from: string, to: string): Promise<Map<number, Measures>> {
      const rows = rowsOf<Record<string, unknown>>(await db.execute(measuresByUnitStatement(filter, from, to)));
      return new Map(rows.map((r) => [Number(r.unitId), toMeasures(r)]));
    },

    /** Empties every rollup and rewinds the watermark (a full rebuild follows). */
    async reset(name: string) {
      await db.delete(analyticsDaily);
      await db.delete(analyticsReplyFacts);
      await db.delete(analyticsHalfHour);
      await db.delete(analyticsExclusions);
      await db.delete(analyticsTicketDims);
      await db.update(analyticsWatermarks).set({ lastTxId: '0', lastEventId: 0 }).where(eq(analyticsWatermarks.name, name));
    },
  };
}
export type RollupRepository = ReturnType<typeof createRollupRepository>;
