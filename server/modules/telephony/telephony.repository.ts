/** SQL for the ACD: agents and their states, calls in progress, callback tasks. */
import { and, asc, desc, eq, gte, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { telAgents, telCallbacks, telCalls, telStaffingPlan, users } from '../../db/schema.ts';
import { rowsOf } from '../analytics/rollup/rollup.repository.ts';
import type { AgentState, Skill } from './acd.ts';

export type AgentRow = typeof telAgents.$inferSelect;
export type CallRow = typeof telCalls.$inferSelect;
export type CallbackRow = typeof telCallbacks.$inferSelect;

/** An agent's idle start for the rule: the end of a wrap-up, or when they became ready (tel_agents_available_idx's key). */
const IDLE = sql.raw(`(case when a.state = 'wrap_up' then a.wrap_up_until else a.idle_since end)`);
/** Free and ready, or in a wrap-up that has run out (the partial index's predicate, and the time). */
const AVAILABLE = (at: string) =>
  sql`a.current_call_id is null and (a.state = 'ready' or (a.state = 'wrap_up' and a.wrap_up_until <= ${at}::timestamptz))`;

/**
 * The routing rule as CTEs over a CTE `c` (the call: call_id, queue, offered_at, missed_agent_ids, is_overflowed):
 * `ahead` counts the live callers ahead of it for the same agents, `pick` takes the agent `pickAgent` in acd.ts would
 * pick — ready (or wrap-up run out), free, holding a skill for an eligible queue (its own; general too once the call
 * has waited `overflowSeconds`), not one who let this call ring out; longest idle, then higher level, then lower id —
 * leaving the first agents to the callers ahead, and skipping rows another decision is claiming right now (SKIP
 * LOCKED); `claimed` marks that agent ringing for the call. The pick walks the index to the (ahead + 1)-th free agent
 * (`nth`) and sorts only the agents idle at least as long (`near`): a decision reads a few agents, not every ready one
 * (sorting all 500 of the benchmark cost 3-13 ms of database CPU per call; MATERIALIZED keeps that order of work
 * whatever the planner's row estimates say).
 */
function pickAndClaim(callId: string, now: Date, overflowCut: string, aliveSince: Date) {
  const at = now.toISOString();
  const alive = aliveSince.toISOString();
  // An agent may take call x when a skill of theirs names x's queue, or x has overflowed to general and they hold general.
  const mayTake = (x: string) =>
    sql.raw(`(a.skills @> jsonb_build_array(jsonb_build_object('queue', ${x}.queue))
    or (${x}.is_overflowed and a.skills @> '[{"queue":"general"}]'::jsonb))
    and not (${x}.missed_agent_ids @> to_jsonb(a.user_id))`);
  // the agent's level for this call's queue (or for general once it overflowed)
  const LEVEL = sql.raw(`(select max((s->>'level')::int) from jsonb_array_elements(a.skills) s
    where s->>'queue' = c.queue or (s->>'queue' = 'general' and c.is_overflowed))`);
  return sql`ahead as (
      -- live callers ahead of this one competing for the same agents (queuePosition's rule): the longest-idle
      -- agents are left for them, this call takes the next one (with plenty of agents nobody waits on anybody)
      select count(*)::int as n from tel_calls w, c where w.status = 'queued'
        and (w.last_poll_at >= ${alive}::timestamptz or w.offered_at >= ${alive}::timestamptz)
        and (w.offered_at, w.call_id) < (c.offered_at, c.call_id)
        and (w.queue = c.queue or c.queue = 'general' or w.queue = 'general')
    ), nth as materialized (
      -- the agent the rule gives leaving the level aside: the index's own order (tel_agents_available_idx), so the
      -- walk stops after ahead + 1 agents instead of sorting every ready one; its idle time bounds the pick below
      select ${IDLE} as idle from tel_agents a, c
      where ${AVAILABLE(at)} and ${mayTake('c')}
      order by ${IDLE} asc nulls first, a.user_id asc
      limit 1 offset (select n from ahead)
      for update of a skip locked
    ), near as materialized (
      -- every free agent idle at least as long (nulls first, as in the index): two short ranges of the index, locked
      select * from (select a.user_id, ${IDLE} as idle, ${LEVEL} as level from tel_agents a, c
        where ${AVAILABLE(at)} and ${IDLE} is null and ${mayTake('c')} and exists (select 1 from nth)
        for update of a skip locked) n
      union all
      select * from (select a.user_id, ${IDLE} as idle, ${LEVEL} as level from tel_agents a, c
        where ${AVAILABLE(at)} and ${IDLE} <= (select idle from nth) and ${mayTake('c')}
        for update of a skip locked) k
    ), pick as (
      -- among them the whole rule: longest idle, then the higher level, then the lower id
      select user_id from near order by idle asc nulls first, level desc, user_id asc limit 1 offset (select n from ahead)
    ), claimed as (
      update tel_agents t set state = 'ringing', state_since = ${at}::timestamptz, current_call_id = ${callId}, updated_at = ${at}::timestamptz
      from pick where t.user_id = pick.user_id returning t.user_id, t.extension
    )`;
}

export function createTelephonyRepository(db: Executor) {
  return {
    findAgent: async (userId: number) => (await db.select().from(telAgents).where(eq(telAgents.userId, userId)).limit(1))[0] ?? null,
    findAgentByExtension: async (extension: string) =>
      (await db.select().from(telAgents).where(eq(telAgents.extension, extension)).limit(1))[0] ?? null,

    /** Creates the agent row on first use (signed out, general skill at level 1); returns it either way. */
    async ensureAgent(userId: number, extension: string, now: Date): Promise<AgentRow> {
      await db
        .insert(telAgents)
        .values({ userId, extension, state: 'signed_out', stateSince: now, skills: [{ queue: 'general', level: 1 }], updatedAt: now })
        .onConflictDoNothing();
      return (await db.select().from(telAgents).where(eq(telAgents.userId, userId)).limit(1))[0]!;
    },

    findAgents: () =>
      db
        .select({ agent: telAgents, name: users.displayName })
        .from(telAgents)
        .innerJoin(users, eq(users.id, telAgents.userId))
        .orderBy(asc(telAgents.extension)),

    /**
     * Moves an agent from one of `from` states to `to`; returns the new row, or null when the agent was no longer in
     * such a state (someone else took them first).
     */
    async setAgentState(
      userId: number,
      from: AgentState[] | null,
      patch: Partial<AgentRow> & { state: AgentState },
      now: Date,
    ): Promise<AgentRow | null> {
      const rows = await db
        .update(telAgents)
        .set({ ...patch, stateSince: now, updatedAt: now })
        .where(from ? and(eq(telAgents.userId, userId), inArray(telAgents.state, from)) : eq(telAgents.userId, userId))
        .returning();
      return rows[0] ?? null;
    },

    /**
     * One routing decision, atomic (one statement): locks the queued call, picks the agent `pickAgent` in acd.ts would
     * pick — ready (or wrap-up run out), free, holding a skill for an eligible queue (its own; general too once the
     * call has waited `overflowSeconds`), not one who let this call ring out; longest idle, then higher level, then
     * lower id — leaving the first agents to the live waiting callers ahead (first come, first served), and skipping rows
     * another decision is claiming right now (SKIP LOCKED: concurrent decisions take different agents, never the same).
     * Marks agent ringing and call ringing together. Null when nobody fits (the call waits).
     */
    async claimBestAgent(
      callId: string,
      now: Date,
      overflowSeconds: number,
      aliveSince: Date,
    ): Promise<{ userId: number; extension: string } | null> {
      const at = now.toISOString();
      const overflowCut = new Date(now.getTime() - overflowSeconds * 1000).toISOString();
      const rows = rowsOf<{ user_id: number; extension: string }>(
        await db.execute(sql`
        with c as (
          select call_id, queue, offered_at, missed_agent_ids, (queue <> 'general' and offered_at <= ${overflowCut}::timestamptz) as is_overflowed
          from tel_calls where call_id = ${callId} and status = 'queued' for update
        ), ${pickAndClaim(callId, now, overflowCut, aliveSince)}, routed as (
          update tel_calls set status = 'ringing', agent_user_id = (select user_id from claimed), ringing_at = ${at}::timestamptz
          where call_id = ${callId} and exists (select 1 from claimed) returning call_id
        )
        select claimed.user_id, claimed.extension from claimed, routed`),
      );
      const row = rows[0];
      return row ? { userId: Number(row.user_id), extension: row.extension } : null;
    },

    /**
     * A new call and its routing decision in one statement (one round trip: under load every round trip to the
     * database waits its turn for a CPU): the agent `claimBestAgent` would pick is claimed and the call inserted
     * ringing them, or queued with its place in line. Null when the call exists already (Kamailio asked before).
     */
    async insertAndClaim(
      call: { callId: string; phone: string; callerTag: string | null; queue: string },
      now: Date,
      overflowSeconds: number,
      aliveSince: Date,
    ): Promise<{ agent: { userId: number; extension: string } | null; position: number } | null> {
      const at = now.toISOString();
      const overflowCut = new Date(now.getTime() - overflowSeconds * 1000).toISOString();
      const rows = rowsOf<{ user_id: number | null; extension: string | null; ahead: number }>(
        await db.execute(sql`
        with c as (
          select ${call.callId}::text as call_id, ${call.queue}::text as queue, ${at}::timestamptz as offered_at, '[]'::jsonb as missed_agent_ids,
            (${call.queue}::text <> 'general' and ${at}::timestamptz <= ${overflowCut}::timestamptz) as is_overflowed
          where not exists (select 1 from tel_calls where call_id = ${call.callId})
        ), ${pickAndClaim(call.callId, now, overflowCut, aliveSince)}, ins as (
          insert into tel_calls (call_id, phone, caller_tag, queue, status, offered_at, last_poll_at, agent_user_id, ringing_at)
          select c.call_id, ${call.phone}, ${call.callerTag}, c.queue, case when claimed.user_id is null then 'queued' else 'ringing' end,
            c.offered_at, c.offered_at, claimed.user_id, case when claimed.user_id is null then null else c.offered_at end
          from c left join claimed on true
          on conflict (call_id) do nothing returning call_id
        )
        select claimed.user_id, claimed.extension, (select n from ahead) as ahead from ins left join claimed on true`),
      );
      const row = rows[0];
      if (!row) {
        // the call existed (or a twin request inserted it first): an agent claimed for nothing goes back at once
        await db.execute(sql`update tel_agents set state = 'ready', current_call_id = null where current_call_id = ${call.callId} and state = 'ringing'
          and not exists (select 1 from tel_calls where call_id = ${call.callId} and agent_user_id = tel_agents.user_id)`);
        return null;
      }
      return {
        agent: row.user_id === null ? null : { userId: Number(row.user_id), extension: row.extension! },
        position: 1 + Number(row.ahead),
      };
    },

    setSkills: async (userId: number, skills: Skill[], now: Date) =>
      (await db.update(telAgents).set({ skills, updatedAt: now }).where(eq(telAgents.userId, userId)).returning())[0] ?? null,

    countAgentsByState: async (now: Date) =>
      rowsOf<{ state: string; n: number }>(
        await db.execute(sql`
      select case when state = 'wrap_up' and wrap_up_until <= ${now.toISOString()} then 'ready' else state end as state, count(*)::int as n
      from tel_agents group by 1`),
      ),

    findCall: async (callId: string) => (await db.select().from(telCalls).where(eq(telCalls.callId, callId)).limit(1))[0] ?? null,
    /** Inserts the call; null when Kamailio asked about it before. */
    insertCall: async (values: typeof telCalls.$inferInsert): Promise<CallRow | null> =>
      (await db.insert(telCalls).values(values).onConflictDoNothing().returning())[0] ?? null,
    /** Updates a call if it is still in one of `from` statuses; null when it moved on meanwhile. */
    /** 一次一评: the first rating counts; null when the call already has one. */
    rateCall: async (callId: string, rating: number): Promise<CallRow | null> =>
      (
        await db
          .update(telCalls)
          .set({ rating })
          .where(and(eq(telCalls.callId, callId), isNull(telCalls.rating)))
          .returning()
      )[0] ?? null,

    async updateCall(callId: string, from: string[] | null, patch: Partial<CallRow>): Promise<CallRow | null> {
      const rows = await db
        .update(telCalls)
        .set(patch)
        .where(from ? and(eq(telCalls.callId, callId), inArray(telCalls.status, from)) : eq(telCalls.callId, callId))
        .returning();
      return rows[0] ?? null;
    },
    /**
     * The agent answered the ringing call, in one statement (it was three round trips, none atomic with the others):
     * the call and its agent talking, and the number's open callback tasks closed. False when the call was no longer
     * ringing (the event came twice, or after the caller left).
     */
    async answerCall(callId: string, now: Date): Promise<boolean> {
      const at = now.toISOString();
      const rows = rowsOf<{ call_id: string }>(
        await db.execute(sql`
        with call as (
          update tel_calls set status = 'talking', answered_at = ${at}::timestamptz
          where call_id = ${callId} and status = 'ringing' and agent_user_id is not null returning call_id, agent_user_id, phone
        ), agent as (
          update tel_agents set state = 'talking', state_since = ${at}::timestamptz, updated_at = ${at}::timestamptz
          where user_id = (select agent_user_id from call) and state = 'ringing'
        ), callbacks as (
          update tel_callbacks set status = 'done', closed_at = ${at}::timestamptz, closed_reason = 'answered_later'
          where phone = (select phone from call) and status in ('open', 'claimed') and abandoned_at < ${at}::timestamptz
        )
        -- PostgreSQL runs every data-modifying CTE to completion whether the query reads it or not
        select call_id from call`),
      );
      return rows.length > 0;
    },
    /** An order's calls, oldest first, with the name of the agent who took each. */
    findCallsOfTicket: (ticketId: number) =>
      db
        .select({ call: telCalls, agentName: users.displayName })
        .from(telCalls)
        .leftJoin(users, eq(users.id, telCalls.agentUserId))
        .where(eq(telCalls.ticketId, ticketId))
        .orderBy(asc(telCalls.offeredAt)),
    findCalls: (callIds: string[]) =>
      callIds.length ? db.select().from(telCalls).where(inArray(telCalls.callId, callIds)) : Promise.resolve([]),
    /** Marks waiting calls as asked about now (the sign that their caller is still on the line). */
    async touchWaitingCalls(callIds: string[], now: Date) {
      if (callIds.length)
        await db
          .update(telCalls)
          .set({ lastPollAt: now })
          .where(and(inArray(telCalls.callId, callIds), eq(telCalls.status, 'queued')));
    },
    /** Calls still waiting whose Kamailio asked lately (a call nobody asks about has gone). */
    findWaitingCalls: (aliveSince: Date) =>
      db
        .select()
        .from(telCalls)
        .where(and(eq(telCalls.status, 'queued'), or(gte(telCalls.lastPollAt, aliveSince), gte(telCalls.offeredAt, aliveSince))))
        .orderBy(asc(telCalls.offeredAt), asc(telCalls.callId)),
    /** Calls ringing an agent or talking (the ones a lost end event would leave open). */
    findCallsInProgress: () =>
      db
        .select()
        .from(telCalls)
        .where(inArray(telCalls.status, ['ringing', 'talking'])),
    /** How many live waiting callers are ahead of this one for the same agents (queuePosition in acd.ts, in SQL). */
    countWaitingAhead: async (call: Pick<CallRow, 'callId' | 'offeredAt' | 'queue'>, aliveSince: Date) =>
      Number(
        rowsOf<{ n: number }>(
          await db.execute(sql`
      select count(*)::int as n from tel_calls w where w.status = 'queued'
        and (w.last_poll_at >= ${aliveSince.toISOString()}::timestamptz or w.offered_at >= ${aliveSince.toISOString()}::timestamptz)
        and (w.offered_at, w.call_id) < (${call.offeredAt.toISOString()}::timestamptz, ${call.callId})
        and (w.queue = ${call.queue} or ${call.queue} = 'general' or w.queue = 'general')`),
        )[0]?.n ?? 0,
      ),
    findRecentCallsOfPhone: (phone: string, limit: number) =>
      db.select().from(telCalls).where(eq(telCalls.phone, phone)).orderBy(desc(telCalls.offeredAt)).limit(limit),
    /** Has this number been answered after `since`? */
    hasAnsweredSince: async (phone: string, since: Date) =>
      (
        await db
          .select({ id: telCalls.callId })
          .from(telCalls)
          .where(and(eq(telCalls.phone, phone), gte(telCalls.answeredAt, since)))
          .limit(1)
      ).length > 0,

    createCallback: async (values: typeof telCallbacks.$inferInsert) =>
      (await db.insert(telCallbacks).values(values).onConflictDoNothing().returning())[0] ?? null,
    findCallback: async (id: number) => (await db.select().from(telCallbacks).where(eq(telCallbacks.id, id)).limit(1))[0] ?? null,
    findCallbacks: (status: string, limit: number) =>
      db
        .select({ task: telCallbacks, claimerName: users.displayName })
        .from(telCallbacks)
        .leftJoin(users, eq(users.id, telCallbacks.claimedBy))
        .where(eq(telCallbacks.status, status))
        .orderBy(status === 'done' ? desc(telCallbacks.closedAt) : asc(telCallbacks.abandonedAt))
        .limit(limit),
    findCallbacksSince: (since: Date) => db.select().from(telCallbacks).where(gte(telCallbacks.abandonedAt, since)),
    /** Claims an open task; null when it was not open any more. */
    claimCallback: async (id: number, userId: number, now: Date) =>
      (
        await db
          .update(telCallbacks)
          .set({ status: 'claimed', claimedBy: userId, claimedAt: now })
          .where(and(eq(telCallbacks.id, id), eq(telCallbacks.status, 'open')))
          .returning()
      )[0] ?? null,
    finishCallback: async (id: number, userId: number, outcome: 'reached' | 'no_answer', note: string | null, now: Date) =>
      (
        await db
          .update(telCallbacks)
          .set({ status: 'done', outcome, note, closedAt: now, closedReason: outcome })
          .where(and(eq(telCallbacks.id, id), eq(telCallbacks.status, 'claimed'), eq(telCallbacks.claimedBy, userId)))
          .returning()
      )[0] ?? null,
    hasClaimedCallbackFor: async (userId: number, phone: string) =>
      (
        await db
          .select({ id: telCallbacks.id })
          .from(telCallbacks)
          .where(and(eq(telCallbacks.claimedBy, userId), eq(telCallbacks.phone, phone), eq(telCallbacks.status, 'claimed')))
          .limit(1)
      ).length > 0,

    findStaffingPlan: () => db.select().from(telStaffingPlan).orderBy(asc(telStaffingPlan.slot)),
    /** Sets the planned agents of these half hours (null clears one), all or nothing. */
    async setStaffingPlan(slots: { slot: number; plannedAgents: number | null }[], userId: number | null, now: Date) {
      const clear = slots.filter((s) => s.plannedAgents === null).map((s) => s.slot);
      const set = slots
        .filter((s) => s.plannedAgents !== null)
        .map((s) => ({ slot: s.slot, plannedAgents: s.plannedAgents!, updatedBy: userId, updatedAt: now }));
      if (clear.length) await db.delete(telStaffingPlan).where(inArray(telStaffingPlan.slot, clear));
      if (set.length) {
        await db
          .insert(telStaffingPlan)
          .values(set)
          .onConflictDoUpdate({
            target: telStaffingPlan.slot,
            set: { plannedAgents: sql`excluded.planned_agents`, updatedBy: sql`excluded.updated_by`, updatedAt: sql`excluded.updated_at` },
          });
      }
    },

    /** Calls Kamailio sent to the fallback (Lianxin did not answer in time), offered since then. */
    countFallbackSince: async (since: Date) =>
      Number(
        rowsOf<{ n: number }>(
          await db.execute(sql`
      select count(*)::int as n from tel_calls where end_reason = 'fallback' and offered_at >= ${since.toISOString()}`),
        )[0]?.n ?? 0,
      ),
    /** Today's ratings (一次一评) by value. */
    countRatingsSince: async (since: Date) =>
      rowsOf<{ rating: number; n: number }>(
        await db.execute(sql`
      select rating, count(*)::int as n from tel_calls where rating is not null and offered_at >= ${since.toISOString()} group by rating`),
      ),
  };
}
export type TelephonyRepository = ReturnType<typeof createTelephonyRepository>;
