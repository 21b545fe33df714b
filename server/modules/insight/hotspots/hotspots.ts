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
import { type FeatureOptions, type SparseVector } from '../text/features.ts';
import { DEFAULT_DUPLICATE_INDEX_OPTIONS, createDuplicateIndex } from '../duplicates/duplicate-index.ts';
import { textSignature } from '../duplicates/minhash.ts';
import { findPlaceMentions, withoutPlaces } from '../places/places.ts';
import { shanghaiDay } from '../../../lib/calendar.ts';
import { docCounts, fitVectorizer, vectorize } from '../text/vectorizer.ts';
import { boilerplateBuckets, withoutBuckets } from './boilerplate.ts';
import { unionFind, dot, dotSums, addSums, centroidOf, spreadVector, topTerms, type VectorSum } from './cluster-utils.ts';

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
  minSize: 2,
  minCitizens: 2,
  samePlaceSimilarity: 0.3,
  samePlaceTitleSimilarity: 0.3,
  sameEstateSimilarity: 0.12,
  sameDistrictSimilarity: 0.45,
  nearCopySimilarity: 0.5,
  minCentroidSimilarity: 0.15,
  minLinkSimilarity: 0.45,
  top: 10,
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
const URGENT_CUES =
  /安全隐患|危险|紧急|火灾|起火|坍塌|倒塌|漏电|触电|燃气泄漏|煤气泄漏|爆炸|溺水|生命安全|人身安全|塌陷|断水|停水|停电|中毒|疫情/;

/**
 * Heat index: distinct citizens weigh most (many people, not one person calling many times), then
 * volume, growth within the period, urgency and public support. Likes and votes count at most as much as the
 * people who wrote (a three-message group with 90 likes must not outrank a problem 30 people reported).
 * Logarithms keep one huge problem from flattening the rest of the ranking.
 */
export function heatIndex(c: HeatComponents): number {
  const heat =
    50 * Math.log1p(c.citizens) +
    10 * Math.log1p(c.count) +
    8 * Math.min(2, Math.max(0, c.growth)) +
    15 * c.urgency +
    10 * Math.log1p(Math.min(c.likes, c.citizens));
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
const PLACE_ENDINGS = [
  '小区',
  '新城',
  '花园',
  '家园',
  '花苑',
  '公寓',
  '新村',
  '社区',
  '片区',
  '一期',
  '二期',
  '三期',
  '四期',
  '苑',
  '园',
  '城',
];

/** A place name's key: separators dropped (伊景园·滨河苑), estate endings stripped while two characters remain. */
export function placeKeyOf(name: string): string {
  let key = name.normalize('NFKC').replace(/[·・.．\s_-]/g, '');
  for (
    let ending = PLACE_ENDINGS.find((e) => key.endsWith(e) && key.length - e.length >= 2);
    ending;
    ending = PLACE_ENDINGS.find((e) => key.endsWith(e) && key.length - e.length >= 2)
  ) {
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
    const district =
      order.region ??
      mentions.find((m) => m.kind === 'district' && !/市$/.test(m.name))?.name ??
      mentions.find((m) => m.kind === 'district')?.name ??
      null;
    const named = [...titleMentions.map((m) => ({ m, inTitle: true })), ...bodyMentions.map((m) => ({ m, inTitle: false }))].filter(
      ({ m }) => m.kind !== 'district',
    );
    return {
      district,
      mentions,
      named: named.map(({ m, inTitle }) => ({ name: m.name, key: placeKeyOf(m.name), isSpecific: SPECIFIC.has(m.kind), inTitle })),
    };
  });
  const documentFrequency = new Map<string, number>();
  for (const f of found)
    for (const key of new Set(f.named.map((n) => n.key))) documentFrequency.set(key, (documentFrequency.get(key) ?? 0) + 1);
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
    const best =
      !fromTitle || (fromBody && fromBody.isSpecific && fromBody.frequency >= Math.max(5, 3 * fromTitle.frequency)) ? fromBody : fromTitle;
    // the issue is compared without the place names, so "same place" and "same issue" stay two questions
    return {
      district,
      placeName: best?.name ?? null,
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
  const rawCounts = located.map((l) => docCounts(l.doc, FEATURES));
  const boilerplate = boilerplateBuckets(
    rawCounts,
    orders.map((o) => o.category),
  );
  const counts = rawCounts.map((c) => withoutBuckets(c, boilerplate));
  // in a large period, terms in a fifth of all orders say nothing about one problem; a handful of orders has no such terms
  const vectorizer = fitVectorizer(counts, FEATURES, {
    minDf: 2,
    maxDfRatio: orders.length < 50 ? 1 : 0.2,
    maxFeatures: 200_000,
    sublinearTf: true,
  });
  // many orders share a title (路灯不亮): its vector is made once
  const titleVectors = new Map<string, SparseVector>();
  const titleVectorOf = (title: string) => {
    let v = titleVectors.get(title);
    if (!v) titleVectors.set(title, (v = vectorize(vectorizer, withoutBuckets(docCounts({ title }, FEATURES), boilerplate))));
    return v;
  };
  const prepared: Prepared[] = orders.map((order, i) => ({
    order,
    doc: located[i].doc,
    district: located[i].district,
    place: located[i].place,
    placeName: located[i].placeName,
    vector: vectorize(vectorizer, counts[i]),
    titleVector: titleVectorOf(located[i].doc.title),
  }));

  // in a handful of orders every word looks rare and shared filler (找过相关单位都没有结果) decides: there an estate's
  // orders must be as alike as any others', and only a shared category eases that
  const groups = groupProblems(prepared, vectorizer.buckets.length, options, orders.length >= 50);

  const periodFrom = options.from ?? orders[0].at;
  const periodTo = options.to ?? new Date(orders[orders.length - 1].at.getTime() + 1);
  // rank every group by its heat first; only the top are described (medoid, terms, trend), which costs more per member
  const ranked: { kept: number[]; heat: number; count: number; firstAt: number }[] = [];
  for (const members of groups) {
    if (members.length < options.minSize) continue;
    const kept = pruneToCentroid(members, prepared, options.minCentroidSimilarity);
    if (kept.length < options.minSize) continue;
    const components = heatComponents(
      kept.map((i) => prepared[i]),
      periodFrom,
      periodTo,
    );
    if (components.citizens < options.minCitizens) continue;
    ranked.push({ kept, heat: heatIndex(components), count: kept.length, firstAt: prepared[kept[0]].order.at.getTime() });
  }
  return ranked
    .sort((a, b) => b.heat - a.heat || b.count - a.count || a.firstAt - b.firstAt)
    .slice(0, options.top)
    .map((h, i) => ({ rank: i + 1, ...describe(h.kept, prepared, vectorizer.buckets, periodFrom, periodTo) }));
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
function groupProblems(prepared: Prepared[], featureCount: number, options: HotspotOptions, isEstateEased: boolean): number[][] {
  const edges: Edge[] = [];
  // paraphrases of one complaint share little body text but say the same in their titles
  const blocks: Blocks = { prepared, spread: spreadVector(featureCount), edges };
  collectWithinBlocks(
    blocks,
    (p) => (p.place ? placeKey(p) : null),
    (a, b, text) => {
      if (isEstateEased && isEstate(a) && text >= options.sameEstateSimilarity) return text;
      if (text < options.samePlaceSimilarity / 2) return null;
      const title = dot(a.titleVector, b.titleVector);
      return text >= options.samePlaceSimilarity || title >= options.samePlaceTitleSimilarity ? Math.max(text, title) : null;
    },
  );
  // orders that name no specific place: the same issue in the same region
  collectWithinBlocks(
    blocks,
    (p) => (p.place ? null : (p.district ?? '')),
    (_a, _b, text) => {
      return text >= options.sameDistrictSimilarity ? text : null;
    },
  );
  // near-copies of the same text, wherever the region, as long as the place agrees and they share more than a form's
  // wording (MinHash sees the whole text; the vectors have no boilerplate). They are not sought at a place with few
  // orders: a near-copy must name the same place, and there every pair was compared above.
  const placeSizes = new Map<string, number>();
  for (const p of prepared) if (p.place) placeSizes.set(placeKey(p), (placeSizes.get(placeKey(p)) ?? 0) + 1);
  const isComparedAllPairs = (p: Prepared) => !!p.place && placeSizes.get(placeKey(p))! <= ALL_PAIRS_MAX;
  collectNearCopies(
    blocks,
    prepared.flatMap((p, i) => (isComparedAllPairs(p) ? [] : [i])),
    options.nearCopySimilarity,
    (a, b, text) => ((!a.place && !b.place) || (!!a.place && placeKey(a) === placeKey(b))) && text >= options.samePlaceSimilarity,
  );
  edges.sort((x, y) => y.weight - x.weight || x.a - y.a || x.b - y.b);

  const uf = unionFind(prepared.length);
  // per group root: the sum of its members' unit vectors, that sum's squared length, and the place and category all its
  // members share (null when they name no specific place, or differ)
  const sums = new Map<number, { sum: VectorSum; norm2: number; size: number; placeAndCategory: string | null; isEstate: boolean }>();
  const placeAndCategory = (p: Prepared) =>
    p.place && (isEstateEased || p.order.category != null) ? `${placeKey(p)}#${p.order.category ?? ''}` : null;
  const stats = (i: number) => {
    let s = sums.get(i);
    if (!s) {
      const v = prepared[i].vector;
      s = { sum: v, norm2: dot(v, v), size: 1, placeAndCategory: placeAndCategory(prepared[i]), isEstate: isEstate(prepared[i]) };
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
    const cross = dotSums(sa.sum, sb.sum);
    // a single pair was vetted by its link; a group must also be alike as a whole. Groups filed under one category at
    // one specific place need only be as alike as two orders there must be to link at all: residents of a burst-main
    // estate word it many ways ("停水" / "突然停水没有通知").
    const isSameProblem = sa.placeAndCategory !== null && sa.placeAndCategory === sb.placeAndCategory;
    const threshold = !isSameProblem
      ? options.minLinkSimilarity
      : isEstateEased && sa.isEstate
        ? options.sameEstateSimilarity
        : options.samePlaceSimilarity / 2;
    if (sa.size + sb.size > 2 && cross < threshold * Math.sqrt(sa.norm2 * sb.norm2)) continue;
    uf.union(ra, rb);
    sums.delete(ra);
    sums.delete(rb);
    sums.set(uf.find(ra), {
      sum: addSums(sa.sum, sb.sum),
      norm2: sa.norm2 + sb.norm2 + 2 * cross,
      size: sa.size + sb.size,
      placeAndCategory: isSameProblem ? sa.placeAndCategory : null,
      isEstate: sa.isEstate,
    });
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

/** The orders, the candidate links found so far, and scratch space to compare one order with many. */
interface Blocks {
  prepared: Prepared[];
  spread: ReturnType<typeof spreadVector>;
  edges: Edge[];
}

/** Blocks up to this size compare every pair; larger ones only each order's likeliest neighbours (inverted index). */
const ALL_PAIRS_MAX = 150;
/** Neighbours per order looked at in a large block, and the features per order the look-up goes by. */
const NEIGHBOURS = 12;
const QUERY_FEATURES = 10;
/** Features in more than this many orders of a block say little about one problem and make the look-up slow: skipped. */
const MAX_POSTINGS = 400;

/**
 * Candidate links inside each block (same key) that `weigh` accepts, given the two orders and their texts' similarity.
 * Small blocks compare every pair; a large block (a district's orders that name no place, a busy road) goes by an
 * inverted index: each order's strongest features find the orders sharing them, scored by the features they share, and
 * only the best few are compared. So the work grows with the orders times their neighbours, not with the square of the
 * orders.
 */
function collectWithinBlocks(
  { prepared, spread, edges }: Blocks,
  keyOf: (p: Prepared) => string | null,
  weigh: (a: Prepared, b: Prepared, text: number) => number | null,
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
    if (members.length <= ALL_PAIRS_MAX) {
      for (let x = 0; x < members.length; x++) {
        const a = prepared[members[x]];
        spread.spread(a.vector);
        for (let y = x + 1; y < members.length; y++) {
          const b = prepared[members[y]];
          const weight = weigh(a, b, spread.dot(b.vector));
          if (weight !== null) edges.push({ a: members[x], b: members[y], weight });
        }
        spread.clear(a.vector);
      }
      continue;
    }
    forEachLikelyNeighbours(members, prepared, (i, neighbours) => {
      const a = prepared[i];
      spread.spread(a.vector);
      for (const j of neighbours) {
        const weight = weigh(a, prepared[j], spread.dot(prepared[j].vector));
        if (weight !== null) edges.push({ a: Math.min(i, j), b: Math.max(i, j), weight });
      }
      spread.clear(a.vector);
    });
  }
}

/** The strongest features of a vector, by weight. */
function strongest(v: SparseVector, k: number): number[] {
  return bestOf(v.indices, k, (_, n) => v.values[n]);
}

/**
 * Calls `visit(i, neighbours)` with each member and its NEIGHBOURS likeliest neighbours in the block, found through an
 * inverted index, leaving out those it was visited with before (each pair once).
 */
function forEachLikelyNeighbours(members: number[], prepared: Prepared[], visit: (i: number, neighbours: number[]) => void) {
  // members by their position in the block: postings list positions, and shared features are counted per position
  const postings = new Map<number, number[]>();
  const queries = members.map((i) => strongest(prepared[i].vector, QUERY_FEATURES));
  queries.forEach((features, k) => {
    for (const f of features) {
      const list = postings.get(f);
      if (list) list.push(k);
      else postings.set(f, [k]);
    }
  });
  const seen = new Set<number>();
  const shared = new Int32Array(members.length);
  const touched: number[] = [];
  queries.forEach((features, k) => {
    for (const f of features) {
      const list = postings.get(f)!;
      if (list.length > MAX_POSTINGS) continue;
      for (const other of list) {
        if (other === k) continue;
        if (shared[other]++ === 0) touched.push(other);
      }
    }
    const best = bestOf(touched, NEIGHBOURS, (other) => shared[other]);
    for (const t of touched) shared[t] = 0;
    touched.length = 0;
    const neighbours: number[] = [];
    for (const other of best) {
      const id = Math.min(k, other) * members.length + Math.max(k, other);
      if (seen.has(id)) continue;
      seen.add(id);
      neighbours.push(members[other]);
    }
    visit(members[k], neighbours);
  });
}

/** The `k` items of the highest scores, highest first and the smaller item first on ties, without sorting them all. */
function bestOf(items: ArrayLike<number>, k: number, score: (item: number, position: number) => number): number[] {
  const best: number[] = [];
  const scores: number[] = [];
  for (let n = 0; n < items.length; n++) {
    const item = items[n];
    const s = score(item, n);
    if (best.length === k && (s < scores[k - 1] || (s === scores[k - 1] && item > best[k - 1]))) continue;
    let p = Math.min(best.length, k - 1);
    while (p > 0 && (scores[p - 1] < s || (scores[p - 1] === s && best[p - 1] > item))) {
      best[p] = best[p - 1];
      scores[p] = scores[p - 1];
      p--;
    }
    best[p] = item;
    scores[p] = s;
  }
  return best;
}

/** Orders sharing a MinHash band compared with each order at most, per band (see DuplicateIndex's maxPerBand). */
const NEAR_COPY_CANDIDATES = 8;

/** Near-copies (MinHash) among the `searched` orders that `isAllowed` accepts, given the two orders and their texts' similarity. */
function collectNearCopies(
  { prepared, spread, edges }: Blocks,
  searched: number[],
  threshold: number,
  isAllowed: (a: Prepared, b: Prepared, text: number) => boolean,
) {
  const index = createDuplicateIndex({ ...DEFAULT_DUPLICATE_INDEX_OPTIONS, expectedSize: searched.length });
  const signatures = searched.map((i) => textSignature({ title: prepared[i].order.title, body: prepared[i].order.body }));
  searched.forEach((i, k) => index.add({ id: i, signature: signatures[k], regionId: null, at: 0 }));
  searched.forEach((i, k) => {
    const lookup = { windowMs: 1, minSimilarity: threshold, limit: NEIGHBOURS, excludeId: i, maxPerBand: NEAR_COPY_CANDIDATES };
    // each pair once, from its first order
    const copies = index.lookup({ signature: signatures[k], at: 0 }, lookup).filter((m) => m.id > i);
    if (copies.length === 0) return;
    const p = prepared[i];
    spread.spread(p.vector);
    for (const m of copies) {
      const text = spread.dot(prepared[m.id].vector);
      if (isAllowed(p, prepared[m.id], text)) edges.push({ a: i, b: m.id, weight: Math.max(m.similarity, text) });
    }
    spread.clear(p.vector);
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
    urgency:
      Math.round(
        (items.filter((p) => p.order.isUrgent || URGENT_CUES.test(`${p.order.title}${p.order.body}`)).length / items.length) * 100,
      ) / 100,
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
    terms: topTerms(
      centroid,
      buckets,
      items.map((p) => p.doc),
      FEATURES,
      5,
    ),
    firstAt: items[0].order.at.toISOString(),
    lastAt: items[items.length - 1].order.at.toISOString(),
    trend: trendOf(
      items.map((p) => p.order.at),
      from,
      to,
    ),
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
    for (let m = shanghaiDay(from).slice(0, 7), last = shanghaiDay(new Date(to.getTime() - 1)).slice(0, 7); m <= last; m = nextMonth(m))
      periods.add(m);
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
