/**
 * Telephony: Lianxin's own call centre (ACD) on Kamailio + rtpengine. The SIP dialog and the media live there;
 * everything Lianxin decides lives here, so a restarted process carries on with the calls in progress.
 */
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, serial, smallint, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { ts, createdAt } from './columns.ts';
import { users } from './orgs.ts';
import { tickets } from './tickets.ts';

/** One row per user who has a phone extension: skills and the agent state (坐席状态). */
export const telAgents = pgTable(
  'tel_agents',
  {
    userId: integer('user_id')
      .primaryKey()
      .references(() => users.id),
    /** SIP user, e.g. '8001'. */
    extension: text('extension').notNull(),
    /** signed_out | ready | ringing | talking | wrap_up | break (see telephony/acd.ts). */
    state: text('state').notNull().default('signed_out'),
    breakReason: text('break_reason'),
    stateSince: ts('state_since').notNull().defaultNow(),
    /** Ready since: the longest-idle ready agent gets the next call. After wrap-up this is the wrap-up's end. */
    idleSince: ts('idle_since'),
    /** While state = wrap_up: the agent counts as ready from this instant on. */
    wrapUpUntil: ts('wrap_up_until'),
    currentCallId: text('current_call_id'),
    /** [{ queue, level }] — level 1..5, higher is more skilled. */
    skills: jsonb('skills').$type<{ queue: string; level: number }[]>().notNull().default([]),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('tel_agents_extension_uniq').on(t.extension),
    index('tel_agents_state_idx').on(t.state, t.idleSince),
    // The routing decision walks free agents longest idle first and stops at the first who fits (instead of sorting
    // every ready agent on every call): the same expression and order as claimBestAgent's ORDER BY.
    index('tel_agents_available_idx')
      .on(sql`(case when ${t.state} = 'wrap_up' then ${t.wrapUpUntil} else ${t.idleSince} end) nulls first`, t.userId)
      .where(sql`${t.currentCallId} is null and ${t.state} in ('ready', 'wrap_up')`),
  ],
);

/**
 * One row per call into the hotline (or placed by an agent), from the first routing request to the end. Its row in
 * call_records is found by source 'lianxin-sip' (calls.rules SIP_SOURCE) and external id = call_id.
 */
export const telCalls = pgTable(
  'tel_calls',
  {
    /** The SIP Call-ID of the caller's leg. */
    callId: text('call_id').primaryKey(),
    direction: text('direction').notNull().default('inbound'),
    /** Caller's number as SIP gave it (digits); masked on output. */
    phone: text('phone').notNull(),
    callerTag: text('caller_tag'),
    /** Queue the call was offered to (general, ko, ja, en, th, enterprise). */
    queue: text('queue').notNull(),
    /** queued | ringing | talking | ended */
    status: text('status').notNull(),
    offeredAt: ts('offered_at').notNull(),
    /** Last time Kamailio asked about this queued call: a queued call nobody asks about any more is gone. */
    lastPollAt: ts('last_poll_at'),
    /** The agent ringing or talking (or who talked). */
    agentUserId: integer('agent_user_id').references(() => users.id),
    ringingAt: ts('ringing_at'),
    answeredAt: ts('answered_at'),
    endedAt: ts('ended_at'),
    /** completed | abandoned_queue | abandoned_ringing | transferred | queue_timeout | fallback */
    endReason: text('end_reason'),
    /** caller | agent */
    hangupBy: text('hangup_by'),
    transferredTo: text('transferred_to'),
    /** Relative to DATA_DIR. */
    recordingPath: text('recording_path'),
    /** 一次一评: 1 satisfied, 2 basically satisfied, 3 unsatisfied. */
    rating: smallint('rating'),
    ticketId: integer('ticket_id').references(() => tickets.id),
    /** Agents who did not answer this call (not offered again). */
    missedAgentIds: jsonb('missed_agent_ids').$type<number[]>().notNull().default([]),
    createdAt: createdAt(),
  },
  (t) => [index('tel_calls_status_idx').on(t.status, t.offeredAt), index('tel_calls_phone_idx').on(t.phone, t.offeredAt)],
);

/** 漏接回拨: an abandoned call to be called back. */
export const telCallbacks = pgTable(
  'tel_callbacks',
  {
    id: serial('id').primaryKey(),
    phone: text('phone').notNull(),
    callId: text('call_id')
      .notNull()
      .references(() => telCalls.callId),
    queue: text('queue').notNull(),
    abandonedAt: ts('abandoned_at').notNull(),
    /** open | claimed | done */
    status: text('status').notNull().default('open'),
    claimedBy: integer('claimed_by').references(() => users.id),
    claimedAt: ts('claimed_at'),
    /** reached | no_answer */
    outcome: text('outcome'),
    note: text('note'),
    closedAt: ts('closed_at'),
    /** reached | no_answer | answered_later (the citizen called again and got through) */
    closedReason: text('closed_reason'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('tel_callbacks_call_uniq').on(t.callId),
    index('tel_callbacks_status_idx').on(t.status, t.abandonedAt),
    index('tel_callbacks_phone_idx').on(t.phone, t.status),
  ],
);

/**
 * 排班计划: how many agents are planned for each half hour of the day (the same every day), against which the
 * wallboard sets the calls of each half hour. A half hour without a row has no plan.
 */
export const telStaffingPlan = pgTable('tel_staffing_plan', {
  /** Half hour of the day in Beijing time: 0 is 00:00–00:30, 47 is 23:30–24:00. */
  slot: smallint('slot').primaryKey(),
  plannedAgents: integer('planned_agents').notNull(),
  updatedBy: integer('updated_by').references(() => users.id),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});
