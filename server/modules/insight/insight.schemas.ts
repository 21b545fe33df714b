import { z } from 'zod';
import { LIMITS } from '../../../common/limits.ts';

const id = z.number().int().positive();
const confidence = z.number().min(0).max(1);
const reason = z.object({ code: z.string(), message: z.string(), messageEn: z.string() }).nullable();

export const suggestBody = z.object({
  title: z.string().trim().max(LIMITS.titleMax).optional(),
  content: z.string().max(LIMITS.contentMax),
  regionId: id.optional(),
  /** The order the suggestion is for, when it already exists. */
  ticketId: id.optional(),
});
export type SuggestInput = z.infer<typeof suggestBody>;

export const suggestionOut = z.object({
  /** Log entry to report the final choice against (POST /api/v1/insight/suggestions/:id/decision). */
  suggestionId: id,
  categories: z.array(z.object({ categoryId: id, name: z.string(), pathName: z.string(), confidence })),
  /** Units the dispatch catalogue allows for the suggested categories in the region, most likely first. */
  units: z.array(z.object({ unitId: id, name: z.string(), categoryId: id, confidence: confidence.nullable() })),
  /** Terms that drove the category suggestion. */
  terms: z.array(z.string()),
  /** Region read from the text when none was given, for the agent to confirm. */
  location: z.object({
    regionId: id.nullable(),
    regionPath: z.array(z.string()),
    address: z.string().nullable(),
    confidence,
    /** Spans of the text (NFKC-normalised, lower case, whitespace collapsed; title, a space, then content) the region and address were read from. */
    evidence: z
      .array(z.object({ text: z.string(), start: z.number().int(), end: z.number().int(), kind: z.string(), regionId: id.nullable() }))
      .optional(),
  }),
  /** Why there is no (or only a partial) suggestion. */
  reason,
  models: z.object({ categoryVersion: z.number().int().nullable(), unitVersion: z.number().int().nullable() }),
});

export const decisionParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
export const decisionBody = z.object({
  ticketId: id.optional(),
  categoryId: id.nullable(),
  unitId: id.nullable(),
  isAutoDispatched: z.boolean().default(false),
});
export const decisionOut = z.object({
  suggestionId: id,
  ticketId: id.nullable(),
  isCategoryHit: z.boolean().nullable(),
  isUnitHit: z.boolean().nullable(),
});

export const accuracyQuery = z.object({ from: z.iso.date(), to: z.iso.date() });
const accuracyFigures = {
  decided: z.number().int(),
  /** Decisions the system made itself (自动派单). */
  autoDispatched: z.number().int(),
  /** 派单准确率: share of decided suggestions naming a final category / unit whose first suggestion was that choice. */
  categoryAccuracy: z.number().nullable(),
  unitAccuracy: z.number().nullable(),
  autoDispatchShare: z.number().nullable(),
};
export const accuracyOut = z.object({
  from: z.string(),
  to: z.string(),
  ...accuracyFigures,
  /** Week by week (China weeks, Monday first), by when the suggestion was made. */
  series: z.array(z.object({ weekStart: z.string(), ...accuracyFigures })),
});

export const duplicatesBody = z.object({
  title: z.string().trim().max(LIMITS.titleMax).optional(),
  content: z.string().max(LIMITS.contentMax),
  regionId: id.optional(),
  citizenId: id.optional(),
  /** Check an existing order (its own row is left out of the answer). */
  ticketId: id.optional(),
  windowDays: z.number().int().min(1).max(365).default(30),
});
export type DuplicatesInput = z.infer<typeof duplicatesBody>;

export const duplicatesOut = z.object({
  items: z.array(
    z.object({
      ticketId: id,
      number: z.string(),
      title: z.string(),
      status: z.string(),
      createdAt: z.string(),
      score: z.number(),
      similarity: z.number(),
      reasons: z.array(z.enum(['same_citizen', 'same_place', 'same_region', 'similar_text', 'near_copy'])),
      sharedPlaces: z.array(z.string()),
      isRepeat: z.boolean(),
      shouldMerge: z.boolean(),
    }),
  ),
  /** 重复件: the new order repeats an earlier contact of the same citizen. */
  isRepeat: z.boolean(),
});

export const hotspotsQuery = z.object({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  top: z.coerce.number().int().min(1).max(100).default(10),
});
export type HotspotsInput = z.infer<typeof hotspotsQuery>;

export const hotspotsOut = z.object({
  from: z.string(),
  to: z.string(),
  /** Orders the stored result grouped; ordersInPeriod: all the period holds (more when capped). */
  orders: z.number().int(),
  ordersInPeriod: z.number().int(),
  /**
   * Set when the period held more orders than one computation takes (200,000): the newest were grouped, from `since`
   * (China day); the message says so in both languages.
   */
  capped: z.object({ limit: z.number().int(), since: z.string(), message: z.string(), messageEn: z.string() }).nullable(),
  /** pending: asked for, the job has not started; running: being computed; ready: `items` is the result; failed: see `error`. */
  status: z.enum(['pending', 'running', 'ready', 'failed']),
  /** When `items` were computed (they stay served while a fresher run is pending); null: never yet. */
  computedAt: z.string().nullable(),
  durationMs: z.number().int().nullable(),
  error: z.object({ message: z.string(), messageEn: z.string(), details: z.string() }).nullable(),
  items: z.array(
    z.object({
      rank: z.number().int(),
      title: z.string(),
      heat: z.number(),
      region: z.string().nullable(),
      place: z.string().nullable(),
      /** The district (区/县) most of its orders roll up to; `region` is the most frequent region of any level. */
      district: z.string().nullable(),
      ticketIds: z.array(id),
      numbers: z.array(z.string()),
      count: z.number().int(),
      citizens: z.number().int(),
      components: z.object({ count: z.number(), citizens: z.number(), growth: z.number(), urgency: z.number(), likes: z.number() }),
      terms: z.array(z.string()),
      firstAt: z.string(),
      lastAt: z.string(),
      trend: z.object({
        direction: z.enum(['rising', 'falling', 'steady']),
        unit: z.enum(['day', 'week', 'month']),
        series: z.array(z.object({ period: z.string(), count: z.number().int() })),
      }),
    }),
  ),
});

export type HotspotsOutput = z.infer<typeof hotspotsOut>;

export const trainBody = z.object({ labelKind: z.enum(['category', 'unit', 'both']).default('both') });
export const trainOut = z.object({
  models: z.array(
    z.object({
      labelKind: z.enum(['category', 'unit']),
      modelId: id,
      version: z.number().int(),
      examples: z.number().int(),
      classes: z.number().int(),
      priors: z.number().int(),
      accuracy: z.number().nullable(),
      macroF1: z.number().nullable(),
      syntheticShare: z.number(),
      warnings: z.array(z.string()),
    }),
  ),
  /** Kinds that could not be trained, with the reason. */
  skipped: z.array(z.object({ labelKind: z.enum(['category', 'unit']), message: z.string(), messageEn: z.string() })),
});

const dbId = z.coerce.number().int().positive().max(2_147_483_647);
const bilingual = z.object({ message: z.string(), messageEn: z.string() });

export const replyQualityParams = z.object({ ticketId: dbId });
export const replyQualityOut = z.object({
  ticketId: id,
  /** The reply judged: the one awaiting review, else the latest. */
  reply: z.object({ id, status: z.string(), unitId: id, unitName: z.string(), createdAt: z.string() }),
  /** 0–100; below `threshold` the reviewer should look twice. */
  score: z.number().int(),
  threshold: z.number().int(),
  isAcceptable: z.boolean(),
  /** Sub-scores, 0–1. */
  relevance: z.number(),
  completeness: z.number(),
  form: z.number(),
  checks: z.object({
    hasAction: z.boolean(),
    hasTime: z.boolean(),
    hasActor: z.boolean(),
    hasNextStep: z.boolean(),
    mentionsPlace: z.boolean().nullable(),
  }),
  /** Words of the request the reply takes up. */
  matchedTerms: z.array(z.string()),
  problems: z.array(z.object({ code: z.string(), message: z.string(), messageEn: z.string() })),
  summary: bilingual,
  subScores: z.array(
    z.object({
      key: z.enum(['relevance', 'completeness', 'form']),
      label: z.object({ zh: z.string(), en: z.string() }),
      score: z.number(),
      weight: z.number(),
      message: z.string(),
      messageEn: z.string(),
    }),
  ),
});

export const alertsQuery = z.object({ from: z.iso.date().optional(), to: z.iso.date().optional() });
export const alertOut = z.object({
  id,
  granularity: z.enum(['hour', 'day']),
  /** '2026-03-02T09' (China hour) or '2026-03-02' (China day). */
  period: z.string(),
  windowStart: z.string(),
  windowEnd: z.string(),
  categoryId: id.nullable(),
  categoryName: z.string().nullable(),
  /** The district (区/县) the orders roll up to. */
  regionId: id.nullable(),
  regionName: z.string().nullable(),
  observed: z.number().int(),
  expected: z.number(),
  risePercent: z.number().int(),
  pValue: z.number(),
  baselinePeriods: z.number().int(),
  level: z.enum(['warning', 'critical']),
  message: z.string(),
  messageEn: z.string(),
  /** Drill-down: the orders counted (at most 500). */
  ticketIds: z.array(id),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const alertsOut = z.object({ from: z.string(), to: z.string(), items: z.array(alertOut), isTruncated: z.boolean() });

/** Below 0.5 the model would more often be wrong than right about the orders it dispatched alone. */
const minConfidence = z.number().min(0.5).max(1);
export const ruleParams = z.object({ id: dbId });
export const ruleBody = z.object({ categoryId: id, minConfidence, isEnabled: z.boolean().default(false) });
export const rulePatchBody = z
  .object({ minConfidence: minConfidence.optional(), isEnabled: z.boolean().optional() })
  .refine((b) => b.minConfidence !== undefined || b.isEnabled !== undefined, { message: 'nothing to change' });
export const ruleOut = z.object({
  id,
  categoryId: id,
  categoryName: z.string(),
  minConfidence: z.number(),
  isEnabled: z.boolean(),
  updatedById: id.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const rulesOut = z.object({ items: z.array(ruleOut) });

// ─── model versions and drill-down (insight-reports.service.ts) ───
export const modelsQuery = z.object({ labelKind: z.enum(['category', 'unit']).optional() });
export const modelParams = z.object({ id: dbId });
const modelHeader = {
  id,
  labelKind: z.enum(['category', 'unit']),
  version: z.number().int(),
  examples: z.number().int(),
  classes: z.number().int().nullable(),
  holdoutCount: z.number().int().nullable(),
  /** Holdout figures, 0–1; null when there was too little data to hold any out. */
  accuracy: z.number().nullable(),
  macroF1: z.number().nullable(),
  weightedF1: z.number().nullable(),
  expectedCalibrationError: z.number().nullable(),
  warnings: z.array(z.string()),
  /**
   * Share (0–1) of the orders it learnt from that the demo city generated: figures on synthetic orders are no claim
   * about real ones (the Models screen marks them). Null for versions trained before this was recorded.
   */
  syntheticShare: z.number().nullable(),
  /** true: after the holdout evaluation the shipped model was refitted on every order; false: the evaluated model itself ships. */
  isRefitted: z.boolean().nullable(),
  /** The newest version of its kind: the one suggestions and auto-dispatch use. */
  isInUse: z.boolean(),
  trainedByName: z.string().nullable(),
  createdAt: z.string(),
};
export const modelsOut = z.object({ items: z.array(z.object(modelHeader)) });
export const modelOut = z.object({
  ...modelHeader,
  perClass: z.array(
    z.object({
      label: z.string(),
      name: z.string().nullable(),
      precision: z.number(),
      recall: z.number(),
      f1: z.number(),
      support: z.number().int(),
    }),
  ),
  /** matrix[actual][predicted] in `labels` order; beyond 30 classes the least frequent fold into one "other" label ('*'). */
  confusion: z
    .object({
      labels: z.array(z.object({ label: z.string(), name: z.string().nullable(), isOther: z.boolean() })),
      matrix: z.array(z.array(z.number().int())),
    })
    .nullable(),
});

const idList = z
  .string()
  .max(5_000)
  .transform((s) => s.split(',').filter(Boolean).map(Number))
  .pipe(z.array(z.number().int().positive().max(2_147_483_647)).min(1).max(500));
export const drillDownQuery = z.object({ ids: idList });
export const drillDownOut = z.object({
  items: z.array(
    z.object({
      id,
      number: z.string(),
      title: z.string(),
      status: z.string(),
      urgency: z.string(),
      slaState: z.string(),
      createdAt: z.string(),
      categoryName: z.string().nullable(),
      regionName: z.string().nullable(),
      leadUnitName: z.string().nullable(),
    }),
  ),
});
