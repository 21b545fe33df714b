import { describe, expect, it } from 'vitest';
import { boilerplateBuckets, withoutBuckets } from './boilerplate.ts';
import type { BucketCounts } from '../text/vectorizer.ts';

const doc = (...buckets: number[]): BucketCounts => ({ buckets: Int32Array.from(buckets), counts: Float32Array.from(buckets, () => 1) });

describe('boilerplateBuckets', () => {
  // bucket 1: a form's wording under every category; 2: an issue word of category a; 3: common in one category, seen in many
  const docs = Array.from({ length: 24 }, (_, i) => doc(1, ...(i < 12 ? [2] : []), 3));
  const categories = Array.from({ length: 24 }, (_, i) => (i < 12 ? 'a' : `c${i}`));

  it('drops terms spread thin over many categories, keeps issue terms', () => {
    const drop = boilerplateBuckets(docs, categories);
    expect(drop.has(1)).toBe(true);
    expect(drop.has(2)).toBe(false);
    // 3 sits in half of its orders under one category, but under 13 categories in all
    expect(drop.has(3)).toBe(true);
  });

  it('judges nothing without categories, with too few of them, or on little evidence', () => {
    expect(
      boilerplateBuckets(
        docs,
        docs.map(() => null),
      ).size,
    ).toBe(0);
    expect(
      boilerplateBuckets(
        docs,
        docs.map((_, i) => (i % 2 ? 'a' : 'b')),
      ).size,
    ).toBe(0);
    expect(boilerplateBuckets(docs.slice(12, 21), categories.slice(12, 21)).size).toBe(0);
  });

  it('removes the dropped buckets from a document', () => {
    expect(withoutBuckets(doc(1, 2, 3), new Set([1, 3]))).toEqual(doc(2));
    const same = doc(4);
    expect(withoutBuckets(same, new Set())).toBe(same);
  });
});
