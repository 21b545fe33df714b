/**
 * Hotspots (热点问题): a period's orders grouped into problems — same place and same issue —
 * ranked by a heat index, each with a representative title, region, members and trend. Pure and
 * deterministic; the CLI and the daily job call the same function.
 *
 * Grouping: orders are linked when they name the same specific place (estate, road, landmark…)
 * and their texts are similar, or when they sit in the same district with very similar texts, or
 * when their texts are near-copies anywhere (MinHash); linked orders form a problem (union–find),
 * and members far from their problem's centroid are let go again, so chains do not snowball.
 */
import { type FeatureOptions, type SparseVector } from './features.ts';
import { DEFAULT_DUPLICATE_INDEX_OPTIONS, createDuplicateIndex } from './duplicate-index.ts';
import { textSignature } from './minhash.ts';
import { findPlaceMentions, mostSpecificPlace } from './places.ts';
import { chinaDay } from './time.ts';
import { docCounts, fitVectorizer, vectorize } from './vectorizer.ts';
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
}

export interface HotspotOptions {
  /** Fewest orders for a problem to count as a hotspot. */
  minSize: number;
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
  top: number;
  /** The period; defaults to the span of the orders. */
  from?: Date;
  to?: Date;
}

export const DEFAULT_HOTSPOT_OPTIONS: HotspotOptions = {
  minSize: 2, samePlaceSimilarity: 0.3, samePlaceTitleSimilarity: 0.3, sameDistrictSimilarity: 0.45, nearCopySimilarity: 0.5, minCentroidSimilarity: 0.15, top: 10,
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
    const names = [...new Set(mentions.map((m) => m.name))].sort((a, b) => b.length - a.length);
    const strip = (text: string) => names.reduce((t, n) => t.split(n).join(' '), text.normalize('NFKC').replace(/\s+/g, ' '));
    return { district, place, doc: { title: strip(order.title), body: strip(order.body) } };
  });
  const counts = located.map((l) => docCounts(l.doc, FEATURES));
  // in a large period, terms in a fifth of all orders say nothing about one problem; a handful of orders has no such terms
  const vectorizer = fitVectorizer(counts, FEATURES, { minDf: 2, maxDfRatio: orders.length < 50 ? 1 : 0.2, maxFeatures: 200_000, sublinearTf: true });
  const prepared: Prepared[] = orders.map((order, i) => ({ order, doc: located[i].doc, district: located[i].district, place: located[i].place, vector: vectorize(vectorizer, counts[i]),
    titleVector: vectorize(vectorizer, docCounts({ title: located[i].doc.title }, FEATURES)),
  }));

  const uf = unionFind(prepared.length);
  // paraphrases of one complaint share little body text but say the same in their titles
  linkWithinBlocks(prepared, (p) => (p.place ? `${p.district ?? ''}|${p.place}` : null), options.samePlaceSimilarity / 2, uf,
    (a, b) => dot(a.vector, b.vector) >= options.samePlaceSimilarity || dot(a.titleVector, b.titleVector) >= options.samePlaceTitleSimilarity);
  linkWithinBlocks(prepared, (p) => p.district ?? '', options.sameDistrictSimilarity, uf, (a, b) => !a.place || !b.place || a.place === b.place);
  linkNearCopies(prepared, options.nearCopySimilarity, uf);

  const groups = new Map<number, number[]>();
  prepared.forEach((_, i) => {
    const root = uf.find(i);
    const list = groups.get(root);
    if (list) list.push(i);
    else groups.set(root, [i]);
  });

  const periodFrom = options.from ?? orders[0].at;
  const periodTo = options.to ?? new Date(orders[orders.length - 1].at.getTime() + 1);
  const hotspots: Omit<Hotspot, 'rank'>[] = [];
  for (const members of groups.values()) {
    const kept = pruneToCentroid(members, prepared, options.minCentroidSimilarity);
    if (kept.length < options.minSize) continue;
    hotspots.push(describe(kept, prepared, vectorizer.buckets, periodFrom, periodTo));
  }
  return hotspots
    .sort((a, b) => b.heat - a.heat || b.count - a.count || a.firstAt.localeCompare(b.firstAt))
    .slice(0, options.top)
    .map((h, i) => ({ rank: i + 1, ...h }));
}

/** Links every pair inside a block (same key) whose cosine similarity reaches the threshold. */
function linkWithinBlocks(
  prepared: Prepared[],
  keyOf: (p: Prepared) => string | null,
  threshold: number,
  uf: ReturnType<typeof unionFind>,
  isAllowed: (a: Prepared, b: Prepared) => boolean = () => true,
) {
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
        if (uf.find(members[a]) === uf.find(members[b]) || !isAllowed(prepared[members[a]], prepared[members[b]])) continue;
        if (dot(prepared[members[a]].vector, prepared[members[b]].vector) >= threshold) uf.union(members[a], members[b]);
      }
    }
  }
}

function linkNearCopies(prepared: Prepared[], threshold: number, uf: ReturnType<typeof unionFind>) {
  const index = createDuplicateIndex({ ...DEFAULT_DUPLICATE_INDEX_OPTIONS, expectedSize: prepared.length });
  const signatures = prepared.map((p) => textSignature({ title: p.order.title, body: p.order.body }));
  prepared.forEach((_, i) => index.add({ id: i, signature: signatures[i], regionId: null, at: 0 }));
  prepared.forEach((_, i) => {
    for (const m of index.lookup({ signature: signatures[i], at: 0 }, { windowMs: 1, minSimilarity: threshold, limit: 50, excludeId: i })) uf.union(i, m.id);
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
  const series = [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([period, count]) => ({ period, count }));
  const mid = from.getTime() + (to.getTime() - from.getTime()) / 2;
  const late = times.filter((t) => t.getTime() >= mid).length;
  const early = times.length - late;
  const direction = late >= early + 2 && late >= 1.5 * early ? 'rising' : early >= late + 2 && early >= 1.5 * late ? 'falling' : 'steady';
  return { direction, unit, series };
}
