/**
 * Hotspots (热点问题): a period's orders grouped into problems — same place and same issue —
 * ranked by a heat index, each with a representative title, region, members and trend. Pure and
 * deterministic; the CLI and the daily job call the same function.
 *
 * Grouping: a link needs the same place AND a similar issue: orders naming the same specific place
 * (estate, road, landmark…) with similar texts, or orders naming no specific place in one district
 * with very similar texts, or near-copies (MinHash) whose places agree. Links are merged strongest
 * first and two groups join only when their centroids are alike (centroid linkage), so a chain of
 * orders each a bit like the next cannot snowball; members far from the centroid are let go.
 */
import { type FeatureOptions, type SparseVector } from './features.ts';
import { DEFAULT_DUPLICATE_INDEX_OPTIONS, createDuplicateIndex } from './duplicate-index.ts';
import { textSignature } from './minhash.ts';
import { findPlaceMentions, mostSpecificPlace, withoutPlaces } from './places.ts';
import { shanghaiDay } from '../../lib/calendar.ts';
import { docCounts, fitVectorizer, vectorize, type BucketCounts } from './vectorizer.ts';
import { boilerplateBuckets, withoutBuckets } from './boilerplate.ts';
import { unionFind, dot, centroidOf, topTerms } from './cluster-utils.ts';

export interface HotspotOrder {
  id: string | number;
  title: string;
  body: string;
  at: Date;
  /** Who contacted (phone, account); missing citizens count as distinct people. */
  citizen?: string | null;
  /** Region name or code when the order already has one; otherwise the district named in the text is used. */
  region?: string | null;
  /** Public support (likes on web messages). */
  likes?: number;
  isUrgent?: boolean;
  /** The order's category, when filed: orders at one place in one category join into one problem more readily. */
  category?: string | number | null;
}

export interface HotspotOptions {
  /** Fewest orders for a problem to count as a hotspot. */
  minSize: number;
  /** Fewest distinct citizens: one person writing again and again is a repeat (重复件), not a hotspot. */
  minCitizens: number;
  /** Text similarity (cosine of TF-IDF) that links orders naming the same place… */
  samePlaceSimilarity: number;
  /** …or a lower text similarity (half of it) when their titles are at least this similar. */
  samePlaceTitleSimilarity: number;
  /**
   * At one estate or landmark, the similarity that is enough to call two orders (or groups) one problem: residents
   * of one estate word one complaint many ways (搅拌站噪音扰民 / 粉尘大无法呼吸 / 太吵了).
   */
  sameEstateSimilarity: number;
  /** Text similarity that links orders of one district without a shared place. */
  sameDistrictSimilarity: number;
  /** MinHash similarity that links near-copies wherever they are. */
  nearCopySimilarity: number;
  /** Members less similar than this to their problem's centroid are let go. */
  minCentroidSimilarity: number;
  /** Two groups joined by a link must have centroids at least this similar (caps chaining). */
  minLinkSimilarity: number;
  top: number;
  /** The period; defaults to the span of the orders. */
  from?: Date;
  to?: Date;
}

export const DEFAULT_HOTSPOT_OPTIONS: HotspotOptions = {
  minSize: 2, minCitizens: 2, samePlaceSimilarity: 0.3, samePlaceTitleSimilarity: 0.3, sameEstateSimilarity: 0.12, sameDistrictSimilarity: 0.45, nearCopySimilarity: 0.5, minCentroidSimilarity: 0.15, minLinkSimilarity: 0.45, top: 10,
};

export interface HeatComponents {
  count: number;
  citizens: number;
  /** log2 of (orders in the period's second half + 1) / (first half + 1); counts up to 2 (fourfold) in the heat. */
  growth: number;
  /** Share of orders that are urgent or speak of danger. */
  urgency: number;
  likes: number;
}

export interface Hotspot {
  rank: number;
  title: string;
  heat: number;
  region: string | null;
  place: string | null;
  ids: (string | number)[];
  count: number;
  citizens: number;
  components: HeatComponents;
  terms: string[];
  firstAt: string;
  lastAt: string;
  trend: { direction: 'rising' | 'falling' | 'steady'; unit: 'day' | 'week' | 'month'; series: { period: string; count: number }[] };
}

const FEATURES: FeatureOptions = { useWords: false, charNgramMin: 2, charNgramMax: 2, titleWeight: 3, bucketBits: 20 };
const URGENT_CUES = /安全隐患|危险|紧急|火灾|起火|坍塌|倒塌|漏电|触电|燃气泄漏|煤气泄漏|爆炸|溺水|生命安全|人身安全|塌陷|断水|停水|停电|中毒|疫情/;

/**
 * Heat index: distinct citizens weigh most (many people, not one person calling many times), then
 * volume, growth within the period, urgency and public support. Likes and votes count at most as much as the
 * people who wrote (a three-message group with 90 likes must not outrank a problem 30 people reported).
 * Logarithms keep one huge problem from flattening the rest of the ranking.
 */
export function heatIndex(c: HeatComponents): number {
  const heat = 50 * Math.log1p(c.citizens) + 10 * Math.log1p(c.count) + 8 * Math.min(2, Math.max(0, c.growth)) + 15 * c.urgency + 10 * Math.log1p(Math.min(c.likes, c.citizens));
  return Math.round(heat * 10) / 10;
}

interface Prepared {
  order: HotspotOrder;
  /** Title and body with place names blanked out. */
  doc: { title: string; body: string };
  district: string | null;
  /** The key of the place the order is about (placeKeyOf), for grouping; null when it names no specific place. */
  place: string | null;
  /** That place as the order writes it, for the title. */
  placeName: string | null;
  vector: SparseVector;
  titleVector: SparseVector;
}

/** Estate-name endings people add or leave out (丽发新城小区 / 丽发新城 / 丽发小区), stripped for the place key. */
const PLACE_ENDINGS = ['小区', '新城', '花园', '家园', '花苑', '公寓', '新村', '社区', '片区', '一期', '二期', '三期', '四期', '苑', '园', '城'];

/** A place name's key: separators dropped (伊景园·滨河苑), estate endings stripped while two characters remain. */
export function placeKeyOf(name: string): string {
  let key = name.normalize('NFKC').replace(/[·・.．\s_-]/g, '');
  for (let ending = PLACE_ENDINGS.find((e) => key.endsWith(e) && key.length - e.length >= 2); ending; ending = PLACE_ENDINGS.find((e) => key.endsWith(e) && key.length - e.length >= 2)) {
    key = key.slice(0, -ending.length);
  }
  return key;
}

/** How much of a body is read for place names. */
const PLACE_SCAN_CHARS = 200;

const SPECIFIC: ReadonlySet<string> = new Set(['estate', 'landmark', 'community']);

/**
 * Where each order is: its district, and the place it is about. People name one place many ways (丽发新城小区, 丽发小区,
 * 伊景园 for 伊景园滨河苑), so names become keys (placeKeyOf), and a key that begins exactly one longer key of the
 * period is read as that one. Of the places an order names, the one the most orders of the period name wins (a title's
 * place before the body's, unless the body's is named by many more; a specific place before a road or street): what many
 * people write about is where the shared problem is.
 */
export function locateOrders(orders: HotspotOrder[]) {
  const found = orders.map((order) => {
    const titleMentions = findPlaceMentions(order.title);
    // the place an order is about is named early; a long body's remainder costs time and adds only neighbours
    const bodyMentions = findPlaceMentions(order.body.slice(0, PLACE_SCAN_CHARS));
    const mentions = [...titleMentions, ...bodyMentions];
    const district = order.region ?? mentions.find((m) => m.kind === 'district' && !/市$/.test(m.name))?.name ?? mentions.find((m) => m.kind === 'district')?.name ?? null;
    const named = [...titleMentions.map((m) => ({ m, inTitle: true })), ...bodyMentions.map((m) => ({ m, inTitle: false }))].filter(({ m }) => m.kind !== 'district');
    return { district, mentions, named: named.map(({ m, inTitle }) => ({ name: m.name, key: placeKeyOf(m.name), isSpecific: SPECIFIC.has(m.kind), inTitle })) };
  });
  const documentFrequency = new Map<string, number>();
  for (const f of found) for (const key of new Set(f.named.map((n) => n.key))) documentFrequency.set(key, (documentFrequency.get(key) ?? 0) + 1);
  // a key ending in another names the same estate with a developer, road or district in front (万科魅力之城, 劳动东路魅力之城
  // → 魅力之城): the shorter one; then a key beginning exactly one other is that one (伊景园 → 伊景园滨河苑)
  const keys = [...documentFrequency.keys()];
  const known = new Set(keys);
  const bySuffix = new Map<string, string>();
  for (const key of keys) {
    for (let start = 1; start <= key.length - 2; start++) {
      if (known.has(key.slice(start))) {
        bySuffix.set(key, key.slice(start));
        break;
      }
    }
  }
  const root = (key: string) => {
    let k = key;
    for (let guard = 0; bySuffix.has(k) && guard < 10; guard++) k = bySuffix.get(k)!;
    return k;
  };
  const roots = [...new Set(keys.map(root))].sort();
  const byPrefix = new Map<string, string>();
  for (let i = 0; i < roots.length; i++) {
    const longer: string[] = [];
    for (let j = i + 1; j < roots.length && roots[j].startsWith(roots[i]); j++) longer.push(roots[j]);
    if (roots[i].length >= 2 && longer.length === 1) byPrefix.set(roots[i], longer[0]);
  }
  const canonical = (key: string) => byPrefix.get(root(key)) ?? root(key);
  const frequency = new Map<string, number>();
  for (const [key, n] of documentFrequency) frequency.set(canonical(key), (frequency.get(canonical(key)) ?? 0) + n);
  return orders.map((order, i) => {
    const { district, mentions, named } = found[i];
    // the title's place, unless the body names one that many more orders of the period name (a title about 武广新城,
    // a body about its estate 伊景园滨河苑 that twenty others write about)
    const pick = (inTitle: boolean) => {
      let best: { name: string; key: string; score: number; isSpecific: boolean; frequency: number } | null = null;
      for (const n of named) {
        if (n.inTitle !== inTitle) continue;
        const key = canonical(n.key);
        const score = (n.isSpecific ? 1e9 : 0) + (frequency.get(key) ?? 0);
        if (!best || score > best.score) best = { name: n.name, key, score, isSpecific: n.isSpecific, frequency: frequency.get(key) ?? 0 };
      }
      return best;
    };
    const fromTitle = pick(true);
    const fromBody = pick(false);
    const best = !fromTitle || (fromBody && fromBody.isSpecific && fromBody.frequency >= Math.max(5, 3 * fromTitle.frequency)) ? fromBody : fromTitle;
    // the issue is compared without the place names, so "same place" and "same issue" stay two questions
    return {
      district, placeName: best?.name ?? null,
      // an estate or landmark is one place city-wide (whether or not the order names its district); a road is one per district
      place: best ? (best.isSpecific ? best.key : `${district ?? ''}|${best.key}`) : null,
      doc: { title: withoutPlaces(order.title, mentions), body: withoutPlaces(order.body, mentions) },
    };
  });
}

export function findHotspots(input: HotspotOrder[], overrides: Partial<HotspotOptions> = {}): Hotspot[] {
  const options = { ...DEFAULT_HOTSPOT_OPTIONS, ...overrides };
  const orders = input
    .filter((o) => o.at instanceof Date && !Number.isNaN(o.at.getTime()))
    .filter((o) => (!options.from || o.at >= options.from) && (!options.to || o.at < options.to))
    .sort((a, b) => a.at.getTime() - b.at.getTime() || String(a.id).localeCompare(String(b.id)));
  if (orders.length < options.minSize) return [];
  const located = locateOrders(orders);
  // a title is counted once (many orders share one, 路灯不亮) and serves both the order's vector and its title's
  const titleCache = new Map<string, BucketCounts>();
  const titleCounts = located.map((l) => {
    const title = l.doc.title ?? '';
    let c = titleCache.get(title);
    if (!c) titleCache.set(title, c = docCounts({ title }, FEATURES));
    return c;
  });
  const rawCounts = located.map((l, i) => addCounts(titleCounts[i], docCounts({ body: l.doc.body }, FEATURES)));
  const boilerplate = boilerplateBuckets(rawCounts, orders.map((o) => o.category));
  const counts = rawCounts.map((c) => withoutBuckets(c, boilerplate));
  // in a large period, terms in a fifth of all orders say nothing about one problem; a handful of orders has no such terms
  const vectorizer = fitVectorizer(counts, FEATURES, { minDf: 2, maxDfRatio: orders.length < 50 ? 1 : 0.2, maxFeatures: 200_000, sublinearTf: true });
  const prepared: Prepared[] = orders.map((order, i) => ({ order, doc: located[i].doc, district: located[i].district, place: located[i].place, placeName: located[i].placeName, vector: vectorize(vectorizer, counts[i]),
    titleVector: vectorize(vectorizer, withoutBuckets(titleCounts[i], boilerplate)),
  }));

  // in a handful of orders every word looks rare and shared filler (找过相关单位都没有结果) decides: there an estate's
  // orders must be as alike as any others', and only a shared category eases that
  const groups = groupProblems(prepared, options, orders.length >= 50);

  const periodFrom = options.from ?? orders[0].at;
  const periodTo = options.to ?? new Date(orders[orders.length - 1].at.getTime() + 1);
  // rank every group by its heat first; only the top are described (medoid, terms, trend), which costs more per member
  const ranked: { kept: number[]; heat: number; count: number; firstAt: number }[] = [];
  for (const members of groups) {
    if (members.length < options.minSize) continue;
    const kept = pruneToCentroid(members, prepared, options.minCentroidSimilarity);
    if (kept.length < options.minSize) continue;
    const components = heatComponents(kept.map((i) => prepared[i]), periodFrom, periodTo);
    if (components.citizens < options.minCitizens) continue;
    ranked.push({ kept, heat: heatIndex(components), count: kept.length, firstAt: prepared[kept[0]].order.at.getTime() });
  }
  return ranked
    .sort((a, b) => b.heat - a.heat || b.count - a.count || a.firstAt - b.firstAt)
    .slice(0, options.top)
    .map((h, i) => ({ rank: i + 1, ...describe(h.kept, prepared, vectorizer.buckets, periodFrom, periodTo) }));
}

/** The sum of two sparse counts (sorted buckets): what docCounts gives for title and body together. */
function addCounts(a: BucketCounts, b: BucketCounts): BucketCounts {
  const buckets = new Int32Array(a.buckets.length + b.buckets.length);
  const counts = new Float32Array(buckets.length);
  let i = 0, j = 0, n = 0;
  while (i < a.buckets.length || j < b.buckets.length) {
    if (j >= b.buckets.length || (i < a.buckets.length && a.buckets[i] < b.buckets[j])) { buckets[n] = a.buckets[i]; counts[n++] = a.counts[i++]; }
    else if (i >= a.buckets.length || b.buckets[j] < a.buckets[i]) { buckets[n] = b.buckets[j]; counts[n++] = b.counts[j++]; }
    else { buckets[n] = a.buckets[i]; counts[n++] = a.counts[i++] + b.counts[j++]; }
  }
  return { buckets: buckets.slice(0, n), counts: counts.slice(0, n) };
}

interface Edge {
  a: number;
  b: number;
  /** How alike the two orders' issues are (cosine); stronger links are merged first. */
  weight: number;
}

/** Where an order is, for grouping: the same specific place in the same region, or "no specific place" in a region. */
/** Named by an estate or landmark (a key without a district in front: see locateOrders). */
const isEstate = (p: Prepared) => p.place !== null && !p.place.includes('|');

function placeKey(p: Prepared): string {
  return p.place ?? `${p.district ?? ''}|`;
}

/**
 * Groups orders into problems. Candidate links need both the same place (or both orders naming no
 * specific place) and a similar issue; they are merged strongest first, and two groups are joined
 * only when their centroids are alike too (centroid linkage), so a chain of each-a-bit-alike orders —
 * heating → "no result after many calls" → street lights → wages — cannot grow into one giant problem.
 */
function groupProblems(prepared: Prepared[], options: HotspotOptions, isEstateEased: boolean): number[][] {
  const edges: Edge[] = [];
  // paraphrases of one complaint share little body text but say the same in their titles
  collectWithinBlocks(prepared, (p) => (p.place ? placeKey(p) : null), edges, (a, b) => {
    const text = dot(a.vector, b.vector);
    if (isEstateEased && isEstate(a) && text >= options.sameEstateSimilarity) return text;
    if (text < options.samePlaceSimilarity / 2) return null;
    const title = dot(a.titleVector, b.titleVector);
    return text >= options.samePlaceSimilarity || title >= options.samePlaceTitleSimilarity ? Math.max(text, title) : null;
  });
  // orders that name no specific place: the same issue in the same region
  collectWithinBlocks(prepared, (p) => (p.place ? null : p.district ?? ''), edges, (a, b) => {
    const text = dot(a.vector, b.vector);
    return text >= options.sameDistrictSimilarity ? text : null;
  });
  // near-copies of the same text, wherever the region, as long as the place agrees and they share more than a form's
  // wording (MinHash sees the whole text; the vectors have no boilerplate)
  collectNearCopies(prepared, options.nearCopySimilarity, edges, (i, j) =>
    ((!prepared[i].place && !prepared[j].place) || (!!prepared[i].place && placeKey(prepared[i]) === placeKey(prepared[j])))
    && dot(prepared[i].vector, prepared[j].vector) >= options.samePlaceSimilarity);
  edges.sort((x, y) => y.weight - x.weight || x.a - y.a || x.b - y.b);

  const uf = unionFind(prepared.length);
  // per group root: the sum of its members' unit vectors, that sum's squared length, and the place and category all its
  // members share (null when they name no specific place, or differ)
  const sums = new Map<number, { sum: Map<number, number>; norm2: number; size: number; placeAndCategory: string | null; isEstate: boolean }>();
  const placeAndCategory = (p: Prepared) => (p.place && (isEstateEased || p.order.category != null) ? `${placeKey(p)}#${p.order.category ?? ''}` : null);
  const stats = (i: number) => {
    let s = sums.get(i);
    if (!s) {
      const v = prepared[i].vector;
      const sum = new Map<number, number>();
      for (let n = 0; n < v.indices.length; n++) sum.set(v.indices[n], v.values[n]);
      s = { sum, norm2: dot(v, v), size: 1, placeAndCategory: placeAndCategory(prepared[i]), isEstate: isEstate(prepared[i]) };
      sums.set(i, s);
    }
    return s;
  };
  for (const { a, b } of edges) {
    const ra = uf.find(a);
    const rb = uf.find(b);
    if (ra === rb) continue;
    const sa = stats(ra);
    const sb = stats(rb);
    const [small, large] = sa.sum.size <= sb.sum.size ? [sa, sb] : [sb, sa];
    let cross = 0;
    for (const [k, x] of small.sum) cross += x * (large.sum.get(k) ?? 0);
    // a single pair was vetted by its link; a group must also be alike as a whole. Groups filed under one category at
    // one specific place need only be as alike as two orders there must be to link at all: residents of a burst-main
    // estate word it many ways ("停水" / "突然停水没有通知").
    const isSameProblem = sa.placeAndCategory !== null && sa.placeAndCategory === sb.placeAndCategory;
    const threshold = !isSameProblem ? options.minLinkSimilarity : isEstateEased && sa.isEstate ? options.sameEstateSimilarity : options.samePlaceSimilarity / 2;
    if (sa.size + sb.size > 2 && cross < threshold * Math.sqrt(sa.norm2 * sb.norm2)) continue;
    for (const [k, x] of small.sum) large.sum.set(k, (large.sum.get(k) ?? 0) + x);
    large.norm2 = sa.norm2 + sb.norm2 + 2 * cross;
    large.size = sa.size + sb.size;
    large.placeAndCategory = isSameProblem ? sa.placeAndCategory : null;
    uf.union(ra, rb);
    const root = uf.find(ra);
    sums.delete(ra);
    sums.delete(rb);
    sums.set(root, large);
  }

  const groups = new Map<number, number[]>();
  prepared.forEach((_, i) => {
    const root = uf.find(i);
    const list = groups.get(root);
    if (list) list.push(i);
    else groups.set(root, [i]);
  });
  return [...groups.values()];
}

/** Blocks up to this size compare every pair; larger ones only each order's likeliest neighbours (inverted index). */
const ALL_PAIRS_MAX = 150;
/** Neighbours per order looked at in a large block, and the features per order the look-up goes by. */
const NEIGHBOURS = 12;
const QUERY_FEATURES = 10;
/** Features in more than this many orders of a block say little about one problem and make the look-up slow: skipped. */
const MAX_POSTINGS = 400;

/**
 * Candidate links inside each block (same key) that `weigh` accepts. Small blocks compare every pair; a large block (a
 * district's orders that name no place, a busy road) goes by an inverted index: each order's strongest features find
 * the orders sharing them, scored by the features they share, and only the best few are compared. So the work grows
 * with the orders times their neighbours, not with the square of the orders.
 */
function collectWithinBlocks(prepared: Prepared[], keyOf: (p: Prepared) => string | null, edges: Edge[], weigh: (a: Prepared, b: Prepared) => number | null) {
  const blocks = new Map<string, number[]>();
  prepared.forEach((p, i) => {
    const key = keyOf(p);
    if (key === null) return;
    const list = blocks.get(key);
    if (list) list.push(i);
    else blocks.set(key, [i]);
  });
  for (const members of blocks.values()) {
    if (members.length <= ALL_PAIRS_MAX) {
      for (let a = 0; a < members.length; a++) {
        for (let b = a + 1; b < members.length; b++) {
          const weight = weigh(prepared[members[a]], prepared[members[b]]);
          if (weight !== null) edges.push({ a: members[a], b: members[b], weight });
        }
      }
      continue;
    }
    for (const [a, b] of likelyNeighbours(members, prepared)) {
      const weight = weigh(prepared[a], prepared[b]);
      if (weight !== null) edges.push({ a, b, weight });
    }
  }
}

/** The strongest features of a vector, by weight. */
function strongest(v: SparseVector, k: number): number[] {
  const order = Array.from(v.indices.keys()).sort((x, y) => v.values[y] - v.values[x]).slice(0, k);
  return order.map((n) => v.indices[n]);
}

/** Pairs (a < b) of each member with its NEIGHBOURS likeliest neighbours in the block, found through an inverted index. */
function likelyNeighbours(members: number[], prepared: Prepared[]): [number, number][] {
  const postings = new Map<number, number[]>();
  const queries = members.map((i) => strongest(prepared[i].vector, QUERY_FEATURES));
  members.forEach((i, k) => {
    for (const f of queries[k]) {
      const list = postings.get(f);
      if (list) list.push(i);
      else postings.set(f, [i]);
    }
  });
  const seen = new Set<number>();
  const pairs: [number, number][] = [];
  const scores = new Map<number, number>();
  members.forEach((i, k) => {
    scores.clear();
    for (const f of queries[k]) {
      const list = postings.get(f)!;
      if (list.length > MAX_POSTINGS) continue;
      for (const j of list) if (j !== i) scores.set(j, (scores.get(j) ?? 0) + 1);
    }
    const best = [...scores].sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, NEIGHBOURS);
    for (const [j] of best) {
      const [a, b] = i < j ? [i, j] : [j, i];
      const id = a * prepared.length + b;
      if (seen.has(id)) continue;
      seen.add(id);
      pairs.push([a, b]);
    }
  });
  return pairs;
}

function collectNearCopies(prepared: Prepared[], threshold: number, edges: Edge[], isAllowed: (i: number, j: number) => boolean) {
  const index = createDuplicateIndex({ ...DEFAULT_DUPLICATE_INDEX_OPTIONS, expectedSize: prepared.length });
  const signatures = prepared.map((p) => textSignature({ title: p.order.title, body: p.order.body }));
  prepared.forEach((_, i) => index.add({ id: i, signature: signatures[i], regionId: null, at: 0 }));
  prepared.forEach((_, i) => {
    for (const m of index.lookup({ signature: signatures[i], at: 0 }, { windowMs: 1, minSimilarity: threshold, limit: 50, excludeId: i })) {
      const j = m.id as number;
      if (i < j && isAllowed(i, j)) edges.push({ a: i, b: j, weight: Math.max(m.similarity, dot(prepared[i].vector, prepared[j].vector)) });
    }
  });
}

/** Drops members whose similarity to the centroid of the rest is below the threshold (single pass). */
function pruneToCentroid(members: number[], prepared: Prepared[], threshold: number): number[] {
  if (members.length <= 2) return members;
  const centroid = centroidOf(members.map((i) => prepared[i].vector));
  return members.filter((i) => dot(prepared[i].vector, centroid) >= threshold);
}

function heatComponents(items: Prepared[], from: Date, to: Date): HeatComponents {
  const mid = from.getTime() + (to.getTime() - from.getTime()) / 2;
  const recent = items.filter((p) => p.order.at.getTime() >= mid).length;
  return {
    count: items.length,
    citizens: new Set(items.map((p, k) => p.order.citizen ?? `#${k}`)).size,
    growth: Math.round(Math.log2((recent + 1) / (items.length - recent + 1)) * 100) / 100,
    urgency: Math.round((items.filter((p) => p.order.isUrgent || URGENT_CUES.test(`${p.order.title}${p.order.body}`)).length / items.length) * 100) / 100,
    likes: items.reduce((a, p) => a + (p.order.likes ?? 0), 0),
  };
}

function describe(members: number[], prepared: Prepared[], buckets: Int32Array, from: Date, to: Date): Omit<Hotspot, 'rank'> {
  const items = members.map((i) => prepared[i]);
  const vectors = items.map((p) => p.vector);
  const centroid = centroidOf(vectors);
  // the medoid: the member most like the others, whose title stands for the problem
  const placeKeyOfGroup = mostCommon(items.map((p) => p.place));
  const place = mostCommon(items.filter((p) => p.place === placeKeyOfGroup).map((p) => p.placeName));
  let medoid = 0;
  let bestScore = -Infinity;
  vectors.forEach((v, k) => {
    const title = items[k].order.title;
    const score = dot(v, centroid) + (title.length <= 30 ? 0.02 : 0) + (place && title.includes(place) ? 0.05 : 0);
    if (score > bestScore) {
      bestScore = score;
      medoid = k;
    }
  });
  const components = heatComponents(items, from, to);
  const { citizens } = components;
  const medoidTitle = items[medoid].order.title.trim().replace(/\s+/g, ' ');
  // a title says what and where: the place goes in front when the chosen title leaves it out
  const title = place && !medoidTitle.includes(placeKeyOf(place)) ? `${place}：${medoidTitle}` : medoidTitle;
  return {
    title: title.length > 40 ? `${title.slice(0, 39)}…` : title,
    heat: heatIndex(components),
    region: mostCommon(items.map((p) => p.district)),
    place,
    ids: items.map((p) => p.order.id),
    count: items.length,
    citizens,
    components,
    terms: topTerms(centroid, buckets, items.map((p) => p.doc), FEATURES, 5),
    firstAt: items[0].order.at.toISOString(),
    lastAt: items[items.length - 1].order.at.toISOString(),
    trend: trendOf(items.map((p) => p.order.at), from, to),
  };
}

function mostCommon(values: (string | null)[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  for (const [v, n] of counts) if (best === null || n > counts.get(best)! || (n === counts.get(best)! && v < best)) best = v;
  return best;
}

/** "2026-12" → "2027-01" */
function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Counts per day, week or month over the period, and whether the second half outweighs the first. */
export function trendOf(times: Date[], from: Date, to: Date): Hotspot['trend'] {
  const spanDays = (to.getTime() - from.getTime()) / 86_400_000;
  const unit: Hotspot['trend']['unit'] = spanDays <= 62 ? 'day' : spanDays <= 366 ? 'week' : 'month';
  const keyOf = (d: Date) => {
    const day = shanghaiDay(d);
    if (unit === 'day') return day;
    if (unit === 'month') return day.slice(0, 7);
    const offset = Math.floor((d.getTime() - from.getTime()) / (7 * 86_400_000));
    return shanghaiDay(new Date(from.getTime() + offset * 7 * 86_400_000));
  };
  const counts = new Map<string, number>();
  for (const t of times) counts.set(keyOf(t), (counts.get(keyOf(t)) ?? 0) + 1);
  // every period of the span, quiet ones as 0, so a burst on the last day reads as a spike and not as a lone point
  const periods = new Set(counts.keys());
  if (unit === 'month') {
    for (let m = shanghaiDay(from).slice(0, 7), last = shanghaiDay(new Date(to.getTime() - 1)).slice(0, 7); m <= last; m = nextMonth(m)) periods.add(m);
  } else {
    for (let t = from.getTime(); t < to.getTime(); t += (unit === 'day' ? 1 : 7) * 86_400_000) periods.add(keyOf(new Date(t)));
  }
  const series = [...periods].sort().map((period) => ({ period, count: counts.get(period) ?? 0 }));
  const mid = from.getTime() + (to.getTime() - from.getTime()) / 2;
  const late = times.filter((t) => t.getTime() >= mid).length;
  const early = times.length - late;
  const direction = late >= early + 2 && late >= 1.5 * early ? 'rising' : early >= late + 2 && early >= 1.5 * late ? 'falling' : 'steady';
  return { direction, unit, series };
}
