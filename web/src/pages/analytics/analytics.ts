/**
 * Pure helpers of the analytics workbench: number formats by indicator kind, period and scheme checks
 * done in the browser before asking the server, and where a server error belongs on the form.
 */
import { ApiError } from '../../api/client.ts';
import type { AssessmentConfig, IndicatorKind, UnitResult } from '../../api/analytics.ts';

/** The longest period the summary API accepts (server/modules/analytics/periods.ts). */
export const MAX_PERIOD_DAYS = 400;

/** A figure as people read it: rates in %, durations in hours, scores with two decimals, counts grouped. */
export function formatValue(value: number | null | undefined, kind: IndicatorKind): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  switch (kind) {
    case 'rate':
      return `${(value * 100).toFixed(1)}%`;
    case 'duration':
      return value.toFixed(1);
    case 'score':
      return value.toFixed(2);
    case 'count':
      return Math.round(value).toLocaleString('en-US');
  }
}

/** The value an Excel cell should hold: rates as percentages with one decimal, others rounded. */
export function excelValue(value: number | null | undefined, kind: IndicatorKind): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  if (kind === 'rate') return Math.round(value * 1000) / 10;
  if (kind === 'count') return Math.round(value);
  return Math.round(value * 100) / 100;
}

export type PeriodProblem = 'missing' | 'reversed' | 'future' | 'tooLong';

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

/** Checks a period of YYYY-MM-DD days the way the server will, so the error shows before the request. */
export function checkPeriod(
  from: string | null | undefined,
  to: string | null | undefined,
  today: string,
  maxDays = MAX_PERIOD_DAYS,
): PeriodProblem | null {
  if (!from || !to) return 'missing';
  if (from > to) return 'reversed';
  if (to > today) return 'future';
  if (dayNumber(to) - dayNumber(from) + 1 > maxDays) return 'tooLong';
  return null;
}

/** YYYY-MM of the month before `day`'s month. */
export function previousMonth(day: string): string {
  const [y, m] = day.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 2, 1));
  return d.toISOString().slice(0, 7);
}

/** Splits a period into at most `maxBuckets` consecutive sub-periods (days, else weeks, else months) for a trend line. */
export function trendBuckets(from: string, to: string, maxBuckets = 16): { from: string; to: string; label: string }[] {
  const start = dayNumber(from);
  const end = dayNumber(to);
  if (!(end >= start)) return [];
  const dayOf = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);
  const length = end - start + 1;
  if (length > maxBuckets * 7) {
    const out: { from: string; to: string; label: string }[] = [];
    let cursor = start;
    while (cursor <= end) {
      const d = new Date(cursor * 86_400_000);
      const monthEnd = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0) / 86_400_000;
      const last = Math.min(monthEnd, end);
      out.push({ from: dayOf(cursor), to: dayOf(last), label: dayOf(cursor).slice(0, 7) });
      cursor = last + 1;
    }
    return out.slice(-maxBuckets);
  }
  const step = length > maxBuckets ? 7 : 1;
  const out: { from: string; to: string; label: string }[] = [];
  for (let cursor = start; cursor <= end; cursor += step) {
    const last = Math.min(cursor + step - 1, end);
    out.push({ from: dayOf(cursor), to: dayOf(last), label: dayOf(cursor).slice(5) });
  }
  return out.slice(-maxBuckets);
}

export type SchemeProblem =
  | { field: 'indicators'; problem: 'empty' | 'weights' | 'duplicate'; total?: number }
  | { field: 'deductions'; problem: 'duplicate' | 'negative' };

/** The assessment scheme's rules (weights sum to 100, nothing twice, no negatives), checked before computing. */
export function checkScheme(config: AssessmentConfig): SchemeProblem[] {
  const problems: SchemeProblem[] = [];
  if (config.indicators.length === 0) problems.push({ field: 'indicators', problem: 'empty' });
  const ids = config.indicators.map((i) => i.id);
  if (new Set(ids).size !== ids.length) problems.push({ field: 'indicators', problem: 'duplicate' });
  const total = weightTotal(config);
  if (config.indicators.length && (Math.abs(total - 100) > 1e-9 || config.indicators.some((i) => !(i.weight >= 0)))) {
    problems.push({ field: 'indicators', problem: 'weights', total });
  }
  const kinds = config.deductions.map((d) => d.kind);
  if (new Set(kinds).size !== kinds.length) problems.push({ field: 'deductions', problem: 'duplicate' });
  if (config.deductions.some((d) => !(d.pointsEach >= 0) || !(d.maxPoints >= 0)))
    problems.push({ field: 'deductions', problem: 'negative' });
  return problems;
}

export function weightTotal(config: Pick<AssessmentConfig, 'indicators'>): number {
  return Math.round(config.indicators.reduce((s, i) => s + (Number(i.weight) || 0), 0) * 1e6) / 1e6;
}

/** Which form field a server refusal belongs beside, from its details.reason; null = show it above the form. */
export function fieldOfError(error: unknown): string | null {
  if (!(error instanceof ApiError)) return null;
  const reason = (error.details as { reason?: string } | null)?.reason;
  switch (reason) {
    case 'bad_date':
    case 'reversed_period':
    case 'future_period':
    case 'period_too_long':
    case 'period_required':
    case 'past_period':
    case 'period_too_far':
      return 'period';
    case 'month_published':
    case 'month_not_over':
    case 'not_computed':
      return 'month';
    case 'weights_not_100':
    case 'no_indicators':
    case 'indicator_not_assessable':
    case 'duplicate_indicator':
    case 'negative_weight':
      return 'indicators';
    case 'unknown_deduction':
    case 'duplicate_deduction':
      return 'deductions';
    case 'appeal_exceeds_deductions':
      return 'count';
    case 'approved_count_out_of_range':
      return 'approvedCount';
    case 'title_required':
      return 'title';
    default:
      return null;
  }
}

/** Results grouped by peer group (考核分组), each sorted by rank (unranked last, then by name). */
export function rankingByGroup(results: UnitResult[]): { peerGroup: string; rows: UnitResult[] }[] {
  const groups = new Map<string, UnitResult[]>();
  for (const r of results) groups.set(r.peerGroup, [...(groups.get(r.peerGroup) ?? []), r]);
  const order = ['department', 'district', 'street', 'utility'];
  return [...groups.entries()]
    .sort(([a], [b]) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99) || a.localeCompare(b))
    .map(([peerGroup, rows]) => ({
      peerGroup,
      rows: [...rows].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.unitName.localeCompare(b.unitName, 'zh')),
    }));
}

/** Deduction points of a result in total. */
export const deductionTotal = (r: Pick<UnitResult, 'deductions'>) => Math.round(r.deductions.reduce((s, d) => s + d.points, 0) * 100) / 100;

/** Counts of a deduction still open to appeal: charged and not yet waived. */
export const appealable = (d: { count: number; waived: number }) => Math.max(0, d.count - d.waived);

/** Volume-weighted answer rate of a day's half hours under the planned roster (null without a plan). */
export function expectedAnswerRate(slots: { volume: number; planned: { answerRate: number } | null }[]): number | null {
  let calls = 0;
  let answered = 0;
  for (const s of slots) {
    if (!s.planned) return null;
    calls += s.volume;
    answered += s.volume * s.planned.answerRate;
  }
  return calls > 0 ? answered / calls : null;
}

/** Volume-weighted service level a day would get with the planned roster. */
export function expectedServiceLevel(slots: { volume: number; planned: { serviceLevel: number } | null }[]): number | null {
  let calls = 0;
  let within = 0;
  for (const s of slots) {
    if (!s.planned) return null;
    calls += s.volume;
    within += s.volume * s.planned.serviceLevel;
  }
  return calls > 0 ? within / calls : null;
}
