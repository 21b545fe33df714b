/**
 * 月度考核 scoring: a weighted score over chosen rates, minus deductions, ranked within peer groups.
 *
 * - Each chosen indicator carries a weight; weights must sum to 100.
 * - An indicator scores its rate (0–1), or 1 − rate when lower is better (return rate, overdue rate …).
 * - When a unit has no data for an indicator (denominator 0) the remaining weights are scaled up to 100,
 *   so a unit is neither rewarded nor punished for work it was not given. No data at all: no score, no rank.
 * - Deductions: points each × (count − count waived on appeal), capped per kind. Score floor is 0.
 * - Scores are rounded to 2 decimals and units with equal rounded scores share a rank (1, 1, 3).
 */
import { validation } from '../../../lib/errors.ts';
import { computeIndicators, INDICATOR_BY_ID, type IndicatorId } from '../indicators/indicators.ts';
import type { Measures } from '../indicators/measures.ts';

export const DEDUCTION_KINDS = ['overdue', 'improper_return', 'supervision', 'upheld_dissatisfaction'] as const;
export type DeductionKind = (typeof DEDUCTION_KINDS)[number];

export const DEDUCTION_LABELS: Record<DeductionKind, { zh: string; en: string }> = {
  overdue: { zh: '超期', en: 'Overdue orders' },
  improper_return: { zh: '不当退单', en: 'Improper returns' },
  supervision: { zh: '督办', en: 'Supervision notices' },
  upheld_dissatisfaction: { zh: '不满意认定重办', en: 'Upheld dissatisfaction' },
};

export interface AssessmentConfig {
  indicators: { id: IndicatorId; weight: number }[];
  deductions: { kind: DeductionKind; pointsEach: number; maxPoints: number }[];
  satisfactionCountsBasic: boolean;
}

export const DEFAULT_ASSESSMENT_CONFIG: AssessmentConfig = {
  indicators: [
    { id: 'on_time_sign_rate', weight: 10 },
    { id: 'on_time_completion_rate', weight: 25 },
    { id: 'resolution_rate', weight: 25 },
    { id: 'satisfaction_rate', weight: 30 },
    { id: 'return_rate', weight: 10 },
  ],
  deductions: [
    { kind: 'overdue', pointsEach: 0.5, maxPoints: 10 },
    { kind: 'improper_return', pointsEach: 0.5, maxPoints: 5 },
    { kind: 'supervision', pointsEach: 1, maxPoints: 10 },
    { kind: 'upheld_dissatisfaction', pointsEach: 1, maxPoints: 10 },
  ],
  satisfactionCountsBasic: true,
};

/** Checks a scheme; throws VALIDATION_FAILED (details.reason) when it cannot be used. */
export function validateAssessmentConfig(config: AssessmentConfig): AssessmentConfig {
  const fail = (reason: string, zh: string, en: string, extra: Record<string, unknown> = {}) => {
    throw validation(zh, en, { reason, ...extra });
  };
  if (config.indicators.length === 0) fail('no_indicators', '考核方案至少需要一项指标', 'The scheme needs at least one indicator');
  const seen = new Set<string>();
  for (const { id, weight } of config.indicators) {
    const def = INDICATOR_BY_ID.get(id);
    if (!def || !def.isAssessable)
      fail('indicator_not_assessable', `指标 ${id} 不能用于考核`, `Indicator ${id} cannot be used in the assessment`, { id });
    if (seen.has(id)) fail('duplicate_indicator', `指标 ${id} 重复`, `Indicator ${id} is listed twice`, { id });
    seen.add(id);
    if (!(weight >= 0)) fail('negative_weight', '权重不能为负数', 'Weights cannot be negative', { id, weight });
  }
  const total = config.indicators.reduce((s, i) => s + i.weight, 0);
  if (Math.abs(total - 100) > 1e-9) {
    fail('weights_not_100', `各项指标权重之和应为 100，当前为 ${total}`, `Indicator weights must sum to 100, not ${total}`, { total });
  }
  const kinds = new Set<string>();
  for (const d of config.deductions) {
    if (!DEDUCTION_KINDS.includes(d.kind))
      fail('unknown_deduction', `未知扣分项 ${d.kind}`, `Unknown deduction ${d.kind}`, { kind: d.kind });
    if (kinds.has(d.kind)) fail('duplicate_deduction', `扣分项 ${d.kind} 重复`, `Deduction ${d.kind} is listed twice`, { kind: d.kind });
    kinds.add(d.kind);
    if (!(d.pointsEach >= 0) || !(d.maxPoints >= 0))
      fail('negative_points', '扣分不能为负数', 'Deduction points cannot be negative', { kind: d.kind });
  }
  return config;
}

export function deductionCounts(m: Measures): Record<DeductionKind, number> {
  return {
    overdue: m.overdue,
    improper_return: m.improperReturns + m.objectionsDenied,
    supervision: m.supervisions,
    upheld_dissatisfaction: m.reopens,
  };
}

export interface IndicatorScore {
  id: IndicatorId;
  weight: number;
  /** The rate itself (null: no data). */
  value: number | null;
  /** Points earned towards the 100 before deductions. */
  points: number | null;
}

export interface DeductionScore {
  kind: DeductionKind;
  count: number;
  waived: number;
  points: number;
}

export interface UnitScore {
  score: number | null;
  baseScore: number | null;
  indicators: IndicatorScore[];
  deductions: DeductionScore[];
}

const round2 = (x: number) => Math.round((x + Number.EPSILON) * 100) / 100;

export function scoreUnit(m: Measures, config: AssessmentConfig, waived: Partial<Record<DeductionKind, number>> = {}): UnitScore {
  const values = computeIndicators(m, {
    satisfactionCountsBasic: config.satisfactionCountsBasic,
    compositeWeights: { response: 0, resolution: 0, satisfaction: 0 },
  });
  const known = config.indicators.filter((i) => values[i.id] !== null && i.weight > 0);
  const knownWeight = known.reduce((s, i) => s + i.weight, 0);
  const indicators: IndicatorScore[] = config.indicators.map(({ id, weight }) => {
    const value = values[id];
    if (value === null || knownWeight === 0) return { id, weight, value, points: null };
    const earned = INDICATOR_BY_ID.get(id)!.direction === 'lower_better' ? 1 - value : value;
    return { id, weight, value, points: (weight * earned * 100) / knownWeight };
  });
  const counts = deductionCounts(m);
  const deductions: DeductionScore[] = config.deductions.map(({ kind, pointsEach, maxPoints }) => {
    const w = Math.min(waived[kind] ?? 0, counts[kind]);
    return { kind, count: counts[kind], waived: w, points: Math.min(maxPoints, pointsEach * (counts[kind] - w)) };
  });
  if (knownWeight === 0) return { score: null, baseScore: null, indicators, deductions };
  const base = indicators.reduce((s, i) => s + (i.points ?? 0), 0);
  const deducted = deductions.reduce((s, d) => s + d.points, 0);
  return { score: round2(Math.max(0, base - deducted)), baseScore: round2(base), indicators, deductions };
}

/** Competition ranking (1, 1, 3) by score, descending, within each peer group; unscored units get no rank. */
export function rankWithinGroups<T extends { unitId: number; peerGroup: string; score: number | null }>(
  rows: readonly T[],
): Map<number, number | null> {
  const ranks = new Map<number, number | null>();
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    if (row.score === null) {
      ranks.set(row.unitId, null);
      continue;
    }
    if (!groups.has(row.peerGroup)) groups.set(row.peerGroup, []);
    groups.get(row.peerGroup)!.push(row);
  }
  for (const members of groups.values()) {
    members.sort((a, b) => b.score! - a.score!);
    members.forEach((row, i) => {
      const rank = i > 0 && members[i - 1].score === row.score ? ranks.get(members[i - 1].unitId)! : i + 1;
      ranks.set(row.unitId, rank);
    });
  }
  return ranks;
}
