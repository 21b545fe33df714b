import { describe, expect, it } from 'vitest';
import { dropExpired, isInGaps, removeFound } from './watermark.ts';

describe('watermark gaps', () => {
  it('splits a gap around ids that appeared late', () => {
    expect(removeFound([{ from: 10, to: 15, seenAt: 1 }, { from: 20, to: 20, seenAt: 2 }], [12, 10, 20, 30])).toEqual([
      { from: 11, to: 11, seenAt: 1 },
      { from: 13, to: 15, seenAt: 1 },
    ]);
  });

  it('forgets gaps older than the timeout (rolled-back transactions)', () => {
    const gaps = [{ from: 1, to: 1, seenAt: 1_000 }, { from: 5, to: 6, seenAt: 9_000 }];
    expect(dropExpired(gaps, 10_000, 5_000)).toEqual([{ from: 5, to: 6, seenAt: 9_000 }]);
    expect(isInGaps(6, gaps)).toBe(true);
    expect(isInGaps(4, gaps)).toBe(false);
  });
});
