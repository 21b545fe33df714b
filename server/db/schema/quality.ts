/** Quality module: inspection forms and inspections (质检). */
import { sql } from 'drizzle-orm';
import { boolean, doublePrecision, index, integer, jsonb, pgTable, serial, text, uniqueIndex, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { ts, createdAt } from './columns.ts';
import { callRecords } from './calls.ts';
import { users } from './orgs.ts';
import { tickets } from './tickets.ts';

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
  previousVersionId: integer('previous_version_id').references((): AnyPgColumn => qualityForms.id),
  /** [{ key, label, maxPoints, isFatal }] */
  items: jsonb('items').notNull(),
  isActive: boolean('is_active').notNull().default(true),
  createdById: integer('created_by_id').references(() => users.id),
  createdAt: createdAt(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** 质检记录: one sampled order or call of an agent, pending until a supervisor scores it. */
export const qualityInspections = pgTable(
  'quality_inspections',
  {
    id: serial('id').primaryKey(),
    formId: integer('form_id')
      .notNull()
      .references(() => qualityForms.id),
    agentUserId: integer('agent_user_id')
      .notNull()
      .references(() => users.id),
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
  },
  (t) => [
    // an order or a call is inspected at most once; also what lets sampling skip the ones already drawn
    uniqueIndex('quality_inspections_ticket_uniq')
      .on(t.ticketId)
      .where(sql`ticket_id is not null`),
    uniqueIndex('quality_inspections_call_uniq')
      .on(t.callRecordId)
      .where(sql`call_record_id is not null`),
    index('quality_inspections_agent_idx').on(t.agentUserId, t.subjectAt),
    index('quality_inspections_form_idx').on(t.formId),
  ],
);
