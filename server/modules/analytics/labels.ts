/**
 * Names for dimension keys, and roll-up of regions to districts and categories to their first level.
 * Reference rows change rarely; the service keeps one snapshot for a minute.
 */
import { LABELS_ZH } from '../../../common/enums.ts';
import type { Dimension } from './rollup/rollup-spec.ts';

export interface TreeRow {
  id: number;
  name: string;
  parentId: number | null;
}

export interface Reference {
  units: Map<number, { name: string; kind: string; peerGroup: string; isActive: boolean }>;
  regions: Map<number, TreeRow & { level: string }>;
  categories: Map<number, TreeRow & { level: number; pathName: string }>;
}

export const NO_UNIT_LABEL = '热线中心（未派单）';
export const UNKNOWN_LABEL = '未填写';

/** The nearest ancestor-or-self matching `pred`, or null (guards against cycles). */
export function ancestorWhere<T extends TreeRow>(rows: ReadonlyMap<number, T>, id: number, pred: (row: T) => boolean): T | null {
  let current = rows.get(id);
  for (let depth = 0; current && depth < 32; depth++) {
    if (pred(current)) return current;
    current = current.parentId === null ? undefined : rows.get(current.parentId);
  }
  return null;
}

export function labelOf(ref: Reference, dim: Dimension, key: string): string {
  switch (dim) {
    case 'all':
      return '全市';
    case 'unit':
      return key === '0' ? NO_UNIT_LABEL : (ref.units.get(Number(key))?.name ?? `#${key}`);
    case 'region':
      return key === '0' ? UNKNOWN_LABEL : (ref.regions.get(Number(key))?.name ?? `#${key}`);
    case 'category':
      return key === '0' ? UNKNOWN_LABEL : (ref.categories.get(Number(key))?.pathName ?? `#${key}`);
    case 'channel':
      return (LABELS_ZH.channel as Record<string, string>)[key] ?? (key || UNKNOWN_LABEL);
    case 'type':
      return (LABELS_ZH.type as Record<string, string>)[key] ?? (key || UNKNOWN_LABEL);
  }
}

/** Adds up `value` per district (regions) or first-level category; unknown keys go to id 0. */
export function groupUp<T extends TreeRow>(
  rows: readonly { key: string; value: number }[],
  tree: ReadonlyMap<number, T>,
  pred: (row: T) => boolean,
): { id: number; name: string; value: number }[] {
  const out = new Map<number, { id: number; name: string; value: number }>();
  for (const row of rows) {
    const top = ancestorWhere(tree, Number(row.key), pred);
    const id = top?.id ?? 0;
    const entry = out.get(id) ?? { id, name: top?.name ?? UNKNOWN_LABEL, value: 0 };
    entry.value += row.value;
    out.set(id, entry);
  }
  return [...out.values()].sort((a, b) => b.value - a.value || a.id - b.id);
}
