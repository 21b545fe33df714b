/**
 * Generates one realistic order and its event history (the event contract: docs/events.md), for the
 * scale loader. Pure: the caller passes the random source, the units to pick from and the cut-off
 * instant (events after it have not happened yet, so recent orders are still open).
 */

import { seededRandom, type Random } from '../../server/lib/random.ts';

export type { Random };
/** The shared seeded generator (mulberry32), under the name the scale loader uses. */
export const mulberry32 = seededRandom;

export interface GeneratedEvent {
  action: string;
  from: string | null;
  to: string;
  unitId: number | null;
  data: Record<string, unknown>;
  at: number;
}

export interface GeneratedOrder {
  status: string;
  leadUnitId: number | null;
  signDueAt: number | null;
  handleDueAt: number | null;
  slaState: 'normal' | 'overdue';
  satisfaction: string | null;
  reopenCount: number;
  returnCount: number;
  resolution: string | null;
  dispatchedAt: number | null;
  repliedAt: number | null;
  closedAt: number | null;
  events: GeneratedEvent[];
}

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

export interface OrderContext {
  random: Random;
  createdAt: number;
  /** Events after this instant are not generated. */
  endAt: number;
  channel: string;
  type: string;
  categoryId: number;
  regionId: number;
  /** The unit the catalogue would pick, and others a dispatcher might pick instead. */
  unitId: number;
  otherUnitIds: readonly number[];
}

export function generateOrder(ctx: OrderContext): GeneratedOrder {
  const { random: rnd } = ctx;
  const between = (lo: number, hi: number) => lo + rnd() * (hi - lo);
  const order: GeneratedOrder = {
    status: 'pending_dispatch',
    leadUnitId: null,
    signDueAt: null,
    handleDueAt: null,
    slaState: 'normal',
    satisfaction: null,
    reopenCount: 0,
    returnCount: 0,
    resolution: null,
    dispatchedAt: null,
    repliedAt: null,
    closedAt: null,
    events: [],
  };
  let t = ctx.createdAt;
  let stopped = false;
  /** Appends an event at time `at` unless it lies after the cut-off (then the history stops there). */
  const emit = (action: string, at: number, to: string, unitId: number | null, data: Record<string, unknown> = {}) => {
    if (stopped || at > ctx.endAt) {
      stopped = true;
      return false;
    }
    order.events.push({ action, from: order.events.length ? order.status : null, to, unitId, data, at });
    order.status = to;
    t = at;
    return true;
  };
  emit('create', t, 'pending_dispatch', null, {
    channel: ctx.channel,
    type: ctx.type,
    urgency: 'normal',
    categoryId: ctx.categoryId,
    regionId: ctx.regionId,
  });

  const r = rnd();
  if (r < 0.08) {
    if (emit('direct_answer', t + between(2, 12) * MIN, 'closed', null, { knowledgeItemIds: [] }))
      Object.assign(order, { resolution: 'direct_answer', closedAt: t });
    return order;
  }
  if (r < 0.1) {
    if (emit('invalidate', t + between(2, 10) * MIN, 'invalid', null)) order.resolution = 'invalid';
    return order;
  }
  if (r < 0.105) {
    if (emit('transfer_emergency', t + between(1, 5) * MIN, 'transferred', null, { line: '110' })) order.resolution = 'transferred';
    return order;
  }
  if (r < 0.13) {
    if (emit('merge', t + between(10, 120) * MIN, 'merged', null, { mainTicketId: null })) order.resolution = 'merged';
    return order;
  }

  const dispatch = (unitId: number, at: number, isRedispatch: boolean) => {
    order.leadUnitId = unitId;
    order.signDueAt = at + DAY;
    order.handleDueAt = at + 5 * DAY;
    const ok = emit('dispatch', at, 'pending_sign', unitId, { leadUnitId: unitId, coUnitIds: [], isRedispatch });
    if (ok) order.dispatchedAt ??= at;
    return ok;
  };
  if (!dispatch(ctx.unitId, t + between(0.2, 4) * HOUR, false)) return order;
  const pickOther = () => ctx.otherUnitIds[Math.floor(rnd() * ctx.otherUnitIds.length)] ?? ctx.unitId;

  if (rnd() < 0.05) {
    if (!emit('return', t + between(1, 6) * HOUR, 'returned', order.leadUnitId)) return order;
    order.returnCount++;
    if (!dispatch(rnd() < 0.3 ? order.leadUnitId! : pickOther(), t + between(0.5, 4) * HOUR, true)) return order;
  } else if (rnd() < 0.02) {
    if (!emit('object', t + between(1, 6) * HOUR, 'objected', order.leadUnitId)) return order;
    if (rnd() < 0.5) {
      const newUnitId = pickOther();
      if (!emit('decide_objection', t + between(1, 8) * HOUR, 'pending_sign', newUnitId, { decision: 'approve', newUnitId })) return order;
      order.leadUnitId = newUnitId;
    } else if (!emit('decide_objection', t + between(1, 8) * HOUR, 'pending_sign', order.leadUnitId, { decision: 'deny', newUnitId: null }))
      return order;
  }

  for (let round = 0; round < 3; round++) {
    const signAt = t + between(0.3, 30) * HOUR;
    if (!emit('sign', signAt, 'handling', order.leadUnitId, { isOnTime: signAt <= order.signDueAt! })) return order;
    if (rnd() < 0.05) {
      if (!emit('request_extension', t + between(1, 48) * HOUR, 'extension_pending', order.leadUnitId, { days: 3 })) return order;
      if (!emit('decide_extension', t + between(1, 8) * HOUR, 'handling', order.leadUnitId, { decision: 'approve', days: 3 })) return order;
      order.handleDueAt! += 3 * DAY;
    }
    if (rnd() < 0.03 && !emit('urge', t + between(1, 24) * HOUR, 'handling', order.leadUnitId)) return order;
    if (rnd() < 0.015 && !emit('supervise', t + between(1, 24) * HOUR, 'handling', order.leadUnitId)) return order;
    // handling time: log-normal, median about two days
    let replyAt = t + Math.exp(Math.log(2 * DAY) + 0.8 * gaussian(rnd));
    if (replyAt > order.handleDueAt! && order.slaState === 'normal') {
      if (!emit('sla_overdue', order.handleDueAt!, 'handling', order.leadUnitId)) return order;
      order.slaState = 'overdue';
      replyAt = Math.max(replyAt, t + MIN);
    }
    for (;;) {
      if (!emit('reply', replyAt, 'pending_review', order.leadUnitId, { replyId: 0, isOnTime: replyAt <= order.handleDueAt! }))
        return order;
      order.repliedAt = t;
      const accept = rnd() < 0.92;
      if (
        !emit('review', t + between(1, 8) * HOUR, accept ? 'pending_callback' : 'handling', order.leadUnitId, {
          decision: accept ? 'accept' : 'reject',
        })
      )
        return order;
      if (accept) break;
      replyAt = t + between(4, 36) * HOUR;
    }
    if (
      rnd() < 0.08 &&
      !emit('callback', t + between(4, 30) * HOUR, 'pending_callback', order.leadUnitId, { result: 'unreachable', isResolved: null })
    )
      return order;
    const c = rnd();
    const result = c < 0.72 ? 'satisfied' : c < 0.88 ? 'basically_satisfied' : 'unsatisfied';
    const isResolved = result === 'satisfied' ? rnd() < 0.95 : result === 'basically_satisfied' ? rnd() < 0.7 : rnd() < 0.2;
    const to = result === 'unsatisfied' ? 'callback_unsatisfied' : 'closed';
    if (!emit('callback', t + between(4, 48) * HOUR, to, order.leadUnitId, { result, isResolved })) return order;
    order.satisfaction = result;
    if (to === 'closed') {
      Object.assign(order, { resolution: 'handled', closedAt: t, slaState: 'normal' });
      return order;
    }
    if (rnd() < 0.6 || round === 2) {
      if (emit('close', t + between(2, 48) * HOUR, 'closed', order.leadUnitId))
        Object.assign(order, { resolution: 'handled', closedAt: t, slaState: 'normal' });
      return order;
    }
    if (!emit('reopen', t + between(2, 24) * HOUR, 'pending_sign', order.leadUnitId)) return order;
    order.reopenCount++;
    order.signDueAt = t + DAY;
    order.handleDueAt = t + 5 * DAY;
    order.slaState = 'normal';
  }
  return order;
}

/** Standard normal by Box–Muller. */
function gaussian(rnd: Random): number {
  const u = Math.max(rnd(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd());
}
