/** Chinese text: jieba segmentation for full-text search in both database modes. */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { sql, type SQL } from 'drizzle-orm';

let jieba: Jieba | undefined;
export function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

const WORD = /[\p{L}\p{N}]/u;

/** Search-mode segmentation, lower-cased, punctuation dropped. */
export function segment(text: string): string[] {
  return segmenter()
    .cutForSearch(text, true)
    .map((w) => w.trim().toLowerCase())
    .filter((w) => w.length > 0 && WORD.test(w));
}

/** SQL expression building a tsvector from already segmented words ('simple' keeps them as they are). */
export function toSearchVector(...parts: (string | null | undefined)[]): SQL {
  const words = segment(parts.filter(Boolean).join(' ')).join(' ');
  return sql`to_tsvector('simple', ${words})`;
}

/** tsquery matching every word of the user's query ('and'), or any of them ('or'); null when nothing searchable remains. */
export function toSearchQuery(query: string, mode: 'and' | 'or' = 'and'): SQL | null {
  const words = [...new Set(segmenter().cut(query, true).map((w) => w.trim().toLowerCase()).filter((w) => WORD.test(w)))];
  if (words.length === 0) return null;
  const escaped = words.map((w) => `'${w.replace(/'/g, "''").replace(/\\/g, '')}'`).join(mode === 'and' ? ' & ' : ' | ');
  return sql`to_tsquery('simple', ${escaped})`;
}
