import { describe, expect, it } from 'vitest';
import { alertCounts, usualLevel } from './alert-counts.ts';

describe('alertCounts', () => {
  it('states the count against the usual level in whole orders', () => {
    expect(alertCounts(42, 3.2)).toEqual({ zh: '42 件，通常约 3 件', en: '42 orders, usually about 3' });
    expect(alertCounts(12, 2.5)).toEqual({ zh: '12 件，通常约 3 件', en: '12 orders, usually about 3' });
  });

  it('says "under 1" for a usual level near zero, where a percentage rise would be meaningless', () => {
    expect(alertCounts(41, 0.5)).toEqual({ zh: '41 件，通常不到 1 件', en: '41 orders, usually under 1' });
    expect(usualLevel(0.96)).toEqual({ zh: '通常约 1 件', en: 'usually about 1' });
  });
});
