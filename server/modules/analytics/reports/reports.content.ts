/**
 * What a 日报/周报/月报/专报 says, as plain data: headline figures with 环比 (against the period just
 * before) and 同比 (the same period a year earlier), the daily trend, top categories and districts,
 * the unit ranking and the open overdue orders. The PDF and Excel renderers only lay this out.
 */
import { rankWithinGroups } from '../assessment/assessment-scoring.ts';
import {
  compositeParts,
  computeIndicators,
  INDICATOR_BY_ID,
  type IndicatorId,
  type IndicatorSettings,
  type IndicatorValues,
} from '../indicators/indicators.ts';
import type { Measures } from '../indicators/measures.ts';
import type { Period, PeriodKind } from '../periods.ts';

export const REPORT_KIND_LABELS: Record<PeriodKind, { zh: string; en: string }> = {
  daily: { zh: '日报', en: 'Daily report' },
  weekly: { zh: '周报', en: 'Weekly report' },
  monthly: { zh: '月报', en: 'Monthly report' },
  special: { zh: '专报', en: 'Special report' },
};

export const HEADLINE_IDS: IndicatorId[] = [
  'contacts',
  'orders',
  'direct_answer_rate',
  'on_time_sign_rate',
  'on_time_completion_rate',
  'overdue_count',
  'satisfaction_rate',
  'resolution_rate',
  'composite_score',
];

export interface Change {
  /** value − base (rates in fractions, scores in points, counts in units). */
  delta: number | null;
  /** (value − base) / base, for counts only. */
  relative: number | null;
}

export interface HeadlineRow {
  id: IndicatorId;
  nameZh: string;
  nameEn: string;
  kind: 'count' | 'rate' | 'duration' | 'score';
  value: number | null;
  previous: number | null;
  yearAgo: number | null;
  vsPrevious: Change;
  vsYearAgo: Change;
}

export interface RankedUnit {
  rank: number | null;
  unitId: number;
  unitName: string;
  peerGroup: string;
  dispatches: number;
  compositeScore: number | null;
  onTimeCompletionRate: number | null;
  satisfactionRate: number | null;
  resolutionRate: number | null;
}

export interface OverdueRow {
  number: string;
  title: string;
  unitName: string | null;
  category: string | null;
  status: string;
  handleDueAt: string | null;
}

export interface ReportContent {
  kind: PeriodKind;
  title: string;
  period: Period;
  previous: Period;
  yearAgo: Period;
  generatedAt: string;
  satisfactionCountsBasic: boolean;
  headline: HeadlineRow[];
  trend: { day: string; contacts: number; orders: number }[];
  topCategories: { name: string; contacts: number; share: number | null }[];
  topRegions: { name: string; contacts: number; share: number | null }[];
  units: RankedUnit[];
  overdue: OverdueRow[];
  focus: { name: string; headline: HeadlineRow[] } | null;
}

export function changeOf(kind: HeadlineRow['kind'], value: number | null, base: number | null): Change {
  if (value === null || base === null) return { delta: null, relative: null };
  const delta = value - base;
  return { delta, relative: kind === 'count' ? (base !== 0 ? delta / base : null) : null };
}

export function headlineOf(current: Measures, previous: Measures, yearAgo: Measures, settings: IndicatorSettings): HeadlineRow[] {
  const [c, p, y] = [current, previous, yearAgo].map((m) => computeIndicators(m, settings));
  // 三率综合得分 of a period without callbacks is the response rate alone: against a score of all three rates its change
  // says nothing (a day after a Sunday would seem to fall by the callbacks' share), so it is not given (printed —).
  const basisOf = (v: IndicatorValues) =>
    compositeParts(
      { response: v.response_rate, resolution: v.resolution_rate, satisfaction: v.satisfaction_rate },
      settings.compositeWeights,
    )
      .map((x) => x.part)
      .join();
  const compare = (id: IndicatorId, kind: HeadlineRow['kind'], base: IndicatorValues) =>
    id === 'composite_score' && basisOf(c) !== basisOf(base) ? { delta: null, relative: null } : changeOf(kind, c[id], base[id]);
  return HEADLINE_IDS.map((id) => {
    const def = INDICATOR_BY_ID.get(id)!;
    return {
      id,
      nameZh: def.nameZh,
      nameEn: def.nameEn,
      kind: def.kind,
      value: c[id],
      previous: p[id],
      yearAgo: y[id],
      vsPrevious: compare(id, def.kind, p),
      vsYearAgo: compare(id, def.kind, y),
    };
  });
}

/** Units ranked by the three-rate composite within their peer group (scores rounded to 2 decimals first). */
export function rankUnits(
  rows: { unitId: number; unitName: string; peerGroup: string; measures: Measures }[],
  settings: IndicatorSettings,
): RankedUnit[] {
  const scored = rows.map((r) => {
    const v = computeIndicators(r.measures, settings);
    const score = v.composite_score === null ? null : Math.round(v.composite_score * 100) / 100;
    return {
      unitId: r.unitId,
      unitName: r.unitName,
      peerGroup: r.peerGroup,
      dispatches: r.measures.dispatches,
      score,
      compositeScore: score,
      onTimeCompletionRate: v.on_time_completion_rate,
      satisfactionRate: v.satisfaction_rate,
      resolutionRate: v.resolution_rate,
    };
  });
  const ranks = rankWithinGroups(scored);
  return scored
    .map(({ score: _score, ...r }) => ({ rank: ranks.get(r.unitId) ?? null, ...r }))
    .sort(
      (a, b) =>
        a.peerGroup.localeCompare(b.peerGroup) || (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.unitName.localeCompare(b.unitName),
    );
}

/** Shares of the total for a top list. */
export function withShares(rows: { name: string; value: number }[], total: number, limit: number) {
  return rows.slice(0, limit).map((r) => ({ name: r.name, contacts: r.value, share: total > 0 ? r.value / total : null }));
}

const pct = (x: number, digits = 1) => `${(x * 100).toFixed(digits)}%`;

/** A figure as the reports print it. */
export function formatValue(kind: HeadlineRow['kind'], value: number | null): string {
  if (value === null) return '—';
  if (kind === 'rate') return pct(value);
  if (kind === 'score' || kind === 'duration') return value.toFixed(2);
  return value.toLocaleString('en-US');
}

/** 环比/同比 as printed: counts in per cent, rates in percentage points (个百分点), scores in points. */
export function formatChange(kind: HeadlineRow['kind'], change: Change): string {
  if (change.delta === null) return '—';
  const abs = Math.abs(change.delta);
  const [shown, digits, unit]: [number, number, string] =
    kind === 'count'
      ? change.relative === null
        ? [abs, 0, '']
        : [Math.abs(change.relative) * 100, 1, '%']
      : kind === 'rate'
        ? [abs * 100, 1, '个百分点']
        : [abs, 2, ''];
  const printed = shown.toFixed(digits);
  // The sign goes by the figure as printed (as the web preview's): a change that rounds to zero is no change, not "+0.0".
  const sign = Number(printed) === 0 ? '' : change.delta > 0 ? '+' : '−';
  return `${sign}${printed}${unit}`;
}
