import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../../../lib/calendar.ts';
import { detectSurges, logFactorial, poissonUpperTail, yearOnYearPercent, type CountedOrder } from './alerts.ts';

/** China-time instant on day d of March 2026 (2026-03-02 is a Monday). */
const at = (d: number, hour = 10) => new Date(Date.UTC(2026, 2, d, hour - 8, 0, 0));
/** Monday–Friday, no holidays; `holidays` makes days off. */
const calendar = (...holidays: string[]) => {
  const cal = new WorkingCalendar(new Map(holidays.map((day) => [day, { isWorkday: false, name: '假日' }])));
  return (day: string) => cal.isWorkingDay(day);
};
const none = calendar();

function history(perWorkday: number, perRestDay: number, categoryId = 1, regionId = 10): CountedOrder[] {
  const out: CountedOrder[] = [];
  for (let back = 1; back <= 56; back++) {
    const d = new Date(at(30).getTime() - back * 86_400_000);
    const day = d.toISOString().slice(0, 10);
    const n = none(day) ? perWorkday : perRestDay;
    for (let i = 0; i < n; i++) out.push({ at: new Date(d.getTime() + i * 60_000), categoryId, regionId });
  }
  return out;
}

describe('poissonUpperTail', () => {
  it('matches known values', () => {
    expect(poissonUpperTail(0, 3)).toBe(1);
    expect(poissonUpperTail(1, 2)).toBeCloseTo(1 - Math.exp(-2), 10);
    expect(poissonUpperTail(10, 2)).toBeCloseTo(4.6498e-5, 8);
    expect(poissonUpperTail(200, 50)).toBeGreaterThan(0);
    expect(poissonUpperTail(200, 50)).toBeLessThan(1e-40);
    expect(logFactorial(100)).toBeCloseTo(363.73937555556347, 6);
  });
});

describe('detectSurges', () => {
  it('raises an alert when a category × region quadruples', () => {
    const today = Array.from({ length: 16 }, (_, i) => ({ at: at(30, 9 + (i % 8)), categoryId: 1, regionId: 10 }));
    const [alert, ...rest] = detectSurges([...history(4, 1), ...today], at(30, 18), none);
    expect(rest).toEqual([]);
    expect(alert).toMatchObject({ categoryId: 1, regionId: 10, period: '2026-03-30', observed: 16, expected: 4, risePercent: 300 });
    expect(alert.pValue).toBeLessThan(1e-4);
  });

  it('stays quiet for ordinary fluctuation and for tiny numbers', () => {
    const today = Array.from({ length: 6 }, () => ({ at: at(30), categoryId: 1, regionId: 10 }));
    expect(detectSurges([...history(4, 1), ...today], at(30, 18), none)).toEqual([]);
    const newCategory = Array.from({ length: 3 }, () => ({ at: at(30), categoryId: 2, regionId: 10 }));
    expect(detectSurges(newCategory, at(30, 18), none)).toEqual([]);
  });

  it('compares a holiday with rest days, not with working days', () => {
    // Monday 30 March made a holiday: 8 orders are a lot for a rest day (baseline 1) but not for a working day (baseline 8)
    const today = Array.from({ length: 8 }, () => ({ at: at(30), categoryId: 1, regionId: 10 }));
    const orders = [...history(8, 1), ...today];
    expect(detectSurges(orders, at(30, 18), none)).toEqual([]);
    const holiday = detectSurges(orders, at(30, 18), calendar('2026-03-30'));
    expect(holiday).toHaveLength(1);
    expect(holiday[0].expected).toBe(1);
  });

  it('works by the hour against the same hour of comparable days', () => {
    const base: CountedOrder[] = [];
    for (let back = 1; back <= 56; back++)
      base.push({ at: new Date(at(30, 9).getTime() - back * 86_400_000), categoryId: 1, regionId: 10 });
    const now = Array.from({ length: 7 }, () => ({ at: at(30, 9), categoryId: 1, regionId: 10 }));
    const [alert] = detectSurges([...base, ...now], at(30, 9), none, { granularity: 'hour' });
    expect(alert).toMatchObject({ period: '2026-03-30T09', observed: 7 });
  });
});

describe('yearOnYearPercent', () => {
  it('compares with the same dates a year earlier', () => {
    const orders = [
      ...Array.from({ length: 7 }, () => ({ at: new Date('2025-03-05T02:00:00Z'), categoryId: 1, regionId: 1 })),
      ...Array.from({ length: 27 }, () => ({ at: new Date('2026-03-05T02:00:00Z'), categoryId: 1, regionId: 1 })),
    ];
    expect(yearOnYearPercent(orders, new Date('2026-03-01T00:00:00Z'), new Date('2026-03-10T00:00:00Z'))).toBe(286);
    expect(yearOnYearPercent(orders.slice(7), new Date('2026-03-01T00:00:00Z'), new Date('2026-03-10T00:00:00Z'))).toBeNull();
  });
});
