/** What the platform runs on: the working calendar, SLA policies, audit log, idempotency keys, jobs and the outbox. */
import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, jsonb, pgTable, primaryKey, real, serial, text } from 'drizzle-orm/pg-core';
import { ts, createdAt, xid8 } from './columns.ts';
import { apiKeys, categories, users } from './orgs.ts';

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

export const auditLog = pgTable(
  'audit_log',
  {
    id: serial('id').primaryKey(),
    actorUserId: integer('actor_user_id').references(() => users.id),
    actorApiKeyId: integer('actor_api_key_id').references(() => apiKeys.id),
    action: text('action').notNull(), // e.g. read_unmasked_phone
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    details: jsonb('details').notNull().default({}),
    ip: text('ip'),
    createdAt: createdAt(),
  },
  (t) => [index('audit_log_subject_idx').on(t.subjectType, t.subjectId), index('audit_log_created_idx').on(t.createdAt)],
);

export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    key: text('key').notNull(),
    /** Who sent it (user, api key or client ip), so keys from different clients never collide. */
    scope: text('scope').notNull(),
    requestHash: text('request_hash').notNull(),
    statusCode: integer('status_code').notNull(),
    responseBody: jsonb('response_body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);

export const jobs = pgTable(
  'jobs',
  {
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
  },
  (t) => [index('jobs_claim_idx').on(t.status, t.runAt)],
);

/** Outbox of domain events for integrations (GET /api/v1/events, the NATS JetStream relay). */
export const outbox = pgTable(
  'outbox',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    topic: text('topic').notNull(), // ticket.created, ticket.dispatched, ...
    ticketId: integer('ticket_id'),
    unitIds: integer('unit_ids')
      .array()
      .notNull()
      .default(sql`'{}'::int[]`),
    payload: jsonb('payload').notNull().default({}),
    /**
     * The writing transaction. Ids are handed out before commit, so a reader that went by id alone could pass over a
     * row whose transaction commits late; readers take only rows of transactions older than every running one.
     */
    txId: xid8('tx_id')
      .notNull()
      .default(sql`pg_current_xact_id()`),
    createdAt: createdAt(),
  },
  (t) => [index('outbox_created_idx').on(t.createdAt), index('outbox_tx_idx').on(t.txId, t.id)],
);

/** How far each relay (NATS JetStream, …) has passed the outbox on. */
export const outboxCursors = pgTable('outbox_cursors', {
  name: text('name').primaryKey(),
  lastId: bigint('last_id', { mode: 'number' }).notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});
