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
import { chinaDay } from './time.ts';
import { docCounts, fitVectorizer, vectorize } from './vectorizer.ts';
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
  minSize: 2, minCitizens: 2, samePlaceSimilarity: 0.3, samePlaceTitleSimilarity: 0.3, sameDistrictSimilarity: 0.45, nearCopySimilarity: 0.5, minCentroidSimilarity: 0.15, minLinkSimilarity: 0.45, top: 10,
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

const FEATURES: FeatureOptions = { useWords: true, charNgramMin: 2, charNgramMax: 2, titleWeight: 3, bucketBits: 20 };
const URGENT_CUES = /安全隐患|危险|紧急|火灾|起火|坍塌|倒塌|漏电|触电|燃气泄漏|煤气泄漏|爆炸|溺水|生命安全|人身安全|塌陷|断水|停水|停电|中毒|疫情/;

/**
 * Heat index: distinct citizens weigh most (many people, not one person calling many times), then
 * volume, growth within the period, urgency and public support. Logarithms keep one huge problem
 * from flattening the rest of the ranking.
 */
export function heatIndex(c: HeatComponents): number {
  const heat = 40 * Math.log1p(c.citizens) + 20 * Math.log1p(c.count) + 5 * Math.min(2, Math.max(0, c.growth)) + 20 * c.urgency + 10 * Math.log1p(c.likes);
  return Math.round(heat * 10) / 10;
}

interface Prepared {
  order: HotspotOrder;
  /** Title and body with place names blanked out. */
  doc: { title: string; body: string };
  district: string | null;
  place: string | null;
  vector: SparseVector;
  titleVector: SparseVector;
}

export function findHotspots(input: HotspotOrder[], overrides: Partial<HotspotOptions> = {}): Hotspot[] {
  const options = { ...DEFAULT_HOTSPOT_OPTIONS, ...overrides };
  const orders = input
    .filter((o) => o.at instanceof Date && !Number.isNaN(o.at.getTime()))
    .filter((o) => (!options.from || o.at >= options.from) && (!options.to || o.at < options.to))
    .sort((a, b) => a.at.getTime() - b.at.getTime() || String(a.id).localeCompare(String(b.id)));
  if (orders.length < options.minSize) return [];
  const located = orders.map((order) => {
    const mentions = findPlaceMentions(`${order.title} ${order.body}`);
    const district = order.region ?? mentions.find((m) => m.kind === 'district' && !/市$/.test(m.name))?.name ?? mentions.find((m) => m.kind === 'district')?.name ?? null;
    // the title names the place the order is about; the body may wander to neighbours
    const place = (mostSpecificPlace(findPlaceMentions(order.title)) ?? mostSpecificPlace(mentions))?.name ?? null;
    // the issue is compared without the place names, so "same place" and "same issue" stay two questions
    return { district, place, doc: { title: withoutPlaces(order.title, mentions), body: withoutPlaces(order.body, mentions) } };
  });
  const rawCounts = located.map((l) => docCounts(l.doc, FEATURES));
  const boilerplate = boilerplateBuckets(rawCounts, orders.map((o) => o.category));
  const counts = rawCounts.map((c) => withoutBuckets(c, boilerplate));
  // in a large period, terms in a fifth of all orders say nothing about one problem; a handful of orders has no such terms
  const vectorizer = fitVectorizer(counts, FEATURES, { minDf: 2, maxDfRatio: orders.length < 50 ? 1 : 0.2, maxFeatures: 200_000, sublinearTf: true });
  const prepared: Prepared[] = orders.map((order, i) => ({ order, doc: located[i].doc, district: located[i].district, place: located[i].place, vector: vectorize(vectorizer, counts[i]),
    titleVector: vectorize(vectorizer, withoutBuckets(docCounts({ title: located[i].doc.title }, FEATURES), boilerplate)),
  }));

  const groups = groupProblems(prepared, options);

  const periodFrom = options.from ?? orders[0].at;
  const periodTo = options.to ?? new Date(orders[orders.length - 1].at.getTime() + 1);
  const hotspots: Omit<Hotspot, 'rank'>[] = [];
  for (const members of groups) {
    const kept = pruneToCentroid(members, prepared, options.minCentroidSimilarity);
    if (kept.length < options.minSize) continue;
    const hotspot = describe(kept, prepared, vectorizer.buckets, periodFrom, periodTo);
    if (hotspot.citizens >= options.minCitizens) hotspots.push(hotspot);
  }
  return hotspots
    .sort((a, b) => b.heat - a.heat || b.count - a.count || a.firstAt.localeCompare(b.firstAt))
    .slice(0, options.top)
    .map((h, i) => ({ rank: i + 1, ...h }));
}

interface Edge {
  a: number;
  b: number;
  /** How alike the two orders' issues are (cosine); stronger links are merged first. */
  weight: number;
}

/** Where an order is, for grouping: the same specific place in the same region, or "no specific place" in a region. */
function placeKey(p: Prepared): string {
  return p.place ? `${p.district ?? ''}|${p.place}` : `${p.district ?? ''}|`;
}

/**
 * Groups orders into problems. Candidate links need both the same place (or both orders naming no
 * specific place) and a similar issue; they are merged strongest first, and two groups are joined
 * only when their centroids are alike too (centroid linkage), so a chain of each-a-bit-alike orders —
 * heating → "no result after many calls" → street lights → wages — cannot grow into one giant problem.
 */
function groupProblems(prepared: Prepared[], options: HotspotOptions): number[][] {
  const edges: Edge[] = [];
  // paraphrases of one complaint share little body text but say the same in their titles
  collectWithinBlocks(prepared, (p) => (p.place ? placeKey(p) : null), edges, (a, b) => {
    const text = dot(a.vector, b.vector);
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
  const sums = new Map<number, { sum: Map<number, number>; norm2: number; size: number; placeAndCategory: string | null }>();
  const placeAndCategory = (p: Prepared) => (p.place && p.order.category != null ? `${placeKey(p)}#${p.order.category}` : null);
  const stats = (i: number) => {
    let s = sums.get(i);
    if (!s) {
      const v = prepared[i].vector;
      const sum = new Map<number, number>();
      for (let n = 0; n < v.indices.length; n++) sum.set(v.indices[n], v.values[n]);
      s = { sum, norm2: dot(v, v), size: 1, placeAndCategory: placeAndCategory(prepared[i]) };
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
    const threshold = isSameProblem ? options.samePlaceSimilarity / 2 : options.minLinkSimilarity;
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

/** Candidate links between every pair inside a block (same key) that `weigh` accepts. */
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
    for (let a = 0; a < members.length; a++) {
      for (let b = a + 1; b < members.length; b++) {
        const weight = weigh(prepared[members[a]], prepared[members[b]]);
        if (weight !== null) edges.push({ a: members[a], b: members[b], weight });
      }
    }
  }
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

function describe(members: number[], prepared: Prepared[], buckets: Int32Array, from: Date, to: Date): Omit<Hotspot, 'rank'> {
  const items = members.map((i) => prepared[i]);
  const vectors = items.map((p) => p.vector);
  const centroid = centroidOf(vectors);
  // the medoid: the member most like the others, whose title stands for the problem
  const place = mostCommon(items.map((p) => p.place));
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
  const mid = from.getTime() + (to.getTime() - from.getTime()) / 2;
  const recent = items.filter((p) => p.order.at.getTime() >= mid).length;
  const citizens = new Set(items.map((p, k) => p.order.citizen ?? `#${k}`)).size;
  const components: HeatComponents = {
    count: items.length,
    citizens,
    growth: Math.round(Math.log2((recent + 1) / (items.length - recent + 1)) * 100) / 100,
    urgency: Math.round((items.filter((p) => p.order.isUrgent || URGENT_CUES.test(`${p.order.title}${p.order.body}`)).length / items.length) * 100) / 100,
    likes: items.reduce((a, p) => a + (p.order.likes ?? 0), 0),
  };
  const title = items[medoid].order.title.trim().replace(/\s+/g, ' ');
  return {
    title: title.length > 40 ? `${title.slice(0, 39)}…` : title,
    heat: heatIndex(components),
    region: mostCommon(items.map((p) => p.district)),
    place,
    ids: items.map((p) => p.order.id),
    count: items.length,
    citizens,
    components,
    terms: topTerms(centroid, buckets, items.map((p) => p.doc), { ...FEATURES, charNgramMax: 0 }, 5),
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
    const day = chinaDay(d);
    if (unit === 'day') return day;
    if (unit === 'month') return day.slice(0, 7);
    const offset = Math.floor((d.getTime() - from.getTime()) / (7 * 86_400_000));
    return chinaDay(new Date(from.getTime() + offset * 7 * 86_400_000));
  };
  const counts = new Map<string, number>();
  for (const t of times) counts.set(keyOf(t), (counts.get(keyOf(t)) ?? 0) + 1);
  // every period of the span, quiet ones as 0, so a burst on the last day reads as a spike and not as a lone point
  const periods = new Set(counts.keys());
  if (unit === 'month') {
    for (let m = chinaDay(from).slice(0, 7), last = chinaDay(new Date(to.getTime() - 1)).slice(0, 7); m <= last; m = nextMonth(m)) periods.add(m);
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
