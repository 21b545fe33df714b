/**
 * Working time for the simulated history: Asia/Shanghai (UTC+8, no daylight saving), working hours
 * 09:00–17:00 on working days, with holidays and adjusted working days (调休) taken from the
 * calendar_days rows when the database has them. Deadlines in the demo data follow it; the live
 * SLA module computes real deadlines with its own calendar.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const OFFSET = 8 * HOUR;
const WORK_START = 9 * HOUR;
const WORK_END = 17 * HOUR;
export const WORK_MINUTES_PER_DAY = (WORK_END - WORK_START) / 60_000;

export interface WorkCalendar {
  /** Days since 1970-01-01 in Shanghai local time. */
  localDay(t: number): number;
  /** 'YYYYMMDD' of the Shanghai local date. */
  dayKey(t: number): string;
  isWorkday(localDay: number): boolean;
  /** Adds working minutes; a start outside working time first moves to the next working start. */
  addWorkMinutes(t: number, minutes: number): number;
  addWorkingDays(t: number, days: number): number;
  /** UTC ms of `hour` o'clock local time on `localDay`. */
  at(localDay: number, hour: number): number;
}

/** `exceptions`: 'YYYY-MM-DD' → is it a working day. */
export function createWorkCalendar(exceptions: ReadonlyMap<string, boolean> = new Map()): WorkCalendar {
  const cache = new Map<number, boolean>();
  const isWorkday = (day: number) => {
    let value = cache.get(day);
    if (value === undefined) {
      const iso = new Date(day * DAY).toISOString().slice(0, 10);
      const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
      value = exceptions.get(iso) ?? (weekday !== 0 && weekday !== 6);
      cache.set(day, value);
    }
    return value;
  };
  const localDay = (t: number) => Math.floor((t + OFFSET) / DAY);

  const addWorkMinutes = (start: number, minutes: number) => {
    let t = start;
    let remaining = minutes * 60_000;
    for (let guard = 0; guard < 3660; guard++) {
      const day = localDay(t);
      const dayStart = day * DAY - OFFSET;
      const open = dayStart + WORK_START;
      const close = dayStart + WORK_END;
      if (!isWorkday(day) || t >= close) {
        t = dayStart + DAY + WORK_START;
        continue;
      }
      if (t < open) t = open;
      if (t + remaining <= close) return t + remaining;
      remaining -= close - t;
      t = dayStart + DAY + WORK_START;
    }
    return t;
  };

  return {
    localDay,
    dayKey: (t) => new Date(t + OFFSET).toISOString().slice(0, 10).replace(/-/g, ''),
    isWorkday,
    addWorkMinutes,
    addWorkingDays: (t, days) => addWorkMinutes(t, days * WORK_MINUTES_PER_DAY),
    at: (day, hour) => day * DAY - OFFSET + hour * HOUR,
  };
}
