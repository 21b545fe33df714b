/**
 * 排班测算: forecast the coming days' half-hourly contacts from the history, then the agents needed
 * per half hour for a service level (Erlang C, or Erlang A when the callers' patience is known),
 * and the service level a planned number of agents would give.
 */
import { dayIndexOf, dayStartMs, localDayIndex } from '../../../lib/calendar.ts';
import type { Actor } from '../../../lib/actor.ts';
import { validation } from '../../../lib/errors.ts';
import type { Db } from '../../../db/client.ts';
import { authorize } from '../analytics.policy.ts';
import { createAnalyticsRepository } from '../analytics.repository.ts';
import type { AnalyticsService } from '../analytics.service.ts';
import { erlangAFigures, erlangCFigures, requiredAgents, type QueueFigures } from './erlang.ts';
import { forecastHalfHours, SLOTS_PER_DAY } from './forecast.ts';
import { agentsPerSlot, parseRoster } from './roster.ts';
import { addDays } from '../periods.ts';
import { createCallsRepository } from '../../calls/calls.repository.ts';
import {
  addCallCounts,
  averageHandlingSeconds,
  computeCallIndicators,
  EMPTY_CALL_COUNTS,
  estimatePatienceSeconds,
} from '../indicators/call-indicators.ts';

const SLOT_MS = 30 * 60_000;
const SLOT_SECONDS = 1800;

export interface StaffingInput {
  serviceLevel: number;
  targetSeconds: number;
  aht: number;
  patience?: number;
  plannedAgents?: number;
  /** Shifts (see roster.ts); when given, the agents planned per half hour come from them */
  roster?: string;
  days: number;
  historyWeeks: number;
  channel: string;
  from?: string;
}

const slotLabel = (slot: number) => `${String(Math.floor(slot / 2)).padStart(2, '0')}:${slot % 2 ? '30' : '00'}`;
const finite = (x: number) => (Number.isFinite(x) ? x : null);
const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;

function present(f: QueueFigures) {
  return {
    agents: f.agents,
    serviceLevel: round(f.serviceLevel),
    probabilityWait: round(f.probabilityWait),
    averageSpeedOfAnswer: finite(round(f.averageSpeedOfAnswer, 1)),
    abandonRate: round(f.abandonRate),
    answerRate: round(1 - f.abandonRate),
    occupancy: round(f.occupancy),
  };
}

/** Agents planned in each half hour: from the shifts when given, else the same number all day, else none. */
function plannedPerSlot(input: StaffingInput): number[] | null {
  if (input.roster) {
    const parsed = parseRoster(input.roster);
    if ('problem' in parsed)
      throw validation(parsed.problem.zh, parsed.problem.en, [{ path: 'roster', message: parsed.problem.en, part: parsed.problem.part }]);
    return agentsPerSlot(parsed.shifts);
  }
  return input.plannedAgents === undefined ? null : new Array<number>(SLOTS_PER_DAY).fill(input.plannedAgents);
}

export function createStaffingService(deps: { db: Db; analytics: AnalyticsService }) {
  const repo = createAnalyticsRepository(deps.db);
  const calls = createCallsRepository(deps.db);

  return {
    async plan(actor: Actor, input: StaffingInput) {
      authorize(actor, 'read');
      const today = deps.analytics.todayDay();
      const start = input.from ?? addDays(today, 1);
      if (start < today || start > addDays(today, 90)) {
        throw validation('预测起始日应在今天到 90 天内', 'The forecast must start between today and 90 days ahead', {
          reason: start < today ? 'past_period' : 'period_too_far',
          from: start,
        });
      }
      const planned = plannedPerSlot(input);
      const historyFrom = addDays(today, -7 * input.historyWeeks);
      const historyTo = addDays(today, -1);
      const [slots, exceptionRows] = await Promise.all([
        repo.findHalfHours(
          new Date(dayStartMs(dayIndexOf(historyFrom))),
          new Date(dayStartMs(dayIndexOf(today))),
          input.channel === 'all' ? null : input.channel,
        ),
        repo.findCalendarExceptions(historyFrom, addDays(start, input.days)),
      ]);
      // the phone channel with call records: forecast calls offered (abandoned included), not the orders they produced
      const callSlots =
        input.channel === 'phone'
          ? await calls.sumByHalfHour(new Date(dayStartMs(dayIndexOf(historyFrom))), new Date(dayStartMs(dayIndexOf(today))))
          : [];
      const callTotal = callSlots.reduce((sum, s) => addCallCounts(sum, s.counts), EMPTY_CALL_COUNTS);
      const isFromCalls = callTotal.offered > 0;
      const volumes = isFromCalls ? callSlots.map((s) => ({ slot: s.slot, contacts: s.counts.offered })) : slots;
      const estimatedPatience = isFromCalls ? estimatePatienceSeconds(callTotal) : null;
      const patience = input.patience ?? (estimatedPatience === null ? undefined : round(estimatedPatience, 1));
      const history = new Map<string, number[]>();
      for (const s of volumes) {
        const at = new Date(s.slot).getTime();
        const dayIndex = localDayIndex(at);
        const day = new Date(dayIndex * 86_400_000).toISOString().slice(0, 10);
        const counts = history.get(day) ?? new Array<number>(SLOTS_PER_DAY).fill(0);
        counts[Math.floor((at - dayStartMs(dayIndex)) / SLOT_MS)] += Number(s.contacts);
        history.set(day, counts);
      }
      const exceptions = new Map(exceptionRows.map((r) => [r.day, { isWorkday: r.isWorkday }]));
      const targetDays = Array.from({ length: input.days }, (_, i) => addDays(start, i));
      const forecast = forecastHalfHours({ history, historyFrom, historyTo, targetDays, exceptions, weeks: input.historyWeeks });
      const target = { serviceLevel: input.serviceLevel, targetSeconds: input.targetSeconds, patienceSeconds: patience ?? null };
      const callFigures = computeCallIndicators(callTotal);
      const measuredAht = averageHandlingSeconds(callTotal);

      return {
        channel: input.channel,
        serviceLevel: input.serviceLevel,
        targetSeconds: input.targetSeconds,
        aht: input.aht,
        patience: patience ?? null,
        model: patience ? ('erlang_a' as const) : ('erlang_c' as const),
        history: { from: historyFrom, to: historyTo },
        volumeSource: isFromCalls ? ('calls' as const) : ('contacts' as const),
        patienceSource: input.patience ? ('input' as const) : patience ? ('estimated' as const) : null,
        calls: isFromCalls
          ? {
              offered: callTotal.offered,
              answered: callTotal.answered,
              abandoned: callTotal.offered - callTotal.answered,
              answeredWithinTarget: callTotal.answeredWithinTarget,
              answerRate: callFigures.answer_rate === null ? null : round(callFigures.answer_rate),
              answer15sRate: callFigures.answer_15s_rate === null ? null : round(callFigures.answer_15s_rate),
              averageHandlingSeconds: measuredAht === null ? null : round(measuredAht, 1),
              estimatedPatienceSeconds: estimatedPatience === null ? null : round(estimatedPatience, 1),
            }
          : null,
        days: forecast.map((d) => {
          const rows = d.slots.map((volume, slot) => {
            const traffic = { calls: volume, intervalSeconds: SLOT_SECONDS, ahtSeconds: input.aht };
            const needed = requiredAgents(traffic, target);
            const agents = planned?.[slot];
            const figures =
              agents === undefined
                ? null
                : present(
                    patience
                      ? erlangAFigures(agents, traffic, input.targetSeconds, patience)
                      : erlangCFigures(agents, traffic, input.targetSeconds),
                  );
            return { start: slotLabel(slot), volume: round(volume, 2), required: present(needed), planned: figures };
          });
          return {
            day: d.day,
            kind: d.kind,
            referenceDays: d.referenceDays,
            volume: round(
              d.slots.reduce((s, v) => s + v, 0),
              2,
            ),
            peakAgents: Math.max(...rows.map((r) => r.required.agents)),
            slots: rows,
          };
        }),
      };
    },
  };
}
export type StaffingService = ReturnType<typeof createStaffingService>;
