/** Small helpers for clustering sparse vectors: union–find, dot products, centroids, naming terms. Pure. */
import { listTerms, type Doc, type FeatureOptions, type SparseVector } from '../text/features.ts';

export function unionFind(n: number) {
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  return {
    find,
    /** Joins two sets; the smaller root number becomes the root, so results do not depend on call order. */
    union(a: number, b: number) {
      const ra = find(a);
      const rb = find(b);
      if (ra === rb) return;
      if (ra < rb) parent[rb] = ra;
      else parent[ra] = rb;
    },
  };
}

/**
 * Dot product of two sparse vectors with ascending indices (cosine when both are unit length). A short one against a
 * much longer one (an order against its problem's sum) looks its indices up by bisection; either way the products are
 * added in the same order, so the sum is the same.
 */
export function dot(a: SparseEntries, b: SparseEntries): number {
  const [short, long] = a.indices.length <= b.indices.length ? [a, b] : [b, a];
  if (long.indices.length > 16 * short.indices.length) return dotBySearch(short, long);
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.indices.length && j < b.indices.length) {
    const x = a.indices[i];
    const y = b.indices[j];
    if (x === y) sum += a.values[i++] * b.values[j++];
    else if (x < y) i++;
    else j++;
  }
  return sum;
}

function dotBySearch(short: SparseEntries, long: SparseEntries): number {
  let sum = 0;
  let low = 0;
  for (let i = 0; i < short.indices.length; i++) {
    const x = short.indices[i];
    let high = long.indices.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (long.indices[mid] < x) low = mid + 1;
      else high = mid;
    }
    if (low === long.indices.length) break;
    if (long.indices[low] === x) sum += short.values[i] * long.values[low];
  }
  return sum;
}

/** Ascending indices with their values: a sparse vector, or a sum of a few. */
export interface SparseEntries {
  indices: Int32Array;
  values: Float32Array | Float64Array;
}

/**
 * The sum of a group's vectors: ascending entries while it has few (cheap to add and to multiply), a map from index to
 * sum once it has many, so that adding a small group into a large one costs the small one's size.
 */
export type VectorSum = SparseEntries | Map<number, number>;

/** Entries a sum keeps as arrays at most; beyond, copying them at every merge would cost more than a map. */
const MAX_ARRAY_SUM = 1024;

/** Dot product of two sums: entries against entries, entries looked up in a map, or the smaller map's in the larger. */
export function dotSums(a: VectorSum, b: VectorSum): number {
  if (!(a instanceof Map) && !(b instanceof Map)) return dot(a, b);
  let sum = 0;
  if (a instanceof Map && b instanceof Map) {
    const [small, large] = a.size <= b.size ? [a, b] : [b, a];
    for (const [k, x] of small) sum += x * (large.get(k) ?? 0);
    return sum;
  }
  const [entries, map] = a instanceof Map ? [b as SparseEntries, a] : [a, b as Map<number, number>];
  for (let n = 0; n < entries.indices.length; n++) sum += entries.values[n] * (map.get(entries.indices[n]) ?? 0);
  return sum;
}

/** The sum of two sums: new entries while they stay few, else added into the larger map (which is returned). */
export function addSums(a: VectorSum, b: VectorSum): VectorSum {
  if (a instanceof Map && b instanceof Map) {
    const [small, large] = a.size <= b.size ? [a, b] : [b, a];
    for (const [k, x] of small) large.set(k, (large.get(k) ?? 0) + x);
    return large;
  }
  if (a instanceof Map) return addEntries(a, b as SparseEntries);
  if (b instanceof Map) return addEntries(b, a);
  const sum = mergeEntries(a, b);
  return sum.indices.length <= MAX_ARRAY_SUM ? sum : addEntries(new Map(), sum);
}

function addEntries(into: Map<number, number>, v: SparseEntries): Map<number, number> {
  for (let n = 0; n < v.indices.length; n++) into.set(v.indices[n], (into.get(v.indices[n]) ?? 0) + v.values[n]);
  return into;
}

function mergeEntries(a: SparseEntries, b: SparseEntries): SparseEntries {
  const indices = new Int32Array(a.indices.length + b.indices.length);
  const values = new Float64Array(indices.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.indices.length || j < b.indices.length) {
    if (j >= b.indices.length || (i < a.indices.length && a.indices[i] < b.indices[j])) {
      indices[n] = a.indices[i];
      values[n++] = a.values[i++];
    } else if (i >= a.indices.length || b.indices[j] < a.indices[i]) {
      indices[n] = b.indices[j];
      values[n++] = b.values[j++];
    } else {
      indices[n] = a.indices[i];
      values[n++] = a.values[i++] + b.values[j++];
    }
  }
  return { indices: indices.subarray(0, n), values: values.subarray(0, n) };
}

/**
 * One sparse vector spread over a dense array, so its dot products with many others cost one pass over each of them
 * (no merging of index lists); `size` is the number of features. Spread one vector at a time, and clear it after.
 */
export function spreadVector(size: number) {
  const dense = new Float64Array(size);
  return {
    spread(v: SparseVector) {
      for (let n = 0; n < v.indices.length; n++) dense[v.indices[n]] = v.values[n];
    },
    clear(v: SparseVector) {
      for (let n = 0; n < v.indices.length; n++) dense[v.indices[n]] = 0;
    },
    /** The dot product of the spread vector with `v` (the same sum as dot()). */
    dot(v: SparseVector): number {
      let sum = 0;
      for (let n = 0; n < v.indices.length; n++) sum += dense[v.indices[n]] * v.values[n];
      return sum;
    },
  };
}

/** Scratch for summing sparse vectors by index: sums plus a mark of the indices touched, reused across calls. */
let sumScratch = { sums: new Float64Array(0), isTouched: new Uint8Array(0) };

/** Unit-length mean of the vectors. */
export function centroidOf(vectors: SparseVector[]): SparseVector {
  let size = 0;
  for (const v of vectors) if (v.indices.length) size = Math.max(size, v.indices[v.indices.length - 1] + 1);
  if (sumScratch.sums.length < size) sumScratch = { sums: new Float64Array(size * 2), isTouched: new Uint8Array(size * 2) };
  const { sums, isTouched } = sumScratch;
  const touched: number[] = [];
  for (const v of vectors) {
    for (let n = 0; n < v.indices.length; n++) {
      const i = v.indices[n];
      if (!isTouched[i]) {
        isTouched[i] = 1;
        touched.push(i);
      }
      sums[i] += v.values[n];
    }
  }
  const indices = Int32Array.from(touched).sort();
  const values = new Float32Array(indices.length);
  let norm2 = 0;
  for (let n = 0; n < indices.length; n++) {
    const i = indices[n];
    values[n] = sums[i];
    norm2 += values[n] * values[n];
    sums[i] = 0;
    isTouched[i] = 0;
  }
  const norm = Math.sqrt(norm2);
  if (norm > 0) for (let n = 0; n < values.length; n++) values[n] /= norm;
  return { indices, values };
}

/** The `count` heaviest terms of a centroid, as words of two or more characters found in the member documents. */
export function topTerms(centroid: SparseVector, buckets: Int32Array, docs: Doc[], features: FeatureOptions, count: number): string[] {
  const names = new Map<number, string[]>();
  for (const d of docs.slice(0, 50)) {
    for (const [bucket, terms] of listTerms(d, features)) {
      const list = names.get(bucket);
      if (!list) names.set(bucket, [...terms]);
      else for (const t of terms) if (!list.includes(t)) list.push(t);
    }
  }
  const order = [...centroid.indices.keys()].sort((a, b) => centroid.values[b] - centroid.values[a] || a - b);
  const out: string[] = [];
  for (const k of order) {
    if (out.length >= count) break;
    const term = (names.get(buckets[centroid.indices[k]]) ?? []).filter((t) => [...t].length >= 2).sort((a, b) => b.length - a.length)[0];
    if (term && !out.some((o) => o.includes(term) || term.includes(o))) out.push(term);
  }
  return out;
}
