/** Chinese text: jieba segmentation for full-text search in both database modes. */
import { Jieba, TfIdf } from '@node-rs/jieba';
import { dict, idf } from '@node-rs/jieba/dict.js';
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
  const words = [
    ...new Set(
      segmenter()
        .cut(query, true)
        .map((w) => w.trim().toLowerCase())
        .filter((w) => WORD.test(w)),
    ),
  ];
  if (words.length === 0) return null;
  const escaped = words.map((w) => `'${w.replace(/'/g, "''").replace(/\\/g, '')}'`).join(mode === 'and' ? ' & ' : ' | ');
  return sql`to_tsquery('simple', ${escaped})`;
}

let tfIdf: TfIdf | undefined;
/** The most telling words of a longer text (TF-IDF over jieba's dictionary), best first; nouns, verbs and idioms only. */
export function keywordsOf(text: string, topK: number): string[] {
  tfIdf ??= TfIdf.withDict(idf);
  return tfIdf
    .extractKeywords(segmenter(), text, topK, ['n', 'nr', 'ns', 'nt', 'nz', 'ng', 'v', 'vn', 'an', 'l', 'i'])
    .map((k) => k.keyword.toLowerCase());
}

/** tsquery matching any search-mode piece of a word (烧烤店 also finds 烧烤), as the search vectors are segmented; null when none. */
export function anyPieceQuery(word: string): SQL | null {
  const pieces = [...new Set(segment(word))];
  if (pieces.length === 0) return null;
  return sql`to_tsquery('simple', ${pieces.map((w) => `'${w.replace(/'/g, "''").replace(/\\/g, '')}'`).join(' | ')})`;
}
