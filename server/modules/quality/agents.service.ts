/**
 * 坐席绩效: per agent and period — calls answered, contacts taken in, orders created, direct-answer rate,
 * average handling time of calls, and the quality scores of their inspected orders and calls.
 * The center's readers see every agent; an agent sees only their own record.
 */
import type { Db } from '../../db/client.ts';
import type { Actor, Clock } from '../../lib/actor.ts';
import { notFound } from '../../lib/errors.ts';
import { EMPTY_CALL_COUNTS } from '../analytics/indicators/call-indicators.ts';
import { today, validatePeriod } from '../analytics/periods.ts';
import { createCallsRepository } from '../calls/calls.repository.ts';
import { periodInstants } from '../calls/calls.service.ts';
import { authorize, can } from './quality.policy.ts';
import { createQualityRepository } from './quality.repository.ts';
import { agentFigures } from './quality-scoring.ts';

const AGENT = { zh: '坐席', en: 'agent' };
const NO_ORDERS = { ordersCreated: 0, nonPhoneOrders: 0, notOrders: 0, directAnswered: 0 };
const NO_INSPECTIONS = { inspections: 0, qaScoreSum: 0, fatal: 0, pending: 0 };
const round = (x: number | null, digits: number) => (x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits);

export function createAgentsService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;
  const repo = createQualityRepository(db);
  const calls = createCallsRepository(db);

  /** Rows for the given agents, or for everyone with calls, orders or inspections in the period (null). */
  async function rows(from: string, to: string, agentIds: number[] | null) {
    const p = validatePeriod({ from, to }, today(clock.now()));
    const { fromAt, toAt } = periodInstants(p.from, p.to);
    const [callSums, orderSums, inspectionSums] = [
      await calls.sumByAgent(fromAt, toAt, agentIds),
      await repo.sumOrdersByAgent(fromAt, toAt, agentIds),
      await repo.sumInspectionsByAgent(fromAt, toAt, agentIds),
    ];
    const ids = agentIds ?? [
      ...new Set([...callSums.keys(), ...orderSums.keys(), ...inspectionSums.keys(), ...(await repo.findActiveAgentIds(fromAt, toAt))]),
    ];
    const users = await repo.findAgents(ids);
    const items = users.map((u) => {
      const c = callSums.get(u.id) ?? EMPTY_CALL_COUNTS;
      const o = orderSums.get(u.id) ?? NO_ORDERS;
      const q = inspectionSums.get(u.id) ?? NO_INSPECTIONS;
      const f = agentFigures({
        callsAnswered: c.answered,
        talkSeconds: c.talkSeconds,
        wrapUpSeconds: c.wrapUpSeconds,
        ...o,
        inspections: q.inspections,
        qaScoreSum: q.qaScoreSum,
      });
      return {
        agentUserId: u.id,
        username: u.username,
        displayName: u.displayName,
        role: u.role,
        isActive: u.isActive,
        callsAnswered: c.answered,
        talkSeconds: c.talkSeconds,
        wrapUpSeconds: c.wrapUpSeconds,
        ordersCreated: o.ordersCreated,
        nonPhoneOrders: o.nonPhoneOrders,
        directAnswered: o.directAnswered,
        contactsHandled: f.contactsHandled,
        directAnswerRate: round(f.directAnswerRate, 4),
        averageHandlingSeconds: round(f.averageHandlingSeconds, 1),
        averageQaScore: f.averageQaScore,
        inspections: q.inspections,
        fatalInspections: q.fatal,
        pendingInspections: q.pending,
      };
    });
    return { ...p, items: items.sort((a, b) => b.contactsHandled - a.contactsHandled || a.agentUserId - b.agentUserId) };
  }

  return {
    /** Every agent's record (center readers), or the caller's own (an agent). */
    async list(actor: Actor, input: { from: string; to: string }) {
      if (can(actor, 'read_all')) return rows(input.from, input.to, null);
      authorize(actor, 'read_own', { agentUserId: actor.userId ?? undefined });
      return rows(input.from, input.to, [actor.userId!]);
    },

    /** One agent's record; an agent may ask only for their own. */
    async get(actor: Actor, userId: number, input: { from: string; to: string }) {
      authorize(actor, 'read_own', { agentUserId: userId });
      const result = await rows(input.from, input.to, [userId]);
      const [item] = result.items;
      if (!item) throw notFound(AGENT, { userId });
      return { from: result.from, to: result.to, ...item };
    },
  };
}
export type AgentsService = ReturnType<typeof createAgentsService>;
