/** Citizens, work orders and everything that hangs off one: assignments, history, replies, callbacks, extensions, objections, supervision, knowledge, attachments. */
import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { tsvector, ts, createdAt, xid8 } from './columns.ts';
import { categories, regions, units, users } from './orgs.ts';

export const citizens = pgTable('citizens', {
  id: serial('id').primaryKey(),
  phone: text('phone').notNull().unique(),
  name: text('name'),
  language: text('language').notNull().default('zh'),
  /** 举报人保密: identity never shown to units. */
  isConfidential: boolean('is_confidential').notNull().default(false),
  createdAt: createdAt(),
});

export const tickets = pgTable(
  'tickets',
  {
    id: serial('id').primaryKey(),
    number: text('number').notNull().unique(), // 20261122-00042
    channel: text('channel').notNull(),
    type: text('type').notNull(),
    urgency: text('urgency').notNull().default('normal'),
    title: text('title').notNull(),
    content: text('content').notNull(),
    categoryId: integer('category_id').references(() => categories.id),
    regionId: integer('region_id').references(() => regions.id),
    address: text('address'),
    lng: doublePrecision('lng'),
    lat: doublePrecision('lat'),
    citizenId: integer('citizen_id').references(() => citizens.id),
    citizenName: text('citizen_name'),
    isConfidential: boolean('is_confidential').notNull().default(false),
    /** The language the citizen wrote in (PORTAL_LANGUAGES), so replies and notices can answer in it. */
    language: text('language').notNull().default('zh'),
    status: text('status').notNull(),
    /** Current lead unit (主办), denormalised from assignments for lists and access checks. */
    leadUnitId: integer('lead_unit_id').references(() => units.id),
    signDueAt: ts('sign_due_at'),
    handleDueAt: ts('handle_due_at'),
    callbackDueAt: ts('callback_due_at'),
    /** When the handling clock was paused (extension pending, returned, disputed); null when running. */
    pausedAt: ts('paused_at'),
    slaState: text('sla_state').notNull().default('normal'),
    isRepeat: boolean('is_repeat').notNull().default(false),
    mergedIntoId: integer('merged_into_id').references((): AnyPgColumn => tickets.id),
    hasLeaderInstruction: boolean('has_leader_instruction').notNull().default(false),
    /** 督办: the centre has issued a supervision notice on the order (shown as a tag in every list). */
    isSupervised: boolean('is_supervised').notNull().default(false),
    isHotspot: boolean('is_hotspot').notNull().default(false),
    isLegacy: boolean('is_legacy').notNull().default(false),
    /** 不纳入考核 with a reason in events. */
    isExcludedFromAssessment: boolean('is_excluded_from_assessment').notNull().default(false),
    satisfaction: text('satisfaction'), // last callback result
    citizenRating: integer('citizen_rating'), // 1..5 from the portal
    reopenCount: integer('reopen_count').notNull().default(0),
    returnCount: integer('return_count').notNull().default(0),
    resolution: text('resolution'), // direct_answer | handled | merged | invalid | transferred
    /** Open311 / portal token for anonymous tracking. */
    publicToken: text('public_token').unique(),
    externalRef: text('external_ref'),
    likes: integer('likes').notNull().default(0),
    createdById: integer('created_by_id').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    dispatchedAt: ts('dispatched_at'),
    repliedAt: ts('replied_at'),
    closedAt: ts('closed_at'),
    /** Optimistic-lock counter: every transition bumps it; a stale writer gets 409. */
    version: integer('version').notNull().default(1),
    search: tsvector('search'),
  },
  (t) => [
    index('tickets_status_idx').on(t.status),
    index('tickets_lead_unit_status_idx').on(t.leadUnitId, t.status),
    index('tickets_created_idx').on(t.createdAt, t.id),
    // A caller's orders newest first (search by phone, the caller's history at intake): walked in order and stopped at the
    // page, however many orders a frequent caller has (692 ms for one with 1,488 orders when they were fetched and sorted).
    index('tickets_citizen_created_idx').on(t.citizenId, t.createdAt, t.id),
    index('tickets_category_idx').on(t.categoryId),
    index('tickets_region_idx').on(t.regionId),
    // Lists of at-risk or overdue orders, of a region or all (督办, 工单查询's 超期 filter): the region's index alone read
    // every order of the region for its few overdue ones (0.9 s for 105 of 62,448 at 10 million orders; 2 ms with it).
    index('tickets_sla_region_idx').on(t.slaState, t.regionId),
    index('tickets_search_idx').using('gin', t.search),
    // The search box's address match (address ILIKE '%…%'): a GIN index of the address's character pairs
    // (lianxin_address_grams, defined in the migration) finds the candidate orders, the ILIKE checks them, so the
    // text search needs no walk through every order (3.5 s on 1 million orders before).
    index('tickets_address_grams_idx').using('gin', sql`lianxin_address_grams(${t.address})`),
    // The search box's number start (`number like '20261101-%'`): under a C.UTF-8 collation the unique index cannot
    // serve a LIKE prefix (1.4 s on 1 million orders, a table scan); a pattern index makes it a range scan.
    index('tickets_number_pattern_idx').on(t.number.op('text_pattern_ops')),
    // Every detail view lists the orders merged into this one; partial because few orders are ever merged.
    index('tickets_merged_into_idx')
      .on(t.mergedIntoId)
      .where(sql`${t.mergedIntoId} is not null`),
  ],
);

export const ticketSequences = pgTable('ticket_sequences', {
  day: text('day').primaryKey(), // 20261122
  lastValue: integer('last_value').notNull(),
});

export const assignments = pgTable(
  'assignments',
  {
    id: serial('id').primaryKey(),
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => tickets.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    role: text('role').notNull(), // lead | co
    parentAssignmentId: integer('parent_assignment_id').references((): AnyPgColumn => assignments.id),
    status: text('status').notNull(), // ASSIGNMENT_STATUSES
    signDueAt: ts('sign_due_at'),
    handleDueAt: ts('handle_due_at'),
    signedAt: ts('signed_at'),
    finishedAt: ts('finished_at'),
    reason: text('reason'), // return or objection reason
    createdById: integer('created_by_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('assignments_ticket_idx').on(t.ticketId), index('assignments_unit_status_idx').on(t.unitId, t.status)],
);

/** 流转记录: append-only history of every action on a ticket. */
export const ticketEvents = pgTable(
  'ticket_events',
  {
    id: serial('id').primaryKey(),
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => tickets.id),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    actorUserId: integer('actor_user_id').references(() => users.id),
    actorUnitId: integer('actor_unit_id').references(() => units.id),
    /** Unit the event concerns (dispatch target, returning unit); used by analytics. */
    unitId: integer('unit_id').references(() => units.id),
    note: text('note'),
    data: jsonb('data').notNull().default({}),
    /**
     * The writing transaction's id. Event ids are taken before commit, so a transaction holding id 100 can commit after one
     * holding 101; incremental readers (the analytics rollups) go by (txId, id) over transactions older than every running one.
     */
    txId: xid8('tx_id')
      .notNull()
      .default(sql`pg_current_xact_id()`),
    createdAt: createdAt(),
  },
  (t) => [
    index('ticket_events_ticket_idx').on(t.ticketId, t.id),
    index('ticket_events_created_idx').on(t.createdAt),
    index('ticket_events_tx_idx').on(t.txId, t.id),
  ],
);

export const replies = pgTable(
  'replies',
  {
    id: serial('id').primaryKey(),
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => tickets.id),
    assignmentId: integer('assignment_id').references(() => assignments.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    authorId: integer('author_id').references(() => users.id),
    content: text('content').notNull(),
    status: text('status').notNull().default('submitted'), // submitted | accepted | rejected
    reviewNote: text('review_note'),
    reviewedById: integer('reviewed_by_id').references(() => users.id),
    reviewedAt: ts('reviewed_at'),
    createdAt: createdAt(),
  },
  (t) => [index('replies_ticket_idx').on(t.ticketId)],
);

/** 答复模板: wording a unit starts its reply from, kept by the centre; for one category (and those under it) or, without one, for any. */
export const replyTemplates = pgTable('reply_templates', {
  id: serial('id').primaryKey(),
  title: text('title').notNull(),
  content: text('content').notNull(),
  categoryId: integer('category_id').references(() => categories.id),
  isActive: boolean('is_active').notNull().default(true),
  createdById: integer('created_by_id').references(() => users.id),
  createdAt: createdAt(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const callbacks = pgTable(
  'callbacks',
  {
    id: serial('id').primaryKey(),
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => tickets.id),
    result: text('result').notNull(), // CALLBACK_RESULTS
    isResolved: boolean('is_resolved'), // 解决率: did the citizen say the problem is solved
    note: text('note'),
    agentId: integer('agent_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('callbacks_ticket_idx').on(t.ticketId)],
);

export const extensions = pgTable(
  'extensions',
  {
    id: serial('id').primaryKey(),
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => tickets.id),
    assignmentId: integer('assignment_id')
      .notNull()
      .references(() => assignments.id),
    requestedDays: integer('requested_days').notNull(),
    reason: text('reason').notNull(),
    status: text('status').notNull().default('pending'), // pending | approved | denied
    requestedById: integer('requested_by_id').references(() => users.id),
    decidedById: integer('decided_by_id').references(() => users.id),
    decisionNote: text('decision_note'),
    decidedAt: ts('decided_at'),
    createdAt: createdAt(),
  },
  (t) => [index('extensions_ticket_idx').on(t.ticketId)],
);

/** 派单异议 */
export const objections = pgTable(
  'objections',
  {
    id: serial('id').primaryKey(),
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => tickets.id),
    assignmentId: integer('assignment_id')
      .notNull()
      .references(() => assignments.id),
    reason: text('reason').notNull(),
    suggestedUnitId: integer('suggested_unit_id').references(() => units.id),
    status: text('status').notNull().default('pending'), // pending | approved | denied
    requestedById: integer('requested_by_id').references(() => users.id),
    decidedById: integer('decided_by_id').references(() => users.id),
    decisionNote: text('decision_note'),
    decidedAt: ts('decided_at'),
    createdAt: createdAt(),
  },
  (t) => [index('objections_ticket_idx').on(t.ticketId)],
);

/** 督办单 / 催办 / 领导批示 / automatic reminders */
export const supervisions = pgTable(
  'supervisions',
  {
    id: serial('id').primaryKey(),
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => tickets.id),
    kind: text('kind').notNull(), // SUPERVISION_KINDS
    unitId: integer('unit_id').references(() => units.id),
    content: text('content').notNull(),
    dueAt: ts('due_at'),
    issuedById: integer('issued_by_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('supervisions_ticket_idx').on(t.ticketId), index('supervisions_unit_idx').on(t.unitId, t.createdAt)],
);

export const knowledgeItems = pgTable(
  'knowledge_items',
  {
    id: serial('id').primaryKey(),
    title: text('title').notNull(),
    content: text('content').notNull(),
    categoryId: integer('category_id').references(() => categories.id),
    unitId: integer('unit_id').references(() => units.id), // the unit that owns the answer
    keywords: text('keywords')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    validFrom: date('valid_from', { mode: 'string' }),
    validTo: date('valid_to', { mode: 'string' }),
    isPublished: boolean('is_published').notNull().default(true),
    useCount: integer('use_count').notNull().default(0),
    createdById: integer('created_by_id').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    search: tsvector('search'),
  },
  (t) => [index('knowledge_search_idx').using('gin', t.search)],
);

/** 直接办结 citations: the knowledge items an agent answered from. */
export const ticketKnowledge = pgTable(
  'ticket_knowledge',
  {
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => tickets.id),
    knowledgeItemId: integer('knowledge_item_id')
      .notNull()
      .references(() => knowledgeItems.id),
  },
  (t) => [primaryKey({ columns: [t.ticketId, t.knowledgeItemId] })],
);

export const attachments = pgTable(
  'attachments',
  {
    id: serial('id').primaryKey(),
    ticketId: integer('ticket_id').references(() => tickets.id),
    replyId: integer('reply_id').references(() => replies.id),
    filename: text('filename').notNull(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedById: integer('uploaded_by_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('attachments_ticket_idx').on(t.ticketId)],
);
