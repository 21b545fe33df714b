/**
 * MinHash signatures over character shingles: two texts' signatures agree in about the share of
 * positions that equals the Jaccard similarity of their shingle sets. Shingles are character
 * bigrams of the Chinese runs plus whole Latin/number tokens, so retyped or lightly edited
 * repeats of an order still match. Pure.
 */
import { hashSpan, normaliseText, type Doc } from '../text/features.ts';

export const SIGNATURE_LENGTH = 32;

const SHINGLE_SEED = 0x2545f491;
const isHan = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
const isAlnum = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a);

/** Distinct shingle hashes of a text (Chinese character bigrams, single-character runs, Latin/number tokens), ascending. */
export function shingles(text: string): Uint32Array {
  const t = normaliseText(text);
  const found: number[] = [];
  let i = 0;
  while (i < t.length) {
    const c = t.charCodeAt(i);
    if (isHan(c)) {
      let j = i;
      while (j < t.length && isHan(t.charCodeAt(j))) j++;
      if (j - i === 1) found.push(hashSpan(t, i, j, SHINGLE_SEED));
      for (let s = i; s + 2 <= j; s++) found.push(hashSpan(t, s, s + 2, SHINGLE_SEED));
      i = j;
    } else if (isAlnum(c)) {
      let j = i;
      while (j < t.length && isAlnum(t.charCodeAt(j))) j++;
      found.push(hashSpan(t, i, j, SHINGLE_SEED + 1));
      i = j;
    } else {
      i++;
    }
  }
  // sorting typed numbers and skipping repeats is much cheaper than a Set for every order of a period
  const sorted = Uint32Array.from(found).sort();
  let n = 0;
  for (let k = 0; k < sorted.length; k++) if (n === 0 || sorted[k] !== sorted[n - 1]) sorted[n++] = sorted[k];
  return sorted.slice(0, n);
}

export const docShingles = (doc: Doc) => shingles(`${doc.title ?? ''} ${doc.body ?? ''}`);

// Fixed odd multipliers and offsets: the i-th hash is a cheap bijective remix of the shingle hash.
const MULTIPLIERS = new Uint32Array(SIGNATURE_LENGTH);
const OFFSETS = new Uint32Array(SIGNATURE_LENGTH);
{
  let s = 0x9e3779b9;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  for (let i = 0; i < SIGNATURE_LENGTH; i++) {
    MULTIPLIERS[i] = next() | 1;
    OFFSETS[i] = next();
  }
}

/** MinHash signature; an empty shingle set gives all 0xffffffff (it matches nothing real). */
export function minhash(shingleHashes: Uint32Array): Uint32Array {
  const sig = new Uint32Array(SIGNATURE_LENGTH).fill(0xffffffff);
  for (let n = 0; n < shingleHashes.length; n++) {
    const h = shingleHashes[n];
    for (let i = 0; i < SIGNATURE_LENGTH; i++) {
      let x = (Math.imul(h, MULTIPLIERS[i]) + OFFSETS[i]) >>> 0;
      x ^= x >>> 15;
      x = Math.imul(x, 0x2c1b3c6d) >>> 0;
      x ^= x >>> 12;
      x >>>= 0;
      if (x < sig[i]) sig[i] = x;
    }
  }
  return sig;
}

export const textSignature = (doc: Doc) => minhash(docShingles(doc));

/** Estimated Jaccard similarity: the share of equal positions. */
export function signatureSimilarity(a: ArrayLike<number>, b: ArrayLike<number>, offsetB = 0): number {
  let same = 0;
  for (let i = 0; i < SIGNATURE_LENGTH; i++) if (a[i] === b[offsetB + i] && a[i] !== 0xffffffff) same++;
  return same / SIGNATURE_LENGTH;
}

/** Exact Jaccard similarity of two shingle sets. */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 0;
  const set = new Set(a);
  let both = 0;
  for (const x of b) if (set.has(x)) both++;
  return both / (a.length + b.length - both);
}
