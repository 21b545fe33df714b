import { z } from 'zod';
import { CALLBACK_RESULTS, CHANNELS, EMERGENCY_LINES, PORTAL_LANGUAGES, TICKET_TYPES, URGENCIES } from '../../../common/enums.ts';
import { LIMITS, PHONE_PATTERN, normalizePhone } from '../../../common/limits.ts';
import { TICKET_ACTIONS, TICKET_STATUSES } from '../../../common/ticket-lifecycle.ts';

const id = z.coerce.number().int().positive();
const label = z.object({ zh: z.string(), en: z.string() });
const isoDate = z.date().nullable();
const text = (max: number) => z.string().trim().min(1).max(max);

export const phoneSchema = z.string().transform(normalizePhone).pipe(z.string().regex(PHONE_PATTERN, 'invalid phone number'));

export const createTicketBody = z.object({
  channel: z.enum(CHANNELS),
  type: z.enum(TICKET_TYPES),
  urgency: z.enum(URGENCIES).default('normal'),
  title: z.string().trim().max(LIMITS.titleMax).optional(),
  content: text(LIMITS.contentMax),
  categoryId: id.nullish(),
  regionId: id.nullish(),
  address: z.string().trim().max(LIMITS.addressMax).nullish(),
  lng: z.number().min(-180).max(180).nullish(),
  lat: z.number().min(-90).max(90).nullish(),
  isConfidential: z.boolean().default(false),
  /** The citizen's language; 'zh' when not given. */
  language: z.enum(PORTAL_LANGUAGES).optional(),
  citizen: z.object({ phone: phoneSchema, name: z.string().trim().max(LIMITS.nameMax).nullish() }).nullish(),
  attachmentIds: z.array(id).max(LIMITS.attachmentsPerRequest).default([]),
  dispatch: z
    .object({ leadUnitId: id, coUnitIds: z.array(id).max(20).default([]), note: z.string().max(LIMITS.reasonMax).nullish() })
    .nullish(),
});
export type CreateTicketInput = z.infer<typeof createTicketBody>;

/** The answer to an intake with Prefer: return=minimal. */
export const ticketCreated = z.object({ id: z.number(), number: z.string() }).strict();

const csv = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.enum(values)));

export const listTicketsQuery = z.object({
  status: csv(TICKET_STATUSES).optional(),
  unitId: id.optional(),
  categoryId: id.optional(),
  regionId: id.optional(),
  channel: z.enum(CHANNELS).optional(),
  type: z.enum(TICKET_TYPES).optional(),
  urgency: z.enum(URGENCIES).optional(),
  slaState: z.enum(['normal', 'at_risk', 'overdue']).optional(),
  /** "true": at risk or overdue */
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  /** "true": 被驳回 — the latest reply was sent back by the center and no newer reply is in */
  replyRejected: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  /** "true": only orders on which the signed-in unit (unit admins: or a sub-unit) still holds an active assignment */
  activeOnly: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  /** Any common spelling (+86, spaces, dashes); matched exactly after normalisation. */
  citizenPhone: z.string().max(30).pipe(phoneSchema).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  /** One search box: an order number (or its start), a citizen's phone number (center roles; audited), or words of title, content and address */
  q: z.string().trim().max(200).optional(),
  /**
   * "created": newest first; "due": most urgent first — overdue orders, then by the nearest deadline (signing, or handling once signed);
   * "waiting": the dispatch queue's order — 紧急 orders first, then the longest waiting (oldest first)
   */
  sort: z.enum(['created', 'due', 'waiting']).default('created'),
  cursor: z.string().max(200).optional(),
  /** Rows to skip, to jump to a page (the cursor is for walking through every page) */
  offset: z.coerce.number().int().min(0).max(LIMITS.listOffsetMax).optional(),
  /** "true": also count every matching order (total) */
  withTotal: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(50),
});
export type ListTicketsQuery = z.infer<typeof listTicketsQuery>;

export const ticketSummary = z.object({
  id: z.number(),
  number: z.string(),
  channel: z.string(),
  type: z.string(),
  urgency: z.string(),
  title: z.string(),
  status: z.enum(TICKET_STATUSES),
  statusLabel: label,
  categoryId: z.number().nullable(),
  categoryName: z.string().nullable(),
  regionId: z.number().nullable(),
  regionName: z.string().nullable(),
  leadUnitId: z.number().nullable(),
  leadUnitName: z.string().nullable(),
  citizenPhone: z.string().nullable(),
  slaState: z.string(),
  signDueAt: isoDate,
  handleDueAt: isoDate,
  callbackDueAt: isoDate,
  createdAt: z.date(),
  updatedAt: z.date(),
  closedAt: isoDate,
  isRepeat: z.boolean(),
  hasLeaderInstruction: z.boolean(),
  /** 督办: a supervision notice has been issued on the order */
  isSupervised: z.boolean(),
  isConfidential: z.boolean(),
  version: z.number(),
});
export type TicketSummary = z.infer<typeof ticketSummary>;

export const ticketDetail = ticketSummary.extend({
  content: z.string(),
  address: z.string().nullable(),
  lng: z.number().nullable(),
  lat: z.number().nullable(),
  /** The language the citizen wrote in (PORTAL_LANGUAGES). */
  language: z.string(),
  citizen: z.object({ id: z.number(), name: z.string().nullable(), phone: z.string().nullable(), isConfidential: z.boolean() }).nullable(),
  assignments: z.array(
    z.object({
      id: z.number(),
      unitId: z.number(),
      unitName: z.string(),
      role: z.string(),
      status: z.string(),
      parentAssignmentId: z.number().nullable(),
      signDueAt: isoDate,
      handleDueAt: isoDate,
      signedAt: isoDate,
      reason: z.string().nullable(),
      createdAt: z.date(),
    }),
  ),
  events: z.array(
    z.object({
      id: z.number(),
      action: z.string(),
      actionLabel: label,
      fromStatus: z.string().nullable(),
      toStatus: z.string().nullable(),
      actorName: z.string().nullable(),
      actorUnitName: z.string().nullable(),
      unitName: z.string().nullable(),
      note: z.string().nullable(),
      data: z.record(z.string(), z.unknown()),
      createdAt: z.date(),
    }),
  ),
  replies: z.array(
    z.object({
      id: z.number(),
      unitId: z.number(),
      unitName: z.string(),
      content: z.string(),
      status: z.string(),
      reviewNote: z.string().nullable(),
      createdAt: z.date(),
    }),
  ),
  callbacks: z.array(
    z.object({ id: z.number(), result: z.string(), isResolved: z.boolean().nullable(), note: z.string().nullable(), createdAt: z.date() }),
  ),
  extensions: z.array(
    z.object({
      id: z.number(),
      requestedDays: z.number(),
      reason: z.string(),
      status: z.string(),
      decisionNote: z.string().nullable(),
      createdAt: z.date(),
    }),
  ),
  objections: z.array(
    z.object({
      id: z.number(),
      reason: z.string(),
      suggestedUnitId: z.number().nullable(),
      status: z.string(),
      decisionNote: z.string().nullable(),
      createdAt: z.date(),
    }),
  ),
  supervisions: z.array(
    z.object({ id: z.number(), kind: z.string(), unitId: z.number().nullable(), content: z.string(), dueAt: isoDate, createdAt: z.date() }),
  ),
  attachments: z.array(
    z.object({ id: z.number(), filename: z.string(), mimeType: z.string(), sizeBytes: z.number(), replyId: z.number().nullable() }),
  ),
  knowledgeItemIds: z.array(z.number()),
  mergedIntoId: z.number().nullable(),
  mergedTicketIds: z.array(z.number()),
  satisfaction: z.string().nullable(),
  citizenRating: z.number().nullable(),
  reopenCount: z.number(),
  returnCount: z.number(),
  resolution: z.string().nullable(),
  availableActions: z.array(z.enum(TICKET_ACTIONS)),
});
export type TicketDetail = z.infer<typeof ticketDetail>;

const version = { version: z.number().int().positive().optional() };
const note = z.string().trim().max(LIMITS.reasonMax).nullish();
const reason = text(LIMITS.reasonMax);

/** Body of each transition endpoint, keyed by action. */
export const transitionBodies = {
  direct_answer: z.object({ ...version, answer: text(LIMITS.replyMax), knowledgeItemIds: z.array(id).max(20).default([]) }),
  dispatch: z.object({
    ...version,
    leadUnitId: id,
    coUnitIds: z.array(id).max(20).default([]),
    note,
    /** Why the order goes to a unit the dispatch catalogue does not name for its category and region (required then) */
    offCatalogueReason: note,
  }),
  classify: z
    .object({ ...version, categoryId: id.optional(), regionId: id.optional(), type: z.enum(TICKET_TYPES).optional() })
    .refine((b) => b.categoryId !== undefined || b.regionId !== undefined || b.type !== undefined, {
      message: '请至少修改一项 Change at least one of category, region and type',
    }),
  sign: z.object({ ...version, note }),
  return: z.object({ ...version, reason }),
  object: z.object({ ...version, reason, suggestedUnitId: id.nullish() }),
  decide_objection: z.object({ ...version, decision: z.enum(['approve', 'deny']), unitId: id.nullish(), note }),
  subdispatch: z.object({ ...version, unitId: id, note }),
  request_extension: z.object({ ...version, days: z.number().int().min(1).max(60), reason }),
  decide_extension: z.object({ ...version, decision: z.enum(['approve', 'deny']), note }),
  reply: z.object({ ...version, content: text(LIMITS.replyMax), attachmentIds: z.array(id).max(LIMITS.attachmentsPerRequest).default([]) }),
  co_reply: z.object({ ...version, content: text(LIMITS.replyMax) }),
  review: z.object({ ...version, decision: z.enum(['accept', 'reject']), note }),
  callback: z.object({ ...version, result: z.enum(CALLBACK_RESULTS), isResolved: z.boolean().nullish(), note }),
  reopen: z.object({ ...version, note }),
  close: z.object({ ...version, note }),
  merge: z.object({ ...version, mainTicketId: id, note }),
  invalidate: z.object({ ...version, reason }),
  transfer_emergency: z.object({ ...version, line: z.enum(EMERGENCY_LINES), note }),
  supervise: z.object({ ...version, content: reason, dueAt: z.coerce.date().nullish() }),
  urge: z.object({ ...version, content: reason }),
  leader_instruction: z.object({ ...version, content: reason }),
} as const;
export type TransitionBodies = { [K in keyof typeof transitionBodies]: z.infer<(typeof transitionBodies)[K]> };
export type StaffAction = keyof typeof transitionBodies;
