import { describe, expect, it } from 'vitest';
import type { SparseVector } from '../text/features.ts';
import { addSums, centroidOf, dot, dotSums, spreadVector, type VectorSum } from './cluster-utils.ts';
import { seededRandom } from '../../../lib/random.ts';

const SIZE = 5_000;

/** A random sparse vector with about `count` of SIZE features. */
function randomVector(random: () => number, count: number): SparseVector {
  const indices = Int32Array.from(new Set(Array.from({ length: count }, () => Math.floor(random() * SIZE)))).sort();
  return { indices, values: Float32Array.from(indices, () => random()) };
}

const dense = (v: VectorSum) => {
  const out = new Float64Array(SIZE);
  if (v instanceof Map) for (const [k, x] of v) out[k] = x;
  else v.indices.forEach((k, n) => (out[k] = v.values[n]));
  return out;
};
const denseDot = (a: Float64Array, b: Float64Array) => a.reduce((sum, x, k) => sum + x * b[k], 0);

describe('sparse vectors', () => {
  const random = seededRandom(7);

  it('gives the same dot product however long one vector is beside the other', () => {
    for (const [a, b] of [
      [30, 40],
      [10, 2_000],
      [2_000, 5],
      [0, 100],
    ]) {
      const x = randomVector(random, a);
      const y = randomVector(random, b);
      expect(dot(x, y)).toBeCloseTo(denseDot(dense(x), dense(y)), 9);
      expect(dot(y, x)).toBe(dot(x, y));
    }
  });

  it('compares one spread vector with many, as dot does', () => {
    const spread = spreadVector(SIZE);
    const a = randomVector(random, 200);
    spread.spread(a);
    for (let i = 0; i < 5; i++) {
      const b = randomVector(random, 300);
      expect(spread.dot(b)).toBeCloseTo(dot(a, b), 9);
    }
    spread.clear(a);
    expect(spread.dot(a)).toBe(0);
  });

  it('sums groups of vectors, small and large, and multiplies the sums', () => {
    const vectors = Array.from({ length: 40 }, () => randomVector(random, 150));
    // two groups grown one vector at a time: past a thousand entries a sum changes form
    let left: VectorSum = vectors[0];
    let right: VectorSum = vectors[1];
    const expectedLeft = dense(vectors[0]);
    const expectedRight = dense(vectors[1]);
    vectors.slice(2).forEach((v, i) => {
      if (i % 2) {
        left = addSums(left, v);
        dense(v).forEach((x, k) => (expectedLeft[k] += x));
      } else {
        right = addSums(v, right);
        dense(v).forEach((x, k) => (expectedRight[k] += x));
      }
      expect(dotSums(left, right)).toBeCloseTo(denseDot(expectedLeft, expectedRight), 6);
      expect(dotSums(v, left)).toBeCloseTo(denseDot(dense(v), expectedLeft), 6);
    });
    expect(left).toBeInstanceOf(Map);
    const both = dense(addSums(left, right));
    both.forEach((x, k) => expect(x).toBeCloseTo(expectedLeft[k] + expectedRight[k], 6));
  });

  it('takes the unit-length mean as the centroid', () => {
    const vectors = Array.from({ length: 5 }, () => randomVector(random, 100));
    const centroid = centroidOf(vectors);
    expect(dot(centroid, centroid)).toBeCloseTo(1, 5);
    const sum = new Float64Array(SIZE);
    for (const v of vectors) dense(v).forEach((x, k) => (sum[k] += x));
    const norm = Math.sqrt(denseDot(sum, sum));
    dense(centroid).forEach((x, k) => expect(x).toBeCloseTo(sum[k] / norm, 5));
    expect(centroidOf([]).indices).toHaveLength(0);
  });
});
