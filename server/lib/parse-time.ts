/**
 * Robust parsing of the time strings citizens' records carry: '2019/4/25 9:32:09', '2019-04-25 09:32',
 * '2019年4月25日 9时32分', '2019/4/25', ISO 8601 with a zone, epoch milliseconds. Times without a zone
 * are China Standard Time (UTC+8, no daylight saving since 1991). Pure.
 */
import { DAY_MS, SHANGHAI_OFFSET_MS, shanghaiDay } from './calendar.ts';

const LOCAL =
  /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT]+(\d{1,2})\s*[:时點点]\s*(\d{1,2})(?:\s*[:分]\s*(\d{1,2})(?:\.\d+)?)?\s*[分秒]?)?$/;
const ZONED = /(?:z|[+-]\d{2}:?\d{2})$/i;

/** The instant a time string means, or null when it cannot be read (never throws). */
export function parseTime(value: unknown): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? new Date(value) : null;
  if (typeof value !== 'string') return null;
  const text = value.normalize('NFKC').trim();
  if (!text) return null;
  if (/^\d{12,13}$/.test(text)) return new Date(Number(text));
  const m = LOCAL.exec(text);
  if (m) {
    const [year, month, day, hour, minute, second] = m.slice(1).map((x) => (x === undefined ? 0 : Number(x)));
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return null;
    const utc = Date.UTC(year, month - 1, day, hour, minute, second);
    // reject 2019/2/31 and the like rather than rolling over into March
    if (new Date(utc).getUTCDate() !== day) return null;
    return new Date(utc - SHANGHAI_OFFSET_MS);
  }
  if (ZONED.test(text) && /^\d{4}-\d{2}-\d{2}T/.test(text)) {
    const d = new Date(text);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  return null;
}

/**
 * The instant a --from/--to style bound means: a bare date is the start of that China day;
 * `endOfDay` moves a bare date to the start of the next day, so '--to 2019-04-30' includes the 30th.
 */
export function parseBound(value: string, endOfDay = false): Date | null {
  const d = parseTime(value);
  if (!d) return null;
  const isBareDate = /^\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?$/.test(value.normalize('NFKC').trim());
  return isBareDate && endOfDay ? new Date(d.getTime() + DAY_MS) : d;
}

/**
 * [start, end) of a list's China days: `to` includes its whole day (default today), `from` defaults to
 * `defaultDays` days before the end; null when the range is empty or a day cannot be read.
 */
export function shanghaiDayRange(
  from: string | undefined,
  to: string | undefined,
  defaultDays: number,
  now: Date,
): { start: Date; end: Date } | null {
  const lastDay = parseTime(to ?? shanghaiDay(now));
  const first = from === undefined ? null : parseTime(from);
  if (!lastDay || (from !== undefined && !first)) return null;
  const end = lastDay.getTime() + DAY_MS;
  const start = first ? first.getTime() : end - defaultDays * DAY_MS;
  return start < end ? { start: new Date(start), end: new Date(end) } : null;
}
