/**
 * 指标定义 — the one list of indicators: ids, names, formula text and the formula itself.
 * The API serves the list (GET /api/v1/analytics/indicators) and docs/indicators.md explains it;
 * a unit test checks the document names every id here.
 *
 * Rates are fractions in [0, 1] (not percentages) and null when their denominator is 0, so
 * "no orders" is never shown as 0 % or 100 %.
 */
import type { Measures } from './measures.ts';

export const INDICATOR_IDS = [
  'contacts',
  'orders',
  'direct_answer_rate',
  'on_time_sign_rate',
  'on_time_completion_rate',
  'overdue_rate',
  'return_rate',
  'objection_rate',
  'extension_rate',
  'reopen_rate',
  'callback_rate',
  'satisfaction_rate',
  'resolution_rate',
  'repeat_complaint_rate',
  'avg_handling_hours',
  'p50_handling_hours',
  'p90_handling_hours',
  'response_rate',
  'composite_score',
  'overdue_count',
  'improper_return_count',
  'supervision_count',
  'upheld_dissatisfaction_count',
] as const;
export type IndicatorId = (typeof INDICATOR_IDS)[number];

export interface IndicatorDefinition {
  id: IndicatorId;
  kind: 'count' | 'rate' | 'duration' | 'score';
  nameZh: string;
  nameEn: string;
  formulaZh: string;
  formulaEn: string;
  /** Which way is good; assessment scores a lower_better rate as 1 − rate. */
  direction: 'higher_better' | 'lower_better' | 'neutral';
  /** Can carry a weight in the monthly assessment (rates only). */
  isAssessable: boolean;
}

const d = (
  id: IndicatorId,
  kind: IndicatorDefinition['kind'],
  direction: IndicatorDefinition['direction'],
  nameZh: string,
  nameEn: string,
  formulaZh: string,
  formulaEn: string,
): IndicatorDefinition => ({ id, kind, direction, nameZh, nameEn, formulaZh, formulaEn, isAssessable: kind === 'rate' });

export const INDICATORS: readonly IndicatorDefinition[] = [
  d(
    'contacts',
    'count',
    'neutral',
    '受理量',
    'Contacts received',
    '期内受理（新建）的全部诉求数，含无效件、转应急和被并单的重复件，按受理时间计',
    'All contacts taken in (created) in the period, including invalid, transferred and merged duplicates, by intake time',
  ),
  d(
    'orders',
    'count',
    'neutral',
    '有效工单量',
    'Orders',
    '受理量 − 无效件 − 转应急 − 被并单件（均按受理时间归期）',
    'Contacts − invalid − transferred to an emergency line − merged into another order (all by intake time)',
  ),
  d(
    'direct_answer_rate',
    'rate',
    'higher_better',
    '直接办结率（一次办结率）',
    'Direct-answer rate',
    '直接办结件数 ÷ 有效工单量（同一批受理的工单）',
    'Orders answered on the spot ÷ orders (the same intake cohort)',
  ),
  d(
    'on_time_sign_rate',
    'rate',
    'higher_better',
    '按时签收率',
    'On-time signing rate',
    '期内按时签收次数 ÷ 期内签收次数（以签收事件的 isOnTime 为准）',
    'Signings on time ÷ signings in the period (isOnTime of the sign event)',
  ),
  d(
    'on_time_completion_rate',
    'rate',
    'higher_better',
    '按时办结率',
    'On-time completion rate',
    '期内在办理时限内提交的答复数 ÷ 期内答复数（以答复事件的 isOnTime 为准；被驳回后再次答复另计一次）',
    'Replies submitted within the handling deadline ÷ replies in the period (isOnTime of the reply event; a reply sent again after rejection counts again)',
  ),
  d(
    'overdue_rate',
    'rate',
    'lower_better',
    '超期率',
    'Overdue rate',
    '期内被标记超期（sla_overdue 事件）的次数 ÷ 期内派给该单位的次数',
    'Times marked overdue (sla_overdue events) ÷ dispatches to the unit in the period',
  ),
  d('return_rate', 'rate', 'lower_better', '退单率', 'Return rate', '期内退单次数 ÷ 期内派单次数', 'Returns ÷ dispatches in the period'),
  d(
    'objection_rate',
    'rate',
    'lower_better',
    '派单异议率',
    'Dispatch-objection rate',
    '期内提出派单异议次数 ÷ 期内派单次数',
    'Dispatch objections ÷ dispatches in the period',
  ),
  d(
    'extension_rate',
    'rate',
    'lower_better',
    '延期申请率',
    'Extension rate',
    '期内延期申请次数 ÷ 期内派单次数',
    'Extension requests ÷ dispatches in the period',
  ),
  d(
    'reopen_rate',
    'rate',
    'lower_better',
    '重办率',
    'Reopen rate',
    '期内因不满意被认定重办的次数（计入被回访的承办单位）÷ 期内答复审核通过次数',
    'Reopenings after upheld dissatisfaction (charged to the unit called back about) ÷ replies accepted in the period',
  ),
  d(
    'callback_rate',
    'rate',
    'higher_better',
    '回访率',
    'Callback rate',
    '期内已回访（联系上）次数 ÷ 期内答复审核通过次数',
    'Callbacks that reached the citizen ÷ replies accepted in the period',
  ),
  d(
    'satisfaction_rate',
    'rate',
    'higher_better',
    '满意率',
    'Satisfaction rate',
    '（满意 ＋ 基本满意*）÷（满意 ＋ 基本满意 ＋ 不满意），按回访事件计；*是否计入基本满意由设置 satisfactionCountsBasic 决定；未联系上不计',
    '(satisfied + basically satisfied*) ÷ (satisfied + basically satisfied + unsatisfied), over callback events; *whether basically satisfied counts is the setting satisfactionCountsBasic; unreachable is left out',
  ),
  d(
    'resolution_rate',
    'rate',
    'higher_better',
    '解决率',
    'Resolution rate',
    '回访中市民表示问题已解决的次数 ÷ 回答了是否解决的回访次数',
    'Callbacks where the citizen said the problem is solved ÷ callbacks that recorded an answer',
  ),
  d(
    'repeat_complaint_rate',
    'rate',
    'lower_better',
    '重复投诉率',
    'Repeat-complaint rate',
    '重复投诉件 ÷ 投诉件；重复投诉：同一诉求人在此前 30 天内（不含同一时刻）已就同一分类投诉过',
    'Repeat complaints ÷ complaints; a repeat complaint is one whose citizen already complained in the same category in the previous 30 days',
  ),
  d(
    'avg_handling_hours',
    'duration',
    'lower_better',
    '平均办理时长（小时）',
    'Average handling time (hours)',
    '办理时长之和 ÷ 答复数；办理时长 = 答复时间 − 工单最近一次派至承办单位的时间（派单、下派、重办或异议改派），自然小时',
    'Sum of handling times ÷ replies; handling time = reply time − the last time the order was sent to a unit (dispatch, sub-dispatch, reopen or re-dispatch after an upheld objection), clock hours',
  ),
  d(
    'p50_handling_hours',
    'duration',
    'lower_better',
    '办理时长中位数（小时）',
    'Median handling time (hours)',
    '期内各答复办理时长的第 50 百分位数（线性插值，同 percentile_cont）',
    '50th percentile of the handling times of replies in the period (linear interpolation, as percentile_cont)',
  ),
  d(
    'p90_handling_hours',
    'duration',
    'lower_better',
    '办理时长 P90（小时）',
    '90th percentile handling time (hours)',
    '期内各答复办理时长的第 90 百分位数（线性插值）',
    '90th percentile of the handling times of replies in the period (linear interpolation)',
  ),
  d(
    'response_rate',
    'rate',
    'higher_better',
    '响应率',
    'Response rate',
    '按时签收次数 ÷ 签收次数（北京“三率”之响应率，以按时签收衡量及时响应）',
    "Signings on time ÷ signings (the response rate of Beijing's three rates, measured by timely signing)",
  ),
  d(
    'composite_score',
    'score',
    'higher_better',
    '三率综合得分',
    'Three-rate composite score',
    '100 × (w响应 × 响应率 + w解决 × 解决率 + w满意 × 满意率) ÷ (有数据各项权重之和)；权重可配置，默认 10 : 45 : 45',
    '100 × (w_response × response rate + w_resolution × resolution rate + w_satisfaction × satisfaction rate) ÷ (sum of the weights of the rates that have data); weights configurable, default 10 : 45 : 45',
  ),
  d('overdue_count', 'count', 'lower_better', '超期件次', 'Overdue count', '期内 sla_overdue 事件数', 'sla_overdue events in the period'),
  d(
    'improper_return_count',
    'count',
    'lower_better',
    '不当退单次数',
    'Improper returns',
    '退单后又被派回同一单位的次数 ＋ 派单异议被驳回的次数',
    'Returns re-dispatched to the same unit + dispatch objections denied',
  ),
  d(
    'supervision_count',
    'count',
    'lower_better',
    '督办件次',
    'Supervision notices',
    '期内督办单（supervise 事件）数',
    'Supervision notices (supervise events) in the period',
  ),
  d(
    'upheld_dissatisfaction_count',
    'count',
    'lower_better',
    '不满意认定重办次数',
    'Upheld dissatisfaction',
    '期内重办事件数（计入被回访的承办单位）',
    'Reopen events in the period (charged to the unit called back about)',
  ),
];

export const INDICATOR_BY_ID: ReadonlyMap<IndicatorId, IndicatorDefinition> = new Map(INDICATORS.map((i) => [i.id, i]));
export const ASSESSABLE_INDICATOR_IDS = INDICATORS.filter((i) => i.isAssessable).map((i) => i.id);

export interface CompositeWeights {
  response: number;
  resolution: number;
  satisfaction: number;
}
export const DEFAULT_COMPOSITE_WEIGHTS: CompositeWeights = { response: 10, resolution: 45, satisfaction: 45 };

export interface IndicatorSettings {
  /** 满意率: whether 基本满意 counts as satisfied. */
  satisfactionCountsBasic: boolean;
  compositeWeights: CompositeWeights;
}
export const DEFAULT_INDICATOR_SETTINGS: IndicatorSettings = { satisfactionCountsBasic: true, compositeWeights: DEFAULT_COMPOSITE_WEIGHTS };

export type IndicatorValues = Record<IndicatorId, number | null>;

/** Handling-time percentiles come from individual replies, not from sums; pass them when known. */
export interface HandlingPercentiles {
  p50Seconds: number | null;
  p90Seconds: number | null;
}

export const ratio = (numerator: number, denominator: number): number | null => (denominator > 0 ? numerator / denominator : null);

export function ordersOf(m: Measures): number {
  return m.contacts - m.invalid - m.transferred - m.merged;
}

export function satisfactionRate(
  m: Pick<Measures, 'satisfied' | 'basicallySatisfied' | 'unsatisfied'>,
  countsBasic: boolean,
): number | null {
  const good = m.satisfied + (countsBasic ? m.basicallySatisfied : 0);
  return ratio(good, m.satisfied + m.basicallySatisfied + m.unsatisfied);
}

/** Weighted mean of the rates that are known, scaled to 0–100; null when none is known. */
export function weightedScore(parts: { weight: number; value: number | null }[]): number | null {
  let sum = 0;
  let weights = 0;
  for (const p of parts) {
    if (p.value === null || p.weight === 0) continue;
    sum += p.weight * p.value;
    weights += p.weight;
  }
  return weights > 0 ? (100 * sum) / weights : null;
}

/**
 * The rates 三率综合得分 weighs: those with data and a weight. A period without callbacks has no resolution or
 * satisfaction rate, so its score is the response rate alone, and is not comparable with a score of all three.
 */
export function compositeParts(
  rates: Record<keyof CompositeWeights, number | null>,
  weights: CompositeWeights,
): { part: keyof CompositeWeights; weight: number; value: number }[] {
  return (['response', 'resolution', 'satisfaction'] as const).flatMap((part) => {
    const value = rates[part];
    return value !== null && weights[part] !== 0 ? [{ part, weight: weights[part], value }] : [];
  });
}

export function computeIndicators(
  m: Measures,
  settings: IndicatorSettings = DEFAULT_INDICATOR_SETTINGS,
  percentiles?: HandlingPercentiles,
): IndicatorValues {
  const orders = ordersOf(m);
  const response = ratio(m.signsOnTime, m.signs);
  const resolution = ratio(m.resolved, m.resolvedAnswered);
  const satisfaction = satisfactionRate(m, settings.satisfactionCountsBasic);
  const w = settings.compositeWeights;
  const hours = (s: number | null | undefined) => (s === null || s === undefined ? null : s / 3600);
  return {
    contacts: m.contacts,
    orders,
    direct_answer_rate: ratio(m.directAnswered, orders),
    on_time_sign_rate: response,
    on_time_completion_rate: ratio(m.repliesOnTime, m.replies),
    overdue_rate: ratio(m.overdue, m.dispatches),
    return_rate: ratio(m.returns, m.dispatches),
    objection_rate: ratio(m.objections, m.dispatches),
    extension_rate: ratio(m.extensionRequests, m.dispatches),
    reopen_rate: ratio(m.reopens, m.reviewsAccepted),
    callback_rate: ratio(m.callbacksReached, m.reviewsAccepted),
    satisfaction_rate: satisfaction,
    resolution_rate: resolution,
    repeat_complaint_rate: ratio(m.repeatComplaints, m.complaints),
    avg_handling_hours: m.replies > 0 ? m.handlingSeconds / m.replies / 3600 : null,
    p50_handling_hours: hours(percentiles?.p50Seconds),
    p90_handling_hours: hours(percentiles?.p90Seconds),
    response_rate: response,
    composite_score: weightedScore(compositeParts({ response, resolution, satisfaction }, w)),
    overdue_count: m.overdue,
    improper_return_count: m.improperReturns,
    supervision_count: m.supervisions,
    upheld_dissatisfaction_count: m.reopens,
  };
}

/** Percentile with linear interpolation between closest ranks, exactly as PostgreSQL's percentile_cont. */
export function percentile(values: readonly number[], p: number): number | null {
  if (p < 0 || p > 1) throw new RangeError('p must be within [0, 1]');
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = p * (sorted.length - 1);
  const lower = Math.floor(pos);
  const frac = pos - lower;
  return lower + 1 < sorted.length ? sorted[lower] + frac * (sorted[lower + 1] - sorted[lower]) : sorted[lower];
}
