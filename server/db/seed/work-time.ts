/**
 * Working time for the simulated history, on the platform's own working calendar (server/lib/calendar.ts:
 * Asia/Shanghai, 09:00–12:00 and 13:30–17:30, holidays and 调休 from calendar_days), so seeded deadlines
 * agree with the ones the SLA module computes for new orders.
 */
import { dayStartMs, dayString, localDayIndex, type WorkingCalendar } from '../../lib/calendar.ts';

export interface WorkCalendar {
  readonly calendar: WorkingCalendar;
  /** Days since 1970-01-01 in Shanghai local time. */
  localDay(t: number): number;
  /** 'YYYYMMDD' of the Shanghai local date. */
  dayKey(t: number): string;
  isWorkday(localDay: number): boolean;
  /** Adds working minutes; time outside working periods does not count. */
  addWorkMinutes(t: number, minutes: number): number;
  addWorkingMs(t: number, ms: number): number;
  addWorkingDays(t: number, days: number): number;
  workingMsBetween(a: number, b: number): number;
  /** UTC ms of `hour` o'clock local time on `localDay`. */
  at(localDay: number, hour: number): number;
}

export function createWorkCalendar(calendar: WorkingCalendar): WorkCalendar {
  return {
    calendar,
    localDay: (t) => localDayIndex(t),
    dayKey: (t) => dayString(localDayIndex(t)).replace(/-/g, ''),
    isWorkday: (day) => calendar.isWorkingDayIndex(day),
    addWorkMinutes: (t, minutes) => calendar.addWorkingMs(new Date(t), Math.max(0, minutes) * 60_000).getTime(),
    addWorkingMs: (t, ms) => calendar.addWorkingMs(new Date(t), Math.max(0, ms)).getTime(),
    addWorkingDays: (t, days) => calendar.addWorkingDays(new Date(t), days).getTime(),
    workingMsBetween: (a, b) => calendar.workingMsBetween(new Date(a), new Date(b)),
    at: (day, hour) => dayStartMs(day) + hour * 3_600_000,
  };
}
