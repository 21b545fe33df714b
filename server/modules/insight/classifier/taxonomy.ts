/**
 * Category descriptions as prior examples. A centre's category tree names what each category is
 * about (城乡建设 / 住房保障与房地产 / 物业服务); turning every path into a short pseudo-order
 * labelled with its ancestors lets the classifier know words it has not yet seen in orders of a
 * small class. Pure.
 */
import type { TextExample } from './text-classifier.ts';

/** One path of the tree, root first: display names and, per level, the label it is learnt as (null: not a class). */
export interface TaxonomyPath {
  names: string[];
  labels: (string | null)[];
}

/** Names too generic to describe anything. */
const GENERIC = new Set(['其他', '其它', '其他类', 'other']);

/** Pseudo-examples: for each path and each level that is a class, the names below it (leaf as title). */
export function priorsFromTaxonomy(paths: TaxonomyPath[], classes: Iterable<string>): TextExample[] {
  const known = new Set(classes);
  const seen = new Set<string>();
  const out: TextExample[] = [];
  for (const path of paths) {
    path.labels.forEach((label, level) => {
      if (!label || !known.has(label)) return;
      const below = path.names
        .slice(level + 1)
        .map((n) => n.trim())
        .filter((n) => n && !GENERIC.has(n));
      const title = below.length ? below[below.length - 1] : path.names[level];
      const body = below.length ? below.join(' ') : path.names[level];
      const key = `${label}\u0000${title}\u0000${body}`;
      if (seen.has(key)) return;
      seen.add(key);
      out.push({ title, body, label });
    });
  }
  return out;
}

/** Taxonomy records like {"l1":"城乡建设","l2":"安全生产","l3":"事故处理"}, each level's name being its own label. */
export function pathsFromLevelRecords(records: Record<string, unknown>[]): TaxonomyPath[] {
  const paths: TaxonomyPath[] = [];
  for (const r of records) {
    const names: string[] = [];
    for (let level = 1; typeof r[`l${level}`] === 'string' && (r[`l${level}`] as string).trim(); level++)
      names.push((r[`l${level}`] as string).trim());
    if (names.length) paths.push({ names, labels: [...names] });
  }
  return paths;
}
