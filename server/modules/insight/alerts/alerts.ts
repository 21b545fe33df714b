/**
 * Surge alerts (预警): per category × region, today's (or this hour's) count against a baseline of
 * comparable past periods — same kind of day (working day vs weekend/holiday, from the working-day
 * calendar with 调休) and, for hourly alerts, the same hour — tested with a Poisson upper tail.
 * Pure: counts and the calendar come in, alerts go out.
 */
import { shanghaiDay, shanghaiHour } from '../../../lib/calendar.ts';

/** Whether a China day (YYYY-MM-DD) is a working day: WorkingCalendar.isWorkingDay, with 调休. */
export type IsWorkingDay = (day: string) => boolean;

export interface CountedOrder {
  at: Date;
  categoryId: number | null;
  regionId: number | null;
}

export interface AlertOptions {
  /** 'day': the China day containing `now`; 'hour': the hour containing `now`. */
  granularity: 'day' | 'hour';
  /** Past days the baseline may draw on. */
  baselineDays: number;
  /** One-sided Poisson p-value below which a rise is significant (before the multiple-testing correction). */
  alpha: number;
  /** Fewest orders in the period for an alert; a rise from 0 to 2 is noise. */
  minCount: number;
  /** Smallest rise over the baseline worth telling a supervisor about. */
  minRatio: number;
}

export const DEFAULT_ALERT_OPTIONS: AlertOptions = { granularity: 'day', baselineDays: 56, alpha: 0.01, minCount: 5, minRatio: 2 };

export interface SurgeAlert {
  categoryId: number | null;
  regionId: number | null;
  /** The period tested: a China day (2026-03-02) or hour (2026-03-02T09). */
  period: string;
  observed: number;
  /** Mean count of comparable past periods. */
  expected: number;
  /** observed / expected, as a percentage rise: +286 means almost four times. */
  risePercent: number;
  pValue: number;
  /** Comparable past periods the baseline was computed from. */
  baselinePeriods: number;
  level: 'warning' | 'critical';
}

/** log(k!) exactly for small k, Stirling's series beyond. */
export function logFactorial(k: number): number {
  if (k < 2) return 0;
  if (k < 64) {
    let s = 0;
    for (let i = 2; i <= k; i++) s += Math.log(i);
    return s;
  }
  return k * Math.log(k) - k + 0.5 * Math.log(2 * Math.PI * k) + 1 / (12 * k) - 1 / (360 * k ** 3);
}

/** P(X ≥ k) for X ~ Poisson(λ), summed from k upwards in log space (accurate for tiny tails). */
export function poissonUpperTail(k: number, lambda: number): number {
  if (k <= 0) return 1;
  if (lambda <= 0) return 0;
  let logTerm = -lambda + k * Math.log(lambda) - logFactorial(k);
  let sum = 0;
  for (let i = k; i < k + 10_000; i++) {
    const term = Math.exp(logTerm);
    sum += term;
    if (term < sum * 1e-15 && i > lambda) break;
    logTerm += Math.log(lambda) - Math.log(i + 1);
  }
  return Math.min(1, sum);
}

const keyOf = (o: { categoryId: number | null; regionId: number | null }) => `${o.categoryId ?? ''}:${o.regionId ?? ''}`;

/**
 * Category × region pairs whose count in the period containing `now` rises significantly above
 * their baseline. The p-value threshold is divided by the number of pairs tested (Bonferroni),
 * so a city with many categories does not raise alerts by chance.
 */
export function detectSurges(
  orders: CountedOrder[],
  now: Date,
  isWorkingDay: IsWorkingDay,
  overrides: Partial<AlertOptions> = {},
): SurgeAlert[] {
  const options = { ...DEFAULT_ALERT_OPTIONS, ...overrides };
  const hourly = options.granularity === 'hour';
  const periodOf = (d: Date) => (hourly ? `${shanghaiDay(d)}T${String(shanghaiHour(d)).padStart(2, '0')}` : shanghaiDay(d));
  const today = shanghaiDay(now);
  const current = periodOf(now);
  const currentIsWorkday = isWorkingDay(today);
  const currentHour = shanghaiHour(now);

  // comparable past days: same kind of day, within the baseline window, before today
  const comparableDays = new Set<string>();
  for (let back = 1; back <= options.baselineDays; back++) {
    const day = shanghaiDay(new Date(now.getTime() - back * 86_400_000));
    if (isWorkingDay(day) === currentIsWorkday) comparableDays.add(day);
  }
  if (comparableDays.size === 0) return [];

  const observed = new Map<string, number>();
  const past = new Map<string, number>();
  const pairs = new Map<string, { categoryId: number | null; regionId: number | null }>();
  for (const o of orders) {
    const key = keyOf(o);
    if (periodOf(o.at) === current) {
      observed.set(key, (observed.get(key) ?? 0) + 1);
      pairs.set(key, { categoryId: o.categoryId, regionId: o.regionId });
    } else if (comparableDays.has(shanghaiDay(o.at)) && (!hourly || shanghaiHour(o.at) === currentHour)) {
      past.set(key, (past.get(key) ?? 0) + 1);
    }
  }
  const tested = Math.max(1, observed.size);
  const alerts: SurgeAlert[] = [];
  for (const [key, count] of observed) {
    // half an order per comparable period as a floor: a category never seen before is unusual, not infinitely so
    const expected = Math.max((past.get(key) ?? 0) / comparableDays.size, 0.5 / Math.sqrt(comparableDays.size));
    const pValue = poissonUpperTail(count, expected);
    const ratio = count / expected;
    if (count < options.minCount || ratio < options.minRatio || pValue >= options.alpha / tested) continue;
    alerts.push({
      ...pairs.get(key)!,
      period: current,
      observed: count,
      expected: Math.round(expected * 100) / 100,
      risePercent: Math.round((ratio - 1) * 100),
      pValue: Number(pValue.toPrecision(3)),
      baselinePeriods: comparableDays.size,
      level: pValue < options.alpha / tested / 100 && ratio >= 2 * options.minRatio ? 'critical' : 'warning',
    });
  }
  return alerts.sort((a, b) => a.pValue - b.pValue || b.observed - a.observed);
}

/** Year-on-year change in percent of the orders matching `isMatch` in [from, to) versus the same dates a year earlier; null without a base. */
export function yearOnYearPercent(
  orders: CountedOrder[],
  from: Date,
  to: Date,
  isMatch: (o: CountedOrder) => boolean = () => true,
): number | null {
  const yearMs = 365 * 86_400_000;
  let now = 0;
  let before = 0;
  for (const o of orders) {
    if (!isMatch(o)) continue;
    const t = o.at.getTime();
    if (t >= from.getTime() && t < to.getTime()) now++;
    else if (t >= from.getTime() - yearMs && t < to.getTime() - yearMs) before++;
  }
  return before === 0 ? null : Math.round(((now - before) / before) * 100);
}
