/**
 * Place mentions in free text without a gazetteer: estates, roads, villages, streets and landmarks
 * recognised by their suffix (…小区, …路, …村, …街道, …医院), cut where jieba's dictionary words
 * end so 路灯 or 城管 are not mistaken for places; plus coded districts of anonymised data (A2区,
 * K8县). Used for hotspots ("same place") and to mine a gazetteer from past orders. Pure.
 */
import { dict } from '@node-rs/jieba/dict.js';
import { segmenter } from '../../../lib/text.ts';

export type PlaceKind = 'district' | 'street' | 'community' | 'estate' | 'road' | 'landmark';

export interface PlaceMention {
  name: string;
  kind: PlaceKind;
  start: number;
  end: number;
}

/** Longest suffixes first. */
const SUFFIXES: [string, PlaceKind][] = (
  [
    ['宿舍区', 'estate'],
    ['华庭', 'estate'],
    ['豪庭', 'estate'],
    ['山庄', 'estate'],
    ['公馆', 'estate'],
    ['名邸', 'estate'],
    ['居委会', 'community'],
    ['工业园', 'landmark'],
    ['幼儿园', 'landmark'],
    ['农贸市场', 'landmark'],
    ['街道', 'street'],
    ['社区', 'community'],
    ['小区', 'estate'],
    ['花园', 'estate'],
    ['花苑', 'estate'],
    ['家园', 'estate'],
    ['公寓', 'estate'],
    ['新城', 'estate'],
    ['新村', 'estate'],
    ['大厦', 'estate'],
    ['广场', 'landmark'],
    ['宿舍', 'estate'],
    ['大道', 'road'],
    ['学院', 'landmark'],
    ['大学', 'landmark'],
    ['市场', 'landmark'],
    ['学校', 'landmark'],
    ['中学', 'landmark'],
    ['小学', 'landmark'],
    ['医院', 'landmark'],
    ['公园', 'landmark'],
    ['车站', 'landmark'],
    ['酒店', 'landmark'],
    ['大桥', 'landmark'],
    ['商场', 'landmark'],
    ['超市', 'landmark'],
    ['景区', 'landmark'],
    ['公交站', 'landmark'],
    ['隧道', 'road'],
    ['高速', 'road'],
    ['镇', 'street'],
    ['乡', 'street'],
    ['村', 'community'],
    ['苑', 'estate'],
    ['园', 'estate'],
    ['府', 'estate'],
    ['城', 'estate'],
    ['路', 'road'],
    ['街', 'road'],
    ['巷', 'road'],
    ['桥', 'landmark'],
  ] as [string, PlaceKind][]
).sort((a, b) => b[0].length - a[0].length);
/** The suffixes by their last character, longest first: a word end is checked only against the suffixes it can end. */
const SUFFIXES_BY_LAST = new Map<string, [string, PlaceKind][]>();
for (const entry of SUFFIXES) {
  const last = entry[0].at(-1)!;
  SUFFIXES_BY_LAST.set(last, [...(SUFFIXES_BY_LAST.get(last) ?? []), entry]);
}

/** Characters that cannot be inside a place name: they end one candidate and start the next. */
const BREAKS = new Set(
  '的在是了和与及或我你他她它们住到从向往对于把被给让也都就还又很太有无不没要想请望该本这那此各每其个位于近旁边里内外上下前后边门口处对面附近一些多少被因为所以但而且并等'.split(
    '',
  ),
);
/** 一 ends a name only before a measure word (一个, 一直); in 一品花园 it is part of it. */
const MEASURE_WORDS = new Set('个些直下点次样般起定种条位片段天年月'.split(''));
/** Suffix words that are usually not places when they stand alone or end a common word. */
const NOT_PLACES = new Set([
  '城管',
  '城市',
  '城区',
  '城乡',
  '乡镇',
  '乡村',
  '村民',
  '村委',
  '园区',
  '园林',
  '路灯',
  '路面',
  '路段',
  '路口',
  '街头',
  '市场监管',
  '各乡镇',
]);
/** Endings of common nouns that happen to end in a place suffix (政府, 线路, 马路). */
const BAD_ENDINGS = [
  '政府',
  '线路',
  '公路',
  '马路',
  '道路',
  '铁路',
  '思路',
  '出路',
  '电路',
  '套路',
  '门路',
  '十字路',
  '交叉路',
  '水泥路',
  '之路',
  '天桥',
  '学城',
  '县城',
  '省城',
  '进城',
  '全城',
  '京城',
  '长城',
  '小城',
];
const GENERIC_ENDINGS = ['公办', '公立', '民办', '私立', '配套'];
/** Verbs and prepositions that often run straight into a place name (导致小区…, 位于星沙…): cut off. */
const LEAD_WORDS = [
  '咨询',
  '取缔',
  '调整',
  '呼吁',
  '坚决',
  '强烈',
  '增设',
  '设置',
  '开通',
  '关闭',
  '规划',
  '治理',
  '清理',
  '硬化',
  '整改',
  '导致',
  '影响',
  '希望',
  '要求',
  '请求',
  '建议',
  '反映',
  '投诉',
  '举报',
  '位于',
  '靠近',
  '经过',
  '进入',
  '前往',
  '关于',
  '整治',
  '解决',
  '处理',
  '造成',
  '搬到',
  '搬进',
  '购买',
  '入住',
  '隔壁',
  '包括',
  '属于',
  '来到',
  '来自',
  '地处',
  '坐落',
  '开办',
  '开设',
  '修建',
  '新建',
  '建设',
  '拆除',
  '反对',
  '取消',
  '恢复',
  '改造',
  '扩建',
  '搬迁',
];
/** Stems too generic to name one place: 人民医院, 公办幼儿园, 居民小区. */
const GENERIC_STEMS = new Set([
  '人民',
  '居民',
  '公交',
  '公办',
  '公立',
  '民办',
  '私立',
  '幼儿',
  '周边',
  '附近',
  '当地',
  '我们',
  '周围',
  '城区',
  '农村',
  '农贸',
  '菜',
  '中心',
  '乡镇',
  '该',
  '整个',
  '所在',
  '新',
  '老',
  '配套',
  '美丽',
  '贫困',
  '人行',
]);

const CODED_DISTRICT = /[A-Z]\d{0,2} ?(?:市|区|县)/g;
const NAME_CHAR = /[\p{Script=Han}A-Za-z0-9]/u;
const HAN_CHAR = /\p{Script=Han}/u;
const isCommonHan = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
/** NAME_CHAR by character code for the common characters (every character of a sentence is tested), the regex for the rest. */
function isNameChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (isCommonHan(c) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return true;
  return c >= 0x80 && NAME_CHAR.test(text[i]);
}

/** jieba's tags for proper names (places, people, organisations, others): such words may hold a break character (太阳山, 和平路). */
const NAME_TAGS = new Set(['ns', 'nr', 'nz', 'nt']);
let properNames: Set<string> | undefined;

function hasBreak(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (BREAKS.has(word[i])) return true;
  return false;
}

/**
 * Words of two or more characters that jieba's dictionary tags as proper names. Without HMM every word jieba cuts is a
 * dictionary word (or a run of letters and digits, never a name), and its tag is the dictionary's: so cut() and this set
 * tell what tag() tells, at well under half the cost (hotspots segment every sentence of 100,000 orders).
 */
function isProperName(word: string): boolean {
  if (!properNames) {
    properNames = new Set();
    for (const line of Buffer.from(dict).toString('utf8').split('\n')) {
      const [name, , tag] = line.trim().split(' ');
      if (name.length > 1 && NAME_TAGS.has(tag)) properNames.add(name);
    }
  }
  return properNames.has(word);
}

/**
 * Where jieba (dictionary only) ends a word, and so starts the next (isWordEnd[0] included); and which
 * characters sit inside a proper name of two or more characters.
 */
function segmentWords(text: string): { isWordEnd: Uint8Array; inName: Uint8Array } {
  const isWordEnd = new Uint8Array(text.length + 1);
  isWordEnd[0] = 1;
  const inName = new Uint8Array(text.length);
  let pos = 0;
  for (const word of segmenter().cut(text, false)) {
    // only a break character is read as inside a name or not: words without one need no look-up
    if (word.length > 1 && hasBreak(word) && isProperName(word)) inName.fill(1, pos, pos + word.length);
    pos += word.length;
    isWordEnd[pos] = 1;
  }
  return { isWordEnd, inName };
}

/**
 * Sentence ends: never inside a name, and segmentation restarts at them, so each sentence's mentions are found
 * alone and cached — citizens' texts repeat sentences (希望相关部门尽快处理), and hotspots scan 100,000 orders.
 */
const SENTENCE_END = /[。！？!?；;]/g;
const SENTENCE_CACHE_LIMIT = 100_000;
const sentenceCache = new Map<string, PlaceMention[]>();

/** Place mentions in order of appearance, most specific names as written (not normalised further). */
export function findPlaceMentions(rawText: string | null | undefined): PlaceMention[] {
  // NFKC (full-width letters and digits to ASCII) but no case folding: names are shown as written
  const text = (rawText ?? '').normalize('NFKC').replace(/\s+/g, ' ').trim();
  if (!text) return [];
  const mentions: PlaceMention[] = [];
  let from = 0;
  for (const end of [...[...text.matchAll(SENTENCE_END)].map((m) => m.index! + 1), text.length]) {
    if (end <= from) continue;
    const sentence = text.slice(from, end);
    let found = sentenceCache.get(sentence);
    if (!found) {
      if (sentenceCache.size >= SENTENCE_CACHE_LIMIT) sentenceCache.clear();
      found = findInSentence(sentence);
      sentenceCache.set(sentence, found);
    }
    for (const m of found) mentions.push({ ...m, start: m.start + from, end: m.end + from });
    from = end;
  }
  return mentions;
}

function hasSuffixEnd(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (SUFFIXES_BY_LAST.has(text[i])) return true;
  return false;
}

/** Mentions in one normalised sentence (or any text without sentence ends). */
function findInSentence(text: string): PlaceMention[] {
  const mentions: PlaceMention[] = [];
  const taken = new Uint8Array(text.length);
  for (const m of text.matchAll(CODED_DISTRICT)) {
    mentions.push({ name: m[0].replace(' ', ''), kind: 'district', start: m.index!, end: m.index! + m[0].length });
    taken.fill(1, m.index!, m.index! + m[0].length);
  }
  // a sentence without a character a place name ends in names no place: jieba need not cut it
  if (!hasSuffixEnd(text)) return mentions;
  const { isWordEnd, inName } = segmentWords(text);
  for (const m of mentions) isWordEnd[m.end] = 1;
  let segStart = 0;
  for (let i = 0; i <= text.length; i++) {
    const ch = text[i];
    // inside a name a break character is part of it: 太 in 太阳山小区, 和 in 和平路
    const isBreak =
      i === text.length ||
      taken[i] === 1 ||
      !isNameChar(text, i) ||
      (BREAKS.has(ch) && inName[i] === 0 && !(ch === '一' && !MEASURE_WORDS.has(text[i + 1])));
    if (!isBreak) continue;
    if (i > segStart) findInSegment(text, segStart, i, isWordEnd, mentions);
    segStart = i + 1;
  }
  return mentions.sort((a, b) => a.start - b.start);
}

/**
 * The text with the mentioned place names blanked, every occurrence, longest names first (NFKC, whitespace collapsed):
 * what an order says, to compare apart from where. Pass the mentions when they were found in a larger text.
 */
export function withoutPlaces(rawText: string, mentions: PlaceMention[] = findPlaceMentions(rawText)): string {
  const names = [...new Set(mentions.map((m) => m.name))].sort((a, b) => b.length - a.length);
  return names.reduce((t, n) => t.split(n).join(' '), rawText.normalize('NFKC').replace(/\s+/g, ' '));
}

function findInSegment(text: string, from: number, to: number, isWordEnd: Uint8Array, out: PlaceMention[]) {
  let nameStart = from;
  for (let end = from + 1; end <= to; end++) {
    if (!isWordEnd[end] && end !== to) continue;
    for (const [suffix, kind] of SUFFIXES_BY_LAST.get(text[end - 1]) ?? []) {
      const suffixStart = end - suffix.length;
      if (suffixStart - nameStart < 2 || !text.startsWith(suffix, suffixStart)) continue;
      let start = Math.max(nameStart, suffixStart - 8);
      // a name starts where a word does: 居住地城镇 holds no place 地城镇 (house numbers are cut off later, by the gazetteer)
      while (start < suffixStart && !isWordEnd[start] && HAN_CHAR.test(text[start])) start++;
      // lead words can follow each other (强烈呼吁取缔…): strip them all
      for (let lead = LEAD_WORDS.find((w) => text.startsWith(w, start)); lead; lead = LEAD_WORDS.find((w) => text.startsWith(w, start)))
        start += lead.length;
      if (suffixStart - start < 2) break;
      const name = text.slice(start, end);
      const stem = text.slice(start, suffixStart);
      // the longest suffix that fits decides: 公办幼儿园 is rejected as a whole, not retried as …园
      if (NOT_PLACES.has(name) || NOT_PLACES.has(text.slice(suffixStart, Math.min(to, end + 1))) || /^\d+$/.test(stem)) break;
      if (GENERIC_STEMS.has(stem) || GENERIC_ENDINGS.some((g) => stem.endsWith(g)) || BAD_ENDINGS.some((e) => name.endsWith(e))) break;
      out.push({ name, kind, start, end });
      nameStart = end;
      break;
    }
  }
}

const SPECIFICITY: Record<PlaceKind, number> = { district: 0, street: 1, road: 2, community: 3, landmark: 3, estate: 4 };

/** The most specific mention (an estate over a road over a street), earliest on ties; null when none. */
export function mostSpecificPlace(mentions: PlaceMention[]): PlaceMention | null {
  let best: PlaceMention | null = null;
  for (const m of mentions) if (m.kind !== 'district' && (!best || SPECIFICITY[m.kind] > SPECIFICITY[best.kind])) best = m;
  return best;
}

/**
 * Names mentioned in at least `minCount` texts, as gazetteer candidates mined from past orders
 * (estates, roads and landmarks that the region table does not know).
 */
export function minePlaceNames(texts: string[], minCount = 2): { name: string; kind: PlaceKind; count: number }[] {
  const counts = new Map<string, { kind: PlaceKind; count: number }>();
  for (const t of texts) {
    const seen = new Set<string>();
    for (const m of findPlaceMentions(t)) {
      if (seen.has(m.name)) continue;
      seen.add(m.name);
      const c = counts.get(m.name);
      if (c) c.count++;
      else counts.set(m.name, { kind: m.kind, count: 1 });
    }
  }
  return [...counts]
    .filter(([, c]) => c.count >= minCount)
    .map(([name, c]) => ({ name, ...c }))
    .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : 1));
}
