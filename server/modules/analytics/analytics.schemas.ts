/** Request and response shapes of the analytics API (figures, assessment, staffing). */
import { z } from 'zod';
import { CHANNELS } from '../../../common/enums.ts';
import { LIMITS } from '../../../common/limits.ts';
import { DEDUCTION_KINDS } from './assessment/assessment-scoring.ts';
import { INDICATOR_IDS } from './indicators/indicators.ts';
import { CALL_INDICATOR_IDS } from './indicators/call-indicators.ts';
import { MEASURE_KEYS } from './indicators/measures.ts';

export const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const monthParam = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM') });
export const idParam = z.object({ id: z.coerce.number().int().positive() });

/** What a report was asked with: the day of a daily report, a special report's category, and whether the schedule made it. */
export const reportParams = z.looseObject({
  date: z.string().nullable().optional(),
  categoryId: z.number().nullable().optional(),
  isScheduled: z.boolean().optional(),
});
export type ReportParams = z.infer<typeof reportParams>;

export const measuresOut = z.object(
  Object.fromEntries(MEASURE_KEYS.map((k) => [k, z.number()])) as Record<(typeof MEASURE_KEYS)[number], z.ZodNumber>,
);
export const indicatorValuesOut = z.object(
  Object.fromEntries(INDICATOR_IDS.map((k) => [k, z.number().nullable()])) as Record<
    (typeof INDICATOR_IDS)[number],
    z.ZodNullable<z.ZodNumber>
  >,
);

export const indicatorsOut = z.object({
  items: z.array(
    z.object({
      id: z.enum([...INDICATOR_IDS, ...CALL_INDICATOR_IDS]),
      kind: z.enum(['count', 'rate', 'duration', 'score']),
      nameZh: z.string(),
      nameEn: z.string(),
      formulaZh: z.string(),
      formulaEn: z.string(),
      direction: z.enum(['higher_better', 'lower_better', 'neutral']),
      isAssessable: z.boolean(),
    }),
  ),
});

const compositeWeights = z.object({ response: z.number(), resolution: z.number(), satisfaction: z.number() });
export const assessmentConfig = z.object({
  indicators: z.array(z.object({ id: z.enum(INDICATOR_IDS), weight: z.number() })).max(INDICATOR_IDS.length * 2),
  deductions: z.array(z.object({ kind: z.enum(DEDUCTION_KINDS), pointsEach: z.number(), maxPoints: z.number() })).max(20),
  satisfactionCountsBasic: z.boolean(),
});
export const settingsBody = z.object({ satisfactionCountsBasic: z.boolean(), compositeWeights, assessment: assessmentConfig });
export const settingsOut = settingsBody;

export const summaryQuery = z.object({
  from: day,
  to: day,
  groupBy: z.enum(['unit', 'region', 'category', 'channel', 'type']),
  unitId: z.coerce.number().int().positive().optional(),
  /** Exact handling-time percentiles read every reply of the period: slower on large periods, so on request. */
  percentiles: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});
export const summaryOut = z.object({
  from: z.string(),
  to: z.string(),
  groupBy: z.string(),
  settings: z.object({ satisfactionCountsBasic: z.boolean(), compositeWeights }),
  rows: z.array(z.object({ key: z.string(), label: z.string(), measures: measuresOut, indicators: indicatorValuesOut })),
  total: z.object({ measures: measuresOut, indicators: indicatorValuesOut }),
});

const rate = z.number().nullable();
const orderListQuery = z.object({
  status: z.string(),
  from: z.string().optional(),
  to: z.string().optional(),
  slaState: z.enum(['at_risk', 'overdue']).optional(),
});
export const dashboardOut = z.object({
  today: z.object({ day: z.string(), contacts: z.number(), orders: z.number() }),
  month: z.object({
    from: z.string(),
    to: z.string(),
    contacts: z.number(),
    orders: z.number(),
    directAnswerRate: rate,
    onTimeSignRate: rate,
    onTimeCompletionRate: rate,
    resolutionRate: rate,
    compositeScore: rate,
    satisfaction: z.object({
      rate,
      countsBasic: z.boolean(),
      satisfied: z.number(),
      basicallySatisfied: z.number(),
      unsatisfied: z.number(),
    }),
  }),
  trend: z.array(z.object({ day: z.string(), contacts: z.number(), orders: z.number() })),
  topCategories: z.array(z.object({ id: z.number(), name: z.string(), contacts: z.number() })),
  byDistrict: z.array(z.object({ id: z.number(), name: z.string(), contacts: z.number() })),
  overdue: z.object({ openOverdue: z.number(), openAtRisk: z.number(), monthOverdueEvents: z.number() }),
  /** For each count card, the GET /api/v1/tickets query that lists exactly the orders it counts. */
  orderLists: z.object({ today: orderListQuery, month: orderListQuery, overdue: orderListQuery, atRisk: orderListQuery }),
});

export const computeBody = z.object({ config: assessmentConfig.optional() }).default({});
export const assessmentQuery = z.object({ version: z.coerce.number().int().positive().optional() });
const runOut = z.object({
  id: z.number(),
  month: z.string(),
  version: z.number(),
  status: z.enum(['draft', 'published']),
  config: assessmentConfig,
  computedAt: z.date(),
  publishedAt: z.date().nullable(),
});
export const assessmentOut = z.object({
  month: z.string(),
  run: runOut,
  versions: z.array(
    z.object({ version: z.number(), status: z.enum(['draft', 'published']), computedAt: z.date(), publishedAt: z.date().nullable() }),
  ),
  results: z.array(
    z.object({
      unitId: z.number(),
      unitName: z.string(),
      peerGroup: z.string(),
      score: z.number().nullable(),
      rank: z.number().nullable(),
      indicators: z.array(
        z.object({ id: z.enum(INDICATOR_IDS), weight: z.number(), value: z.number().nullable(), points: z.number().nullable() }),
      ),
      deductions: z.array(z.object({ kind: z.enum(DEDUCTION_KINDS), count: z.number(), waived: z.number(), points: z.number() })),
    }),
  ),
});

export const assessmentMonthsOut = z.object({
  items: z.array(
    z.object({
      month: z.string(),
      version: z.number(),
      status: z.enum(['draft', 'published']),
      computedAt: z.date(),
      publishedAt: z.date().nullable(),
    }),
  ),
});
/** 公示: a unit's own result in the latest version of a month, draft included, so it can appeal before publication. */
export const unitAssessmentOut = z.object({
  month: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  run: z.object({ version: z.number(), status: z.enum(['draft', 'published']), computedAt: z.date(), publishedAt: z.date().nullable() }),
  peerGroupSize: z.number(),
  result: assessmentOut.shape.results.element.nullable(),
});

export const appealBody = z.object({
  unitId: z.number().int().positive(),
  deductionKind: z.enum(DEDUCTION_KINDS),
  count: z.number().int().min(1).max(100_000),
  reason: z.string().trim().min(1).max(LIMITS.reasonMax),
});
export const decideAppealBody = z.object({
  decision: z.enum(['approve', 'deny']),
  approvedCount: z.number().int().optional(),
  note: z.string().max(LIMITS.reasonMax).nullable().optional(),
});
export const appealOut = z.object({
  id: z.number(),
  month: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  deductionKind: z.enum(DEDUCTION_KINDS),
  count: z.number(),
  reason: z.string(),
  status: z.enum(['pending', 'approved', 'denied']),
  approvedCount: z.number(),
  decisionNote: z.string().nullable(),
  createdAt: z.date(),
  decidedAt: z.date().nullable(),
});
export const appealsOut = z.object({ items: z.array(appealOut) });

export const exclusionBody = z.object({
  ticketId: z.number().int().positive(),
  isExcluded: z.boolean().default(true),
  reason: z.string().trim().min(1).max(LIMITS.reasonMax),
});
export const exclusionOut = z.object({ ticketId: z.number(), isExcluded: z.boolean(), reason: z.string() });
export const exclusionsQuery = z.object({ limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(50) });
export const exclusionsOut = z.object({
  items: z.array(
    z.object({
      ticketId: z.number(),
      number: z.string(),
      title: z.string(),
      leadUnitId: z.number().nullable(),
      reason: z.string().nullable(),
      excludedAt: z.coerce.date().nullable(),
      excludedBy: z.string().nullable(),
    }),
  ),
});

export const refreshOut = z.object({ batches: z.number(), lastEventId: z.number(), heldBackEvents: z.number() });

export const staffingQuery = z.object({
  serviceLevel: z.coerce.number().gt(0).lt(1),
  targetSeconds: z.coerce.number().positive().max(3600),
  aht: z.coerce.number().positive().max(36_000),
  patience: z.coerce.number().positive().max(36_000).optional(),
  plannedAgents: z.coerce.number().int().min(0).max(10_000).optional(),
  /** Planned shifts, e.g. "08:00-17:00*20,12:00-21:00*15"; takes precedence over plannedAgents */
  roster: z.string().trim().max(1000).optional(),
  days: z.coerce.number().int().min(1).max(28).default(7),
  historyWeeks: z.coerce.number().int().min(1).max(52).default(8),
  channel: z.enum([...CHANNELS, 'all']).default('phone'),
  from: day.optional(),
});
const queueOut = z.object({
  agents: z.number(),
  serviceLevel: z.number(),
  probabilityWait: z.number(),
  averageSpeedOfAnswer: z.number().nullable(),
  abandonRate: z.number(),
  answerRate: z.number(),
  occupancy: z.number(),
});
export const staffingOut = z.object({
  channel: z.string(),
  serviceLevel: z.number(),
  targetSeconds: z.number(),
  aht: z.number(),
  patience: z.number().nullable(),
  model: z.enum(['erlang_c', 'erlang_a']),
  history: z.object({ from: z.string(), to: z.string() }),
  /** calls: the phone channel's history came from call records (calls offered); contacts: from orders. */
  volumeSource: z.enum(['calls', 'contacts']),
  /** input: the patience parameter; estimated: from the history's abandonment; null: Erlang C. */
  patienceSource: z.enum(['input', 'estimated']).nullable(),
  calls: z
    .object({
      offered: z.number(),
      answered: z.number(),
      abandoned: z.number(),
      answeredWithinTarget: z.number(),
      answerRate: z.number().nullable(),
      answer15sRate: z.number().nullable(),
      averageHandlingSeconds: z.number().nullable(),
      estimatedPatienceSeconds: z.number().nullable(),
    })
    .nullable(),
  days: z.array(
    z.object({
      day: z.string(),
      kind: z.enum(['workday', 'weekend', 'holiday']),
      referenceDays: z.array(z.string()),
      volume: z.number(),
      peakAgents: z.number(),
      slots: z.array(z.object({ start: z.string(), volume: z.number(), required: queueOut, planned: queueOut.nullable() })),
    }),
  ),
});
