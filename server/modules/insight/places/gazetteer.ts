/**
 * Region and address extraction against the city's gazetteer (地名库). The gazetteer holds the
 * region tree's names (市北区, 湖光街道, 幸福社区) with their common short forms (市北, 湖光) and
 * aliases, plus estates, roads and landmarks mined from past orders' confirmed address and region
 * (gazetteer-mining.ts), each with how often it belonged to which region. A character trie
 * finds the longest names in the text; the deepest region that the names agree on is chosen,
 * a name shared by several regions being settled by the other names of the text (海珠区…新村社区)
 * or by how often past orders put it where (frequency), and no region is given when it stays
 * ambiguous. The answer carries the address read around the most specific place and the evidence
 * spans, for the agent to confirm. Pure.
 */
import { segmenter } from '../../../lib/text.ts';
import { normaliseText } from '../text/features.ts';
import { findPlaceMentions, mostSpecificPlace, type PlaceKind } from './places.ts';

export interface GazetteerEntry {
  id: number;
  name: string;
  /** Other names: short forms (天河 for 天河区), estates, roads and landmarks inside the region. */
  aliases: string[];
  level: string;
  parentId: number | null;
}

/** A place name learnt from past orders: in how many of them it stood in the address of `regionId`. */
export interface MinedPlace {
  name: string;
  kind: PlaceKind;
  regionId: number;
  count: number;
}

/** How a name is known: the region's own name, a derived short form, an alias, or mined from orders. */
export type SenseSource = 'name' | 'short' | 'alias' | 'mined';

export interface Sense {
  regionId: number;
  source: SenseSource;
  /** Mined: orders seen; otherwise 1. Shares between a name's senses come from these. */
  weight: number;
  kind: PlaceKind | 'region';
}

interface TrieNode {
  children: Map<number, TrieNode>;
  senses: Sense[] | null;
}

export interface Gazetteer {
  entries: Map<number, GazetteerEntry>;
  /** Normalised name → the senses it carries (a name may belong to several regions). */
  names: Map<string, Sense[]>;
  root: TrieNode;
  /** Names the trie holds; for reports. */
  size: number;
  /** Mined places the gazetteer was built with. */
  minedCount: number;
}

/** Names under two characters match too much (a lone 区 or 村). */
export const MIN_NAME_LENGTH = 2;
/** Level suffixes dropped for the short form, longest first: 湖光街道 → 湖光. 村 is kept: 张家村 is not 张家. */
const SHORTENABLE = ['街道办事处', '街道办', '街道', '社区', '新区', '区', '县', '市', '镇', '乡'];
/** A name whose best region has less than this lead in share over a conflicting one is ambiguous. */
const MIN_LEAD = 0.3;
/** Senses kept per name, most frequent first (a road running through many communities). */
const MAX_SENSES = 8;

/** jieba tags of words that may stand for a place: place, location, other proper noun, person (many places are named after one), organisation. */
const NAME_TAGS = new Set(['ns', 's', 'nz', 'nr', 'nt']);
/** Upper levels may also shorten to an ordinary noun (海珠区 → 海珠): there are few of them and people use those forms. */
const UPPER_LEVELS = new Set(['city', 'district', 'county']);

/**
 * The common short form of a region name (市北区 → 市北, 湖光街道 → 湖光), or null when too short,
 * or when it is an ordinary word that would fire on ordinary text (建设街道 → 建设, 幸福社区 → 幸福):
 * a stem that jieba knows as one word must be tagged as a name (for a district or city, a noun
 * will do).
 */
export function shortForm(name: string, level = 'district'): string | null {
  const n = normaliseText(name);
  for (const suffix of SHORTENABLE) {
    if (!n.endsWith(suffix)) continue;
    const stem = n.slice(0, -suffix.length);
    if ([...stem].length < MIN_NAME_LENGTH) return null;
    const words = segmenter().tag(stem, false);
    if (words.length === 1 && !NAME_TAGS.has(words[0].tag) && !(UPPER_LEVELS.has(level) && words[0].tag === 'n')) return null;
    return stem;
  }
  return null;
}

function addSense(names: Map<string, Sense[]>, raw: string, sense: Sense) {
  const name = normaliseText(raw);
  if ([...name].length < MIN_NAME_LENGTH) return;
  const list = names.get(name);
  if (!list) {
    names.set(name, [sense]);
    return;
  }
  const same = list.find((s) => s.regionId === sense.regionId);
  if (!same) list.push(sense);
  else if (sourceRank(sense.source) < sourceRank(same.source)) Object.assign(same, sense);
  else if (sense.source === 'mined' && same.source === 'mined') same.weight += sense.weight;
}

const sourceRank = (s: SenseSource) => ({ name: 0, alias: 1, short: 2, mined: 3 })[s];

/**
 * A gazetteer from the region tree and, optionally, places mined from past orders. A region's own
 * name or alias always wins over a mined or shortened reading of the same string.
 */
export function buildGazetteer(entries: GazetteerEntry[], mined: MinedPlace[] = []): Gazetteer {
  const names = new Map<string, Sense[]>();
  const byId = new Map<number, GazetteerEntry>();
  for (const e of entries) byId.set(e.id, e);
  for (const e of entries) {
    addSense(names, e.name, { regionId: e.id, source: 'name', weight: 1, kind: 'region' });
    for (const alias of e.aliases)
      addSense(names, alias, { regionId: e.id, source: 'alias', weight: 1, kind: findPlaceMentions(alias)[0]?.kind ?? 'landmark' });
  }
  for (const e of entries) {
    const short = shortForm(e.name, e.level);
    if (short) addSense(names, short, { regionId: e.id, source: 'short', weight: 1, kind: 'region' });
  }
  let minedCount = 0;
  for (const m of mined) {
    if (!byId.has(m.regionId) || !(m.count > 0)) continue;
    const existing = names.get(normaliseText(m.name));
    // the region table's own names are authoritative: past orders only add names it does not know
    if (existing?.some((s) => s.source !== 'mined')) continue;
    addSense(names, m.name, { regionId: m.regionId, source: 'mined', weight: m.count, kind: m.kind });
    minedCount++;
  }
  const root: TrieNode = { children: new Map(), senses: null };
  for (const [name, senses] of names) {
    senses.sort((a, b) => sourceRank(a.source) - sourceRank(b.source) || b.weight - a.weight || a.regionId - b.regionId);
    if (senses.length > MAX_SENSES) senses.length = MAX_SENSES;
    let node = root;
    for (let i = 0; i < name.length; i++) {
      const c = name.charCodeAt(i);
      let next = node.children.get(c);
      if (!next) {
        next = { children: new Map(), senses: null };
        node.children.set(c, next);
      }
      node = next;
    }
    node.senses = senses;
  }
  return { entries: byId, names, root, size: names.size, minedCount };
}

export interface GazetteerMatch {
  /** The name as found (normalised text). */
  name: string;
  /** Distinct regions the name may stand for, most likely first. */
  ids: number[];
  senses: Sense[];
  /** Offsets in the normalised text (NFKC, lower case, whitespace collapsed). */
  start: number;
  end: number;
}

/** Offsets where jieba (dictionary only) ends a word, plus 0: short forms must start and end on these. */
function wordBoundaries(text: string): Set<number> {
  const ends = new Set<number>([0]);
  let pos = 0;
  for (const w of segmenter().cut(text, false)) {
    pos += w.length;
    ends.add(pos);
  }
  return ends;
}

/**
 * Every gazetteer name in the text, left to right, the longest at each position (non-overlapping).
 * A short form (市北) counts only where a word starts (or right after another name), so 城市北部
 * does not name 市北区.
 */
export function matchGazetteer(text: string, gazetteer: Gazetteer): GazetteerMatch[] {
  const t = normaliseText(text);
  const out: GazetteerMatch[] = [];
  let boundaries: Set<number> | null = null;
  let i = 0;
  while (i < t.length) {
    // walk the trie as far as the text allows, remembering every name that ends on the way
    const ends: { end: number; senses: Sense[] }[] = [];
    let node: TrieNode | undefined = gazetteer.root;
    for (let j = i; j < t.length; j++) {
      node = node.children.get(t.charCodeAt(j));
      if (!node) break;
      if (node.senses) ends.push({ end: j + 1, senses: node.senses });
    }
    let matched: GazetteerMatch | null = null;
    for (let k = ends.length - 1; k >= 0 && !matched; k--) {
      let senses = ends[k].senses;
      if (senses.some((s) => s.source === 'short')) {
        boundaries ??= wordBoundaries(t);
        // a short form may run into the next word (市北湖光 → 市北/北湖…) but must not start inside one (城市北部)
        const isWordStart = boundaries.has(i) || out[out.length - 1]?.end === i;
        if (!isWordStart) senses = senses.filter((s) => s.source !== 'short');
      }
      if (senses.length === 0) continue;
      matched = { name: t.slice(i, ends[k].end), ids: [...new Set(senses.map((s) => s.regionId))], senses, start: i, end: ends[k].end };
    }
    if (matched) {
      out.push(matched);
      i = matched.end;
    } else {
      i++;
    }
  }
  return out;
}

/** Root-first path of a region, itself last. */
export function ancestors(gazetteer: Gazetteer, id: number): GazetteerEntry[] {
  const path: GazetteerEntry[] = [];
  const seen = new Set<number>();
  for (let e = gazetteer.entries.get(id); e && !seen.has(e.id); e = e.parentId == null ? undefined : gazetteer.entries.get(e.parentId)) {
    seen.add(e.id);
    path.unshift(e);
  }
  return path;
}

export interface Evidence {
  /** The text as matched. */
  text: string;
  start: number;
  end: number;
  /** 'region' for a region's name or short form, else the kind of place. */
  kind: PlaceKind | 'region';
  source: SenseSource | 'pattern';
  /** The region this span was read as supporting, when it supports the answer. */
  regionId: number | null;
}

export interface Location {
  /** The deepest region the text points to, or null. */
  regionId: number | null;
  /** Root-first names of that region's path, e.g. ['A市', 'A2区', '桂花坪街道']. */
  regionPath: string[];
  /** Best reading of the address (most specific place and a house number when given), for the agent to confirm. */
  address: string | null;
  /** 0–1: how sure the region pick is (1: unique names that agree; lower when shared, conflicting or only mined). */
  confidence: number;
  matches: GazetteerMatch[];
  /** Spans of the (normalised) text the answer rests on: the names supporting the region, and the address. */
  evidence: Evidence[];
}

const HOUSE_NUMBER =
  /^[\dA-Za-z一二三四五六七八九十百零-]+(?:号院?|栋|幢|单元|楼|室|弄|巷|组)(?:[\dA-Za-z一二三四五六七八九十-]+(?:号|栋|幢|单元|楼|室|层))*/;
/** Texts longer than this are read only in their first part: addresses come early, and the work stays bounded. */
export const MAX_LOCATE_CHARS = 4000;

/** Fills a region name's span: not a name character, so the place finder stops there, and offsets stay put. */
export const BLANK = '|';

const share = (m: GazetteerMatch, s: Sense) => s.weight / m.senses.reduce((a, x) => a + x.weight, 0);

/** Region and address of a free-text order. */
export function locate(text: string, gazetteer: Gazetteer): Location {
  const t = normaliseText(text).slice(0, MAX_LOCATE_CHARS);
  const matches = matchGazetteer(t, gazetteer);
  const paths = new Map<number, number[]>();
  const pathOf = (id: number) => {
    let p = paths.get(id);
    if (!p) paths.set(id, (p = ancestors(gazetteer, id).map((e) => e.id)));
    return p;
  };
  const { regionId, confidence } = pickRegion(matches, gazetteer, pathOf);
  const regionPathIds = regionId === null ? [] : pathOf(regionId);
  const { anchor, address } = findAddress(t, matches);
  return {
    regionId,
    regionPath: regionPathIds.map((id) => gazetteer.entries.get(id)!.name),
    address,
    confidence: Math.round(confidence * 100) / 100,
    matches,
    evidence: collectEvidence(matches, regionPathIds, anchor),
  };
}

/**
 * The region the matched names point to and how sure that is. A candidate's score: for every distinct
 * name in the text, the share of its readings that fall on the candidate's path (the candidate itself
 * or an ancestor); deeper agreeing names add up.
 */
function pickRegion(
  matches: readonly GazetteerMatch[],
  gazetteer: Gazetteer,
  pathOf: (id: number) => number[],
): { regionId: number | null; confidence: number } {
  const distinct = [...new Map(matches.map((m) => [m.name, m])).values()];
  const candidates = [...new Set(distinct.flatMap((m) => m.ids))];
  const scored = candidates
    .map((id) => {
      const path = pathOf(id);
      let score = 0;
      for (const m of distinct) {
        let best = 0;
        for (const s of m.senses) if (path.includes(s.regionId)) best = Math.max(best, share(m, s));
        score += best;
      }
      return { id, score, depth: path.length };
    })
    .sort((a, b) => b.score - a.score || b.depth - a.depth || a.id - b.id);
  if (!scored.length) return { regionId: null, confidence: 0 };

  const best = scored[0];
  const bestPath = pathOf(best.id);
  // rivals: candidates off the best one's path (an ancestor or descendant agrees with it)
  const rivals = scored.filter((c) => !bestPath.includes(c.id) && !pathOf(c.id).includes(best.id));
  const close = rivals.filter((c) => best.score - c.score < MIN_LEAD);
  if (close.length === 0) {
    const rivalScore = rivals.length ? rivals[0].score : 0;
    const onlyMined = distinct.every((m) => m.senses.every((s) => s.source === 'mined' || !bestPath.includes(s.regionId)));
    return { regionId: best.id, confidence: (best.score / (best.score + rivalScore)) * (onlyMined ? 0.8 : 1) * Math.min(1, best.score) };
  }
  // still ambiguous: fall back to the deepest region every close reading lies in, unless that is the whole city
  const common = commonAncestor([best.id, ...close.map((c) => c.id)].map(pathOf));
  if (common !== null && gazetteer.entries.get(common)?.parentId != null) return { regionId: common, confidence: 0.5 };
  return { regionId: null, confidence: 0 };
}

interface Anchor {
  name: string;
  start: number;
  end: number;
  kind: PlaceKind | 'region';
  source: SenseSource | 'pattern';
}

/**
 * The address: the most specific place (the anchor), among mined and alias names and suffix patterns
 * (region names blanked), with a house number after it and a road just before it.
 */
function findAddress(t: string, matches: readonly GazetteerMatch[]): { anchor: Anchor | null; address: string | null } {
  const blanked = matches.reduce(
    (acc, m) =>
      m.senses.some((s) => s.kind === 'region') ? acc.slice(0, m.start) + BLANK.repeat(m.end - m.start) + acc.slice(m.end) : acc,
    t,
  );
  const pattern = mostSpecificPlace(findPlaceMentions(blanked));
  const placeMatch = [...matches].reverse().find((m) => m.senses.every((s) => s.kind !== 'region'));
  const rank = (kind: PlaceKind | 'region') => ({ region: 0, district: 0, street: 1, road: 2, community: 3, landmark: 3, estate: 4 })[kind];
  let anchor: Anchor | null = null;
  if (placeMatch)
    anchor = {
      name: placeMatch.name,
      start: placeMatch.start,
      end: placeMatch.end,
      kind: placeMatch.senses[0].kind,
      source: placeMatch.senses[0].source,
    };
  if (pattern && (!anchor || rank(pattern.kind) > rank(anchor.kind)))
    anchor = { name: pattern.name, start: pattern.start, end: pattern.end, kind: pattern.kind, source: 'pattern' };
  if (!anchor) return { anchor: null, address: null };

  const number = HOUSE_NUMBER.exec(t.slice(anchor.end));
  // a road and its number just before an estate belong to the address too: 开元路12号幸福家园
  const before = [...matches, ...findPlaceMentions(blanked)].filter(
    (m) =>
      m.end <= anchor.start && anchor.start - m.end <= 8 && ('kind' in m ? m.kind === 'road' : m.senses.some((s) => s.kind === 'road')),
  );
  const road = before.length ? before.reduce((a, b) => (b.start > a.start ? b : a)) : null;
  const bridge = road ? t.slice(road.end, anchor.start) : '';
  const start = road && /^[\dA-Za-z-]*号?$/.test(bridge) ? road.start : anchor.start;
  return { anchor, address: `${t.slice(start, anchor.end)}${number ? number[0] : ''}` };
}

/** The spans the answer rests on: names supporting the region, the address anchor, in text order. */
function collectEvidence(matches: readonly GazetteerMatch[], regionPathIds: readonly number[], anchor: Anchor | null): Evidence[] {
  const evidence: Evidence[] = [];
  for (const m of matches) {
    const supporting = m.senses.find((s) => regionPathIds.includes(s.regionId));
    if (!supporting && !(anchor && m.start === anchor.start)) continue;
    const sense = supporting ?? m.senses[0];
    evidence.push({
      text: m.name,
      start: m.start,
      end: m.end,
      kind: sense.kind,
      source: sense.source,
      regionId: supporting ? supporting.regionId : null,
    });
  }
  const isCovered = (start: number, end: number) => evidence.some((e) => e.start < end && start < e.end);
  if (anchor && anchor.source === 'pattern' && !isCovered(anchor.start, anchor.end))
    evidence.push({ text: anchor.name, start: anchor.start, end: anchor.end, kind: anchor.kind, source: 'pattern', regionId: null });
  evidence.sort((a, b) => a.start - b.start);
  return evidence;
}

/** The deepest id on every path (root-first id paths), or null when they share none. */
function commonAncestor(paths: number[][]): number | null {
  let common: number | null = null;
  for (let depth = 0; ; depth++) {
    const id = paths[0][depth];
    if (id === undefined || paths.some((p) => p[depth] !== id)) return common;
    common = id;
  }
}
