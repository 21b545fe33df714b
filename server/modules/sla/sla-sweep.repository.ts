/**
 * The SLA sweep in SQL: one set-based statement per batch of open orders marks them at risk (即将超期) or overdue
 * (已超期) and, for each move up, writes the event, the automatic reminder (supervisions row) and its event.
 *
 * Working time is computed per row in SQL from a prefix table the service builds with the working calendar:
 * `prefix[i]` = working ms before local day `baseDay + i - 1`, so the working time up to an instant t is
 * `prefix[day(t)] + (working part of t's day before t)`, which is plain arithmetic on the time of day.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { DAY_MS, SHANGHAI_OFFSET_MS } from '../../lib/calendar.ts';
import { UNIT_CLOCK_STATUSES } from '../../../common/ticket-lifecycle.ts';
import { DEFAULT_AT_RISK_RATIO } from './sla.rules.ts';

export interface WorkingTimeTable {
  /** Local day number of prefix[0] (days since 1970-01-01 in +08:00). */
  baseDay: number;
  /** Working ms before each day from baseDay; one entry more than the days covered. */
  prefix: number[];
  /** Working periods in ms after local midnight. */
  periods: readonly { startMs: number; endMs: number }[];
}

export interface SlaChange {
  ticketId: number;
  leadUnitId: number | null;
  status: string;
  from: string;
  to: string;
}

/** A number inlined into SQL text; only values we computed ourselves ever reach it. */
function lit(n: number): SQL {
  if (!Number.isFinite(n)) throw new RangeError(`not a finite number: ${n}`);
  return sql.raw(String(n));
}

/** Local (+08:00) epoch ms of `ts`, clamped to the days the table covers. */
function localMsSql(ts: SQL, w: WorkingTimeTable): SQL {
  const lo = w.baseDay * DAY_MS;
  const hi = (w.baseDay + w.prefix.length - 1) * DAY_MS - 1;
  return sql`least(greatest(extract(epoch from ${ts})::float8 * 1000 + ${lit(SHANGHAI_OFFSET_MS)}, ${lit(lo)}), ${lit(hi)})`;
}

/** Working ms from the table's first midnight up to the instant whose local ms is `local` (a column reference). */
function cumulativeSql(local: SQL, w: WorkingTimeTable, prefix: SQL): SQL {
  const day = sql`floor(${local} / ${lit(DAY_MS)})`;
  const index = sql`(${day} - ${lit(w.baseDay - 1)})::int`;
  const timeOfDay = sql`(${local} - ${day} * ${lit(DAY_MS)})`;
  const within = sql.join(
    w.periods.map((p) => sql`least(greatest(${timeOfDay} - ${lit(p.startMs)}, 0), ${lit(p.endMs - p.startMs)})`),
    sql` + `,
  );
  return sql`(${prefix}[${index}] + sign(${prefix}[${index} + 1] - ${prefix}[${index}]) * (${within}))`;
}

const prefixParam = (w: WorkingTimeTable) => sql`${`{${w.prefix.join(',')}}`}::float8[]`;
const clockStatuses = sql.join(
  UNIT_CLOCK_STATUSES.map((s) => sql`${s}`),
  sql`, `,
);
const rank = (col: SQL) => sql`(case ${col} when 'overdue' then 2 when 'at_risk' then 1 else 0 end)`;

/** Rows of a raw `db.execute` result (node-postgres and PGlite both return `{ rows }`). */
const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/** `and lead_unit_id in (...)` when the sweep is limited to some lead units (none matches an empty list). */
function unitFilterSql(unitIds: number[] | undefined): SQL {
  if (!unitIds) return sql``;
  const ids = unitIds.length
    ? sql.join(
        unitIds.map((id) => sql`${id}`),
        sql`, `,
      )
    : sql`null`;
  return sql` and lead_unit_id in (${ids})`;
}

/**
 * The most specific active SLA policy for ticket `t` (categories `c1` = its category, `c2` = the parent):
 * a policy on the ticket's own category wins over one on a parent, then over one on any category;
 * then a policy naming the type, then one naming the urgency; ties by lowest id.
 */
const matchingPolicySql = sql`
            select sp.handle_unit, sp.at_risk_ratio from sla_policies sp
            where sp.is_active
              and (sp.ticket_type is null or sp.ticket_type = t.type)
              and (sp.urgency is null or sp.urgency = t.urgency)
              and (sp.category_id is null or sp.category_id in (t.category_id, c1.parent_id, c2.parent_id))
            order by case when sp.category_id is null then 0 when sp.category_id = t.category_id then 3
                          when sp.category_id = c1.parent_id then 2 else 1 end desc,
              (sp.ticket_type is not null) desc, (sp.urgency is not null) desc, sp.id
            limit 1`;

/**
 * The SLA state a candidate order should have now: overdue past either due time; otherwise at risk once the
 * policy's share of the handling time (clock time or working time, from `e` / `cw`) has passed.
 */
function newStateSql(now: SQL, nowMs: SQL, nowWorkingMs: SQL, isSignOverdue: SQL): SQL {
  const ratio = sql`coalesce(p.at_risk_ratio::numeric::float8, ${lit(DEFAULT_AT_RISK_RATIO)})`;
  const isClockTime = sql`(p.handle_unit = 'clock_hours' or (p.handle_unit is null and t.urgency = 'urgent'))`;
  return sql`case
              when t.handle_due_at <= ${now} then 'overdue'
              when ${isSignOverdue} then 'overdue'
              when t.dispatched_at is null or t.handle_due_at is null then 'normal'
              when ${isClockTime} then
                case when (${nowMs} - e.start_ms) >= ${ratio} * (e.due_ms - e.start_ms) then 'at_risk' else 'normal' end
              else
                case when cw.due_cum > cw.start_cum and (${nowWorkingMs} - cw.start_cum) >= ${ratio} * (cw.due_cum - cw.start_cum)
                  then 'at_risk' else 'normal' end
            end`;
}

interface SweepRow {
  last_id: number | null;
  scanned: number;
  changes: SlaChange[] | string;
}

function sweepResultOf(row: SweepRow) {
  const changes = typeof row.changes === 'string' ? (JSON.parse(row.changes) as SlaChange[]) : row.changes;
  return { lastId: row.last_id === null ? null : Number(row.last_id), scanned: Number(row.scanned), changes };
}

export function createSlaSweepRepository(db: Executor) {
  return {
    /**
     * Sweeps the open orders with id > cursor (at most batchSize of them, in id order).
     * `nowWorkingMs` is the working time from the table's first midnight to `now`; `unitIds` limits it to those lead units.
     */
    async sweepBatch(input: {
      now: Date;
      cursor: number;
      batchSize: number;
      table: WorkingTimeTable;
      nowWorkingMs: number;
      unitIds?: number[];
    }) {
      const { table: w, cursor, batchSize } = input;
      const now = sql`${input.now.toISOString()}::timestamptz`;
      const nowMs = lit(input.now.getTime());
      const startCum = cumulativeSql(sql`l.start_local`, w, sql`w.prefix`);
      const dueCum = cumulativeSql(sql`l.due_local`, w, sql`w.prefix`);
      const isSignOverdue = sql`(t.status = 'pending_sign' and t.sign_due_at <= ${now})`;
      const unitFilter = unitFilterSql(input.unitIds);
      const result = rowsOf<SweepRow>(
        await db.execute(sql`
        with w as (select ${prefixParam(w)} as prefix),
        scan as materialized (
          select id from tickets
          where status in (${clockStatuses}) and id > ${cursor}${unitFilter}
          order by id limit ${batchSize}
        ),
        cand as materialized (
          select t.id, t.status, t.sla_state as old_state, t.lead_unit_id,
            ${newStateSql(now, nowMs, lit(input.nowWorkingMs), isSignOverdue)} as new_state,
            case when coalesce(t.handle_due_at > ${now}, true) and ${isSignOverdue} then 'sign' else 'handle' end as due_kind,
            case when coalesce(t.handle_due_at > ${now}, true) and ${isSignOverdue} then t.sign_due_at else t.handle_due_at end as due_at
          from scan s
          join tickets t on t.id = s.id
          cross join w
          left join categories c1 on c1.id = t.category_id
          left join categories c2 on c2.id = c1.parent_id
          left join lateral (${matchingPolicySql}) p on true
          cross join lateral (select extract(epoch from t.dispatched_at)::float8 * 1000 as start_ms,
                                     extract(epoch from t.handle_due_at)::float8 * 1000 as due_ms) e
          cross join lateral (select ${localMsSql(sql`t.dispatched_at`, w)} as start_local,
                                     ${localMsSql(sql`t.handle_due_at`, w)} as due_local) l
          cross join lateral (select ${startCum} as start_cum, ${dueCum} as due_cum) cw
          where t.paused_at is null and t.status in (${clockStatuses})
          -- Locked until the statement ends, so a transition cannot slip in between reading and writing a row;
          -- a row someone is changing right now is left for the next run.
          for update of t skip locked
        ),
        changed as (
          update tickets t set sla_state = c.new_state
          from cand c
          where t.id = c.id and c.new_state <> c.old_state
          returning t.id, t.status, t.lead_unit_id, c.old_state, c.new_state, c.due_kind, c.due_at
        ),
        escalated as (
          -- Supervision ids are drawn here so the reminder events need no join back to the inserted rows.
          select c.*, nextval(pg_get_serial_sequence('supervisions', 'id'))::int as supervision_id,
            case when new_state = 'at_risk' then '工单即将超期，请抓紧办理。'
                 when due_kind = 'sign' then '工单已超过签收时限，请立即签收。'
                 else '工单已超过办理时限，请尽快办理并答复。' end as content
          from changed c where ${rank(sql`new_state`)} > ${rank(sql`old_state`)}
        ),
        sla_events as (
          insert into ticket_events (ticket_id, action, from_status, to_status, unit_id, data, created_at)
          select id, case when new_state = 'overdue' then 'sla_overdue' else 'sla_at_risk' end, status, status, lead_unit_id,
            jsonb_build_object('previousState', old_state, 'state', new_state, 'dueKind', due_kind, 'dueAt', due_at), ${now}
          from escalated
          returning id
        ),
        reminders as (
          insert into supervisions (id, ticket_id, kind, unit_id, content, due_at, created_at)
          select supervision_id, id, 'auto_reminder', lead_unit_id, content, due_at, ${now} from escalated
          returning id
        ),
        reminder_events as (
          insert into ticket_events (ticket_id, action, from_status, to_status, unit_id, note, data, created_at)
          select id, 'auto_reminder', status, status, lead_unit_id, content,
            jsonb_build_object('supervisionId', supervision_id, 'state', new_state), ${now}
          from escalated
          returning id
        )
        select (select max(id) from scan) as last_id,
               (select count(*) from scan)::int as scanned,
               coalesce((select json_agg(json_build_object('ticketId', id, 'leadUnitId', lead_unit_id, 'status', status,
                                                           'from', old_state, 'to', new_state)) from changed), '[]'::json) as changes`),
      );
      return sweepResultOf(result[0]);
    },

    /** Working ms between pairs of instants computed by the same SQL as the sweep (checks SQL against the calendar). */
    async workingMsBetween(pairs: [Date, Date][], table: WorkingTimeTable): Promise<number[]> {
      const values = sql.join(
        pairs.map(([a, b], i) => sql`(${i}::int, ${a.toISOString()}::timestamptz, ${b.toISOString()}::timestamptz)`),
        sql`, `,
      );
      const result = rowsOf<{ ms: number }>(
        await db.execute(sql`
        with w as (select ${prefixParam(table)} as prefix)
        select ${cumulativeSql(sql`l.b_local`, table, sql`w.prefix`)} - ${cumulativeSql(sql`l.a_local`, table, sql`w.prefix`)} as ms
        from (values ${values}) v(i, a, b) cross join w
        cross join lateral (select ${localMsSql(sql`v.a`, table)} as a_local, ${localMsSql(sql`v.b`, table)} as b_local) l
        order by v.i`),
      );
      return result.map((r) => Number(r.ms));
    },
  };
}
export type SlaSweepRepository = ReturnType<typeof createSlaSweepRepository>;
