/** Small helpers for clustering sparse vectors: union–find, dot products, centroids, naming terms. Pure. */
import { listTerms, type Doc, type FeatureOptions, type SparseVector } from './features.ts';

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

/** Dot product of two sparse vectors with ascending indices (cosine when both are unit length). */
export function dot(a: SparseVector, b: SparseVector): number {
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

/** Unit-length mean of the vectors. */
export function centroidOf(vectors: SparseVector[]): SparseVector {
  const sum = new Map<number, number>();
  for (const v of vectors) for (let n = 0; n < v.indices.length; n++) sum.set(v.indices[n], (sum.get(v.indices[n]) ?? 0) + v.values[n]);
  const indices = Int32Array.from(sum.keys()).sort();
  const values = Float32Array.from(indices, (i) => sum.get(i)!);
  const norm = Math.sqrt(values.reduce((a, x) => a + x * x, 0));
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
