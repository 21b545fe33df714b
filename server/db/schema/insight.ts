/** Insight module: dispatch models, the suggestion log, surge alerts (预警), auto-dispatch rules. */
import { sql } from 'drizzle-orm';
import { boolean, doublePrecision, index, integer, jsonb, pgTable, real, serial, text, unique, uniqueIndex } from 'drizzle-orm/pg-core';
import { ts, createdAt } from './columns.ts';
import { categories, regions, units, users } from './orgs.ts';
import { tickets } from './tickets.ts';

/** Trained text classifiers (category or lead unit), one row per version; the highest version of a kind is in use. */
export const insightModels = pgTable(
  'insight_models',
  {
    id: serial('id').primaryKey(),
    /** category | unit: what the model suggests. */
    labelKind: text('label_kind').notNull(),
    version: integer('version').notNull(),
    /** Closed orders it learnt from. */
    examples: integer('examples').notNull(),
    /** Training report: holdout accuracy, macro-F1, per-class figures, confusion matrix, calibration, warnings. */
    evaluation: jsonb('evaluation').notNull(),
    /** The classifier as saved by insight/classifier/model-io.ts (JSON, typed arrays in base64). */
    model: text('model').notNull(),
    trainedById: integer('trained_by_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('insight_models_kind_version_uniq').on(t.labelKind, t.version)],
);

/** 派单建议: every suggestion shown, and the human's final choice, so dispatch accuracy can be reported over time. */
export const dispatchSuggestions = pgTable(
  'dispatch_suggestions',
  {
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
    /**
     * Hash of what was asked (text, region, order, model versions): asking the same again before a decision is
     * recorded returns the same suggestion instead of logging another, so re-renders and refetches of one shown
     * result count once. Null for suggestions the system made itself.
     */
    requestKey: text('request_key'),
    decidedById: integer('decided_by_id').references(() => users.id),
    createdAt: createdAt(),
    decidedAt: ts('decided_at'),
  },
  (t) => [
    index('dispatch_suggestions_ticket_idx').on(t.ticketId),
    index('dispatch_suggestions_created_idx').on(t.createdAt),
    // one undecided suggestion per requester and request: what makes POST /insight/suggest idempotent
    uniqueIndex('dispatch_suggestions_open_request_uniq')
      .on(t.requestedById, t.requestKey)
      .where(sql`decided_at is null`),
  ],
);

/** 预警: a significant rise of orders of one category in one district within an hour or a day; one row per window, re-runs update it. */
export const insightAlerts = pgTable(
  'insight_alerts',
  {
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
    ticketIds: integer('ticket_ids')
      .array()
      .notNull()
      .default(sql`'{}'::integer[]`),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    // one alert per window and pair, also when category or region is null: what makes the hourly job idempotent
    unique('insight_alerts_window_uniq').on(t.granularity, t.period, t.categoryId, t.regionId).nullsNotDistinct(),
    index('insight_alerts_window_start_idx').on(t.windowStart),
  ],
);

/**
 * Per-category thresholds for dispatching without a human (off unless a rule is enabled). A rule covers its
 * category's sub-categories too, unless one of them has its own rule.
 */
export const autoDispatchRules = pgTable(
  'auto_dispatch_rules',
  {
    id: serial('id').primaryKey(),
    categoryId: integer('category_id')
      .notNull()
      .references(() => categories.id),
    /** Calibrated confidence, 0–1, that the category and the unit suggestion must both reach. */
    minConfidence: real('min_confidence').notNull(),
    isEnabled: boolean('is_enabled').notNull().default(false),
    updatedById: integer('updated_by_id').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('auto_dispatch_rules_category_uniq').on(t.categoryId)],
);

/**
 * 热点问题 runs: one row per China-day period, computed by the compute-hotspots job on a worker thread and served as
 * stored; a request never computes hotspots. A re-run of the same period replaces the row's result.
 */
export const hotspotRuns = pgTable(
  'hotspot_runs',
  {
    id: serial('id').primaryKey(),
    /** The period as China days, both included: '2026-11-01'…'2026-11-30'. */
    fromDay: text('from_day').notNull(),
    toDay: text('to_day').notNull(),
    /** pending | running | ready | failed */
    status: text('status').notNull(),
    /** Orders in the period the run considered. */
    orders: integer('orders').notNull().default(0),
    /** Orders in the whole period; more than `orders` when the period held more than a run considers (the newest are kept). */
    ordersInPeriod: integer('orders_in_period'),
    /** When capped: the creation time of the oldest order considered (the period's orders before it were left out). */
    sampledFrom: ts('sampled_from'),
    /** The ranked hotspots (at most 100) as the API serves them. */
    items: jsonb('items').notNull().default([]),
    /** Why the last attempt failed, for the screen. */
    error: text('error'),
    /** Milliseconds the computation took. */
    durationMs: integer('duration_ms'),
    requestedAt: ts('requested_at').notNull(),
    computedAt: ts('computed_at'),
  },
  (t) => [uniqueIndex('hotspot_runs_period_uniq').on(t.fromDay, t.toDay)],
);
