/**
 * The rollup rules of rollup-spec.ts as one set-based SQL statement over ticket_events, so the job
 * processes millions of events without fetching them. `filter` selects the events (alias `e`).
 * Dimensions come from analytics_ticket_dims, filled from the create events by applyDimsStatement first.
 * Every change here must keep rollup.api.test.ts (SQL vs. reference recount) green.
 * Days are taken at a fixed +08:00, like server/lib/calendar.ts (the tz database's Asia/Shanghai
 * would differ before 1992, when China still had summer time).
 */
import { sql, type SQL } from 'drizzle-orm';
import { MEASURE_KEYS, measureColumn, type MeasureKey } from '../indicators/measures.ts';

const COUNTED_ACTIONS = [
  'create',
  'direct_answer',
  'invalidate',
  'transfer_emergency',
  'merge',
  'dispatch',
  'subdispatch',
  'sign',
  'return',
  'object',
  'decide_objection',
  'request_extension',
  'reply',
  'review',
  'callback',
  'reopen',
  'sla_overdue',
  'supervise',
  'urge',
];
const list = (values: string[]) => values.map((v) => `'${v}'`).join(', ');

/** Actions after which the order is with a (new) unit: a reply's handling clock starts at the latest one. */
const HANDOFF = `(e.action in ('dispatch', 'subdispatch', 'reopen') or (e.action = 'decide_objection' and e.data->>'decision' = 'approve'))`;
/** The latest earlier event of the same ticket with `action` (window w), as [id, unit_id]; [2] is its unit. */
const lastUnit = (action: string) => `(max(array[e.id, e.unit_id]) filter (where e.action = '${action}') over w)[2]`;

/** An earlier complaint by the same citizen in the same category within 30 days (orders already recorded in analytics_ticket_dims). */
const REPEAT_COMPLAINT = `ev.c_category <> 0 and ev.c_citizen is not null and exists (
  select 1 from analytics_ticket_dims p
  where p.citizen_id = ev.c_citizen and p.created_at < ev.c_at and p.created_at >= ev.c_at - interval '30 days'
    and p.ticket_id <> ev.ticket_id and p.type = 'complaint' and p.category_id = ev.c_category)`;

/** SQL condition (over alias r0) for each measure; the value is 1 when it holds, else 0 — except handlingSeconds. */
const MEASURE_SQL: Record<MeasureKey, string> = {
  contacts: `r0.action = 'create'`,
  invalid: `r0.action = 'invalidate'`,
  transferred: `r0.action = 'transfer_emergency'`,
  merged: `r0.action = 'merge'`,
  directAnswered: `r0.action = 'direct_answer'`,
  complaints: `r0.action = 'create' and r0.c_type = 'complaint'`,
  repeatComplaints: `r0.is_repeat`,
  dispatches: `r0.action in ('dispatch', 'subdispatch') or (r0.action = 'decide_objection' and r0.decision = 'approve')`,
  signs: `r0.action = 'sign'`,
  signsOnTime: `r0.action = 'sign' and r0.data->'isOnTime' = 'true'::jsonb`,
  returns: `r0.action = 'return'`,
  improperReturns: `r0.action = 'dispatch' and r0.from_status = 'returned' and r0.last_return_unit = r0.unit_id`,
  objections: `r0.action = 'object'`,
  objectionsDenied: `r0.action = 'decide_objection' and coalesce(r0.decision, '') <> 'approve'`,
  extensionRequests: `r0.action = 'request_extension'`,
  replies: `r0.action = 'reply'`,
  repliesOnTime: `r0.action = 'reply' and r0.data->'isOnTime' = 'true'::jsonb`,
  handlingSeconds: '',
  reviewsAccepted: `r0.action = 'review' and r0.decision = 'accept'`,
  reviewsRejected: `r0.action = 'review' and coalesce(r0.decision, '') <> 'accept'`,
  callbacks: `r0.action = 'callback'`,
  callbacksReached: `r0.action = 'callback' and coalesce(r0.data->>'result', '') not in ('', 'unreachable')`,
  satisfied: `r0.action = 'callback' and r0.data->>'result' = 'satisfied'`,
  basicallySatisfied: `r0.action = 'callback' and r0.data->>'result' = 'basically_satisfied'`,
  unsatisfied: `r0.action = 'callback' and r0.data->>'result' = 'unsatisfied'`,
  resolvedAnswered: `r0.action = 'callback' and jsonb_typeof(r0.data->'isResolved') = 'boolean'`,
  resolved: `r0.action = 'callback' and r0.data->'isResolved' = 'true'::jsonb`,
  reopens: `r0.action = 'reopen'`,
  overdue: `r0.action = 'sla_overdue'`,
  supervisions: `r0.action = 'supervise'`,
  urges: `r0.action = 'urge'`,
};

const measureSelect = MEASURE_KEYS.map((k) =>
  k === 'handlingSeconds' ? `r0.handling_seconds` : `case when ${MEASURE_SQL[k]} then 1 else 0 end as ${measureColumn(k)}`,
).join(',\n    ');

/**
 * `with ev …, r0 …, r …`: one row per counted event with its day, unit, dimensions and measure values.
 * Callers append their own final select over `r`.
 */
export function derivedRowsCte(filter: SQL): SQL {
  // One pass over every event of the orders the filtered events belong to (read by ticket_events_ticket_idx): window
  // functions give each event the latest earlier object, callback, return and hand-off of its order, where a sub-query
  // per event took half of a batch's time. The order's dimensions are looked up once per order by primary key (a plain
  // join let the planner hash every order ever recorded). No join between two CTEs: the planner estimates a batch of
  // (tx_id, id) at one row and would join them by nested loops.
  return sql`with tk as (
  select distinct e.ticket_id from ticket_events e where e.action in (${sql.raw(list(COUNTED_ACTIONS))}) and (${filter})
), ev as (
  select * from (
    select e.id, e.ticket_id, e.action, e.from_status, e.unit_id, e.data, e.created_at, (${filter}) as is_in_batch,
      d.created_at as c_at, d.category_id as c_category, d.region_id as c_region, d.channel as c_channel, d.type as c_type,
      d.citizen_id as c_citizen,
      ${sql.raw(lastUnit('object'))} as object_unit, ${sql.raw(lastUnit('callback'))} as callback_unit,
      ${sql.raw(lastUnit('return'))} as return_unit,
      (max(array[e.id::numeric, extract(epoch from e.created_at)]) filter (where ${sql.raw(HANDOFF)}) over w)[2] as handoff_epoch
    from tk
    cross join lateral (select * from analytics_ticket_dims d where d.ticket_id = tk.ticket_id limit 1) d
    join ticket_events e on e.ticket_id = tk.ticket_id
    window w as (partition by e.ticket_id order by e.id rows between unbounded preceding and 1 preceding)
  ) x where x.is_in_batch and x.action in (${sql.raw(list(COUNTED_ACTIONS))})
), u as (
  select ev.*,
    ev.data->>'decision' as decision,
    coalesce(case
      when ev.action in ('dispatch', 'subdispatch') then coalesce((ev.data->>'leadUnitId')::int, ev.unit_id)
      when ev.action = 'decide_objection' and ev.data->>'decision' = 'approve' then coalesce((ev.data->>'newUnitId')::int, ev.unit_id)
      when ev.action = 'decide_objection' then coalesce(ev.object_unit, ev.unit_id)
      when ev.action = 'reopen' then coalesce(ev.callback_unit, ev.unit_id)
      else ev.unit_id end, 0) as unit_id2,
    case when ev.action = 'dispatch' and ev.from_status = 'returned' then ev.return_unit end as last_return_unit,
    case when ev.action = 'create' and ev.c_type = 'complaint' then ${sql.raw(REPEAT_COMPLAINT)} else false end as is_repeat,
    case when ev.action = 'reply' then floor(extract(epoch from ev.created_at) - coalesce(ev.handoff_epoch, extract(epoch from ev.c_at)))::bigint
      else 0 end as handling_seconds
  from ev
), r0 as (
  select u.id as event_id, u.ticket_id, u.action, u.from_status, u.data, u.decision, u.c_at, u.unit_id2 as unit_id,
    u.last_return_unit, u.is_repeat, u.handling_seconds,
    ((case when u.action in ('create', 'direct_answer', 'invalidate', 'transfer_emergency', 'merge') then u.c_at else u.created_at end)
      at time zone 'UTC' + interval '8 hours')::date as day,
    u.c_category as category_id, u.c_region as region_id, u.c_channel as channel, u.c_type
  from u
), r as (
  select r0.event_id, r0.ticket_id, r0.action, r0.day, r0.unit_id, r0.category_id, r0.region_id, r0.channel, r0.c_type as type, r0.c_at,
    ${sql.raw(measureSelect)}
  from r0
)`;
}

/** Records the dimensions of the orders created by the filtered events (run before applyEventsStatement). */
export function applyDimsStatement(filter: SQL): SQL {
  return sql`insert into analytics_ticket_dims (ticket_id, created_at, category_id, region_id, channel, type, citizen_id)
select distinct on (e.ticket_id) e.ticket_id, e.created_at, coalesce((e.data->>'categoryId')::int, 0), coalesce((e.data->>'regionId')::int, 0),
  coalesce(e.data->>'channel', ''), coalesce(e.data->>'type', ''), t.citizen_id
from ticket_events e left join tickets t on t.id = e.ticket_id where e.action = 'create' and (${filter})
order by e.ticket_id, e.id
on conflict (ticket_id) do nothing`;
}

const COLUMNS = MEASURE_KEYS.map(measureColumn);
const sums = COLUMNS.map((c) => `sum(r.${c})`).join(', ');
/**
 * Each event counts under every dimension: one pass of grouping sets, one per dimension, where a join with the six
 * (dim, key) pairs made six rows of every event before grouping.
 */
const SET_DIMENSIONS: [string, string][] = [
  ['unit', 'r.unit_id::text'],
  ['category', 'r.category_id::text'],
  ['region', 'r.region_id::text'],
  ['channel', 'r.channel'],
  ['type', 'r.type'],
];
const setCase = (value: (dim: string, key: string) => string, otherwise: string) =>
  `case ${SET_DIMENSIONS.map(([dim, key]) => `when grouping(${key.replace('::text', '')}) = 0 then ${value(dim, key)}`).join(' ')} else ${otherwise} end`;
const DIM_OF_SET = setCase((dim) => `'${dim}'`, `'all'`);
const KEY_OF_SET = setCase((_, key) => key, `''`);

/** Adds the measures of the filtered events into analytics_daily, analytics_reply_facts and analytics_half_hour. */
export function applyEventsStatement(filter: SQL): SQL {
  return sql`${derivedRowsCte(filter)}, facts as (
  insert into analytics_reply_facts (event_id, ticket_id, day, unit_id, category_id, region_id, channel, type, handling_seconds)
  select r.event_id, r.ticket_id, r.day, r.unit_id, r.category_id, r.region_id, r.channel, r.type, r.handling_seconds from r where r.action = 'reply'
  on conflict (event_id) do nothing
  returning 1
), slots as (
  insert into analytics_half_hour (slot, channel, contacts)
  select date_bin('30 minutes', r.c_at, timestamptz '2000-01-01 00:00:00+08'), r.channel, count(*) from r where r.action = 'create' group by 1, 2
  on conflict (slot, channel) do update set contacts = analytics_half_hour.contacts + excluded.contacts
  returning 1
)
insert into analytics_daily (dim, key, day, ${sql.raw(COLUMNS.join(', '))})
select ${sql.raw(DIM_OF_SET)}, ${sql.raw(KEY_OF_SET)}, r.day, ${sql.raw(sums)}
from r
group by grouping sets ((r.day), (r.day, r.unit_id), (r.day, r.category_id), (r.day, r.region_id), (r.day, r.channel), (r.day, r.type))
on conflict (dim, day, key) do update set ${sql.raw(COLUMNS.map((c) => `${c} = analytics_daily.${c} + excluded.${c}`).join(', '))}`;
}

/** Sums of the filtered events' measures per unit over [from, to] (used to take excluded orders out of assessment). */
export function measuresByUnitStatement(filter: SQL, from: string, to: string): SQL {
  const cols = MEASURE_KEYS.map((k) => `sum(r.${measureColumn(k)})::bigint as "${k}"`).join(', ');
  return sql`${derivedRowsCte(filter)}
select r.unit_id as "unitId", ${sql.raw(cols)} from r where r.day between ${from} and ${to} group by r.unit_id`;
}

/** Applies exclude_from_assessment events: the latest one per ticket decides. */
export function applyExclusionsStatement(filter: SQL): SQL {
  return sql`insert into analytics_exclusions (ticket_id, is_excluded, event_id, reason)
select distinct on (e.ticket_id) e.ticket_id, coalesce((e.data->>'isExcluded')::boolean, true), e.id, coalesce(e.data->>'reason', e.note)
from ticket_events e where e.action = 'exclude_from_assessment' and (${filter})
order by e.ticket_id, e.id desc
on conflict (ticket_id) do update set is_excluded = excluded.is_excluded, event_id = excluded.event_id, reason = excluded.reason
where excluded.event_id > analytics_exclusions.event_id`;
}
