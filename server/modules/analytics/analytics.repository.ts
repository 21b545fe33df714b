/** SQL for reading figures: the rollups, reply facts, half-hour history, and reference data for labels. */
import { and, asc, between, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { FINAL_STATUSES } from '../../../common/ticket-lifecycle.ts';
import type { Executor } from '../../db/client.ts';
import { analyticsHalfHour, analyticsSettings, calendarDays, categories, regions, tickets, units } from '../../db/schema.ts';
import { MEASURE_KEYS, measureColumn, type MeasureKey, type Measures } from './indicators/measures.ts';
import { rowsOf, toMeasures } from './rollup/rollup.repository.ts';
import type { Dimension } from './rollup/rollup-spec.ts';

const FACT_COLUMN: Record<Dimension, string | null> = {
  all: null,
  unit: 'unit_id',
  category: 'category_id',
  region: 'region_id',
  channel: 'channel',
  type: 'type',
};
const finalList = sql.raw(FINAL_STATUSES.map((s) => `'${s}'`).join(', '));

const sumsOf = (keys: readonly MeasureKey[]) => sql.raw(keys.map((k) => `sum(${measureColumn(k)})::bigint as "${k}"`).join(', '));

export function createAnalyticsRepository(db: Executor) {
  return {
    /** Measures per dimension value over [from, to]; `keys` limits the columns summed (faster dashboards). */
    async sumByKey(
      dim: Dimension,
      from: string,
      to: string,
      keys: readonly MeasureKey[] = MEASURE_KEYS,
    ): Promise<{ key: string; measures: Measures }[]> {
      const rows = rowsOf<Record<string, unknown>>(
        await db.execute(sql`
        select key, ${sumsOf(keys)} from analytics_daily where dim = ${dim} and day between ${from} and ${to} group by key`),
      );
      return rows.map((r) => ({ key: String(r.key), measures: toMeasures(r) }));
    },

    /** City-wide measures per day over [from, to]. */
    async sumByDay(from: string, to: string, keys: readonly MeasureKey[] = MEASURE_KEYS): Promise<{ day: string; measures: Measures }[]> {
      const rows = rowsOf<Record<string, unknown>>(
        await db.execute(sql`
        select day::text as day, ${sumsOf(keys)} from analytics_daily where dim = 'all' and day between ${from} and ${to} group by day order by day`),
      );
      return rows.map((r) => ({ day: String(r.day), measures: toMeasures(r) }));
    },

    async total(from: string, to: string, keys: readonly MeasureKey[] = MEASURE_KEYS): Promise<Measures> {
      const [row] = rowsOf<Record<string, unknown>>(
        await db.execute(sql`
        select ${sumsOf(keys)} from analytics_daily where dim = 'all' and day between ${from} and ${to}`),
      );
      return toMeasures(row ?? {});
    },

    /** Exact 50th and 90th percentile handling seconds per dimension value (percentile_cont). */
    async handlingPercentiles(dim: Dimension, from: string, to: string): Promise<Map<string, { p50Seconds: number; p90Seconds: number }>> {
      const column = FACT_COLUMN[dim];
      const key = column ? sql.raw(`${column}::text`) : sql.raw(`''`);
      const rows = await db.transaction(async (tx) => {
        // a sort over many rows that PostgreSQL would otherwise JIT-compile first, at a cost of several hundred ms
        await tx.execute(sql`set local jit = off`);
        return rowsOf<{ key: string; p50: number; p90: number }>(
          await tx.execute(sql`
          select ${key} as key, percentile_cont(0.5) within group (order by handling_seconds) as p50,
            percentile_cont(0.9) within group (order by handling_seconds) as p90
          from analytics_reply_facts where day between ${from} and ${to} group by 1`),
        );
      });
      return new Map(rows.map((r) => [String(r.key), { p50Seconds: Number(r.p50), p90Seconds: Number(r.p90) }]));
    },

    findHalfHours: (fromAt: Date, toAt: Date, channel: string | null) =>
      db
        .select({ slot: analyticsHalfHour.slot, contacts: sql<number>`sum(${analyticsHalfHour.contacts})::int` })
        .from(analyticsHalfHour)
        .where(
          and(
            gte(analyticsHalfHour.slot, fromAt),
            lt(analyticsHalfHour.slot, toAt),
            channel ? eq(analyticsHalfHour.channel, channel) : undefined,
          ),
        )
        .groupBy(analyticsHalfHour.slot),

    findCalendarExceptions: (from: string, to: string) =>
      db
        .select()
        .from(calendarDays)
        .where(between(calendarDays.day, from, to)),

    findUnits: () =>
      db
        .select({ id: units.id, name: units.name, kind: units.kind, peerGroup: units.peerGroup, isActive: units.isActive })
        .from(units)
        .orderBy(asc(units.id)),
    findUnitsByIds: (ids: number[]) =>
      ids.length ? db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, ids)) : Promise.resolve([]),
    findRegions: () => db.select({ id: regions.id, name: regions.name, level: regions.level, parentId: regions.parentId }).from(regions),
    findCategories: () =>
      db
        .select({
          id: categories.id,
          name: categories.name,
          pathName: categories.pathName,
          level: categories.level,
          parentId: categories.parentId,
        })
        .from(categories),

    /** Open orders now at risk or overdue (uses the partial index tickets_open_sla_idx). */
    async countOpenBySlaState(): Promise<{ atRisk: number; overdue: number }> {
      const rows = rowsOf<{ sla_state: string; n: number }>(
        await db.execute(sql`
        select sla_state, count(*)::int as n from tickets where status not in (${finalList}) and sla_state in ('at_risk', 'overdue') group by sla_state`),
      );
      const get = (s: string) => Number(rows.find((r) => r.sla_state === s)?.n ?? 0);
      return { atRisk: get('at_risk'), overdue: get('overdue') };
    },

    /** The open overdue orders, longest overdue first. */
    async findOpenOverdue(limit: number) {
      const rows = rowsOf<{
        id: number;
        number: string;
        title: string;
        status: string;
        handle_due_at: Date | string | null;
        unit_name: string | null;
        category: string | null;
      }>(
        await db.execute(sql`
        select t.id, t.number, t.title, t.status, t.handle_due_at, u.name as unit_name, c.path_name as category
        from tickets t left join units u on u.id = t.lead_unit_id left join categories c on c.id = t.category_id
        where t.status not in (${finalList}) and t.sla_state = 'overdue'
        order by t.handle_due_at nulls last, t.id limit ${limit}`),
      );
      return rows.map((r) => ({
        id: Number(r.id),
        number: r.number,
        title: r.title,
        status: r.status,
        unitName: r.unit_name,
        category: r.category,
        handleDueAt: r.handle_due_at ? new Date(r.handle_due_at) : null,
      }));
    },

    findTicket: async (id: number) =>
      (
        await db
          .select({
            id: tickets.id,
            number: tickets.number,
            status: tickets.status,
            leadUnitId: tickets.leadUnitId,
            isExcluded: tickets.isExcludedFromAssessment,
          })
          .from(tickets)
          .where(eq(tickets.id, id))
      )[0] ?? null,

    getSetting: async (key: string) => (await db.select().from(analyticsSettings).where(eq(analyticsSettings.key, key)))[0]?.value ?? null,
    putSetting: (key: string, value: unknown, userId: number | null, now: Date) =>
      db
        .insert(analyticsSettings)
        .values({ key, value, updatedById: userId, updatedAt: now })
        .onConflictDoUpdate({ target: analyticsSettings.key, set: { value, updatedById: userId, updatedAt: now } }),
  };
}
export type AnalyticsRepository = ReturnType<typeof createAnalyticsRepository>;
