/**
 * What an hourly surge-alert run (预警) tests, and the shapes alerts.ts wants made from database rows:
 * the last complete hour and its China day, the working-day calendar of the baseline period, orders
 * rolled up to their district (区/县). Pure.
 */
import type { CountedOrder } from './alerts.ts';
import { DAY_MS, dayStartMs, localDayIndex, shanghaiDay, shanghaiHour } from '../../../lib/calendar.ts';

export const HOUR_MS = 3_600_000;

export interface SurgeWindow {
  granularity: 'hour' | 'day';
  /** As alerts.ts names it: '2026-03-02T09' or '2026-03-02'. */
  period: string;
  start: Date;
  end: Date;
  /** The instant handed to detectSurges as `now`: the last millisecond counted. */
  reference: Date;
}

/**
 * The last complete hour before `now`, and the China day that hour belongs to, counted up to the
 * hour's end (so the run just after midnight still judges the whole of the day before).
 */
export function surgeWindows(now: Date): { hour: SurgeWindow; day: SurgeWindow; countedUntil: Date } {
  const hourEnd = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
  const reference = new Date(hourEnd - 1);
  const dayStart = dayStartMs(localDayIndex(reference));
  const day = shanghaiDay(reference);
  return {
    hour: {
      granularity: 'hour',
      period: `${day}T${String(shanghaiHour(reference)).padStart(2, '0')}`,
      start: new Date(hourEnd - HOUR_MS),
      end: new Date(hourEnd),
      reference,
    },
    day: { granularity: 'day', period: day, start: new Date(dayStart), end: new Date(dayStart + DAY_MS), reference },
    countedUntil: new Date(hourEnd),
  };
}

export interface RegionNode {
  id: number;
  level: string;
  parentId: number | null;
}

/**
 * The district (区/县) a region lies in, so a surge spread over a district's streets and communities
 * shows as one; a city-level or unknown region stays as it is.
 */
export function districtOf(regionId: number | null, regions: ReadonlyMap<number, RegionNode>): number | null {
  if (regionId === null) return null;
  const seen = new Set<number>();
  for (let r = regions.get(regionId); r && !seen.has(r.id); r = r.parentId === null ? undefined : regions.get(r.parentId)) {
    seen.add(r.id);
    if (r.level === 'district') return r.id;
  }
  return regionId;
}

/** Hourly counts (hours since the epoch) as the orders alerts.ts counts: one entry per order, at its hour's start, region rolled up. */
export function ordersFromHourlyCounts(
  rows: { categoryId: number | null; regionId: number | null; hour: number; count: number }[],
  rollUp: (regionId: number | null) => number | null,
): CountedOrder[] {
  const out: CountedOrder[] = [];
  for (const row of rows) {
    const order = { at: new Date(row.hour * HOUR_MS), categoryId: row.categoryId, regionId: rollUp(row.regionId) };
    for (let i = 0; i < row.count; i++) out.push(order);
  }
  return out;
}
