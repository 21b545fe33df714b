/** Request and response shapes of the quality API (forms, samples, inspections, agent performance). */
import { z } from 'zod';
import { LIMITS } from '../../../common/limits.ts';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
export const idParam = z.object({ id: z.coerce.number().int().positive() });
export const periodQuery = z.object({ from: day, to: day });

const formItem = z.object({
  key: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only'),
  label: z.string().trim().min(1).max(LIMITS.nameMax),
  maxPoints: z.number().min(0).max(100),
  isFatal: z.boolean().default(false),
});
export const formBody = z
  .object({
    name: z.string().trim().min(1).max(LIMITS.nameMax),
    description: z.string().trim().max(LIMITS.reasonMax).nullable().optional(),
    items: z.array(formItem).min(1).max(50),
    isActive: z.boolean().default(true),
  })
  .strict();
export const formOut = z.object({
  id: z.number(),
  name: z.string(),
  description: z.string().nullable(),
  version: z.number(),
  previousVersionId: z.number().nullable(),
  items: z.array(z.object({ key: z.string(), label: z.string(), maxPoints: z.number(), isFatal: z.boolean() })),
  isActive: z.boolean(),
  usedCount: z.number(),
  isFrozen: z.boolean(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export const formsQuery = z.object({
  includeInactive: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});
export const formsOut = z.object({ items: z.array(formOut) });
export const deleteFormOut = z.object({ id: z.number(), isDeleted: z.boolean(), isActive: z.boolean() });

export const sampleBody = z
  .object({
    formId: z.number().int().positive(),
    from: day,
    to: day,
    /** Only these agents; all agents active in the period when left out. */
    agentUserIds: z.array(z.number().int().positive()).min(1).max(500).optional(),
    ordersPerAgent: z.number().int().min(0).max(100).default(0),
    callsPerAgent: z.number().int().min(0).max(100).default(0),
    /** Same seed (and the same not-yet-inspected candidates) → the same sample; a random one when left out. */
    seed: z.number().int().min(0).max(2_147_483_647).optional(),
  })
  .strict();

const inspectionOut = z.object({
  id: z.number(),
  formId: z.number(),
  formName: z.string(),
  formVersion: z.number(),
  agentUserId: z.number(),
  agentName: z.string(),
  subjectKind: z.enum(['ticket', 'call']),
  ticketId: z.number().nullable(),
  ticketNumber: z.string().nullable(),
  ticketTitle: z.string().nullable(),
  ticketChannel: z.string().nullable(),
  callRecordId: z.number().nullable(),
  callPhone: z.string().nullable(),
  callTalkSeconds: z.number().nullable(),
  callQueue: z.string().nullable(),
  /** The call of Lianxin's own telephony whose recording plays at /api/v1/telephony/calls/{callId}/recording; null without one. */
  recordedCallId: z.string().nullable(),
  subjectAt: z.date(),
  sampleSeed: z.number(),
  status: z.enum(['pending', 'scored']),
  score: z.number().nullable(),
  hasFatal: z.boolean().nullable(),
  scores: z.array(z.object({ key: z.string(), points: z.number().nullable(), isViolated: z.boolean().nullable() })).nullable(),
  comment: z.string().nullable(),
  inspectorName: z.string().nullable(),
  createdAt: z.date(),
  scoredAt: z.date().nullable(),
});
export const inspectionDetailOut = inspectionOut.extend({ form: formOut });
export const sampleOut = z.object({
  seed: z.number(),
  agents: z.array(
    z.object({ agentUserId: z.number(), orderCandidates: z.number(), callCandidates: z.number(), orders: z.number(), calls: z.number() }),
  ),
  items: z.array(inspectionOut),
});
export const inspectionsQuery = periodQuery.extend({
  agentUserId: z.coerce.number().int().positive().optional(),
  status: z.enum(['pending', 'scored']).optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(LIMITS.pageSizeMax),
});
export const inspectionsOut = z.object({ items: z.array(inspectionOut) });

export const scoreBody = z
  .object({
    scores: z
      .array(
        z
          .object({
            key: z.string().min(1).max(40),
            points: z.number().nullable().optional(),
            isViolated: z.boolean().nullable().optional(),
          })
          .strict(),
      )
      .min(1)
      .max(50),
    comment: z.string().trim().max(LIMITS.reasonMax).nullable().optional(),
  })
  .strict();

const rate = z.number().nullable();
export const agentRowOut = z.object({
  agentUserId: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.string(),
  isActive: z.boolean(),
  callsAnswered: z.number(),
  talkSeconds: z.number(),
  wrapUpSeconds: z.number(),
  ordersCreated: z.number(),
  nonPhoneOrders: z.number(),
  directAnswered: z.number(),
  contactsHandled: z.number(),
  directAnswerRate: rate,
  averageHandlingSeconds: rate,
  averageQaScore: rate,
  inspections: z.number(),
  fatalInspections: z.number(),
  pendingInspections: z.number(),
});
export const agentsOut = z.object({ from: z.string(), to: z.string(), items: z.array(agentRowOut) });
export const agentParam = z.object({ userId: z.coerce.number().int().positive() });
export const agentOut = agentRowOut.extend({ from: z.string(), to: z.string() });
