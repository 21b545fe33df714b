/** SQL for maintaining the analytics rollups from ticket_events (see rollup.sql.ts for the rules). */
import { eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { analyticsDaily, analyticsExclusions, analyticsHalfHour, analyticsReplyFacts, analyticsTicketDims, analyticsWatermarks } from '../../db/schema.ts';
import { emptyMeasures, MEASURE_KEYS, type Measures } from './measures.ts';
import { applyDimsStatement, applyEventsStatement, applyExclusionsStatement, measuresByUnitStatement } from './rollup.sql.ts';
import type { Gap } from './watermark.ts';

/** node-postgres and PGlite both answer raw queries with `{ rows }`. */
export const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

export interface WatermarkState {
  lastEventId: number;
  gaps: Gap[];
}

/** Events with id in (afterId, upToId] or one of `ids`. */
export function eventRange(afterId: number, upToId: number, ids: readonly number[] = []): SQL {
  const range = sql`(e.id > ${afterId} and e.id <= ${upToId})`;
  return ids.length ? sql`(${range} or e.id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)}))` : range;
}

/** Events already counted in the rollups: at or below the watermark and not in a pending gap. */
export function processedEvents(state: WatermarkState): SQL {
  const parts = [sql`e.id <= ${state.lastEventId}`];
  for (const g of state.gaps) parts.push(sql`not (e.id between ${g.from} and ${g.to})`);
  return sql.join(parts, sql` and `);
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
      const [row] = rowsOf<{ last_event_id: number; pending_gaps: Gap[] }>(await db.execute(
        sql`select last_event_id, pending_gaps from analytics_watermarks where name = ${name} for update`));
      return { lastEventId: Number(row.last_event_id), gaps: row.pending_gaps ?? [] };
    },

    async readWatermark(name: string): Promise<WatermarkState> {
      const [row] = await db.select().from(analyticsWatermarks).where(eq(analyticsWatermarks.name, name));
      return row ? { lastEventId: row.lastEventId, gaps: row.pendingGaps as Gap[] } : { lastEventId: 0, gaps: [] };
    },

    saveWatermark: (name: string, state: WatermarkState, now: Date) =>
      db.update(analyticsWatermarks).set({ lastEventId: state.lastEventId, pendingGaps: state.gaps, updatedAt: now }).where(eq(analyticsWatermarks.name, name)),

    async maxEventId(): Promise<number> {
      const [row] = rowsOf<{ max: number | null }>(await db.execute(sql`select max(id) as max from ticket_events`));
      return Number(row?.max ?? 0);
    },

    /** Ranges of ids in (afterId, upToId] with no visible event. */
    async findMissingRanges(afterId: number, upToId: number): Promise<{ from: number; to: number }[]> {
      if (upToId <= afterId) return [];
      const rows = rowsOf<{ from: number; to: number }>(await db.execute(sql`
        with ids as (select id, lag(id, 1, ${afterId}) over (order by id) as prev from ticket_events where id > ${afterId} and id <= ${upToId})
        select prev + 1 as "from", id - 1 as "to" from ids where id - prev > 1
        union all
        select coalesce(max(id), ${afterId}) + 1, ${upToId} from ids having coalesce(max(id), ${afterId}) < ${upToId}`));
      return rows.map((r) => ({ from: Number(r.from), to: Number(r.to) }));
    },

    /** Ids inside the pending gaps that are visible now. */
    async findIdsInGaps(gaps: readonly Gap[]): Promise<number[]> {
      if (!gaps.length) return [];
      const cond = sql.join(gaps.map((g) => sql`(id between ${g.from} and ${g.to})`), sql` or `);
      return rowsOf<{ id: number }>(await db.execute(sql`select id from ticket_events where ${cond} order by id`)).map((r) => Number(r.id));
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
      await db.update(analyticsWatermarks).set({ lastEventId: 0, pendingGaps: [] }).where(eq(analyticsWatermarks.name, name));
    },
  };
}
export type RollupRepository = ReturnType<typeof createRollupRepository>;
