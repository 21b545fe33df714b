/** Pure tree logic for regions, units and categories, and the ranking of dispatch-catalogue candidates. */
import { REGION_LEVELS, type RegionLevel, type UnitKind } from '../../../common/enums.ts';

export interface TreeRow {
  id: number;
  parentId: number | null;
}

export type TreeNode<T> = T & { children: TreeNode<T>[] };

/** Nests rows under their parents, keeping input order; rows whose parent is absent become roots. */
export function buildTree<T extends TreeRow>(rows: readonly T[]): TreeNode<T>[] {
  const nodes = new Map<number, TreeNode<T>>();
  for (const row of rows) nodes.set(row.id, { ...row, children: [] });
  const roots: TreeNode<T>[] = [];
  for (const row of rows) {
    const node = nodes.get(row.id)!;
    const parent = row.parentId === null ? undefined : nodes.get(row.parentId);
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** A child region must sit strictly below its parent: city → district → street → community. */
export function isValidRegionChild(parentLevel: RegionLevel, childLevel: RegionLevel): boolean {
  return REGION_LEVELS.indexOf(childLevel) > REGION_LEVELS.indexOf(parentLevel);
}

/** Moving `nodeId` under `newParentId` would loop when the new parent is the node or one of its descendants. */
export function wouldCreateCycle(newParentId: number | null, subtreeIdsOfNode: readonly number[]): boolean {
  return newParentId !== null && subtreeIdsOfNode.includes(newParentId);
}

/** Assessment peer group (考核分组) a new unit falls into unless the admin says otherwise. */
export function defaultPeerGroup(kind: UnitKind): string {
  return kind === 'district' || kind === 'street' || kind === 'community' || kind === 'utility' ? kind : 'department';
}

export const CATEGORY_MAX_LEVEL = 3;
export const CATEGORY_PATH_SEPARATOR = ' / ';

export interface CategoryRow extends TreeRow {
  name: string;
}

/**
 * Level and path name ("城乡建设 / 住房管理 / 物业管理") of every category in a subtree,
 * given the subtree's rows (root first or in any order) and the root's new parent.
 */
export function categoryPaths(
  subtree: readonly CategoryRow[],
  rootId: number,
  parent: { level: number; pathName: string } | null,
): { id: number; level: number; pathName: string }[] {
  const byParent = new Map<number, CategoryRow[]>();
  for (const row of subtree) {
    if (row.id === rootId || row.parentId === null) continue;
    const list = byParent.get(row.parentId) ?? [];
    list.push(row);
    byParent.set(row.parentId, list);
  }
  const root = subtree.find((r) => r.id === rootId);
  if (!root) return [];
  const out: { id: number; level: number; pathName: string }[] = [];
  const visit = (row: CategoryRow, level: number, pathName: string) => {
    out.push({ id: row.id, level, pathName });
    for (const child of byParent.get(row.id) ?? []) visit(child, level + 1, pathName + CATEGORY_PATH_SEPARATOR + child.name);
  };
  visit(root, parent ? parent.level + 1 : 1, parent ? parent.pathName + CATEGORY_PATH_SEPARATOR + root.name : root.name);
  return out;
}

export interface CatalogueRow {
  catalogueId: number;
  categoryId: number;
  /** null = the unit handles this category anywhere in the city. */
  regionId: number | null;
  unitId: number;
}

/**
 * Orders dispatch-catalogue rows for a ticket: the exact category before its parent categories;
 * within a category the most specific region first (walking up the region tree), region-less rows last.
 * A unit appears once, at its best position. `regionChain` and `categoryChain` run from the item itself up to the root.
 */
export function rankCatalogueCandidates<T extends CatalogueRow>(
  rows: readonly T[],
  regionChain: readonly number[],
  categoryChain: readonly number[],
): (T & { rank: number })[] {
  const regionSlots = regionChain.length + 1;
  const ranked: (T & { rank: number })[] = [];
  for (const row of rows) {
    const categoryDistance = categoryChain.indexOf(row.categoryId);
    const regionDistance = row.regionId === null ? regionChain.length : regionChain.indexOf(row.regionId);
    if (categoryDistance < 0 || regionDistance < 0) continue;
    ranked.push({ ...row, rank: categoryDistance * regionSlots + regionDistance });
  }
  ranked.sort((a, b) => a.rank - b.rank || a.catalogueId - b.catalogueId);
  const seen = new Set<number>();
  return ranked.filter((row) => (seen.has(row.unitId) ? false : (seen.add(row.unitId), true)));
}
