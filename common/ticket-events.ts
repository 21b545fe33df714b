/**
 * The ticket event contract: the `data` each action writes to ticket_events (流转记录). Analytics (rollups,
 * assessment), the outbox feed's consumers and the demo seed read these fields; docs/events.md explains them.
 * Every writer is checked against these schemas in tests (server/modules/tickets/ticket-events.contract.api.test.ts,
 * server/db/seed/demo-city.api.test.ts). Fields are required unless marked optional; writers may add fields.
 */
import { z } from 'zod';
import { CALLBACK_RESULTS } from './enums.ts';

const id = z.number().int().positive();
const iso = z.string().datetime({ offset: true });
const none = z.looseObject({});

/** `data` of each event action. */
export const TICKET_EVENT_DATA = {
  /** 受理: the order's dimensions at intake; analytics never moves past figures when it is reclassified later. */
  create: z.looseObject({
    channel: z.string(),
    type: z.string(),
    urgency: z.string(),
    categoryId: id.nullable(),
    regionId: id.nullable(),
  }),
  direct_answer: z.looseObject({ knowledgeItemIds: z.array(id) }),
  /** 分类: the dispatcher sets the category, region or type of an order waiting for dispatch; before and after. */
  classify: z.looseObject({
    from: z.looseObject({ categoryId: id.nullable(), regionId: id.nullable(), type: z.string() }),
    to: z.looseObject({ categoryId: id.nullable().optional(), regionId: id.nullable().optional(), type: z.string().optional() }),
  }),
  /** 派单 and 重办: the lead unit, co-handlers and the deadlines the SLA policy gave. */
  dispatch: z.looseObject({
    leadUnitId: id,
    coUnitIds: z.array(id),
    signDueAt: iso,
    handleDueAt: iso,
    isRedispatch: z.boolean(),
    policyId: id.nullable(),
  }),
  reopen: z.looseObject({
    leadUnitId: id,
    coUnitIds: z.array(id),
    signDueAt: iso,
    handleDueAt: iso,
    isRedispatch: z.boolean(),
    policyId: id.nullable(),
  }),
  sign: z.looseObject({ isOnTime: z.boolean() }),
  return: none,
  object: z.looseObject({ suggestedUnitId: id.nullable() }),
  /** approve: the order goes to newUnitId with the dispatch fields; deny: it stays. */
  decide_objection: z.union([
    z.looseObject({ decision: z.literal('approve'), newUnitId: id, leadUnitId: id, signDueAt: iso, handleDueAt: iso }),
    z.looseObject({ decision: z.literal('deny'), newUnitId: z.null() }),
  ]),
  subdispatch: z.looseObject({ parentUnitId: id }),
  request_extension: z.looseObject({ days: z.number().int().positive() }),
  decide_extension: z.looseObject({ decision: z.enum(['approve', 'deny']), days: z.number().int().nonnegative() }),
  reply: z.looseObject({ replyId: id, isOnTime: z.boolean() }),
  co_reply: none,
  review: z.looseObject({ decision: z.enum(['accept', 'reject']), replyId: id }),
  callback: z.looseObject({
    result: z.enum(CALLBACK_RESULTS),
    isResolved: z.boolean().nullable(),
  }),
  close: none,
  merge: z.looseObject({ mainTicketId: id, mainNumber: z.string() }),
  invalidate: none,
  transfer_emergency: z.looseObject({ line: z.string() }),
  supervise: none,
  urge: none,
  leader_instruction: none,
  /** 市民评价: 1–5 stars from the citizen. */
  rate: z.looseObject({ rating: z.number().int().min(1).max(5) }),
  /** The SLA sweep raising an order's state (即将超期 / 已超期). */
  sla_at_risk: z.looseObject({ previousState: z.string(), state: z.literal('at_risk'), dueKind: z.string(), dueAt: z.string() }),
  sla_overdue: z.looseObject({ previousState: z.string(), state: z.literal('overdue'), dueKind: z.string(), dueAt: z.string() }),
  /** The reminder the SLA sweep sends the lead unit with it (自动提醒; the text is the note). */
  auto_reminder: z.looseObject({ supervisionId: id, state: z.enum(['at_risk', 'overdue']) }),
  /** 追加: the citizen wrote again about the order (a written contact attached to it by itself); the text is the note. */
  follow_up: z.looseObject({ contactId: id, channel: z.string() }),
  /** An order taken out of (or back into) the unit assessment, with the reason. */
  exclude_from_assessment: z.looseObject({ reason: z.string(), isExcluded: z.boolean() }),
} as const;

export type TicketEventAction = keyof typeof TICKET_EVENT_DATA;
export const TICKET_EVENT_ACTIONS = Object.keys(TICKET_EVENT_DATA) as TicketEventAction[];

/** Problems with one event row against the contract, empty when it conforms. */
export function ticketEventProblems(action: string, data: unknown): string[] {
  const schema = (TICKET_EVENT_DATA as Record<string, z.ZodType>)[action];
  if (!schema) return [`unknown action ${action}`];
  const result = schema.safeParse(data);
  return result.success ? [] : result.error.issues.map((i) => `${action}.${i.path.join('.')}: ${i.message}`);
}
