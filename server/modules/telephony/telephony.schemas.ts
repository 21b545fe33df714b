/** Request and response shapes of the telephony API (docs/telephony.md). */
import { z } from 'zod';
import { AGENT_STATES, QUEUES, REQUESTABLE_STATES } from './acd.ts';

const iso = z.string();
export const skill = z.object({ queue: z.enum(QUEUES), level: z.number().int().min(1).max(5) });

const ticketBrief = z.object({ id: z.number(), number: z.string(), title: z.string(), status: z.string(), createdAt: iso });
export const callPop = z.object({
  callId: z.string(),
  from: z.string(),
  queue: z.string(),
  offeredAt: iso,
  state: z.enum(['queued', 'ringing', 'talking', 'ended']),
  citizen: z.object({ id: z.number().optional(), name: z.string().optional(), isConfidential: z.boolean() }),
  history: z.array(ticketBrief),
  openTickets: z.array(ticketBrief),
  calls: z.array(z.object({ callId: z.string(), offeredAt: iso, answered: z.boolean(), queue: z.string() })),
  ticketId: z.number().nullable(),
});

export const phoneOut = z.object({
  enabled: z.boolean(),
  extension: z.string().nullable(),
  wsUrl: z.string().nullable(),
  sipDomain: z.string().nullable(),
  username: z.string().nullable(),
  password: z.string().nullable(),
  expiresAt: iso.nullable(),
  outsideNumbers: z.array(z.object({ number: z.string(), label: z.string() })),
  /** Service numbers and their queues: a call can be transferred there (blind transfer) to be routed again. */
  queueNumbers: z.array(z.object({ number: z.string(), queue: z.string() })),
});

const agentBase = {
  state: z.enum(AGENT_STATES),
  breakReason: z.string().nullable(),
  since: iso,
  wrapUpUntil: iso.nullable(),
  skills: z.array(z.object({ queue: z.string(), level: z.number() })),
  queues: z.array(z.string()),
};
export const agentOut = z.object({ ...agentBase, currentCall: callPop.nullable() });
export const agentListOut = z.array(
  z.object({ userId: z.number(), name: z.string(), extension: z.string(), ...agentBase, currentCallId: z.string().nullable() }),
);
export const skillsBody = z.object({ skills: z.array(skill).max(QUEUES.length) });
export const skillsOut = z.object(agentBase);
export const stateBody = z.object({ state: z.enum(REQUESTABLE_STATES), reason: z.string().max(100).optional() });

export const callIdParams = z.object({ callId: z.string().min(1).max(200) });
export const callsQuery = z.object({ ticketId: z.coerce.number().int().positive().max(2_147_483_647) });
/** An order's calls, for whoever may hear them (no caller number: the order has it, masked by its own rules). */
export const orderCallsOut = z.array(
  z.object({
    callId: z.string(),
    direction: z.string(),
    queue: z.string(),
    offeredAt: iso,
    answeredAt: iso.nullable(),
    endedAt: iso.nullable(),
    talkSeconds: z.number(),
    agentName: z.string().nullable(),
    endReason: z.string().nullable(),
    /** 一次一评: 1 satisfied, 2 basically satisfied, 3 unsatisfied. */
    rating: z.number().nullable(),
    hasRecording: z.boolean(),
  }),
);
export const userIdParams = z.object({ userId: z.coerce.number().int().positive() });
export const linkTicketBody = z.object({ ticketId: z.number().int().positive() });
export const linkTicketOut = z.object({ callId: z.string(), ticketId: z.number() });

const rate = z.number().nullable();
export const wallboardOut = z.object({
  waiting: z.number(),
  longestWaitSeconds: z.number(),
  agents: z.object(Object.fromEntries(AGENT_STATES.map((s) => [s, z.number()])) as Record<(typeof AGENT_STATES)[number], z.ZodNumber>),
  today: z.object({
    offered: z.number(),
    answered: z.number(),
    abandoned: z.number(),
    answeredWithin15s: z.number(),
    fallback: z.number(),
    answerRate: rate,
    answerRate15s: rate,
    avgWaitSeconds: rate,
    avgHandleSeconds: rate,
    ratings: z.object({ satisfied: z.number(), basic: z.number(), unsatisfied: z.number() }),
    /** 服务过程满意率: (satisfied + basically satisfied) ÷ rated calls today; null without ratings. */
    satisfactionRate: rate,
  }),
  queues: z.array(z.object({ queue: z.string(), waiting: z.number(), longestWaitSeconds: z.number() })),
  halfHours: z.array(z.object({ start: iso, offered: z.number(), answered: z.number(), plannedAgents: z.number().nullable() })),
});

export const callbackOut = z.object({
  id: z.number(),
  phone: z.string(),
  callId: z.string(),
  abandonedAt: iso,
  queue: z.string(),
  status: z.enum(['open', 'claimed', 'done']),
  claimedBy: z.object({ id: z.number(), name: z.string() }).nullable(),
  claimedAt: iso.nullable(),
  outcome: z.enum(['reached', 'no_answer']).nullable(),
  note: z.string().nullable(),
  closedAt: iso.nullable(),
  closedReason: z.enum(['reached', 'no_answer', 'answered_later']).nullable(),
});
export const callbacksQuery = z.object({ status: z.enum(['open', 'claimed', 'done']).default('open') });
export const callbacksOut = z.object({
  items: z.array(callbackOut),
  indicators: z.object({
    abandoned: z.number(),
    calledBackWithin30m: z.number(),
    calledBackWithin24h: z.number(),
    shareWithin30m: rate,
    shareWithin24h: rate,
  }),
});
export const callbackParams = z.object({ id: z.coerce.number().int().positive() });
export const callbackResultBody = z.object({ outcome: z.enum(['reached', 'no_answer']), note: z.string().max(500).optional() });
export const dialOut = z.object({ number: z.string() });

// Kamailio → Lianxin
const sipId = z.string().min(1).max(200);
const sipUser = z.string().max(64);
export const sipRouteBody = z.object({
  callId: sipId,
  from: sipUser,
  fromTag: z.string().max(128).optional(),
  to: sipUser,
  attempt: z.coerce.number().int().min(0).default(0),
  /** The caller's SDP offer (first attempt only): answered with early media while the call waits. */
  sdp: z.string().max(16_000).optional(),
});
export const sipDecisionOut = z.union([
  z.object({ action: z.literal('agent'), uri: z.string(), agentUserId: z.number(), queue: z.string() }),
  z.object({ action: z.literal('queue'), queue: z.string(), position: z.number(), sdp: z.string().optional() }),
  z.object({ action: z.literal('reject'), status: z.number(), reason: z.string() }),
]);
export const sipWaitBody = z.object({ callId: sipId });
export const sipEventBody = z.object({
  callId: sipId,
  event: z.enum(['answered', 'ring_failed', 'cancelled', 'ended', 'transferred', 'fallback']),
  agent: sipUser.optional(),
  code: z.coerce.number().int().optional(),
  fromTag: z.string().max(128).optional(),
  from: sipUser.optional(),
  target: sipUser.optional(),
});
/**
 * Kamailio's tick: the calls it holds parked (suspended) in the queue, and the calls it sent to the fallback since the
 * last answered tick (kept in Kamailio until Lianxin confirms them: `at` is Kamailio's clock, Unix seconds with microseconds).
 */
export const sipFallbackReport = z.object({ callId: sipId, from: sipUser, to: sipUser, at: z.coerce.number().min(0) });
/** A call event Kamailio could not deliver in time, carried by the tick (`key`: its name in Kamailio's htable). */
const sipLateEvent = sipEventBody.extend({ key: z.string().min(1).max(300) });
export const sipTickBody = z.object({
  parked: z.array(sipId).max(5_000).default([]),
  fallback: z.array(sipFallbackReport).max(5_000).default([]),
  events: z.array(sipLateEvent).max(5_000).default([]),
});
export const sipTickOut = z.object({
  resume: z.array(z.object({ callId: z.string(), decision: sipDecisionOut })),
  recorded: z.array(z.string()),
  delivered: z.array(z.string()),
});
export const sipOutboundBody = z.object({ callId: sipId, from: sipUser, to: sipUser, kind: z.enum(['invite', 'refer']).default('invite') });
export const sipOutboundOut = z.union([
  z.object({ action: z.literal('allow'), uri: z.string() }),
  z.object({ action: z.literal('reject'), status: z.number(), reason: z.string() }),
]);
export const sipRatingBody = z.object({ digit: z.string().max(4) });

/** 排班计划: planned agents per half hour of the day ('HH:00' or 'HH:30', Beijing time). */
export const staffingOut = z.object({ slots: z.array(z.object({ start: z.string(), plannedAgents: z.number().int() })) });
export const staffingBody = z.object({
  slots: z
    .array(z.object({ start: z.string().max(5), plannedAgents: z.number().int().min(0).max(100_000).nullable() }))
    .min(1)
    .max(48),
});
