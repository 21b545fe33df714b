import { describe, expect, it } from 'vitest';
import { detectSurges } from './alerts.ts';
import { districtOf, ordersFromHourlyCounts, surgeWindows, HOUR_MS } from './alert-windows.ts';

/** China time on a day of March 2026 (2026-03-02 is a Monday). */
const cst = (day: number, hour: number, minute = 0) => new Date(Date.UTC(2026, 2, day, hour - 8, minute));

describe('surgeWindows', () => {
  it('tests the last complete hour and its day so far', () => {
    const w = surgeWindows(cst(4, 10, 5));
    expect(w.hour).toMatchObject({ granularity: 'hour', period: '2026-03-04T09', start: cst(4, 9), end: cst(4, 10) });
    expect(w.day).toMatchObject({ granularity: 'day', period: '2026-03-04', start: cst(4, 0), end: cst(5, 0) });
    expect(w.countedUntil).toEqual(cst(4, 10));
    expect(w.hour.reference.getTime()).toBe(cst(4, 10).getTime() - 1);
  });

  it('judges the whole previous day just after midnight', () => {
    const w = surgeWindows(cst(5, 0, 3));
    expect(w.hour.period).toBe('2026-03-04T23');
    expect(w.day).toMatchObject({ period: '2026-03-04', start: cst(4, 0), end: cst(5, 0) });
  });

  it('is the same window for every run within the hour (re-runs are idempotent)', () => {
    expect(surgeWindows(cst(4, 10, 0)).hour.period).toBe(surgeWindows(cst(4, 10, 59)).hour.period);
  });
});

describe('surge windows and the working calendar', () => {
  it('makes detectSurges compare a holiday with rest days', () => {
    // Wednesday 2026-03-04 is a holiday: 8 orders where rest days see 1 and working days 8
    const orders = [];
    for (let back = 1; back <= 56; back++) {
      const at = new Date(cst(4, 10).getTime() - back * 86_400_000);
      const weekday = new Date(at.getTime() + 8 * HOUR_MS).getUTCDay();
      const n = weekday === 0 || weekday === 6 ? 1 : 8;
      for (let i = 0; i < n; i++) orders.push({ at, categoryId: 1, regionId: 2 });
    }
    for (let i = 0; i < 8; i++) orders.push({ at: cst(4, 9), categoryId: 1, regionId: 2 });
    const { day } = surgeWindows(cst(4, 18));
    const weekdays = (d: string) => ![0, 6].includes(new Date(`${d}T12:00:00Z`).getUTCDay());
    expect(detectSurges(orders, day.reference, weekdays)).toEqual([]);
    const holiday = (d: string) => d !== '2026-03-04' && weekdays(d);
    expect(detectSurges(orders, day.reference, holiday)).toMatchObject([{ period: '2026-03-04', observed: 8, expected: 1 }]);
  });
});

describe('districtOf', () => {
  const regions = new Map([
    [1, { id: 1, level: 'city', parentId: null }],
    [2, { id: 2, level: 'district', parentId: 1 }],
    [3, { id: 3, level: 'street', parentId: 2 }],
    [4, { id: 4, level: 'community', parentId: 3 }],
  ]);
  it('rolls streets and communities up to their district', () => {
    expect([4, 3, 2].map((id) => districtOf(id, regions))).toEqual([2, 2, 2]);
  });
  it('keeps city-level, unknown and missing regions as they are', () => {
    expect(districtOf(1, regions)).toBe(1);
    expect(districtOf(99, regions)).toBe(99);
    expect(districtOf(null, regions)).toBeNull();
  });
});

describe('ordersFromHourlyCounts', () => {
  it('expands counts into orders at the hour’s start, regions rolled up', () => {
    const hour = cst(4, 9).getTime() / HOUR_MS;
    const orders = ordersFromHourlyCounts(
      [
        { categoryId: 7, regionId: 4, hour, count: 3 },
        { categoryId: null, regionId: null, hour, count: 1 },
      ],
      (r) => (r === 4 ? 2 : r),
    );
    expect(orders).toHaveLength(4);
    expect(orders[0]).toEqual({ at: cst(4, 9), categoryId: 7, regionId: 2 });
    expect(orders[3]).toEqual({ at: cst(4, 9), categoryId: null, regionId: null });
  });
});
