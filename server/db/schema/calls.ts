/** Calls module: call records pushed by the phone system (CTI / ACD). */
import { index, integer, pgTable, serial, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { ts, createdAt } from './columns.ts';
import { users } from './orgs.ts';
import { tickets } from './tickets.ts';

/**
 * 话务记录: one row per call offered to the agent queue (inbound) or placed by an agent (outbound), as the
 * phone system reported it. Idempotent import: (source, external_id) is unique, re-sending a call updates it.
 */
export const callRecords = pgTable(
  'call_records',
  {
    id: serial('id').primaryKey(),
    /** Which phone system sent it, e.g. 'cti-main'; external ids are unique per source. */
    source: text('source').notNull(),
    externalId: text('external_id').notNull(),
    direction: text('direction').notNull(), // inbound | outbound
    /** The citizen's number (caller of an inbound call, callee of an outbound one), normalised as citizens.phone; masked on output. */
    phone: text('phone'),
    /** Queue or skill group the call was offered to. */
    queue: text('queue').notNull().default(''),
    /** Entered the agent queue (inbound) or dialling started (outbound). */
    offeredAt: ts('offered_at').notNull(),
    /** Null: abandoned (inbound) or not reached (outbound). */
    answeredAt: ts('answered_at'),
    endedAt: ts('ended_at').notNull(),
    /** Seconds in the queue until answered, or until the caller hung up. */
    waitSeconds: integer('wait_seconds').notNull(),
    talkSeconds: integer('talk_seconds').notNull().default(0),
    /** 话后处理: after-call work seconds. */
    wrapUpSeconds: integer('wrap_up_seconds').notNull().default(0),
    agentUserId: integer('agent_user_id').references(() => users.id),
    ticketId: integer('ticket_id').references(() => tickets.id),
    /** 一次一评: the key the caller pressed after the call (1 satisfied, 2 basically satisfied, 3 unsatisfied); null: not rated. */
    rating: integer('rating'),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('call_records_source_external_uniq').on(t.source, t.externalId),
    index('call_records_offered_idx').on(t.offeredAt),
    index('call_records_agent_offered_idx').on(t.agentUserId, t.offeredAt),
  ],
);
