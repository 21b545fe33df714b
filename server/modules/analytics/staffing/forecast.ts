/**
 * Half-hourly contact forecast, weekday and holiday aware.
 *
 * Each day is a workday (Mon–Fri or a 调休 working weekend day), a weekend day, or a holiday
 * (from the working calendar). A target day's volume in slot s (0 = 00:00–00:30 … 47 = 23:30–24:00)
 * is the mean of slot s over its reference days, the most recent `weeks` history days that are:
 *   1. of the same kind and the same weekday; failing that
 *   2. of the same kind; failing that (e.g. no holiday in the history)
 *   3. weekend days; failing that, any history day.
 * Days in the history window without contacts count as zeros.
 */
import { dayIndexOf, dayKindOf, dayString, type DayKind, weekdayOfDayIndex } from '../../../lib/calendar.ts';

export const SLOTS_PER_DAY = 48;
const weekdayOf = (day: string) => weekdayOfDayIndex(dayIndexOf(day));

export interface ForecastInput {
  /** contacts per day and slot; missing entries are 0. */
  history: ReadonlyMap<string, readonly number[]>;
  historyFrom: string;
  historyTo: string;
  targetDays: readonly string[];
  exceptions: ReadonlyMap<string, { isWorkday: boolean }>;
  weeks?: number;
}

export interface DayForecast {
  day: string;
  kind: DayKind;
  referenceDays: string[];
  /** Expected contacts per slot (48 values). */
  slots: number[];
}

export function forecastHalfHours(input: ForecastInput): DayForecast[] {
  const weeks = input.weeks ?? 8;
  const days: string[] = [];
  for (let i = dayIndexOf(input.historyTo); i >= dayIndexOf(input.historyFrom); i--) days.push(dayString(i)); // newest first
  const kinds = new Map(days.map((d) => [d, dayKindOf(d, input.exceptions)]));

  return input.targetDays.map((day) => {
    const kind = dayKindOf(day, input.exceptions);
    const weekday = weekdayOf(day);
    const pick = (pred: (d: string) => boolean) => days.filter(pred).slice(0, weeks);
    let refs = pick((d) => kinds.get(d) === kind && weekdayOf(d) === weekday);
    if (!refs.length) refs = pick((d) => kinds.get(d) === kind);
    if (!refs.length) refs = pick((d) => kinds.get(d) === 'weekend');
    if (!refs.length) refs = days.slice(0, weeks);
    const slots = new Array<number>(SLOTS_PER_DAY).fill(0);
    for (const ref of refs) {
      const counts = input.history.get(ref);
      if (!counts) continue;
      for (let s = 0; s < SLOTS_PER_DAY; s++) slots[s] += counts[s] ?? 0;
    }
    return { day, kind, referenceDays: refs, slots: refs.length ? slots.map((v) => v / refs.length) : slots };
  });
}
