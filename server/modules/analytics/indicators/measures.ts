/**
 * Measures: the additive counts and sums the rollup keeps per day and dimension.
 * Every indicator is a formula over these (see indicators.ts); every measure is derived
 * from ticket_events by the rules in rollup-spec.ts (reference) and rollup.sql.ts (SQL).
 */

export const MEASURE_KEYS = [
  'contacts', // 受理量: create events
  'invalid', // 无效件 (cohort: counted on the creation day)
  'transferred', // 转应急 (cohort)
  'merged', // 并单 (cohort)
  'directAnswered', // 直接办结 (cohort)
  'complaints', // 投诉件: contacts of type complaint
  'repeatComplaints', // 重复投诉 (see repeat rule)
  'dispatches', // 派单/下派/异议改派 to the unit
  'signs', // 签收
  'signsOnTime', // 按时签收
  'returns', // 退单
  'improperReturns', // 不当退单: returned, then re-dispatched to the same unit
  'objections', // 派单异议
  'objectionsDenied', // 异议被驳回 (dispatch upheld)
  'extensionRequests', // 延期申请
  'replies', // 答复
  'repliesOnTime', // 按时答复
  'handlingSeconds', // sum of handling time of replies, seconds
  'reviewsAccepted', // 审核通过
  'reviewsRejected', // 审核驳回
  'callbacks', // 回访 attempts
  'callbacksReached', // 回访 with a result other than 未联系上
  'satisfied', // 满意
  'basicallySatisfied', // 基本满意
  'unsatisfied', // 不满意
  'resolvedAnswered', // callbacks where the citizen said whether it was solved
  'resolved', // … and said yes
  'reopens', // 重办 (upheld dissatisfaction), charged to the unit called back about
  'overdue', // 超期: sla_overdue events
  'supervisions', // 督办单
  'urges', // 催办
] as const;

export type MeasureKey = (typeof MEASURE_KEYS)[number];
export type Measures = Record<MeasureKey, number>;

export function emptyMeasures(): Measures {
  return Object.fromEntries(MEASURE_KEYS.map((k) => [k, 0])) as Measures;
}

/** Adds `b` into a copy of `a` (`sign` = -1 subtracts). */
export function addMeasures(a: Measures, b: Partial<Measures>, sign = 1): Measures {
  const out = { ...a };
  for (const k of MEASURE_KEYS) out[k] += sign * (b[k] ?? 0);
  return out;
}

export function sumMeasures(rows: Iterable<Partial<Measures>>): Measures {
  let total = emptyMeasures();
  for (const row of rows) total = addMeasures(total, row);
  return total;
}

/** snake_case column name of a measure, as stored in analytics_daily. */
export function measureColumn(key: MeasureKey): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
