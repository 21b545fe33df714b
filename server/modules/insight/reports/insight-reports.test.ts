import { describe, expect, it } from 'vitest';
import { foldConfusion } from './insight-reports.service.ts';

describe('foldConfusion', () => {
  it('leaves a small matrix as it is', () => {
    const confusion = [
      [3, 1],
      [0, 2],
    ];
    expect(foldConfusion(['a', 'b'], confusion, [4, 2], 5)).toEqual({ labels: ['a', 'b'], confusion });
  });

  it('keeps the most frequent classes and sums the rest into "other", preserving the total and the diagonal of kept classes', () => {
    // actual × predicted for a, b, c, d; supports 5, 1, 4, 2
    const confusion = [
      [4, 0, 1, 0],
      [0, 1, 0, 0],
      [1, 0, 3, 0],
      [0, 1, 0, 1],
    ];
    const folded = foldConfusion(['a', 'b', 'c', 'd'], confusion, [5, 1, 4, 2], 3);
    expect(folded.labels).toEqual(['a', 'c', '*']);
    expect(folded.confusion).toEqual([
      [4, 1, 0],
      [1, 3, 0],
      [0, 0, 3],
    ]);
    const sum = (m: number[][]) => m.flat().reduce((x, y) => x + y, 0);
    expect(sum(folded.confusion)).toBe(sum(confusion));
  });
});
