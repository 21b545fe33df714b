/**
 * Figures for the center: indicator definitions, summaries by dimension, the dashboard, settings,
 * and 不纳入考核 marks. Assessment, staffing and reports have their own services (wired in index.ts).
 */
import type { Db } from '../../db/client.ts';
import type { Actor, Clock } from '../../lib/actor.ts';
import { AppError, notFound, unknownReference, validation } from '../../lib/errors.ts';
import { DEFAULT_ASSESSMENT_CONFIG, validateAssessmentConfig, type AssessmentConfig } from './assessment/assessment-scoring.ts';
import { authorize } from './analytics.policy.ts';
import { createAnalyticsRepository } from './analytics.repository.ts';
import { createExclusionsRepository } from './assessment/exclusions.repository.ts';
import {
  computeIndicators,
  DEFAULT_COMPOSITE_WEIGHTS,
  INDICATORS,
  ordersOf,
  satisfactionRate,
  type CompositeWeights,
  type IndicatorSettings,
} from './indicators/indicators.ts';
import { CALL_INDICATORS } from './indicators/call-indicators.ts';
import { openOrdersIn, ordersTakenIn } from './dashboard-orders.ts';
import { groupUp, labelOf, type Reference } from './labels.ts';
import type { MeasureKey } from './indicators/measures.ts';
import { addDays, monthOf, today, validatePeriod, type Period } from './periods.ts';
import type { Dimension } from './rollup/rollup-spec.ts';
import type { RollupService } from './rollup/rollup.service.ts';

export interface AnalyticsSettings extends IndicatorSettings {
  assessment: AssessmentConfig;
}
const SETTINGS_KEY = 'settings';
export const DEFAULT_SETTINGS: AnalyticsSettings = {
  satisfactionCountsBasic: true,
  compositeWeights: DEFAULT_COMPOSITE_WEIGHTS,
  assessment: DEFAULT_ASSESSMENT_CONFIG,
};
const REFERENCE_TTL_MS = 60_000;
const TICKET = { zh: '工单', en: 'order' };
const UNIT = { zh: '单位', en: 'unit' };

const DASHBOARD_KEYS: MeasureKey[] = [
  'contacts',
  'invalid',
  'transferred',
  'merged',
  'directAnswered',
  'signs',
  'signsOnTime',
  'replies',
  'repliesOnTime',
  'satisfied',
  'basicallySatisfied',
  'unsatisfied',
  'resolvedAnswered',
  'resolved',
  'overdue',
];
const VOLUME_KEYS: MeasureKey[] = ['contacts', 'invalid', 'transferred', 'merged'];

export function validateCompositeWeights(w: CompositeWeights): CompositeWeights {
  const total = w.response + w.resolution + w.satisfaction;
  if ([w.response, w.resolution, w.satisfaction].some((x) => !(x >= 0)) || Math.abs(total - 100) > 1e-9) {
    throw validation(
      `三率权重应为非负数且之和为 100，当前为 ${total}`,
      `The three-rate weights must be non-negative and sum to 100, not ${total}`,
      { reason: 'weights_not_100', total },
    );
  }
  return w;
}

export function createAnalyticsService(deps: { db: Db; clock: Clock; rollups: RollupService }) {
  const { db, clock, rollups } = deps;
  const repo = createAnalyticsRepository(db);
  let reference: { value: Reference; expiresAt: number } | null = null;

  async function loadReference(): Promise<Reference> {
    if (reference && reference.expiresAt > Date.now()) return reference.value;
    const [unitRows, regionRows, categoryRows] = await Promise.all([repo.findUnits(), repo.findRegions(), repo.findCategories()]);
    const value: Reference = {
      units: new Map(unitRows.map((u) => [u.id, u])),
      regions: new Map(regionRows.map((r) => [r.id, r])),
      categories: new Map(categoryRows.map((c) => [c.id, c])),
    };
    reference = { value, expiresAt: Date.now() + REFERENCE_TTL_MS };
    return value;
  }

  async function getSettings(): Promise<AnalyticsSettings> {
    const stored = (await repo.getSetting(SETTINGS_KEY)) as Partial<AnalyticsSettings> | null;
    return { ...DEFAULT_SETTINGS, ...stored };
  }

  const todayDay = () => today(clock.now());

  return {
    getSettings,
    loadReference,
    todayDay,

    /** 指标定义: the single list, for the UI and the docs; units read it too (their assessment is built from it). */
    listIndicators(actor: Actor) {
      authorize(actor, 'read_published');
      return [...INDICATORS, ...CALL_INDICATORS];
    },

    async readSettings(actor: Actor) {
      authorize(actor, 'read');
      return getSettings();
    },

    async updateSettings(actor: Actor, input: AnalyticsSettings) {
      authorize(actor, 'admin');
      validateCompositeWeights(input.compositeWeights);
      validateAssessmentConfig(input.assessment);
      await repo.putSetting(SETTINGS_KEY, input, actor.userId, clock.now());
      return getSettings();
    },

    /** Measures and indicators per value of one dimension over a period, plus the total. */
    async summary(
      actor: Actor,
      input: { from: string; to: string; groupBy: Exclude<Dimension, 'all'>; unitId?: number; percentiles?: boolean },
    ) {
      authorize(actor, 'read');
      const period = validatePeriod({ from: input.from, to: input.to }, todayDay());
      const ref = await loadReference();
      if (input.unitId !== undefined) {
        if (input.groupBy !== 'unit')
          throw validation('按单位筛选时分组必须为 unit', 'Filtering by unit needs groupBy=unit', {
            reason: 'unit_filter_needs_unit_grouping',
          });
        if (!ref.units.has(input.unitId) && !(await repo.findUnitsByIds([input.unitId])).length)
          throw unknownReference(UNIT, { unitId: input.unitId });
      }
      const settings = await getSettings();
      const none = Promise.resolve(new Map<string, { p50Seconds: number; p90Seconds: number }>());
      const [rows, percentiles, total, totalPercentiles] = await Promise.all([
        repo.sumByKey(input.groupBy, period.from, period.to),
        input.percentiles ? repo.handlingPercentiles(input.groupBy, period.from, period.to) : none,
        repo.total(period.from, period.to),
        input.percentiles ? repo.handlingPercentiles('all', period.from, period.to) : none,
      ]);
      const selected = input.unitId === undefined ? rows : rows.filter((r) => r.key === String(input.unitId));
      return {
        ...period,
        groupBy: input.groupBy,
        settings: { satisfactionCountsBasic: settings.satisfactionCountsBasic, compositeWeights: settings.compositeWeights },
        rows: selected
          .map((r) => ({
            key: r.key,
            label: labelOf(ref, input.groupBy, r.key),
            measures: r.measures,
            indicators: computeIndicators(r.measures, settings, percentiles.get(r.key)),
          }))
          .sort(
            (a, b) =>
              b.measures.contacts + b.measures.dispatches - (a.measures.contacts + a.measures.dispatches) || a.key.localeCompare(b.key),
          ),
        total: { measures: total, indicators: computeIndicators(total, settings, totalPercentiles.get('')) },
      };
    },

    /** 首页大屏: today's and this month's volume, 30-day trend, top categories, districts, overdue, satisfaction. */
    async dashboard(actor: Actor) {
      authorize(actor, 'read');
      const day = todayDay();
      const month: Period = { from: `${monthOf(day)}-01`, to: day };
      const trendFrom = addDays(day, -29);
      const [settings, ref, todayTotal, monthTotal, trend, categories, regions, sla] = await Promise.all([
        getSettings(),
        loadReference(),
        repo.total(day, day, VOLUME_KEYS),
        repo.total(month.from, month.to, DASHBOARD_KEYS),
        repo.sumByDay(trendFrom, day, VOLUME_KEYS),
        repo.sumByKey('category', month.from, month.to, ['contacts']),
        repo.sumByKey('region', month.from, month.to, ['contacts']),
        repo.countOpenBySlaState(),
      ]);
      const byDay = new Map(trend.map((t) => [t.day, t.measures]));
      const values = computeIndicators(monthTotal, settings);
      return {
        today: { day, contacts: todayTotal.contacts, orders: ordersOf(todayTotal) },
        month: {
          ...month,
          contacts: monthTotal.contacts,
          orders: ordersOf(monthTotal),
          directAnswerRate: values.direct_answer_rate,
          onTimeSignRate: values.on_time_sign_rate,
          onTimeCompletionRate: values.on_time_completion_rate,
          resolutionRate: values.resolution_rate,
          compositeScore: values.composite_score,
          satisfaction: {
            rate: satisfactionRate(monthTotal, settings.satisfactionCountsBasic),
            countsBasic: settings.satisfactionCountsBasic,
            satisfied: monthTotal.satisfied,
            basicallySatisfied: monthTotal.basicallySatisfied,
            unsatisfied: monthTotal.unsatisfied,
          },
        },
        trend: Array.from({ length: 30 }, (_, i) => {
          const d = addDays(trendFrom, i);
          const m = byDay.get(d);
          return { day: d, contacts: m?.contacts ?? 0, orders: m ? ordersOf(m) : 0 };
        }),
        topCategories: groupUp(
          categories.map((c) => ({ key: c.key, value: c.measures.contacts })),
          ref.categories,
          (c) => c.level === 1,
        )
          .slice(0, 10)
          .map((c) => ({ id: c.id, name: c.name, contacts: c.value })),
        byDistrict: groupUp(
          regions.map((r) => ({ key: r.key, value: r.measures.contacts })),
          ref.regions,
          (r) => r.level === 'district',
        ).map((r) => ({ id: r.id, name: r.name, contacts: r.value })),
        overdue: { openOverdue: sla.overdue, openAtRisk: sla.atRisk, monthOverdueEvents: monthTotal.overdue },
        orderLists: {
          today: ordersTakenIn({ from: day, to: day }),
          month: ordersTakenIn(month),
          overdue: openOrdersIn('overdue'),
          atRisk: openOrdersIn('at_risk'),
        },
      };
    },

    /** Marks an order 不纳入考核 (or takes the mark off) with a reason; recorded as an event on the order. */
    async setExclusion(actor: Actor, input: { ticketId: number; isExcluded: boolean; reason: string }) {
      authorize(actor, 'manage_assessment');
      const result = await db.transaction(async (tx) => {
        const ex = createExclusionsRepository(tx);
        const ticket = await ex.lockTicket(input.ticketId);
        if (!ticket) throw notFound(TICKET, { ticketId: input.ticketId });
        if (ticket.isExcluded === input.isExcluded) {
          throw new AppError(
            'CONFLICT',
            input.isExcluded
              ? {
                  message: '该工单已标记为不纳入考核',
                  messageEn: 'This order is already excluded from assessment',
                  details: { reason: 'already_excluded' },
                }
              : {
                  message: '该工单未被标记为不纳入考核',
                  messageEn: 'This order is not excluded from assessment',
                  details: { reason: 'not_excluded' },
                },
          );
        }
        await ex.setExcluded({
          ...input,
          status: ticket.status,
          leadUnitId: ticket.leadUnitId,
          actorUserId: actor.userId,
          actorUnitId: actor.unitId,
          now: clock.now(),
        });
        return { ticketId: ticket.id, isExcluded: input.isExcluded, reason: input.reason };
      });
      await rollups.refresh();
      return result;
    },

    async listExclusions(actor: Actor, input: { limit: number }) {
      authorize(actor, 'read');
      await rollups.refresh();
      return createExclusionsRepository(db).findExcluded(input.limit);
    },

    async refreshRollups(actor: Actor) {
      authorize(actor, 'admin');
      return rollups.refresh();
    },
  };
}
export type AnalyticsService = ReturnType<typeof createAnalyticsService>;
