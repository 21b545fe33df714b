/** Boilerplate terms of a period's orders, told apart from issue terms by how they spread over categories. Pure. */
import type { BucketCounts } from '../text/vectorizer.ts';

/** Evidence needed before a term is judged by how it spreads over categories. */
const BOILERPLATE_MIN_ORDERS = 10;
/** A term whose most common category holds less than this share of its orders says nothing about an issue… */
const BOILERPLATE_MAX_SHARE = 0.2;
/** …nor does one found under this many categories, however many of its orders one category has (办理, 流程). */
const BOILERPLATE_MIN_CATEGORIES = 10;

/**
 * Terms of the way people write rather than of what they write about: 咨询…相关规定，需要准备哪些材料 turns up
 * under every category, while 停水 or 公积金 keeps to one or two. Without such a filter a web form's wording
 * groups unrelated inquiries into one "problem". Needs the orders' categories; without them nothing is dropped.
 */
export function boilerplateBuckets(counts: BucketCounts[], categories: (string | number | null | undefined)[]): Set<number> {
  const filed = categories.filter((c) => c != null);
  if (filed.length < counts.length / 2 || new Set(filed).size < 3) return new Set();
  const byCategory = new Map<number, Map<string | number, number>>();
  counts.forEach((c, i) => {
    const category = categories[i];
    if (category == null) return;
    for (const bucket of c.buckets) {
      let spread = byCategory.get(bucket);
      if (!spread) byCategory.set(bucket, (spread = new Map()));
      spread.set(category, (spread.get(category) ?? 0) + 1);
    }
  });
  const drop = new Set<number>();
  for (const [bucket, spread] of byCategory) {
    let total = 0;
    let most = 0;
    for (const n of spread.values()) {
      total += n;
      most = Math.max(most, n);
    }
    if (total >= BOILERPLATE_MIN_ORDERS && (most < BOILERPLATE_MAX_SHARE * total || spread.size >= BOILERPLATE_MIN_CATEGORIES))
      drop.add(bucket);
  }
  return drop;
}

/** The counts without the dropped buckets. */
export function withoutBuckets(c: BucketCounts, drop: Set<number>): BucketCounts {
  if (drop.size === 0) return c;
  const keep = [...c.buckets.keys()].filter((i) => !drop.has(c.buckets[i]));
  return { buckets: Int32Array.from(keep, (i) => c.buckets[i]), counts: Float32Array.from(keep, (i) => c.counts[i]) };
}
