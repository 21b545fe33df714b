/**
 * TF-IDF over hashed buckets: keeps the buckets seen in at least `minDf` training documents,
 * numbers them compactly, and turns a document's bucket counts into an L2-normalised
 * TF × IDF vector. Pure.
 */
import { forEachBucket, type Doc, type FeatureOptions, type SparseVector } from './features.ts';

/** A document's bucket counts, ascending by bucket. */
export interface BucketCounts {
  buckets: Int32Array;
  counts: Float32Array;
}

export interface VectorizerOptions {
  minDf: number;
  /** Buckets in more than this share of documents carry no information. */
  maxDfRatio: number;
  /** Keep at most this many features, the most frequent first. */
  maxFeatures: number;
  /** 1 + ln(tf) instead of tf (measured worse here: it flattens the title's weight). */
  sublinearTf: boolean;
}

export const DEFAULT_VECTORIZER_OPTIONS: VectorizerOptions = { minDf: 2, maxDfRatio: 0.5, maxFeatures: 400_000, sublinearTf: false };

export interface Vectorizer {
  features: FeatureOptions;
  options: VectorizerOptions;
  /** Kept buckets, ascending; feature i is buckets[i]. */
  buckets: Int32Array;
  idf: Float32Array;
  /** bucket → feature index or -1; rebuilt from `buckets` after loading. */
  lookup: Int32Array;
}

/**
 * Scratch space for counting one document: counts by bucket plus the list of buckets touched,
 * reset by a stamp instead of clearing 2^bits entries (a Map was the training bottleneck).
 */
interface Counter {
  bits: number;
  stamp: Int32Array;
  counts: Float32Array;
  touched: Int32Array;
  current: number;
}
let counter: Counter | undefined;

function counterFor(bits: number): Counter {
  if (!counter || counter.bits !== bits) {
    counter = { bits, stamp: new Int32Array(1 << bits), counts: new Float32Array(1 << bits), touched: new Int32Array(4096), current: 0 };
  }
  return counter;
}

/**
 * Bucket counts of a document. Title terms count titleWeight times into the same bag as the
 * body's (measured better than normalising the fields apart: a long body still carries more
 * evidence than a short one).
 */
export function docCounts(doc: Doc, features: FeatureOptions): BucketCounts {
  const c = counterFor(features.bucketBits);
  c.current = (c.current + 1) | 0 || 1;
  if (c.current === 1) c.stamp.fill(0);
  let n = 0;
  const add = (bucket: number, weight: number) => {
    if (c.stamp[bucket] !== c.current) {
      c.stamp[bucket] = c.current;
      c.counts[bucket] = 0;
      if (n === c.touched.length) {
        const bigger = new Int32Array(n * 2);
        bigger.set(c.touched);
        c.touched = bigger;
      }
      c.touched[n++] = bucket;
    }
    c.counts[bucket] += weight;
  };
  forEachBucket(doc.title, features.titleWeight, features, add);
  forEachBucket(doc.body, 1, features, add);
  const buckets = c.touched.slice(0, n).sort();
  const counts = new Float32Array(n);
  for (let i = 0; i < n; i++) counts[i] = c.counts[buckets[i]];
  return { buckets, counts };
}

export function fitVectorizer(
  docs: BucketCounts[],
  features: FeatureOptions,
  options: VectorizerOptions = DEFAULT_VECTORIZER_OPTIONS,
): Vectorizer {
  const size = 1 << features.bucketBits;
  const df = new Int32Array(size);
  for (const d of docs) for (let i = 0; i < d.buckets.length; i++) df[d.buckets[i]]++;
  const maxDf = Math.max(options.minDf, Math.floor(options.maxDfRatio * docs.length));
  let kept: number[] = [];
  for (let b = 0; b < size; b++) if (df[b] >= options.minDf && df[b] <= maxDf) kept.push(b);
  if (kept.length > options.maxFeatures) {
    kept.sort((a, b) => df[b] - df[a] || a - b);
    kept = kept.slice(0, options.maxFeatures).sort((a, b) => a - b);
  }
  const buckets = Int32Array.from(kept);
  const n = docs.length;
  const idf = new Float32Array(buckets.length);
  for (let i = 0; i < buckets.length; i++) idf[i] = Math.log((1 + n) / (1 + df[buckets[i]])) + 1;
  return { features, options, buckets, idf, lookup: buildLookup(buckets, features.bucketBits) };
}

export function buildLookup(buckets: Int32Array, bucketBits: number): Int32Array {
  const lookup = new Int32Array(1 << bucketBits).fill(-1);
  for (let i = 0; i < buckets.length; i++) lookup[buckets[i]] = i;
  return lookup;
}

/** TF-IDF vector of a document, L2-normalised; buckets unknown to the vectorizer are dropped. */
export function vectorize(v: Vectorizer, doc: BucketCounts): SparseVector {
  let n = 0;
  for (let i = 0; i < doc.buckets.length; i++) if (v.lookup[doc.buckets[i]] >= 0) n++;
  const indices = new Int32Array(n);
  const values = new Float32Array(n);
  let norm = 0;
  let j = 0;
  // buckets ascend and the lookup preserves order, so indices ascend too
  for (let i = 0; i < doc.buckets.length; i++) {
    const f = v.lookup[doc.buckets[i]];
    if (f < 0) continue;
    const c = doc.counts[i];
    const x = (v.options.sublinearTf && c > 1 ? 1 + Math.log(c) : c) * v.idf[f];
    indices[j] = f;
    values[j++] = x;
    norm += x * x;
  }
  if (norm > 0) {
    const scale = 1 / Math.sqrt(norm);
    for (let i = 0; i < n; i++) values[i] *= scale;
  }
  return { indices, values };
}
