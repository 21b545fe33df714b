import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from './work-time.ts';
import { Rng, WeightedTable } from './prng.ts';

const iso = (t: number) => new Date(t).toISOString();

describe('demo work calendar', () => {
  const calendar = createWorkCalendar(new Map([['2026-10-01', false], ['2026-10-10', true]]));

  it('adds working minutes inside one day', () => {
    // Monday 2026-11-16 10:00 Shanghai = 02:00 UTC
    expect(iso(calendar.addWorkMinutes(Date.parse('2026-11-16T02:00:00Z'), 120))).toBe('2026-11-16T04:00:00.000Z');
  });

  it('carries over the night and the weekend', () => {
    // Friday 2026-11-20 16:00 Shanghai + 2 working hours → Monday 10:00
    expect(iso(calendar.addWorkMinutes(Date.parse('2026-11-20T08:00:00Z'), 120))).toBe('2026-11-23T02:00:00.000Z');
  });

  it('starts at the next opening when received outside working hours', () => {
    // Saturday 2026-11-21 20:00 Shanghai + 30 min → Monday 09:30
    expect(iso(calendar.addWorkMinutes(Date.parse('2026-11-21T12:00:00Z'), 30))).toBe('2026-11-23T01:30:00.000Z');
  });

  it('skips holidays and works on adjusted working days', () => {
    // Wednesday 2026-09-30 10:00 + 1 working day skips the holiday 10-01 (Thu) → Friday 10-02 10:00
    expect(iso(calendar.addWorkingDays(Date.parse('2026-09-30T02:00:00Z'), 1))).toBe('2026-10-02T02:00:00.000Z');
    expect(calendar.isWorkday(calendar.localDay(Date.parse('2026-10-10T02:00:00Z')))).toBe(true);
  });

  it('formats Shanghai day keys', () => {
    expect(calendar.dayKey(Date.parse('2026-11-21T16:30:00Z'))).toBe('20261122');
  });
});

describe('Rng', () => {
  it('repeats its sequence for the same seed', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(new Rng(43).next()).not.toBe(seqA[0]);
  });

  it('draws weighted items in proportion', () => {
    const rng = new Rng(7);
    const table = new WeightedTable(['a', 'b'], [3, 1]);
    let a = 0;
    for (let i = 0; i < 4000; i++) if (table.draw(rng) === 'a') a++;
    expect(a / 4000).toBeGreaterThan(0.72);
    expect(a / 4000).toBeLessThan(0.78);
  });
});
