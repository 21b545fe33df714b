/**
 * 话务记录: the phone system pushes calls in batches (idempotent by source + external id); the center reads
 * answer rate and 15-second answer rate by day, week, month or half hour.
 */
import { dayIndexOf, dayStartMs } from '../../lib/calendar.ts';
import type { Actor, Clock } from '../../lib/actor.ts';
import { unknownReference, validation } from '../../lib/errors.ts';
import type { Db } from '../../db/client.ts';
import {
  ANSWER_TARGET_SECONDS,
  computeCallIndicators,
  estimatePatienceSeconds,
  type CallCounts,
} from '../analytics/indicators/call-indicators.ts';
import { addDays, today, validatePeriod } from '../analytics/periods.ts';
import { authorize } from './calls.policy.ts';
import { createCallsRepository, type CallGranularity } from './calls.repository.ts';
import { checkCall, duplicateIds, type CallInput, type CallProblem, type CallRow } from './calls.rules.ts';

/** Half-hour figures read many slots: at most a month at a time. */
export const MAX_HALF_HOUR_DAYS = 31;

/** [from 00:00, to + 1 day 00:00) in Asia/Shanghai, as instants. */
export function periodInstants(from: string, to: string): { fromAt: Date; toAt: Date } {
  return { fromAt: new Date(dayStartMs(dayIndexOf(from))), toAt: new Date(dayStartMs(dayIndexOf(addDays(to, 1)))) };
}

export const presentCounts = (c: CallCounts) => ({ ...c, abandoned: c.offered - c.answered });

export function createCallsService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;
  const repo = createCallsRepository(db);

  return {
    /** Stores a batch of calls: all or nothing; every fault of a bad batch is listed in the error's details. */
    async importCalls(actor: Actor, input: { source: string; calls: CallInput[] }) {
      authorize(actor, 'import');
      const now = clock.now();
      const problems: CallProblem[] = duplicateIds(input.calls);
      const rows: CallRow[] = [];
      input.calls.forEach((call, i) => {
        const checked = checkCall(call, i, now);
        if ('problems' in checked) problems.push(...checked.problems);
        else rows.push(checked.row);
      });
      if (problems.length) {
        throw validation('话务记录有误，本批次未导入', 'Some calls are not valid; nothing in the batch was stored', problems.slice(0, 100));
      }
      const agentIds = [...new Set(rows.flatMap((r) => (r.agentUserId === null ? [] : [r.agentUserId])))];
      const ticketIds = [...new Set(rows.flatMap((r) => (r.ticketId === null ? [] : [r.ticketId])))];
      const [knownAgents, knownTickets] = [new Set(await repo.findUserIds(agentIds)), new Set(await repo.findTicketIds(ticketIds))];
      const unknownAgents = agentIds.filter((id) => !knownAgents.has(id));
      const unknownTickets = ticketIds.filter((id) => !knownTickets.has(id));
      if (unknownAgents.length)
        throw unknownReference({ zh: '坐席', en: 'agent' }, { reason: 'unknown_agent', agentUserIds: unknownAgents });
      if (unknownTickets.length)
        throw unknownReference({ zh: '工单', en: 'order' }, { reason: 'unknown_ticket', ticketIds: unknownTickets });
      const { created, updated } = await db.transaction((tx) => createCallsRepository(tx).upsert(input.source, rows, now));
      return { received: rows.length, created, updated, unchanged: rows.length - created - updated };
    },

    /** 接通率 / 15秒接通率 by period, plus the total and the callers' patience estimated from abandonment. */
    async stats(actor: Actor, input: { from: string; to: string; granularity: CallGranularity; queue?: string }) {
      authorize(actor, 'read');
      const period = validatePeriod({ from: input.from, to: input.to }, today(clock.now()));
      if (input.granularity === 'half_hour' && dayIndexOf(period.to) - dayIndexOf(period.from) + 1 > MAX_HALF_HOUR_DAYS) {
        throw validation(
          `按半小时统计时统计期不能超过 ${MAX_HALF_HOUR_DAYS} 天`,
          `Half-hour figures cover at most ${MAX_HALF_HOUR_DAYS} days`,
          { reason: 'period_too_long', maxDays: MAX_HALF_HOUR_DAYS, ...period },
        );
      }
      const { fromAt, toAt } = periodInstants(period.from, period.to);
      const queue = input.queue ?? null;
      const [rows, total] = [await repo.sumByPeriod(input.granularity, fromAt, toAt, queue), await repo.total(fromAt, toAt, queue)];
      return {
        ...period,
        granularity: input.granularity,
        queue,
        targetSeconds: ANSWER_TARGET_SECONDS,
        patienceSeconds: estimatePatienceSeconds(total),
        rows: rows.map((r) => ({ period: r.key, counts: presentCounts(r.counts), indicators: computeCallIndicators(r.counts) })),
        total: { counts: presentCounts(total), indicators: computeCallIndicators(total) },
      };
    },
  };
}
export type CallsService = ReturnType<typeof createCallsService>;
