/**
 * 工作日历: working-day and working-time arithmetic in Asia/Shanghai.
 *
 * Pure and independent of the machine's time zone: instants are epoch milliseconds and the local day is
 * found with a fixed +08:00 offset (China has had no daylight saving time since 1991).
 *
 * Rules
 * - A day works by default Monday–Friday; `exceptions` override that (holidays off, 调休 weekend days on).
 * - Working time is the union of the working periods of working days; a period is [start, end).
 * - `addWorkingMs` / `addWorkingHours`: the earliest instant at which `ms` of working time have elapsed since
 *   `from`. Time before the next working period is not counted, so a budget that runs out exactly at the end
 *   of a period returns that end (17:30), not the next start. `ms = 0` returns `from` unchanged.
 * - `addWorkingDays(from, n)`: the same clock time on the n-th following working day. When `from` is outside
 *   working time (a weekend, a holiday, the night, the lunch break) counting starts at the next working-period
 *   start, so Monday 18:00 + 1 = Wednesday 09:00 and Monday 12:30 + 1 = Tuesday 13:30. The end of a period
 *   counts as inside it (Friday 17:30 + 1 = Monday 17:30). `n = 0` returns that normalised start; a fractional
 *   part adds that share of one working day's working time. Both functions reject negative amounts.
 * - `workingMsBetween(a, b)`: working time in [a, b); negative when b is before a.
 */

export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
/** The same offset as ISO 8601 writes it. */
export const SHANGHAI_UTC_OFFSET = '+08:00';
export const DAY_MS = 86_400_000;
export const DEFAULT_WORKING_PERIODS: [string, string][] = [
  ['09:00', '12:00'],
  ['13:30', '17:30'],
];
/** Ten years without a working day means the calendar data is wrong; stop instead of looping for ever. */
const MAX_SCAN_DAYS = 3_660;

export interface CalendarException {
  isWorkday: boolean;
  name: string;
}

interface Period {
  /** Milliseconds after local midnight. */
  startMs: number;
  endMs: number;
}

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Local (Asia/Shanghai) day number: days since 1970-01-01 in +08:00. */
export function localDayIndex(at: Date | number): number {
  const ms = typeof at === 'number' ? at : at.getTime();
  return Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS);
}

/** The instant local midnight of day `dayIndex` begins. */
export function dayStartMs(dayIndex: number): number {
  return dayIndex * DAY_MS - SHANGHAI_OFFSET_MS;
}

export function dayIndexOf(day: string): number {
  const m = DAY_RE.exec(day);
  const t = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  if (!m || Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== day) throw new RangeError(`not a YYYY-MM-DD day: ${day}`);
  return t / DAY_MS;
}

export function dayString(dayIndex: number): string {
  return new Date(dayIndex * DAY_MS).toISOString().slice(0, 10);
}

/** The Asia/Shanghai calendar day of an instant, as YYYY-MM-DD. */
export function shanghaiDay(at: Date): string {
  return dayString(localDayIndex(at));
}

/** Hour of day in Asia/Shanghai, 0–23. */
export function shanghaiHour(at: Date): number {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).getUTCHours();
}

/** Minutes since local midnight in Asia/Shanghai. */
export function shanghaiMinuteOfDay(at: Date): number {
  return Math.floor((at.getTime() + SHANGHAI_OFFSET_MS - localDayIndex(at) * DAY_MS) / 60_000);
}

/** ISO 8601 with the local offset, to the second: 2026-03-02T10:00:00+08:00. */
export function shanghaiIsoString(at: Date): string {
  return `${new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19)}${SHANGHAI_UTC_OFFSET}`;
}

/** Day of week of a local day number, 0 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOfDayIndex(dayIndex: number): number {
  return (((dayIndex + 4) % 7) + 7) % 7;
}

/** Day of week in Asia/Shanghai, 0 = Sunday. */
export function shanghaiWeekday(at: Date): number {
  return weekdayOfDayIndex(localDayIndex(at));
}

export type DayKind = 'workday' | 'weekend' | 'holiday';

/**
 * The one working-day rule: Monday–Friday work unless an exception says otherwise; an exception that is
 * not a working day is a holiday, one that is makes a weekend day a working day (调休).
 */
export function dayKindOf(day: string, exceptions: ReadonlyMap<string, { isWorkday: boolean }>): DayKind {
  const exception = exceptions.get(day);
  if (exception) return exception.isWorkday ? 'workday' : 'holiday';
  const weekday = weekdayOfDayIndex(dayIndexOf(day));
  return weekday >= 1 && weekday <= 5 ? 'workday' : 'weekend';
}

function parseTime(value: string): number {
  const m = TIME_RE.exec(value);
  if (!m) throw new RangeError(`not an HH:MM time: ${value}`);
  return (Number(m[1]) * 60 + Number(m[2])) * 60_000;
}

export class WorkingCalendar {
  readonly periods: readonly Period[];
  /** Working time in one working day (7 h with the default periods). */
  readonly workingMsPerDay: number;
  private readonly exceptions: Map<string, CalendarException>;
  private readonly dayCache = new Map<number, boolean>();

  constructor(exceptions: Map<string, CalendarException> = new Map(), workingPeriods: [string, string][] = DEFAULT_WORKING_PERIODS) {
    const periods = workingPeriods.map(([s, e]) => ({ startMs: parseTime(s), endMs: parseTime(e) }));
    if (periods.length === 0) throw new RangeError('at least one working period is needed');
    periods.forEach((p, i) => {
      if (p.endMs <= p.startMs) throw new RangeError(`working period ${workingPeriods[i].join('–')} ends before it starts`);
      if (i > 0 && p.startMs < periods[i - 1].endMs) throw new RangeError('working periods must be sorted and must not overlap');
    });
    for (const day of exceptions.keys()) dayIndexOf(day);
    this.periods = periods;
    this.workingMsPerDay = periods.reduce((sum, p) => sum + p.endMs - p.startMs, 0);
    this.exceptions = new Map(exceptions);
  }

  /** Whether `day` (YYYY-MM-DD) is a working day: Monday–Friday unless an exception says otherwise. */
  isWorkingDay(day: string): boolean {
    return this.isWorkingDayIndex(dayIndexOf(day));
  }

  /** The holiday or 调休 entry for `day`, if any. */
  exceptionFor(day: string): CalendarException | undefined {
    return this.exceptions.get(day);
  }

  isWorkingDayIndex(dayIndex: number): boolean {
    let isWorking = this.dayCache.get(dayIndex);
    if (isWorking === undefined) {
      isWorking = dayKindOf(dayString(dayIndex), this.exceptions) === 'workday';
      this.dayCache.set(dayIndex, isWorking);
    }
    return isWorking;
  }

  /** Whether `at` lies inside a working period (start inclusive, end exclusive) of a working day. */
  isWorkingTime(at: Date): boolean {
    const d = localDayIndex(at);
    if (!this.isWorkingDayIndex(d)) return false;
    const tod = at.getTime() - dayStartMs(d);
    return this.periods.some((p) => tod >= p.startMs && tod < p.endMs);
  }

  /** The earliest instant at or after `at` that is working time. */
  nextWorkingInstant(at: Date): Date {
    const t = at.getTime();
    let d = localDayIndex(t);
    for (let scanned = 0; scanned <= MAX_SCAN_DAYS; scanned++, d++) {
      if (!this.isWorkingDayIndex(d)) continue;
      const base = dayStartMs(d);
      for (const p of this.periods) {
        if (t < base + p.endMs) return new Date(Math.max(t, base + p.startMs));
      }
    }
    throw new RangeError('no working day found within ten years; check the calendar data');
  }

  addWorkingHours(from: Date, hours: number): Date {
    return this.addWorkingMs(from, hours * 3_600_000);
  }

  addWorkingMs(from: Date, ms: number): Date {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`working time to add must be a non-negative number, got ${ms}`);
    if (ms === 0) return new Date(from.getTime());
    let t = from.getTime();
    let remaining = ms;
    let d = localDayIndex(t);
    for (let idle = 0; idle <= MAX_SCAN_DAYS; d++, t = dayStartMs(d)) {
      if (!this.isWorkingDayIndex(d)) {
        idle++;
        continue;
      }
      idle = 0;
      const base = dayStartMs(d);
      for (const p of this.periods) {
        const start = Math.max(base + p.startMs, t);
        const end = base + p.endMs;
        if (start >= end) continue;
        if (end - start >= remaining) return new Date(start + remaining);
        remaining -= end - start;
      }
    }
    throw new RangeError('no working day found within ten years; check the calendar data');
  }

  addWorkingDays(from: Date, days: number): Date {
    if (!Number.isFinite(days) || days < 0) throw new RangeError(`working days to add must be a non-negative number, got ${days}`);
    const whole = Math.floor(days);
    const fraction = days - whole;
    const start = this.isInsideWorkingTimeInclusive(from) ? from : this.nextWorkingInstant(from);
    let d = localDayIndex(start);
    const timeOfDay = start.getTime() - dayStartMs(d);
    for (let i = 0; i < whole; i++) d = this.nextWorkingDayIndex(d);
    const result = new Date(dayStartMs(d) + timeOfDay);
    return fraction > 0 ? this.addWorkingMs(result, fraction * this.workingMsPerDay) : result;
  }

  workingMsBetween(a: Date, b: Date): number {
    const from = a.getTime();
    const to = b.getTime();
    if (to < from) return -this.workingMsBetween(b, a);
    let total = 0;
    for (let d = localDayIndex(from), last = localDayIndex(to); d <= last; d++) {
      if (!this.isWorkingDayIndex(d)) continue;
      const base = dayStartMs(d);
      for (const p of this.periods) {
        const overlap = Math.min(to, base + p.endMs) - Math.max(from, base + p.startMs);
        if (overlap > 0) total += overlap;
      }
    }
    return total;
  }

  /**
   * Working time before the start of each day from `firstDayIndex`, counted from that day's midnight:
   * `count + 1` entries, entry i = working ms in days [first, first + i). Lets SQL compute working time per row.
   */
  workingMsPrefix(firstDayIndex: number, count: number): number[] {
    const prefix = [0];
    for (let i = 0; i < count; i++) prefix.push(prefix[i] + (this.isWorkingDayIndex(firstDayIndex + i) ? this.workingMsPerDay : 0));
    return prefix;
  }

  private nextWorkingDayIndex(d: number): number {
    for (let next = d + 1; next <= d + MAX_SCAN_DAYS; next++) if (this.isWorkingDayIndex(next)) return next;
    throw new RangeError('no working day found within ten years; check the calendar data');
  }

  private isInsideWorkingTimeInclusive(at: Date): boolean {
    const d = localDayIndex(at);
    if (!this.isWorkingDayIndex(d)) return false;
    const tod = at.getTime() - dayStartMs(d);
    return this.periods.some((p) => tod >= p.startMs && tod <= p.endMs);
  }
}
