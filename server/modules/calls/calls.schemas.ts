/** Request and response shapes of the call-record API (CTI import, answer-rate figures). */
import { z } from 'zod';
import { CALL_INDICATOR_IDS } from '../analytics/indicators/call-indicators.ts';
import { MAX_CALL_SECONDS } from './calls.rules.ts';

export const MAX_CALLS_PER_BATCH = 1000;
const instant = z.iso.datetime({ offset: true });
const duration = z.number().int().min(0).max(MAX_CALL_SECONDS);

export const callIn = z
  .object({
    /** The phone system's id of the call, unique within `source`. */
    externalId: z.string().trim().min(1).max(100),
    direction: z.enum(['inbound', 'outbound']).default('inbound'),
    /** Citizen's number: caller of an inbound call, callee of an outbound one; null when withheld. */
    phone: z.string().trim().max(30).nullable().optional(),
    queue: z.string().trim().max(50).default(''),
    offeredAt: instant,
    answeredAt: instant.nullable().optional(),
    endedAt: instant,
    /** Derived from the timestamps when left out. */
    waitSeconds: duration.optional(),
    talkSeconds: duration.optional(),
    wrapUpSeconds: duration.default(0),
    agentUserId: z.number().int().positive().nullable().optional(),
    ticketId: z.number().int().positive().nullable().optional(),
    /** 一次一评: the caller's rating after the call: 1 satisfied, 2 basically satisfied, 3 unsatisfied. */
    rating: z
      .union([z.literal(1), z.literal(2), z.literal(3)])
      .nullable()
      .optional(),
  })
  .strict();

export const importBody = z
  .object({
    source: z
      .string()
      .trim()
      .min(1)
      .max(50)
      .regex(/^[A-Za-z0-9_.:-]+$/, 'letters, digits and _ . : - only'),
    calls: z.array(callIn).min(1).max(MAX_CALLS_PER_BATCH),
  })
  .strict();
export const importOut = z.object({ received: z.number(), created: z.number(), updated: z.number(), unchanged: z.number() });

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
export const statsQuery = z.object({
  from: day,
  to: day,
  granularity: z.enum(['day', 'week', 'month', 'half_hour']).default('day'),
  queue: z.string().trim().min(1).max(50).optional(),
});
const countsOut = z.object({
  offered: z.number(),
  answered: z.number(),
  abandoned: z.number(),
  answeredWithinTarget: z.number(),
  answeredWaitSeconds: z.number(),
  waitSeconds: z.number(),
  talkSeconds: z.number(),
  wrapUpSeconds: z.number(),
  rated: z.number(),
  ratedSatisfied: z.number(),
});
const valuesOut = z.object(
  Object.fromEntries(CALL_INDICATOR_IDS.map((k) => [k, z.number().nullable()])) as Record<
    (typeof CALL_INDICATOR_IDS)[number],
    z.ZodNullable<z.ZodNumber>
  >,
);
export const statsOut = z.object({
  from: z.string(),
  to: z.string(),
  granularity: z.string(),
  queue: z.string().nullable(),
  targetSeconds: z.number(),
  /** Mean patience estimated from the period's abandonment; null with too few abandoned calls. */
  patienceSeconds: z.number().nullable(),
  rows: z.array(z.object({ period: z.string(), counts: countsOut, indicators: valuesOut })),
  total: z.object({ counts: countsOut, indicators: valuesOut }),
});
