import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { trendOption } from './charts.ts';

const t = ((key: string) => key) as unknown as TFunction;
const trend = [
  { day: '2026-12-05', orders: 40, contacts: 44 },
  { day: '2026-12-06', orders: 42, contacts: 45 },
  { day: '2026-12-07', orders: 9, contacts: 10 },
];

describe('trendOption', () => {
  it('draws today apart from the whole days: out of the solid line, on a dashed segment from yesterday', () => {
    const [whole, partial] = trendOption(t, trend, '2026-12-07').series as { data: (number | null)[]; lineStyle?: { type: string } }[];
    expect(whole.data).toEqual([40, 42, null]);
    expect(partial.data).toEqual([null, 42, 9]);
    expect(partial.lineStyle?.type).toBe('dashed');
  });

  it('draws one solid line when no day is under way', () => {
    const series = trendOption(t, trend).series as { data: (number | null)[] }[];
    expect(series).toHaveLength(1);
    expect(series[0].data).toEqual([40, 42, 9]);
  });
});
