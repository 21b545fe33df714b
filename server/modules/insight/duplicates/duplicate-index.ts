/**
 * In-memory index of order signatures, used by hotspots to find near-copies among a window's orders: MinHash signatures split
 * into LSH bands (rows values hashed into one key per band); orders sharing any band key are
 * candidates, then filtered by time window and region and ranked by estimated Jaccard similarity.
 * Everything lives in typed arrays (about 270 bytes per order) so a million orders fit in a few
 * hundred megabytes and a look-up touches only its candidates. Pure, no I/O.
 */
import { SIGNATURE_LENGTH, signatureSimilarity } from './minhash.ts';

export interface DuplicateIndexOptions {
  /** bands × rows ≤ SIGNATURE_LENGTH; 10 × 3 finds pairs at Jaccard 0.5 with p ≈ 0.74, at 0.7 with p ≈ 0.99. */
  bands: number;
  rows: number;
  /** Sizes the band tables; the index still grows past it. */
  expectedSize: number;
}

export const DEFAULT_DUPLICATE_INDEX_OPTIONS: DuplicateIndexOptions = { bands: 10, rows: 3, expectedSize: 1 << 16 };

export interface IndexedOrder {
  id: number;
  signature: Uint32Array;
  regionId: number | null;
  /** Epoch milliseconds of intake. */
  at: number;
}

export interface DuplicateQuery {
  signature: Uint32Array;
  regionId?: number | null;
  at: number;
}

export interface LookupOptions {
  /** Only orders within this many milliseconds before or after the query. */
  windowMs: number;
  minSimilarity: number;
  limit: number;
  /** Drop candidates from another region when both have one. */
  isSameRegionRequired?: boolean;
  excludeId?: number;
  /**
   * Look at no more than this many orders sharing each band, the latest added first: texts written from one template share
   * their bands by the thousand, and comparing each with all the others would make a period's look-ups quadratic.
   */
  maxPerBand?: number;
}

export interface DuplicateMatch {
  id: number;
  similarity: number;
  regionId: number | null;
  at: number;
  isSameRegion: boolean;
}

const NO_REGION = -1;

/** Most similar first, then the latest, then the smallest id. */
const ranksBefore = (x: DuplicateMatch, y: DuplicateMatch) =>
  x.similarity > y.similarity || (x.similarity === y.similarity && (x.at > y.at || (x.at === y.at && x.id < y.id)));

/** Puts a match in its place among the `limit` best so far (sorting every candidate of a popular band costs more). */
function keepBest(found: DuplicateMatch[], match: DuplicateMatch, limit: number) {
  if (found.length >= limit && (limit <= 0 || !ranksBefore(match, found[limit - 1]))) return;
  let p = Math.min(found.length, limit - 1);
  for (; p > 0 && ranksBefore(match, found[p - 1]); p--) found[p] = found[p - 1];
  found[p] = match;
}

export function createDuplicateIndex(overrides: Partial<DuplicateIndexOptions> = {}) {
  const options = { ...DEFAULT_DUPLICATE_INDEX_OPTIONS, ...overrides };
  const { bands, rows } = options;
  if (bands * rows > SIGNATURE_LENGTH || bands < 1 || rows < 1) throw new Error(`bands × rows must be at most ${SIGNATURE_LENGTH}`);
  let tableBits = Math.max(10, Math.ceil(Math.log2(options.expectedSize * 2)));
  let tableMask = (1 << tableBits) - 1;
  let capacity = Math.max(1024, options.expectedSize);
  let size = 0;
  let ids = new Float64Array(capacity);
  let times = new Float64Array(capacity);
  let regions = new Int32Array(capacity);
  let signatures = new Uint32Array(capacity * SIGNATURE_LENGTH);
  /** Entry e = order × bands + band: its band key and the next entry in the same slot. */
  let entryKeys = new Uint32Array(capacity * bands);
  let entryNext = new Int32Array(capacity * bands);
  let heads = new Int32Array(bands << tableBits).fill(-1);
  /** Look-up stamps: candidate n was already seen in look-up number seenStamp[n]. */
  let seenStamp = new Uint32Array(capacity);
  let lookupCount = 0;

  function bandKey(sig: ArrayLike<number>, offset: number, band: number): number {
    let h = 0x811c9dc5 ^ band;
    for (let r = 0; r < rows; r++) {
      h = Math.imul(h ^ sig[offset + band * rows + r], 0x01000193);
      h ^= h >>> 13;
    }
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    return (h ^ (h >>> 13)) >>> 0;
  }

  function link(n: number) {
    for (let b = 0; b < bands; b++) {
      const e = n * bands + b;
      const key = bandKey(signatures, n * SIGNATURE_LENGTH, b);
      entryKeys[e] = key;
      const slot = (b << tableBits) | (key & tableMask);
      entryNext[e] = heads[slot];
      heads[slot] = e;
    }
  }

  function grow() {
    capacity *= 2;
    const copy = <T extends Float64Array | Int32Array | Uint32Array>(old: T, length: number, Kind: { new (n: number): T }) => {
      const next = new Kind(length);
      next.set(old);
      return next;
    };
    ids = copy(ids, capacity, Float64Array);
    times = copy(times, capacity, Float64Array);
    regions = copy(regions, capacity, Int32Array);
    signatures = copy(signatures, capacity * SIGNATURE_LENGTH, Uint32Array);
    entryKeys = copy(entryKeys, capacity * bands, Uint32Array);
    entryNext = copy(entryNext, capacity * bands, Int32Array);
    seenStamp = copy(seenStamp, capacity, Uint32Array);
    if (capacity * 2 > 1 << tableBits) {
      // keep chains short: rebuild the band tables twice as wide
      tableBits++;
      tableMask = (1 << tableBits) - 1;
      heads = new Int32Array(bands << tableBits).fill(-1);
      for (let n = 0; n < size; n++) link(n);
    }
  }

  return {
    options,
    get size() {
      return size;
    },

    add(order: IndexedOrder): void {
      if (order.signature.length !== SIGNATURE_LENGTH) throw new Error(`signature must have ${SIGNATURE_LENGTH} values`);
      if (size === capacity) grow();
      const n = size++;
      ids[n] = order.id;
      times[n] = order.at;
      regions[n] = order.regionId ?? NO_REGION;
      signatures.set(order.signature, n * SIGNATURE_LENGTH);
      link(n);
    },

    /** Orders probably about the same text, most similar first. */
    lookup(query: DuplicateQuery, lookup: LookupOptions): DuplicateMatch[] {
      lookupCount = (lookupCount + 1) >>> 0 || 1;
      const stamp = lookupCount;
      const region = query.regionId ?? NO_REGION;
      const found: DuplicateMatch[] = [];
      const maxPerBand = lookup.maxPerBand ?? Infinity;
      for (let b = 0; b < bands; b++) {
        const key = bandKey(query.signature, 0, b);
        let sharing = 0;
        for (let e = heads[(b << tableBits) | (key & tableMask)]; e >= 0; e = entryNext[e]) {
          if (entryKeys[e] !== key) continue;
          if (sharing++ === maxPerBand) break;
          const n = (e / bands) | 0;
          if (seenStamp[n] === stamp) continue;
          seenStamp[n] = stamp;
          if (Math.abs(times[n] - query.at) > lookup.windowMs || ids[n] === lookup.excludeId) continue;
          const isSameRegion = region !== NO_REGION && regions[n] === region;
          if (lookup.isSameRegionRequired && region !== NO_REGION && regions[n] !== NO_REGION && !isSameRegion) continue;
          const similarity = signatureSimilarity(query.signature, signatures, n * SIGNATURE_LENGTH);
          if (similarity < lookup.minSimilarity) continue;
          keepBest(
            found,
            { id: ids[n], similarity, regionId: regions[n] === NO_REGION ? null : regions[n], at: times[n], isSameRegion },
            lookup.limit,
          );
        }
      }
      return found;
    },
  };
}
export type DuplicateIndex = ReturnType<typeof createDuplicateIndex>;
