/**
 * The database schema. Migrations under ./migrations are generated from it with
 * `npx drizzle-kit generate` and hand-extended where Drizzle cannot express a thing
 * (tsvector triggers, extensions); they are committed and never edited once landed.
 */
import { sql } from 'drizzle-orm';
import {
  bigint, boolean, customType, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, real, serial, text,
  timestamp, unique, uniqueIndex,
} from 'drizzle-orm/pg-core';

/** jieba-segmented words, stored with the 'simple' configuration (see lib/text.ts). */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const createdAt = () => ts('created_at').notNull().defaultNow();

export const regions = pgTable('regions', {
  id: serial('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  level: text('level').notNull(), // city | district | street | community
  parentId: integer('parent_id').references((): any => regions.id),
  /** Aliases and landmarks used by address extraction, e.g. estates and roads in this region. */
  aliases: text('aliases').array().notNull().default(sql`'{}'::text[]`),
  geo: jsonb('geo'), // optional centre point { lng, lat }
}, (t) => [index('regions_parent_idx').on(t.parentId)]);

export const units = pgTable('units', {
  id: serial('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  kind: text('kind').notNull(), // UNIT_KINDS
  /** Assessment peer group: city departments, districts, streets and utilities are ranked separately. */
  peerGroup: text('peer_group').notNull().default('department'),
  parentId: integer('parent_id').references((): any => units.id),
  regionId: integer('region_id').references(() => regions.id),
  phone: text('phone'),
  isActive: boolean('is_active').notNull().default(true),
  createdAt: createdAt(),
}, (t) => [index('units_parent_idx').on(t.parentId)]);

export const users = pgTable('users', {
  id: serial('id').primaryKey(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  role: text('role').notNull(), // ROLES
  unitId: integer('unit_id').references(() => units.id),
  phone: text('phone'),
  isActive: boolean('is_active').notNull().default(true),
  createdAt: createdAt(),
});

export const sessions = pgTable('sessions', {
  /** sha256 of the cookie token; the token itself is never stored. */
  tokenHash: text('token_hash').primaryKey(),
  userId: integer('user_id').notNull().references(() => users.id),
  csrfToken: text('csrf_token').notNull(),
  expiresAt: ts('expires_at').notNull(),
  createdAt: createdAt(),
}, (t) => [index('sessions_user_idx').on(t.userId)]);

export const apiKeys = pgTable('api_keys', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  keyHash: text('key_hash').notNull().unique(),
  prefix: text('prefix').notNull(),
  /** The role the integration acts with; intake integrations use 'agent'. */
  role: text('role').notNull().default('agent'),
  unitId: integer('unit_id').references(() => units.id),
  createdAt: createdAt(),
  revokedAt: ts('revoked_at'),
});

export const categories = pgTable('categories', {
  id: serial('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  parentId: integer('parent_id').references((): any => categories.id),
  level: integer('level').notNull(), // 1..3
  /** "城乡建设 / 住房管理 / 物业管理" for display and search. */
  pathName: text('path_name').notNull(),
  isActive: boolean('is_active').notNull().default(true),
}, (t) => [index('categories_parent_idx').on(t.parentId)]);

/** 派单目录: which unit handles a category in a region (null region = anywhere). */
export const dispatchCatalogue = pgTable('dispatch_catalogue', {
  id: serial('id').primaryKey(),
  categoryId: integer('category_id').notNull().references(() => categories.id),
  regionId: integer('region_id').references(() => regions.id),
  unitId: integer('unit_id').notNull().references(() => units.id),
  note: text('note'),
}, (t) => [uniqueIndex('dispatch_catalogue_uniq').on(t.categoryId, t.regionId, t.unitId)]);

export const citizens = pgTable('citizens', {
  id: serial('id').primaryKey(),
  phone: text('phone').notNull().unique(),
  name: text('name'),
  language: text('language').notNull().default('zh'),
  /** 举报人保密: identity never shown to units. */
  isConfidential: boolean('is_confidential').notNull().default(false),
  createdAt: createdAt(),
});

export const tickets = pgTable('tickets', {
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
  mergedIntoId: integer('merged_into_id').references((): any => tickets.id),
  hasLeaderInstruction: boolean('has_leader_instruction').notNull().default(false),
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
}, (t) => [
  index('tickets_status_idx').on(t.status),
  index('tickets_lead_unit_status_idx').on(t.leadUnitId, t.status),
  index('tickets_created_idx').on(t.createdAt, t.id),
  index('tickets_citizen_idx').on(t.citizenId),
  index('tickets_category_idx').on(t.categoryId),
  index('tickets_region_idx').on(t.regionId),
  index('tickets_search_idx').using('gin', t.search),
  // Every detail view lists the orders merged into this one; partial because few orders are ever merged.
  index('tickets_merged_into_idx').on(t.mergedIntoId).where(sql`${t.mergedIntoId} is not null`),
]);

export const ticketSequences = pgTable('ticket_sequences', {
  day: text('day').primaryKey(), // 20261122
  lastValue: integer('last_value').notNull(),
});

export const assignments = pgTable('assignments', {
  id: serial('id').primaryKey(),
  ticketId: integer('ticket_id').notNull().references(() => tickets.id),
  unitId: integer('unit_id').notNull().references(() => units.id),
  role: text('role').notNull(), // lead | co
  parentAssignmentId: integer('parent_assignment_id').references((): any => assignments.id),
  status: text('status').notNull(), // ASSIGNMENT_STATUSES
  signDueAt: ts('sign_due_at'),
  handleDueAt: ts('handle_due_at'),
  signedAt: ts('signed_at'),
  finishedAt: ts('finished_at'),
  reason: text('reason'), // return or objection reason
  createdById: integer('created_by_id').references(() => users.id),
  createdAt: createdAt(),
}, (t) => [index('assignments_ticket_idx').on(t.ticketId), index('assignments_unit_status_idx').on(t.unitId, t.status)]);

/** 流转记录: append-only history of every action on a ticket. */
export const ticketEvents = pgTable('ticket_events', {
  id: serial('id').primaryKey(),
  ticketId: integer('ticket_id').notNull().references(() => tickets.id),
  action: text('action').notNull(),
  fromStatus: text('from_status'),
  toStatus: text('to_status'),
  actorUserId: integer('actor_user_id').references(() => users.id),
  actorUnitId: integer('actor_unit_id').references(() => units.id),
  /** Unit the event concerns (dispatch target, returning unit); used by analytics. */
  unitId: integer('unit_id').references(() => units.id),
  note: text('note'),
  data: jsonb('data').notNull().default({}),
  createdAt: createdAt(),
}, (t) => [index('ticket_events_ticket_idx').on(t.ticketId, t.id), index('ticket_events_created_idx').on(t.createdAt)]);

export const replies = pgTable('replies', {
  id: serial('id').primaryKey(),
  ticketId: integer('ticket_id').notNull().references(() => tickets.id),
  assignmentId: integer('assignment_id').references(() => assignments.id),
  unitId: integer('unit_id').notNull().references(() => units.id),
  authorId: integer('author_id').references(() => users.id),
  content: text('content').notNull(),
  status: text('status').notNull().default('submitted'), // submitted | accepted | rejected
  reviewNote: text('review_note'),
  reviewedById: integer('reviewed_by_id').references(() => users.id),
  reviewedAt: ts('reviewed_at'),
  createdAt: createdAt(),
}, (t) => [index('replies_ticket_idx').on(t.ticketId)]);

export const callbacks = pgTable('callbacks', {
  id: serial('id').primaryKey(),
  ticketId: integer('ticket_id').notNull().references(() => tickets.id),
  result: text('result').notNull(), // CALLBACK_RESULTS
  isResolved: boolean('is_resolved'), // 解决率: did the citizen say the problem is solved
  note: text('note'),
  agentId: integer('agent_id').references(() => users.id),
  createdAt: createdAt(),
}, (t) => [index('callbacks_ticket_idx').on(t.ticketId)]);

export const extensions = pgTable('extensions', {
  id: serial('id').primaryKey(),
  ticketId: integer('ticket_id').notNull().references(() => tickets.id),
  assignmentId: integer('assignment_id').notNull().references(() => assignments.id),
  requestedDays: integer('requested_days').notNull(),
  reason: text('reason').notNull(),
  status: text('status').notNull().default('pending'), // pending | approved | denied
  requestedById: integer('requested_by_id').references(() => users.id),
  decidedById: integer('decided_by_id').references(() => users.id),
  decisionNote: text('decision_note'),
  decidedAt: ts('decided_at'),
  createdAt: createdAt(),
}, (t) => [index('extensions_ticket_idx').on(t.ticketId)]);

/** 派单异议 */
export const objections = pgTable('objections', {
  id: serial('id').primaryKey(),
  ticketId: integer('ticket_id').notNull().references(() => tickets.id),
  assignmentId: integer('assignment_id').notNull().references(() => assignments.id),
  reason: text('reason').notNull(),
  suggestedUnitId: integer('suggested_unit_id').references(() => units.id),
  status: text('status').notNull().default('pending'), // pending | approved | denied
  requestedById: integer('requested_by_id').references(() => users.id),
  decidedById: integer('decided_by_id').references(() => users.id),
  decisionNote: text('decision_note'),
  decidedAt: ts('decided_at'),
  createdAt: createdAt(),
}, (t) => [index('objections_ticket_idx').on(t.ticketId)]);

/** 督办单 / 催办 / 领导批示 / automatic reminders */
export const supervisions = pgTable('supervisions', {
  id: serial('id').primaryKey(),
  ticketId: integer('ticket_id').notNull().references(() => tickets.id),
  kind: text('kind').notNull(), // SUPERVISION_KINDS
  unitId: integer('unit_id').references(() => units.id),
  content: text('content').notNull(),
  dueAt: ts('due_at'),
  issuedById: integer('issued_by_id').references(() => users.id),
  createdAt: createdAt(),
}, (t) => [index('supervisions_ticket_idx').on(t.ticketId), index('supervisions_unit_idx').on(t.unitId, t.createdAt)]);

export const knowledgeItems = pgTable('knowledge_items', {
  id: serial('id').primaryKey(),
  title: text('title').notNull(),
  content: text('content').notNull(),
  categoryId: integer('category_id').references(() => categories.id),
  unitId: integer('unit_id').references(() => units.id), // the unit that owns the answer
  keywords: text('keywords').array().notNull().default(sql`'{}'::text[]`),
  validFrom: date('valid_from', { mode: 'string' }),
  validTo: date('valid_to', { mode: 'string' }),
  isPublished: boolean('is_published').notNull().default(true),
  useCount: integer('use_count').notNull().default(0),
  createdById: integer('created_by_id').references(() => users.id),
  createdAt: createdAt(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  search: tsvector('search'),
}, (t) => [index('knowledge_search_idx').using('gin', t.search)]);

/** 直接办结 citations: the knowledge items an agent answered from. */
export const ticketKnowledge = pgTable('ticket_knowledge', {
  ticketId: integer('ticket_id').notNull().references(() => tickets.id),
  knowledgeItemId: integer('knowledge_item_id').notNull().references(() => knowledgeItems.id),
}, (t) => [primaryKey({ columns: [t.ticketId, t.knowledgeItemId] })]);

export const attachments = pgTable('attachments', {
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
}, (t) => [index('attachments_ticket_idx').on(t.ticketId)]);

/** 工作日历: only exceptions are stored; other days follow Monday–Friday. */
export const calendarDays = pgTable('calendar_days', {
  day: date('day', { mode: 'string' }).primaryKey(),
  isWorkday: boolean('is_workday').notNull(), // false = holiday, true = adjusted working day (调休)
  name: text('name').notNull(),
});

export const slaPolicies = pgTable('sla_policies', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  /** Matching criteria; null matches anything. The most specific matching policy wins. */
  ticketType: text('ticket_type'),
  urgency: text('urgency'),
  categoryId: integer('category_id').references(() => categories.id),
  signWorkingHours: real('sign_working_hours').notNull(),
  /** working_days | clock_hours */
  handleUnit: text('handle_unit').notNull(),
  handleAmount: real('handle_amount').notNull(),
  callbackWorkingDays: real('callback_working_days').notNull(),
  /** Share of the handling time after which an order counts as at risk (即将超期). */
  atRiskRatio: real('at_risk_ratio').notNull().default(0.8),
  isActive: boolean('is_active').notNull().default(true),
});

export const auditLog = pgTable('audit_log', {
  id: serial('id').primaryKey(),
  actorUserId: integer('actor_user_id').references(() => users.id),
  actorApiKeyId: integer('actor_api_key_id').references(() => apiKeys.id),
  action: text('action').notNull(), // e.g. read_unmasked_phone
  subjectType: text('subject_type').notNull(),
  subjectId: text('subject_id').notNull(),
  details: jsonb('details').notNull().default({}),
  ip: text('ip'),
  createdAt: createdAt(),
}, (t) => [index('audit_log_subject_idx').on(t.subjectType, t.subjectId), index('audit_log_created_idx').on(t.createdAt)]);

export const idempotencyKeys = pgTable('idempotency_keys', {
  key: text('key').notNull(),
  /** Who sent it (user, api key or client ip), so keys from different clients never collide. */
  scope: text('scope').notNull(),
  requestHash: text('request_hash').notNull(),
  statusCode: integer('status_code').notNull(),
  responseBody: jsonb('response_body').notNull(),
  createdAt: createdAt(),
}, (t) => [primaryKey({ columns: [t.scope, t.key] })]);

export const jobs = pgTable('jobs', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  payload: jsonb('payload').notNull().default({}),
  runAt: ts('run_at').notNull().defaultNow(),
  status: text('status').notNull().default('queued'), // queued | running | done | failed
  attempts: integer('attempts').notNull().default(0),
  lockedAt: ts('locked_at'),
  lastError: text('last_error'),
  createdAt: createdAt(),
  finishedAt: ts('finished_at'),
}, (t) => [index('jobs_claim_idx').on(t.status, t.runAt)]);

/** Outbox of domain events for integrations and live updates. */
export const outbox = pgTable('outbox', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  topic: text('topic').notNull(), // ticket.created, ticket.dispatched, ...
  ticketId: integer('ticket_id'),
  unitIds: integer('unit_ids').array().notNull().default(sql`'{}'::int[]`),
  payload: jsonb('payload').notNull().default({}),
  createdAt: createdAt(),
}, (t) => [index('outbox_created_idx').on(t.createdAt)]);

// ─── analytics module: rollups, assessment (考核), reports (报表) ───────────────────────────────

const measure = (name: string) => integer(name).notNull().default(0);

/**
 * Daily rollup of the measures (server/modules/analytics/measures.ts) per dimension value, derived from
 * ticket_events by the refresh-analytics-rollups job; always equal to a full recount (tested).
 */
export const analyticsDaily = pgTable('analytics_daily', {
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
}, (t) => [primaryKey({ columns: [t.dim, t.day, t.key] })]);

/** One row per reply event, for exact handling-time percentiles. */
export const analyticsReplyFacts = pgTable('analytics_reply_facts', {
  eventId: integer('event_id').primaryKey(),
  ticketId: integer('ticket_id').notNull(),
  day: date('day', { mode: 'string' }).notNull(),
  unitId: integer('unit_id').notNull(),
  categoryId: integer('category_id').notNull(),
  regionId: integer('region_id').notNull(),
  channel: text('channel').notNull(),
  type: text('type').notNull(),
  handlingSeconds: integer('handling_seconds').notNull(),
}, (t) => [index('analytics_reply_facts_day_idx').on(t.day)]);

/** Contacts per half-hour slot and channel, the history behind the staffing forecast. */
export const analyticsHalfHour = pgTable('analytics_half_hour', {
  slot: ts('slot').notNull(), // start of the 30-minute slot
  channel: text('channel').notNull(),
  contacts: measure('contacts'),
}, (t) => [primaryKey({ columns: [t.slot, t.channel] })]);

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
  lastEventId: integer('last_event_id').notNull().default(0),
  pendingGaps: jsonb('pending_gaps').notNull().default([]), // [{ from, to, seenAt }]
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
export const assessmentRuns = pgTable('assessment_runs', {
  id: serial('id').primaryKey(),
  month: text('month').notNull(), // 2026-03
  version: integer('version').notNull(),
  status: text('status').notNull().default('draft'), // draft | published
  config: jsonb('config').notNull(),
  computedById: integer('computed_by_id').references(() => users.id),
  computedAt: ts('computed_at').notNull(),
  publishedById: integer('published_by_id').references(() => users.id),
  publishedAt: ts('published_at'),
}, (t) => [uniqueIndex('assessment_runs_month_version_uniq').on(t.month, t.version)]);

export const assessmentResults = pgTable('assessment_results', {
  runId: integer('run_id').notNull().references(() => assessmentRuns.id),
  unitId: integer('unit_id').notNull().references(() => units.id),
  peerGroup: text('peer_group').notNull(),
  /** 0–100 after deductions; null when the unit had no assessable data in the month. */
  score: doublePrecision('score'),
  rank: integer('rank'),
  indicators: jsonb('indicators').notNull(), // { id: { value, weight, points } }
  deductions: jsonb('deductions').notNull(), // { kind: { count, waived, points } }
  measures: jsonb('measures').notNull(),
}, (t) => [primaryKey({ columns: [t.runId, t.unitId] })]);

/** 考核申诉: a unit contests some of a month's deductions; the center decides. */
export const assessmentAppeals = pgTable('assessment_appeals', {
  id: serial('id').primaryKey(),
  month: text('month').notNull(),
  unitId: integer('unit_id').notNull().references(() => units.id),
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
}, (t) => [index('assessment_appeals_month_idx').on(t.month, t.unitId)]);

/** 日报/周报/月报/专报: the figures as JSON plus the rendered files under config.filesDir/reports. */
export const reports = pgTable('reports', {
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
}, (t) => [index('reports_kind_created_idx').on(t.kind, t.createdAt)]);

/**
 * Each order's dimensions as its create event gave them, kept by the rollup job so later events join a
 * narrow table by primary key instead of searching ticket_events for the create event.
 */
export const analyticsTicketDims = pgTable('analytics_ticket_dims', {
  ticketId: integer('ticket_id').primaryKey(),
  createdAt: ts('created_at').notNull(),
  categoryId: integer('category_id').notNull(), // 0 = none
  regionId: integer('region_id').notNull(), // 0 = none
  channel: text('channel').notNull(),
  type: text('type').notNull(),
  /** tickets.citizen_id, for the repeat-complaint rule. */
  citizenId: integer('citizen_id'),
}, (t) => [index('analytics_ticket_dims_citizen_idx').on(t.citizenId, t.createdAt)]);

// ─── intake module: Open311 GeoReport v2 ──────────────────────────────────────────────────────────

/** What an Open311 client sent beyond the ticket's own columns (GeoReport v2 POST fields), one row per ticket it filed. */
export const open311Requests = pgTable('open311_requests', {
  ticketId: integer('ticket_id').primaryKey().references(() => tickets.id),
  apiKeyId: integer('api_key_id').references(() => apiKeys.id),
  serviceCode: text('service_code').notNull(),
  /** attribute[code]=value pairs of the service definition, as sent. */
  attributes: jsonb('attributes').notNull().default({}),
  mediaUrl: text('media_url'),
  email: text('email'),
  deviceId: text('device_id'),
  accountId: text('account_id'),
  addressId: text('address_id'),
  createdAt: createdAt(),
});

// ─── insight module: dispatch models and the suggestion log ───────────────────────────────────────

/** Trained text classifiers (category or lead unit), one row per version; the highest version of a kind is in use. */
export const insightModels = pgTable('insight_models', {
  id: serial('id').primaryKey(),
  /** category | unit: what the model suggests. */
  labelKind: text('label_kind').notNull(),
  version: integer('version').notNull(),
  /** Closed orders it learnt from. */
  examples: integer('examples').notNull(),
  /** Training report: holdout accuracy, macro-F1, per-class figures, confusion matrix, calibration, warnings. */
  evaluation: jsonb('evaluation').notNull(),
  /** The classifier as saved by insight/model-io.ts (JSON, typed arrays in base64). */
  model: text('model').notNull(),
  trainedById: integer('trained_by_id').references(() => users.id),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('insight_models_kind_version_uniq').on(t.labelKind, t.version)]);

/** 派单建议: every suggestion shown, and the human's final choice, so dispatch accuracy can be reported over time. */
export const dispatchSuggestions = pgTable('dispatch_suggestions', {
  id: serial('id').primaryKey(),
  /** Null while the order is still being taken (the suggestion comes before the ticket exists). */
  ticketId: integer('ticket_id').references(() => tickets.id),
  categoryModelId: integer('category_model_id').references(() => insightModels.id),
  unitModelId: integer('unit_model_id').references(() => insightModels.id),
  suggestedCategoryId: integer('suggested_category_id').references(() => categories.id),
  suggestedUnitId: integer('suggested_unit_id').references(() => units.id),
  /** Calibrated confidence of the suggested category, 0–1. */
  confidence: real('confidence'),
  /** Top candidates as shown: { categories: [{id, confidence}], units: [{id, confidence}] }. */
  candidates: jsonb('candidates').notNull().default({}),
  finalCategoryId: integer('final_category_id').references(() => categories.id),
  finalUnitId: integer('final_unit_id').references(() => units.id),
  isAutoDispatched: boolean('is_auto_dispatched').notNull().default(false),
  requestedById: integer('requested_by_id').references(() => users.id),
  decidedById: integer('decided_by_id').references(() => users.id),
  createdAt: createdAt(),
  decidedAt: ts('decided_at'),
}, (t) => [index('dispatch_suggestions_ticket_idx').on(t.ticketId), index('dispatch_suggestions_created_idx').on(t.createdAt)]);

// ─── insight module: surge alerts (预警) ───────────────────────────────────────────────────────────

/** 预警: a significant rise of orders of one category in one district within an hour or a day; one row per window, re-runs update it. */
export const insightAlerts = pgTable('insight_alerts', {
  id: serial('id').primaryKey(),
  /** hour | day */
  granularity: text('granularity').notNull(),
  /** The window as alerts.ts names it: a China hour '2026-03-02T09' or day '2026-03-02'. */
  period: text('period').notNull(),
  windowStart: ts('window_start').notNull(),
  windowEnd: ts('window_end').notNull(),
  /** Null: orders without a category. */
  categoryId: integer('category_id').references(() => categories.id),
  /** The district (区/县) the orders' regions roll up to; null: orders without a region. */
  regionId: integer('region_id').references(() => regions.id),
  observed: integer('observed').notNull(),
  /** Mean count of comparable past windows (same kind of day: working day, or weekend/holiday). */
  expected: real('expected').notNull(),
  risePercent: integer('rise_percent').notNull(),
  pValue: doublePrecision('p_value').notNull(),
  baselinePeriods: integer('baseline_periods').notNull(),
  /** warning | critical; never lowered by a later run of the same window. */
  level: text('level').notNull(),
  /** Drill-down: the orders counted in the window (at most 500). */
  ticketIds: integer('ticket_ids').array().notNull().default(sql`'{}'::integer[]`),
  createdAt: createdAt(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
}, (t) => [
  // one alert per window and pair, also when category or region is null: what makes the hourly job idempotent
  unique('insight_alerts_window_uniq').on(t.granularity, t.period, t.categoryId, t.regionId).nullsNotDistinct(),
  index('insight_alerts_window_start_idx').on(t.windowStart),
]);

// ─── insight module: auto-dispatch rules (自动派单) ───────────────────────────────────────────────

/**
 * Per-category thresholds for dispatching without a human (off unless a rule is enabled). A rule covers its
 * category's sub-categories too, unless one of them has its own rule.
 */
export const autoDispatchRules = pgTable('auto_dispatch_rules', {
  id: serial('id').primaryKey(),
  categoryId: integer('category_id').notNull().references(() => categories.id),
  /** Calibrated confidence, 0–1, that the category and the unit suggestion must both reach. */
  minConfidence: real('min_confidence').notNull(),
  isEnabled: boolean('is_enabled').notNull().default(false),
  updatedById: integer('updated_by_id').references(() => users.id),
  createdAt: createdAt(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
}, (t) => [uniqueIndex('auto_dispatch_rules_category_uniq').on(t.categoryId)]);

// ─── calls module: call records pushed by the phone system (CTI / ACD) ───────────────────────────

/**
 * 话务记录: one row per call offered to the agent queue (inbound) or placed by an agent (outbound), as the
 * phone system reported it. Idempotent import: (source, external_id) is unique, re-sending a call updates it.
 */
export const callRecords = pgTable('call_records', {
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
  createdAt: createdAt(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
}, (t) => [
  uniqueIndex('call_records_source_external_uniq').on(t.source, t.externalId),
  index('call_records_offered_idx').on(t.offeredAt),
  index('call_records_agent_offered_idx').on(t.agentUserId, t.offeredAt),
]);

// ─── quality module: inspection forms and inspections (质检) ─────────────────────────────────────

/**
 * 质检评分表: items with points (summing to 100) and fatal items (a violation zeroes the score).
 * A form already used by an inspection is never changed: editing it saves a new version.
 */
export const qualityForms = pgTable('quality_forms', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  description: text('description'),
  version: integer('version').notNull().default(1),
  /** The version this one replaced; null for a first version. */
  previousVersionId: integer('previous_version_id').references((): any => qualityForms.id),
  /** [{ key, label, maxPoints, isFatal }] */
  items: jsonb('items').notNull(),
  isActive: boolean('is_active').notNull().default(true),
  createdById: integer('created_by_id').references(() => users.id),
  createdAt: createdAt(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** 质检记录: one sampled order or call of an agent, pending until a supervisor scores it. */
export const qualityInspections = pgTable('quality_inspections', {
  id: serial('id').primaryKey(),
  formId: integer('form_id').notNull().references(() => qualityForms.id),
  agentUserId: integer('agent_user_id').notNull().references(() => users.id),
  subjectKind: text('subject_kind').notNull(), // ticket | call
  ticketId: integer('ticket_id').references(() => tickets.id),
  callRecordId: integer('call_record_id').references(() => callRecords.id),
  /** When the order was taken in or the call offered: the period the score counts in. */
  subjectAt: ts('subject_at').notNull(),
  /** The seed the sample was drawn with (same seed and candidates → same sample). */
  sampleSeed: integer('sample_seed').notNull(),
  status: text('status').notNull().default('pending'), // pending | scored
  /** 0–100; 0 when a fatal item was violated. */
  score: doublePrecision('score'),
  hasFatal: boolean('has_fatal'),
  /** [{ key, points | isViolated }] as scored. */
  scores: jsonb('scores'),
  comment: text('comment'),
  sampledById: integer('sampled_by_id').references(() => users.id),
  inspectorId: integer('inspector_id').references(() => users.id),
  createdAt: createdAt(),
  scoredAt: ts('scored_at'),
}, (t) => [
  // an order or a call is inspected at most once; also what lets sampling skip the ones already drawn
  uniqueIndex('quality_inspections_ticket_uniq').on(t.ticketId).where(sql`ticket_id is not null`),
  uniqueIndex('quality_inspections_call_uniq').on(t.callRecordId).where(sql`call_record_id is not null`),
  index('quality_inspections_agent_idx').on(t.agentUserId, t.subjectAt),
  index('quality_inspections_form_idx').on(t.formId),
]);
