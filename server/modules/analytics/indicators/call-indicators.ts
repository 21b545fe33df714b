/**
 * 话务指标 — indicators computed from call records (call_records, pushed by the phone system):
 * definitions for the indicators API and docs/indicators.md, and the pure formulas.
 *
 * Only inbound calls offered to the agent queue count (a call that ended in the IVR never reaches the
 * queue, so the phone system does not report it). Rates are fractions in [0, 1], null when nothing was offered.
 */
import type { IndicatorDefinition } from './indicators.ts';

/** GB/T 33358: a call answered within this many seconds of entering the queue counts for the 15-second answer rate. */
export const ANSWER_TARGET_SECONDS = 15;
/** Fewer abandoned calls than this in the history and the callers' patience is not estimated (too noisy). */
export const MIN_ABANDONED_FOR_PATIENCE = 20;

export const CALL_INDICATOR_IDS = [
  'calls_offered',
  'calls_answered',
  'answer_rate',
  'answer_15s_rate',
  'abandon_rate',
  'avg_speed_of_answer_seconds',
  'avg_call_handling_seconds',
  'calls_rated',
  'call_satisfaction_rate',
] as const;
export type CallIndicatorId = (typeof CALL_INDICATOR_IDS)[number];

export type CallIndicatorDefinition = Omit<IndicatorDefinition, 'id'> & { id: CallIndicatorId };

const d = (
  id: CallIndicatorId,
  kind: IndicatorDefinition['kind'],
  direction: IndicatorDefinition['direction'],
  nameZh: string,
  nameEn: string,
  formulaZh: string,
  formulaEn: string,
): CallIndicatorDefinition => ({ id, kind, direction, nameZh, nameEn, formulaZh, formulaEn, isAssessable: false });

export const CALL_INDICATORS: readonly CallIndicatorDefinition[] = [
  d(
    'calls_offered',
    'count',
    'neutral',
    '呼入量',
    'Calls offered',
    '期内进入人工队列的呼入电话数（按进入队列时间归期；未转人工、在语音导航中结束的不计）',
    'Inbound calls that entered the agent queue in the period (by queue entry time; calls that ended in the IVR are not counted)',
  ),
  d('calls_answered', 'count', 'neutral', '接通量', 'Calls answered', '呼入量中被坐席接起的电话数', 'Offered calls an agent answered'),
  d(
    'answer_rate',
    'rate',
    'higher_better',
    '接通率',
    'Answer rate',
    '接通量 ÷ 呼入量；放弃（排队中挂断）的电话计为未接通，短时放弃不剔除（GB/T 33358：不低于 95%）',
    'Calls answered ÷ calls offered; calls abandoned in the queue count as not answered, short abandons included (GB/T 33358: at least 95 %)',
  ),
  d(
    'answer_15s_rate',
    'rate',
    'higher_better',
    '15秒接通率',
    '15-second answer rate',
    '进入队列后 15 秒内（排队时长 ≤ 15 秒）被接起的电话数 ÷ 呼入量（分母含放弃的电话）',
    'Calls answered within 15 seconds of entering the queue (wait ≤ 15 s) ÷ calls offered (abandoned calls included in the denominator)',
  ),
  d(
    'abandon_rate',
    'rate',
    'lower_better',
    '呼损率（放弃率）',
    'Abandon rate',
    '（呼入量 − 接通量）÷ 呼入量',
    '(Calls offered − calls answered) ÷ calls offered',
  ),
  d(
    'avg_speed_of_answer_seconds',
    'duration',
    'lower_better',
    '平均应答时长（秒）',
    'Average speed of answer (seconds)',
    '接通电话的排队时长之和 ÷ 接通量',
    'Sum of the queue waits of answered calls ÷ calls answered',
  ),
  d(
    'avg_call_handling_seconds',
    'duration',
    'lower_better',
    '平均处理时长（秒）',
    'Average handling time (seconds)',
    '（通话时长 ＋ 话后处理时长）之和 ÷ 接通量',
    'Sum of (talk time + after-call work) ÷ calls answered',
  ),
  d(
    'calls_rated',
    'count',
    'neutral',
    '一次一评参评量',
    'Calls rated',
    '接通的呼入电话中，坐席挂机后主叫按键评价（1 满意、2 基本满意、3 不满意）的电话数',
    'Answered inbound calls whose caller pressed a rating key after the agent hung up (1 satisfied, 2 basically satisfied, 3 unsatisfied)',
  ),
  d(
    'call_satisfaction_rate',
    'rate',
    'higher_better',
    '服务过程满意率（一次一评）',
    'Call satisfaction (rated after the call)',
    '（满意 ＋ 基本满意）的评价数 ÷ 一次一评参评量；未评价的电话不计入分母',
    '(Satisfied + basically satisfied) ÷ calls rated; calls without a rating are left out of the denominator',
  ),
];

/** Sums over a set of inbound calls. */
export interface CallCounts {
  offered: number;
  answered: number;
  /** Answered with a wait of at most ANSWER_TARGET_SECONDS. */
  answeredWithinTarget: number;
  /** Queue seconds of answered calls. */
  answeredWaitSeconds: number;
  /** Queue seconds of every offered call (answered: until answered; abandoned: until hang-up). */
  waitSeconds: number;
  talkSeconds: number;
  wrapUpSeconds: number;
  /** Answered calls the caller rated (一次一评), and of them the ones rated 1 or 2. */
  rated: number;
  ratedSatisfied: number;
}

export const EMPTY_CALL_COUNTS: CallCounts = {
  offered: 0,
  answered: 0,
  answeredWithinTarget: 0,
  answeredWaitSeconds: 0,
  waitSeconds: 0,
  talkSeconds: 0,
  wrapUpSeconds: 0,
  rated: 0,
  ratedSatisfied: 0,
};

export type CallIndicatorValues = Record<CallIndicatorId, number | null>;

const ratio = (n: number, d: number) => (d > 0 ? n / d : null);

export function computeCallIndicators(c: CallCounts): CallIndicatorValues {
  return {
    calls_offered: c.offered,
    calls_answered: c.answered,
    answer_rate: ratio(c.answered, c.offered),
    answer_15s_rate: ratio(c.answeredWithinTarget, c.offered),
    abandon_rate: ratio(c.offered - c.answered, c.offered),
    avg_speed_of_answer_seconds: ratio(c.answeredWaitSeconds, c.answered),
    avg_call_handling_seconds: ratio(c.talkSeconds + c.wrapUpSeconds, c.answered),
    calls_rated: c.rated,
    call_satisfaction_rate: ratio(c.ratedSatisfied, c.rated),
  };
}

export function addCallCounts(a: CallCounts, b: CallCounts): CallCounts {
  return {
    offered: a.offered + b.offered,
    answered: a.answered + b.answered,
    answeredWithinTarget: a.answeredWithinTarget + b.answeredWithinTarget,
    answeredWaitSeconds: a.answeredWaitSeconds + b.answeredWaitSeconds,
    waitSeconds: a.waitSeconds + b.waitSeconds,
    talkSeconds: a.talkSeconds + b.talkSeconds,
    wrapUpSeconds: a.wrapUpSeconds + b.wrapUpSeconds,
    rated: a.rated + b.rated,
    ratedSatisfied: a.ratedSatisfied + b.ratedSatisfied,
  };
}

/**
 * Mean patience (seconds a caller will wait before hanging up), assuming exponential patience:
 * the maximum-likelihood estimate is the total time all callers spent waiting (abandoned callers until
 * they hung up, answered ones until answered — censored observations) ÷ the number who abandoned.
 * Null with fewer than MIN_ABANDONED_FOR_PATIENCE abandoned calls.
 */
export function estimatePatienceSeconds(c: Pick<CallCounts, 'offered' | 'answered' | 'waitSeconds'>): number | null {
  const abandoned = c.offered - c.answered;
  if (abandoned < MIN_ABANDONED_FOR_PATIENCE || c.waitSeconds <= 0) return null;
  return c.waitSeconds / abandoned;
}

/** Average handling time of answered calls, seconds; null without answered calls. */
export function averageHandlingSeconds(c: Pick<CallCounts, 'answered' | 'talkSeconds' | 'wrapUpSeconds'>): number | null {
  return ratio(c.talkSeconds + c.wrapUpSeconds, c.answered);
}
