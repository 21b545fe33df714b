/** SQL for the ACD: agents and their states, calls in progress, callback tasks. */
import { and, asc, desc, eq, gte, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { telAgents, telCallbacks, telCalls, users } from '../../db/schema.ts';
import { rowsOf } from '../analytics/rollup.repository.ts';
import type { AgentState, Skill } from './acd.ts';

export type AgentRow = typeof telAgents.$inferSelect;
export type CallRow = typeof telCalls.$inferSelect;
export type CallbackRow = typeof telCallbacks.$inferSelect;

export function createTelephonyRepository(db: Executor) {
  return {
    findAgent: async (userId: number) => (await db.select().from(telAgents).where(eq(telAgents.userId, userId)).limit(1))[0] ?? null,
    findAgentByExtension: async (extension: string) => (await db.select().from(telAgents).where(eq(telAgents.extension, extension)).limit(1))[0] ?? null,

    /** Creates the agent row on first use (signed out, general skill at level 1); returns it either way. */
    async ensureAgent(userId: number, extension: string, now: Date): Promise<AgentRow> {
      await db.insert(telAgents).values({ userId, extension, state: 'signed_out', stateSince: now, skills: [{ queue: 'general', level: 1 }], updatedAt: now })
        .onConflictDoNothing();
      return (await db.select().from(telAgents).where(eq(telAgents.userId, userId)).limit(1))[0]!;
    },

    findAgents: () => db.select({ agent: telAgents, name: users.displayName }).from(telAgents).innerJoin(users, eq(users.id, telAgents.userId)).orderBy(asc(telAgents.extension)),

    /** Agents who might take a call now: ready, or in a wrap-up that has run out. */
    findAvailableAgents: (now: Date) => db.select().from(telAgents).where(or(eq(telAgents.state, 'ready'),
      and(eq(telAgents.state, 'wrap_up'), sql`${telAgents.wrapUpUntil} <= ${now.toISOString()}`))),

    /**
     * Moves an agent from one of `from` states to `to`; returns the new row, or null when the agent was no longer in
     * such a state (someone else took them first).
     */
    async setAgentState(userId: number, from: AgentState[] | null, patch: Partial<AgentRow> & { state: AgentState }, now: Date): Promise<AgentRow | null> {
      const rows = await db.update(telAgents).set({ ...patch, stateSince: now, updatedAt: now })
        .where(from ? and(eq(telAgents.userId, userId), inArray(telAgents.state, from)) : eq(telAgents.userId, userId)).returning();
      return rows[0] ?? null;
    },

    /** Takes an available agent for a call: ringing, unless someone else took them first (then null). */
    async claimAgentForCall(userId: number, callId: string, now: Date): Promise<AgentRow | null> {
      const rows = await db.update(telAgents).set({ state: 'ringing', stateSince: now, currentCallId: callId, updatedAt: now })
        .where(and(eq(telAgents.userId, userId), isNull(telAgents.currentCallId), or(eq(telAgents.state, 'ready'),
          and(eq(telAgents.state, 'wrap_up'), sql`${telAgents.wrapUpUntil} <= ${now.toISOString()}`)))).returning();
      return rows[0] ?? null;
    },

    setSkills: async (userId: number, skills: Skill[], now: Date) =>
      (await db.update(telAgents).set({ skills, updatedAt: now }).where(eq(telAgents.userId, userId)).returning())[0] ?? null,

    countAgentsByState: async (now: Date) => rowsOf<{ state: string; n: number }>(await db.execute(sql`
      select case when state = 'wrap_up' and wrap_up_until <= ${now.toISOString()} then 'ready' else state end as state, count(*)::int as n
      from tel_agents group by 1`)),

    findCall: async (callId: string) => (await db.select().from(telCalls).where(eq(telCalls.callId, callId)).limit(1))[0] ?? null,
    /** Inserts the call unless Kamailio asked about it before; returns the stored row. */
    async createCall(values: typeof telCalls.$inferInsert): Promise<CallRow> {
      await db.insert(telCalls).values(values).onConflictDoNothing();
      return (await db.select().from(telCalls).where(eq(telCalls.callId, values.callId)).limit(1))[0]!;
    },
    /** Updates a call if it is still in one of `from` statuses; null when it moved on meanwhile. */
    /** 一次一评: the first rating counts; null when the call already has one. */
    rateCall: async (callId: string, rating: number): Promise<CallRow | null> =>
      (await db.update(telCalls).set({ rating }).where(and(eq(telCalls.callId, callId), isNull(telCalls.rating))).returning())[0] ?? null,

    async updateCall(callId: string, from: string[] | null, patch: Partial<CallRow>): Promise<CallRow | null> {
      const rows = await db.update(telCalls).set(patch)
        .where(from ? and(eq(telCalls.callId, callId), inArray(telCalls.status, from)) : eq(telCalls.callId, callId)).returning();
      return rows[0] ?? null;
    },
    /** Calls still waiting whose Kamailio asked lately (a call nobody asks about has gone). */
    findWaitingCalls: (aliveSince: Date) => db.select().from(telCalls)
      .where(and(eq(telCalls.status, 'queued'), or(gte(telCalls.lastPollAt, aliveSince), gte(telCalls.offeredAt, aliveSince))))
      .orderBy(asc(telCalls.offeredAt), asc(telCalls.callId)),
    findRecentCallsOfPhone: (phone: string, limit: number) => db.select().from(telCalls).where(eq(telCalls.phone, phone)).orderBy(desc(telCalls.offeredAt)).limit(limit),
    /** Has this number been answered after `since`? */
    hasAnsweredSince: async (phone: string, since: Date) => (await db.select({ id: telCalls.callId }).from(telCalls)
      .where(and(eq(telCalls.phone, phone), gte(telCalls.answeredAt, since))).limit(1)).length > 0,

    createCallback: async (values: typeof telCallbacks.$inferInsert) => (await db.insert(telCallbacks).values(values).onConflictDoNothing().returning())[0] ?? null,
    findCallback: async (id: number) => (await db.select().from(telCallbacks).where(eq(telCallbacks.id, id)).limit(1))[0] ?? null,
    findCallbacks: (status: string, limit: number) => db.select({ task: telCallbacks, claimerName: users.displayName }).from(telCallbacks)
      .leftJoin(users, eq(users.id, telCallbacks.claimedBy)).where(eq(telCallbacks.status, status))
      .orderBy(status === 'done' ? desc(telCallbacks.closedAt) : asc(telCallbacks.abandonedAt)).limit(limit),
    findCallbacksSince: (since: Date) => db.select().from(telCallbacks).where(gte(telCallbacks.abandonedAt, since)),
    /** Claims an open task; null when it was not open any more. */
    claimCallback: async (id: number, userId: number, now: Date) => (await db.update(telCallbacks).set({ status: 'claimed', claimedBy: userId, claimedAt: now })
      .where(and(eq(telCallbacks.id, id), eq(telCallbacks.status, 'open'))).returning())[0] ?? null,
    finishCallback: async (id: number, userId: number, outcome: 'reached' | 'no_answer', note: string | null, now: Date) =>
      (await db.update(telCallbacks).set({ status: 'done', outcome, note, closedAt: now, closedReason: outcome })
        .where(and(eq(telCallbacks.id, id), eq(telCallbacks.status, 'claimed'), eq(telCallbacks.claimedBy, userId))).returning())[0] ?? null,
    /** The number got through: its open and claimed tasks close themselves. */
    closeCallbacksOfPhone: (phone: string, now: Date) => db.update(telCallbacks).set({ status: 'done', closedAt: now, closedReason: 'answered_later' })
      .where(and(eq(telCallbacks.phone, phone), inArray(telCallbacks.status, ['open', 'claimed']), lt(telCallbacks.abandonedAt, now))).returning(),
    hasClaimedCallbackFor: async (userId: number, phone: string) => (await db.select({ id: telCallbacks.id }).from(telCallbacks)
      .where(and(eq(telCallbacks.claimedBy, userId), eq(telCallbacks.phone, phone), eq(telCallbacks.status, 'claimed'))).limit(1)).length > 0,

    /** Today's ratings (一次一评) by value. */
    countRatingsSince: async (since: Date) => rowsOf<{ rating: number; n: number }>(await db.execute(sql`
      select rating, count(*)::int as n from tel_calls where rating is not null and offered_at >= ${since.toISOString()} group by rating`)),
  };
}
export type TelephonyRepository = ReturnType<typeof createTelephonyRepository>;
