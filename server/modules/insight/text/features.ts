/**
 * Text features for the classifiers: jieba words plus character n-grams over runs of Chinese
 * characters, hashed into a fixed number of buckets (no vocabulary to grow while reading), then
 * weighted by sublinear TF × IDF and L2-normalised. Pure and deterministic.
 *
 * One walker produces every term, both on the fast path (bucket numbers only) and on the
 * explanation path (bucket plus the term's text), so the two can never disagree.
 */
import { segmenter } from '../../../lib/text.ts';

export interface FeatureOptions {
  /** Add jieba words (accurate mode with HMM). */
  useWords: boolean;
  /**
   * Also pairs of adjacent kept words (物业 收费). Off: on the public labelled messages it added
   * nothing measurable beside character trigrams, which already span most word pairs.
   */
  wordBigrams?: boolean;
  /** Character n-gram lengths over Chinese runs, inclusive; 0 for none. */
  charNgramMin: number;
  charNgramMax: number;
  /** Title terms count this many times: titles are short and to the point, bodies long and wandering. */
  titleWeight: number;
  /** log2 of the number of hash buckets. */
  bucketBits: number;
}

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = {
  useWords: true,
  charNgramMin: 1,
  charNgramMax: 3,
  titleWeight: 6,
  bucketBits: 21,
};

export interface Doc {
  title?: string | null;
  body?: string | null;
}

/** Sparse vector: ascending indices with their values. */
export interface SparseVector {
  indices: Int32Array;
  values: Float32Array;
}

/** Full-width to half-width, lower case, whitespace collapsed. */
export function normaliseText(text: string | null | undefined): string {
  if (!text) return '';
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

const isHanUnit = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
const HAN = /\p{Script=Han}/u;
const LETTER = /\p{L}/u;
const WORDLIKE = /^[\p{L}\p{N}]+$/u;
const DIGITS_ONLY = /^[\p{N}.]+$/u;

/** Words that carry no topic; character n-grams keep them anyway, with a low IDF. */
const STOP_WORDS = new Set(
  (
    '的 了 是 在 和 与 及 或 也 都 就 而 但 并 又 还 把 被 让 给 对 向 从 到 为 以 于 之 其 这 那 这个 那个 这些 那些 ' +
    '我 我们 你 你们 您 他 她 它 他们 她们 自己 有 没有 没 不 很 非常 什么 怎么 如何 为什么 哪 哪里 吗 呢 吧 啊 呀 ' +
    '一个 一些 已经 可以 能 会 要 想 请 希望 谢谢 您好 你好 问题 情况 反映 相关 有关 部门 领导 现在 目前 因为 所以 ' +
    '如果 但是 而且 然后 以及 等 等等 上 下 中 里 后 前 时 年 月 日 号'
  ).split(' '),
);

const SEED_WORD = 0x9e3779b1;
const SEED_CHAR = 0x85ebca6b;
const SEED_PAIR = 0xc2b2ae35;

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over UTF-16 code units of text[start, end), seeded per namespace. */
export function hashSpan(text: string, start: number, end: number, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = start; i < end; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h ^ (end - start));
}

export const hashWord = (word: string) => hashSpan(word, 0, word.length, SEED_WORD);

/**
 * Whether a jieba token is worth a feature: letters and digits only, not a bare number, and not a
 * single Chinese character when character unigrams already cover it. Checked by character codes,
 * with the Unicode regular expressions only for the rare non-Chinese, non-ASCII token.
 */
function isUsefulWord(word: string, options: FeatureOptions): boolean {
  let hasLetter = false;
  let isAsciiOrHan = true;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (isHanUnit(c) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) hasLetter = true;
    else if ((c >= 0x30 && c <= 0x39) || c === 0x2e) continue;
    else if (c < 0x80) return false;
    else isAsciiOrHan = false;
  }
  if (!isAsciiOrHan && (!WORDLIKE.test(word) || DIGITS_ONLY.test(word))) return false;
  if (isAsciiOrHan && !hasLetter) return false;
  // single Chinese characters are already character unigrams
  if (word.length === 1 && (options.charNgramMin === 1 || !LETTER.test(word))) return false;
  return word.length > 0;
}

/**
 * Calls `emit(hash, weight, text, start, end)` for every term of `text`; `text.slice(start, end)` is the term.
 * With `wordBoundaries`, records where jieba's words start and end (needs `useWords`).
 */
function walkTerms(
  text: string,
  weight: number,
  options: FeatureOptions,
  emit: (hash: number, weight: number, source: string, start: number, end: number) => void,
  wordBoundaries?: Set<number>,
) {
  if (!text) return;
  if (options.useWords) {
    let previous = '';
    let position = 0;
    wordBoundaries?.add(0);
    for (const word of segmenter().cut(text, true)) {
      position += word.length;
      wordBoundaries?.add(position);
      if (!isUsefulWord(word, options) || STOP_WORDS.has(word)) continue;
      emit(hashWord(word), weight, word, 0, word.length);
      if (options.wordBigrams && previous) {
        const pair = `${previous} ${word}`;
        emit(hashSpan(pair, 0, pair.length, SEED_PAIR), weight, pair, 0, pair.length);
      }
      previous = word;
    }
  }
  if (options.charNgramMax <= 0) return;
  let runStart = -1;
  for (let i = 0; i <= text.length; i++) {
    const isHan = i < text.length && isHanUnit(text.charCodeAt(i));
    if (isHan && runStart < 0) runStart = i;
    if (!isHan && runStart >= 0) {
      for (let s = runStart; s < i; s++) {
        // FNV-1a extends one character at a time: the n-gram hashes from s share their prefix work
        let h = (0x811c9dc5 ^ SEED_CHAR) >>> 0;
        for (let n = 1; n <= options.charNgramMax && s + n <= i; n++) {
          h = Math.imul(h ^ text.charCodeAt(s + n - 1), 0x01000193);
          if (n >= options.charNgramMin) emit(fmix32(h ^ n), weight, text, s, s + n);
        }
      }
      runStart = -1;
    }
  }
}

/** Calls `add(bucket, weight)` for every term of `text` (the fast path: no term strings kept). */
export function forEachBucket(
  text: string | null | undefined,
  weight: number,
  options: FeatureOptions,
  add: (bucket: number, weight: number) => void,
): void {
  const mask = (1 << options.bucketBits) - 1;
  walkTerms(normaliseText(text), weight, options, (hash, w) => add(hash & mask, w));
}

/** Term counts of one field by bucket, reusing `into` to avoid allocation. */
export function countBuckets(
  text: string | null | undefined,
  options: FeatureOptions,
  into: Map<number, number> = new Map(),
): Map<number, number> {
  into.clear();
  const mask = (1 << options.bucketBits) - 1;
  walkTerms(normaliseText(text), 1, options, (hash, weight) => {
    const bucket = hash & mask;
    into.set(bucket, (into.get(bucket) ?? 0) + weight);
  });
  return into;
}

/**
 * Terms of a document with their bucket, for explanations (display text is the word or n-gram). `readableOnly`
 * leaves out character n-grams that cut through jieba's words (取公 of 提取公积金) and stop words (什么): they weigh
 * but read as noise.
 */
export function listTerms(doc: Doc, options: FeatureOptions, { readableOnly = false } = {}): Map<number, string[]> {
  const mask = (1 << options.bucketBits) - 1;
  const terms = new Map<number, string[]>();
  for (const field of [doc.title, doc.body]) {
    const text = normaliseText(field);
    const boundaries = readableOnly && options.useWords ? new Set<number>() : undefined;
    walkTerms(
      text,
      1,
      options,
      (hash, _w, source, start, end) => {
        if (boundaries && source === text && !(boundaries.has(start) && boundaries.has(end))) return;
        const term = source.slice(start, end);
        if (boundaries && STOP_WORDS.has(term)) return;
        const bucket = hash & mask;
        const list = terms.get(bucket);
        if (!list) terms.set(bucket, [term]);
        else if (!list.includes(term)) list.push(term);
      },
      boundaries,
    );
  }
  return terms;
}

export type TextProblemCode = 'empty' | 'too_short' | 'unsupported_script';
export interface TextProblem {
  code: TextProblemCode;
  message: string;
  messageEn: string;
}

/** Fewest Chinese characters a text needs before the model's opinion means anything. */
export const MIN_HAN_CHARS = 4;

/** Why a text cannot be classified, or null when it can. */
export function checkText(doc: Doc): TextProblem | null {
  const text = `${normaliseText(doc.title)} ${normaliseText(doc.body)}`.trim();
  if (!text) return { code: 'empty', message: '内容为空，无法给出建议', messageEn: 'The text is empty; no suggestion' };
  let han = 0;
  let letters = 0;
  for (const ch of text) {
    if (HAN.test(ch)) han++;
    else if (LETTER.test(ch)) letters++;
  }
  if (han < MIN_HAN_CHARS && letters >= 8) {
    return { code: 'unsupported_script', message: '内容不是中文，无法给出建议', messageEn: 'The text is not in Chinese; no suggestion' };
  }
  if (han < MIN_HAN_CHARS) {
    return { code: 'too_short', message: '内容过短，无法给出建议', messageEn: 'The text is too short for a suggestion' };
  }
  if (han < letters / 2) {
    return {
      code: 'unsupported_script',
      message: '内容主要不是中文，无法给出可靠建议',
      messageEn: 'The text is mostly not Chinese; no reliable suggestion',
    };
  }
  return null;
}
