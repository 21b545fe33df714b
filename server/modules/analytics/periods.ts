/**
 * Reporting periods: inclusive ranges of Asia/Shanghai calendar days (YYYY-MM-DD), months (YYYY-MM),
 * and the comparison periods 环比 (the period just before) and 同比 (the same period a year earlier).
 */
import { dayIndexOf, dayString, shanghaiDay } from '../../lib/calendar.ts';
import { validation } from '../../lib/errors.ts';

export interface Period {
  from: string;
  to: string;
}

export type PeriodKind = 'daily' | 'weekly' | 'monthly' | 'special';

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

export const addDays = (day: string, n: number) => dayString(dayIndexOf(day) + n);
export const daysBetween = (from: string, to: string) => dayIndexOf(to) - dayIndexOf(from);
export const today = (now: Date) => shanghaiDay(now);

export function isDay(value: string): boolean {
  try {
    dayIndexOf(value);
    return true;
  } catch {
    return false;
  }
}

export function monthPeriod(month: string): Period {
  const m = MONTH_RE.exec(month);
  if (!m) throw validation('月份格式应为 YYYY-MM', 'Month must be YYYY-MM', { month });
  const year = Number(m[1]);
  const mon = Number(m[2]);
  const last = new Date(Date.UTC(year, mon, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

export function monthOf(day: string): string {
  return day.slice(0, 7);
}

export function shiftMonth(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return d.toISOString().slice(0, 7);
}

/** Same day a year earlier; 29 February becomes 28 February. */
export function shiftYear(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const year = y + n;
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${year}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** 环比: for a whole month the previous month, otherwise the same number of days just before. */
export function previousPeriod(p: Period): Period {
  if (isWholeMonth(p)) return monthPeriod(shiftMonth(monthOf(p.from), -1));
  const length = daysBetween(p.from, p.to) + 1;
  return { from: addDays(p.from, -length), to: addDays(p.from, -1) };
}

/** 同比: the same dates one year earlier (a whole month maps to the whole month). */
export function yearAgoPeriod(p: Period): Period {
  if (isWholeMonth(p)) return monthPeriod(shiftMonth(monthOf(p.from), -12));
  return { from: shiftYear(p.from, -1), to: shiftYear(p.to, -1) };
}

function isWholeMonth(p: Period): boolean {
  if (!p.from.endsWith('-01')) return false;
  return monthPeriod(monthOf(p.from)).to === p.to;
}

/** Monday of the ISO week containing `day`. */
export function weekStart(day: string): string {
  const index = dayIndexOf(day);
  const weekday = (((index + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday; 0 = Monday
  return dayString(index - weekday);
}

/** The period a report of `kind` covers for the reference day (the day, its ISO week, its month). */
export function periodFor(kind: Exclude<PeriodKind, 'special'>, day: string): Period {
  if (kind === 'daily') return { from: day, to: day };
  if (kind === 'weekly') {
    const from = weekStart(day);
    return { from, to: addDays(from, 6) };
  }
  return monthPeriod(monthOf(day));
}

/**
 * Rejects reversed periods, periods ending after today and periods longer than `maxDays`,
 * with a reason in details so clients can tell them apart.
 */
export function validatePeriod(p: Period, todayDay: string, maxDays = 400): Period {
  if (!isDay(p.from) || !isDay(p.to)) {
    throw validation('日期格式应为 YYYY-MM-DD', 'Dates must be YYYY-MM-DD', { reason: 'bad_date', ...p });
  }
  if (p.from > p.to) throw validation('开始日期晚于结束日期', 'The period starts after it ends', { reason: 'reversed_period', ...p });
  if (p.to > todayDay)
    throw validation('统计期不能晚于今天', 'The period cannot end in the future', { reason: 'future_period', today: todayDay, ...p });
  if (daysBetween(p.from, p.to) + 1 > maxDays) {
    throw validation(`统计期不能超过 ${maxDays} 天`, `The period cannot be longer than ${maxDays} days`, {
      reason: 'period_too_long',
      maxDays,
      ...p,
    });
  }
  return p;
}

/** A month that is not in the future (the current month is allowed). */
export function validateMonth(month: string, todayDay: string): Period {
  const p = monthPeriod(month);
  if (p.from > todayDay)
    throw validation('考核月份不能晚于本月', 'The month cannot be in the future', { reason: 'future_period', month, today: todayDay });
  return p;
}
