/** SQL for call records: the idempotent import, answer-rate sums by period, the half-hour history, per-agent sums. */
import { inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { callRecords, tickets, users } from '../../db/schema.ts';
import { rowsOf } from '../analytics/rollup/rollup.repository.ts';
import { ANSWER_TARGET_SECONDS, type CallCounts } from '../analytics/indicators/call-indicators.ts';
import type { CallRow } from './calls.rules.ts';

export type CallGranularity = 'day' | 'week' | 'month' | 'half_hour';

const PERIOD_KEY: Record<CallGranularity, ReturnType<typeof sql.raw>> = {
  day: sql.raw(`to_char(offered_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`),
  week: sql.raw(`to_char(date_trunc('week', offered_at at time zone 'Asia/Shanghai'), 'YYYY-MM-DD')`),
  month: sql.raw(`to_char(offered_at at time zone 'Asia/Shanghai', 'YYYY-MM')`),
  half_hour: sql.raw(`to_char(date_trunc('hour', offered_at at time zone 'Asia/Shanghai')
    + case when extract(minute from offered_at at time zone 'Asia/Shanghai') >= 30 then interval '30 minutes' else interval '0 minutes' end, 'YYYY-MM-DD HH24:MI')`),
};

const SUMS = sql.raw(`count(*)::int as offered, count(answered_at)::int as answered,
  count(*) filter (where answered_at is not null and wait_seconds <= ${ANSWER_TARGET_SECONDS})::int as answered_within_target,
  coalesce(sum(wait_seconds) filter (where answered_at is not null), 0)::bigint as answered_wait_seconds,
  coalesce(sum(wait_seconds), 0)::bigint as wait_seconds, coalesce(sum(talk_seconds), 0)::bigint as talk_seconds,
  coalesce(sum(wrap_up_seconds), 0)::bigint as wrap_up_seconds,
  count(rating)::int as rated, count(*) filter (where rating in (1, 2))::int as rated_satisfied`);

type SumRow = Record<string, unknown>;
export const toCallCounts = (r: SumRow | undefined): CallCounts => ({
  offered: Number(r?.offered ?? 0),
  answered: Number(r?.answered ?? 0),
  answeredWithinTarget: Number(r?.answered_within_target ?? 0),
  answeredWaitSeconds: Number(r?.answered_wait_seconds ?? 0),
  waitSeconds: Number(r?.wait_seconds ?? 0),
  talkSeconds: Number(r?.talk_seconds ?? 0),
  wrapUpSeconds: Number(r?.wrap_up_seconds ?? 0),
  rated: Number(r?.rated ?? 0),
  ratedSatisfied: Number(r?.rated_satisfied ?? 0),
});

export function createCallsRepository(db: Executor) {
  return {
    findUserIds: async (ids: number[]) =>
      ids.length ? (await db.select({ id: users.id }).from(users).where(inArray(users.id, ids))).map((r) => r.id) : [],
    findTicketIds: async (ids: number[]) =>
      ids.length ? (await db.select({ id: tickets.id }).from(tickets).where(inArray(tickets.id, ids))).map((r) => r.id) : [],

    /**
     * Inserts new calls and updates changed ones (same source and external id); a call sent again unchanged is
     * left alone. Returns how many rows were inserted and updated.
     */
    async upsert(source: string, rows: CallRow[], now: Date): Promise<{ created: number; updated: number }> {
      if (!rows.length) return { created: 0, updated: 0 };
      const result = await db
        .insert(callRecords)
        .values(rows.map((r) => ({ ...r, source, createdAt: now, updatedAt: now })))
        .onConflictDoUpdate({
          target: [callRecords.source, callRecords.externalId],
          set: {
            direction: sql`excluded.direction`,
            phone: sql`excluded.phone`,
            queue: sql`excluded.queue`,
            offeredAt: sql`excluded.offered_at`,
            answeredAt: sql`excluded.answered_at`,
            endedAt: sql`excluded.ended_at`,
            waitSeconds: sql`excluded.wait_seconds`,
            talkSeconds: sql`excluded.talk_seconds`,
            wrapUpSeconds: sql`excluded.wrap_up_seconds`,
            agentUserId: sql`excluded.agent_user_id`,
            ticketId: sql`excluded.ticket_id`,
            rating: sql`excluded.rating`,
            updatedAt: now,
          },
          setWhere: sql`(call_records.direction, call_records.phone, call_records.queue, call_records.offered_at, call_records.answered_at,
            call_records.ended_at, call_records.wait_seconds, call_records.talk_seconds, call_records.wrap_up_seconds, call_records.agent_user_id,
            call_records.ticket_id, call_records.rating) is distinct from (excluded.direction, excluded.phone, excluded.queue, excluded.offered_at, excluded.answered_at,
            excluded.ended_at, excluded.wait_seconds, excluded.talk_seconds, excluded.wrap_up_seconds, excluded.agent_user_id, excluded.ticket_id, excluded.rating)`,
        })
        // xmax = 0 only on a freshly inserted row version
        .returning({ id: callRecords.id, isInserted: sql<boolean>`(xmax = 0)` });
      const created = result.filter((r) => r.isInserted === true || (r.isInserted as unknown) === 't').length;
      return { created, updated: result.length - created };
    },

    /** Inbound call sums per period key over [fromAt, toAt), optionally one queue. */
    async sumByPeriod(
      granularity: CallGranularity,
      fromAt: Date,
      toAt: Date,
      queue: string | null,
    ): Promise<{ key: string; counts: CallCounts }[]> {
      const rows = rowsOf<SumRow>(
        await db.execute(sql`
        select ${PERIOD_KEY[granularity]} as key, ${SUMS} from call_records
        where direction = 'inbound' and offered_at >= ${fromAt.toISOString()} and offered_at < ${toAt.toISOString()}
          ${queue === null ? sql`` : sql`and queue = ${queue}`}
        group by 1 order by 1`),
      );
      return rows.map((r) => ({ key: String(r.key), counts: toCallCounts(r) }));
    },

    async total(fromAt: Date, toAt: Date, queue: string | null): Promise<CallCounts> {
      const [row] = rowsOf<SumRow>(
        await db.execute(sql`
        select ${SUMS} from call_records
        where direction = 'inbound' and offered_at >= ${fromAt.toISOString()} and offered_at < ${toAt.toISOString()}
          ${queue === null ? sql`` : sql`and queue = ${queue}`}`),
      );
      return toCallCounts(row);
    },

    /** Inbound call sums per half-hour slot (slot start as an instant), for the staffing forecast. */
    async sumByHalfHour(fromAt: Date, toAt: Date): Promise<{ slot: Date; counts: CallCounts }[]> {
      const rows = rowsOf<SumRow>(
        await db.execute(sql`
        select to_timestamp(floor(extract(epoch from offered_at) / 1800) * 1800) as slot, ${SUMS} from call_records
        where direction = 'inbound' and offered_at >= ${fromAt.toISOString()} and offered_at < ${toAt.toISOString()}
        group by 1`),
      );
      return rows.map((r) => ({ slot: new Date(r.slot as string), counts: toCallCounts(r) }));
    },

    /** Per agent: inbound calls they answered, with talk and after-call work, over [fromAt, toAt). */
    async sumByAgent(fromAt: Date, toAt: Date, agentIds: number[] | null): Promise<Map<number, CallCounts>> {
      const rows = rowsOf<SumRow>(
        await db.execute(sql`
        select agent_user_id, ${SUMS} from call_records
        where direction = 'inbound' and agent_user_id is not null and answered_at is not null
          and offered_at >= ${fromAt.toISOString()} and offered_at < ${toAt.toISOString()}
          ${
            agentIds === null
              ? sql``
              : agentIds.length
                ? sql`and agent_user_id in (${sql.join(
                    agentIds.map((id) => sql`${id}`),
                    sql`, `,
                  )})`
                : sql`and false`
          }
        group by agent_user_id`),
      );
      return new Map(rows.map((r) => [Number(r.agent_user_id), toCallCounts(r)]));
    },
  };
}
export type CallsRepository = ReturnType<typeof createCallsRepository>;
