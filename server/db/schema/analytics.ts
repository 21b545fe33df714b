import { sql } from 'drizzle-orm';
/** Analytics module: rollups, assessment (考核), reports (报表). */
import {
  bigint,
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
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { ts, createdAt, xid8 } from './columns.ts';
import { units, users } from './orgs.ts';

const measure = (name: string) => integer(name).notNull().default(0);

/**
 * Daily rollup of the measures (server/modules/analytics/indicators/measures.ts) per dimension value, derived from
 * ticket_events by the refresh-analytics-rollups job; always equal to a full recount (tested).
 */
export const analyticsDaily = pgTable(
  'analytics_daily',
  {
    dim: text('dim').notNull(), // all | unit | category | region | channel | type
    /** The dimension value: '' for dim 'all', '0' when the event had none (e.g. no unit yet). */
    key: text('key').notNull(),
    day: date('day', { mode: 'string' }).notNull(), // Asia/Shanghai
    contacts: measure('contacts'),
    invalid: measure('invalid'),
    transferred: measure('transferred'),
    merged: measure('merged'),
    directAnswered: measure('direct_answered'),
    complaints: measure('complaints'),
    repeatComplaints: measure('repeat_complaints'),
    dispatches: measure('dispatches'),
    signs: measure('signs'),
    signsOnTime: measure('signs_on_time'),
    returns: measure('returns'),
    improperReturns: measure('improper_returns'),
    objections: measure('objections'),
    objectionsDenied: measure('objections_denied'),
    extensionRequests: measure('extension_requests'),
    replies: measure('replies'),
    repliesOnTime: measure('replies_on_time'),
    handlingSeconds: bigint('handling_seconds', { mode: 'number' }).notNull().default(0),
    reviewsAccepted: measure('reviews_accepted'),
    reviewsRejected: measure('reviews_rejected'),
    callbacks: measure('callbacks'),
    callbacksReached: measure('callbacks_reached'),
    satisfied: measure('satisfied'),
    basicallySatisfied: measure('basically_satisfied'),
    unsatisfied: measure('unsatisfied'),
    resolvedAnswered: measure('resolved_answered'),
    resolved: measure('resolved'),
    reopens: measure('reopens'),
    overdue: measure('overdue'),
    supervisions: measure('supervisions'),
    urges: measure('urges'),
  },
  (t) => [primaryKey({ columns: [t.dim, t.day, t.key] })],
);

/** One row per reply event, for exact handling-time percentiles. */
export const analyticsReplyFacts = pgTable(
  'analytics_reply_facts',
  {
    eventId: integer('event_id').primaryKey(),
    ticketId: integer('ticket_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    unitId: integer('unit_id').notNull(),
    categoryId: integer('category_id').notNull(),
    regionId: integer('region_id').notNull(),
    channel: text('channel').notNull(),
    type: text('type').notNull(),
    handlingSeconds: integer('handling_seconds').notNull(),
  },
  (t) => [index('analytics_reply_facts_day_idx').on(t.day)],
);

/** Contacts per half-hour slot and channel, the history behind the staffing forecast. */
export const analyticsHalfHour = pgTable(
  'analytics_half_hour',
  {
    slot: ts('slot').notNull(), // start of the 30-minute slot
    channel: text('channel').notNull(),
    contacts: measure('contacts'),
  },
  (t) => [primaryKey({ columns: [t.slot, t.channel] })],
);

/** Orders excluded from assessment (不纳入考核), as of the last exclude_from_assessment event processed. */
export const analyticsExclusions = pgTable('analytics_exclusions', {
  ticketId: integer('ticket_id').primaryKey(),
  isExcluded: boolean('is_excluded').notNull(),
  eventId: integer('event_id').notNull(),
  reason: text('reason'),
});

/**
 * How far each incremental job has read ticket_events. Ids below the watermark that were not visible
 * yet (a transaction still open when the job ran) are kept as pending gaps and picked up later.
 */
export const analyticsWatermarks = pgTable('analytics_watermarks', {
  name: text('name').primaryKey(),
  /** The last event counted, as (transaction id, event id): every event at or before it in that order is counted. */
  lastTxId: xid8('last_tx_id')
    .notNull()
    .default(sql`'0'::xid8`),
  lastEventId: integer('last_event_id').notNull().default(0),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** Analytics settings (满意率 rule, composite weights, default assessment scheme), one JSON value per key. */
export const analyticsSettings = pgTable('analytics_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedById: integer('updated_by_id').references(() => users.id),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** 月度考核: every computation of a month is kept (history); the published one is frozen. */
export const assessmentRuns = pgTable(
  'assessment_runs',
  {
    id: serial('id').primaryKey(),
    month: text('month').notNull(), // 2026-03
    version: integer('version').notNull(),
    status: text('status').notNull().default('draft'), // draft | published
    config: jsonb('config').notNull(),
    computedById: integer('computed_by_id').references(() => users.id),
    computedAt: ts('computed_at').notNull(),
    publishedById: integer('published_by_id').references(() => users.id),
    publishedAt: ts('published_at'),
  },
  (t) => [uniqueIndex('assessment_runs_month_version_uniq').on(t.month, t.version)],
);

export const assessmentResults = pgTable(
  'assessment_results',
  {
    runId: integer('run_id')
      .notNull()
      .references(() => assessmentRuns.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    peerGroup: text('peer_group').notNull(),
    /** 0–100 after deductions; null when the unit had no assessable data in the month. */
    score: doublePrecision('score'),
    rank: integer('rank'),
    indicators: jsonb('indicators').notNull(), // { id: { value, weight, points } }
    deductions: jsonb('deductions').notNull(), // { kind: { count, waived, points } }
    measures: jsonb('measures').notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.unitId] })],
);

/** 考核申诉: a unit contests some of a month's deductions; the center decides. */
export const assessmentAppeals = pgTable(
  'assessment_appeals',
  {
    id: serial('id').primaryKey(),
    month: text('month').notNull(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    deductionKind: text('deduction_kind').notNull(), // overdue | improper_return | supervision | upheld_dissatisfaction
    count: integer('count').notNull(),
    reason: text('reason').notNull(),
    status: text('status').notNull().default('pending'), // pending | approved | denied
    approvedCount: integer('approved_count').notNull().default(0),
    decisionNote: text('decision_note'),
    filedById: integer('filed_by_id').references(() => users.id),
    decidedById: integer('decided_by_id').references(() => users.id),
    createdAt: createdAt(),
    decidedAt: ts('decided_at'),
  },
  (t) => [index('assessment_appeals_month_idx').on(t.month, t.unitId)],
);

/** 日报/周报/月报/专报: the figures as JSON plus the rendered files under config.filesDir/reports. */
export const reports = pgTable(
  'reports',
  {
    id: serial('id').primaryKey(),
    kind: text('kind').notNull(), // daily | weekly | monthly | special
    title: text('title').notNull(),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    params: jsonb('params').notNull().default({}),
    content: jsonb('content').notNull(),
    pdfKey: text('pdf_key'),
    xlsxKey: text('xlsx_key'),
    renderMs: integer('render_ms'),
    createdById: integer('created_by_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('reports_kind_created_idx').on(t.kind, t.createdAt)],
);

/**
 * Each order's dimensions as its create event gave them, kept by the rollup job so later events join a
 * narrow table by primary key instead of searching ticket_events for the create event.
 */
export const analyticsTicketDims = pgTable(
  'analytics_ticket_dims',
  {
    ticketId: integer('ticket_id').primaryKey(),
    createdAt: ts('created_at').notNull(),
    categoryId: integer('category_id').notNull(), // 0 = none
    regionId: integer('region_id').notNull(), // 0 = none
    channel: text('channel').notNull(),
    type: text('type').notNull(),
    /** tickets.citizen_id, for the repeat-complaint rule. */
    citizenId: integer('citizen_id'),
  },
  (t) => [index('analytics_ticket_dims_citizen_idx').on(t.citizenId, t.createdAt)],
);
