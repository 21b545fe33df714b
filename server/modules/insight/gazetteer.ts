/**
 * Region and address extraction against a gazetteer: the city's regions (district → street →
 * community) with their aliases, estates, roads and landmarks (regions.aliases, or mined from past
 * orders). Finds every name in the text (longest match), picks the deepest region whose ancestors
 * agree with the rest of the text, and reads an address around the most specific place. Pure.
 */
import { normaliseText } from './features.ts';
import { findPlaceMentions, mostSpecificPlace } from './places.ts';

export interface GazetteerEntry {
  id: number;
  name: string;
  /** Other names: short forms (天河 for 天河区), estates, roads and landmarks inside the region. */
  aliases: string[];
  level: string;
  parentId: number | null;
}

export interface Gazetteer {
  entries: Map<number, GazetteerEntry>;
  /** Normalised name → entries carrying it (a name may belong to several regions). */
  names: Map<string, number[]>;
  /** Name lengths present, longest first, for longest-match scanning. */
  lengths: number[];
}

/** Short names under two characters match too much (a lone 区 or 村). */
const MIN_NAME_LENGTH = 2;

export function buildGazetteer(entries: GazetteerEntry[]): Gazetteer {
  const names = new Map<string, number[]>();
  const byId = new Map<number, GazetteerEntry>();
  for (const e of entries) {
    byId.set(e.id, e);
    for (const raw of [e.name, ...e.aliases]) {
      const name = normaliseText(raw);
      if ([...name].length < MIN_NAME_LENGTH) continue;
      const list = names.get(name);
      if (!list) names.set(name, [e.id]);
      else if (!list.includes(e.id)) list.push(e.id);
    }
  }
  const lengths = [...new Set([...names.keys()].map((n) => n.length))].sort((a, b) => b - a);
  return { entries: byId, names, lengths };
}

export interface GazetteerMatch {
  name: string;
  ids: number[];
  start: number;
  end: number;
}

/** Every gazetteer name in the text, scanning left to right and preferring the longest name at each position. */
export function matchGazetteer(text: string, gazetteer: Gazetteer): GazetteerMatch[] {
  const t = normaliseText(text);
  const out: GazetteerMatch[] = [];
  let i = 0;
  while (i < t.length) {
    let matched = false;
    for (const len of gazetteer.lengths) {
      if (i + len > t.length) continue;
      const ids = gazetteer.names.get(t.slice(i, i + len));
      if (!ids) continue;
      out.push({ name: t.slice(i, i + len), ids, start: i, end: i + len });
      i += len;
      matched = true;
      break;
    }
    if (!matched) i++;
  }
  return out;
}

export function ancestors(gazetteer: Gazetteer, id: number): GazetteerEntry[] {
  const path: GazetteerEntry[] = [];
  const seen = new Set<number>();
  for (let e = gazetteer.entries.get(id); e && !seen.has(e.id); e = e.parentId == null ? undefined : gazetteer.entries.get(e.parentId)) {
    seen.add(e.id);
    path.unshift(e);
  }
  return path;
}

export interface Location {
  /** The deepest region the text points to, or null. */
  regionId: number | null;
  /** Root-first names of that region's path, e.g. ['A市', 'A2区', '桂花坪街道']. */
  regionPath: string[];
  /** Best reading of the address (most specific place and a house number when given), for the agent to confirm. */
  address: string | null;
  /** 0–1: how sure the region pick is (1 = deepest match confirmed by its ancestors, lower when ambiguous). */
  confidence: number;
  matches: GazetteerMatch[];
}

const HOUSE_NUMBER = /^[\dA-Za-z一二三四五六七八九十百零-]+(?:号院?|栋|幢|单元|楼|室|弄|巷|组)(?:[\dA-Za-z一二三四五六七八九十-]+(?:号|栋|幢|单元|楼|室|层))*/;

/** Region and address of a free-text order. */
export function locate(text: string, gazetteer: Gazetteer): Location {
  const t = normaliseText(text);
  const matches = matchGazetteer(t, gazetteer);
  const mentioned = new Set(matches.flatMap((m) => m.ids));
  // score each candidate: its depth, plus how many of its ancestors the text also names
  let best: { id: number; score: number } | null = null;
  let tie = false;
  for (const id of mentioned) {
    const path = ancestors(gazetteer, id);
    const confirmed = path.slice(0, -1).filter((a) => mentioned.has(a.id)).length;
    const contradicted = matches.some((m) => m.ids.every((other) => !path.some((p) => p.id === other) && !isBelow(gazetteer, other, id)));
    const score = path.length * 2 + confirmed * 3 - (contradicted ? 1 : 0);
    if (!best || score > best.score) {
      best = { id, score };
      tie = false;
    } else if (score === best.score && id !== best.id) {
      tie = true;
    }
  }
  // region names are known boundaries: blank them so 天河区华景新城 yields the place 华景新城
  const blanked = matches.reduce((acc, m) => acc.slice(0, m.start) + ' '.repeat(m.end - m.start) + acc.slice(m.end), t);
  const place = mostSpecificPlace(findPlaceMentions(blanked));
  const specificMatch = [...matches].reverse().find((m) => gazetteer.entries.get(m.ids[0])?.level !== 'district');
  const anchor = place ?? (specificMatch ? { name: specificMatch.name, end: specificMatch.end } : null);
  let address: string | null = null;
  if (anchor) {
    const number = HOUSE_NUMBER.exec(t.slice(anchor.end).normalize('NFKC'));
    address = `${anchor.name}${number ? number[0] : ''}`;
  }
  if (!best || tie) {
    return { regionId: null, regionPath: [], address, confidence: 0, matches };
  }
  const path = ancestors(gazetteer, best.id);
  const confirmed = path.slice(0, -1).filter((a) => mentioned.has(a.id)).length;
  const confidence = Math.min(1, 0.5 + 0.5 * (path.length > 1 ? confirmed / (path.length - 1) : 1)) * (gazetteer.names.get(normaliseText(gazetteer.entries.get(best.id)!.name))?.length === 1 ? 1 : 0.8);
  return { regionId: best.id, regionPath: path.map((p) => p.name), address, confidence: Math.round(confidence * 100) / 100, matches };
}

function isBelow(gazetteer: Gazetteer, id: number, ancestorId: number): boolean {
  return ancestors(gazetteer, id).some((a) => a.id === ancestorId);
}
