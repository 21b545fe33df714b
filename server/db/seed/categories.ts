/** Turns the category tree into rows and the dispatch catalogue (派单目录) for the demo city (pure). */
import { CATEGORY_TREE } from './categories.data.ts';
import { resolveHandler, type City } from './city.ts';

export interface CategoryRow {
  id: number;
  code: string;
  name: string;
  parentId: number | null;
  level: number;
  pathName: string;
}

export interface Leaf {
  row: CategoryRow;
  /** 'L1/L2/L3', the key scenarios and knowledge items use. */
  path: string;
  handler: string;
  /** The leaf's id, then its parent's and grandparent's (for SLA policy matching). */
  chain: number[];
  /** Whether the handling unit depends on where the matter is. */
  isLocal: boolean;
}

export interface CatalogueRow {
  categoryId: number;
  regionId: number | null;
  unitId: number;
  note: string | null;
}

export interface Categories {
  rows: CategoryRow[];
  leaves: Leaf[];
  byPath: Map<string, Leaf>;
}

export function buildCategories(nextId: () => number, namespace = ''): Categories {
  const prefix = namespace ? `${namespace}-` : '';
  const rows: CategoryRow[] = [];
  const leaves: Leaf[] = [];
  const byPath = new Map<string, Leaf>();
  CATEGORY_TREE.forEach(([l1, groups], i) => {
    const c1 = String(i + 1).padStart(2, '0');
    const r1: CategoryRow = { id: nextId(), code: prefix + c1, name: l1, parentId: null, level: 1, pathName: l1 };
    rows.push(r1);
    groups.forEach(([l2, handler, names], j) => {
      const c2 = c1 + String(j + 1).padStart(2, '0');
      const r2: CategoryRow = { id: nextId(), code: prefix + c2, name: l2, parentId: r1.id, level: 2, pathName: `${l1} / ${l2}` };
      rows.push(r2);
      names.split('|').forEach((entry, k) => {
        const [name, override] = entry.split('@');
        const r3: CategoryRow = {
          id: nextId(),
          code: prefix + c2 + String(k + 1).padStart(2, '0'),
          name,
          parentId: r2.id,
          level: 3,
          pathName: `${l1} / ${l2} / ${name}`,
        };
        rows.push(r3);
        const leafHandler = override ?? handler;
        const leaf: Leaf = {
          row: r3,
          path: `${l1}/${l2}/${name}`,
          handler: leafHandler,
          chain: [r3.id, r2.id, r1.id],
          isLocal: /^(street|district)/.test(leafHandler),
        };
        leaves.push(leaf);
        byPath.set(leaf.path, leaf);
      });
    });
  });
  return { rows, leaves, byPath };
}

/**
 * One catalogue row per leaf for city-wide handlers (region null), one per district for district
 * offices, one per street for street offices.
 */
export function buildCatalogue(city: City, categories: Categories): CatalogueRow[] {
  const rows: CatalogueRow[] = [];
  for (const leaf of categories.leaves) {
    const kind = leaf.handler.split(':')[0];
    if (kind === 'street') {
      for (const street of city.streets)
        rows.push({ categoryId: leaf.row.id, regionId: street.region.id, unitId: street.unit.id, note: '属地街道（乡镇）办理' });
    } else if (kind === 'district') {
      for (const district of city.districts) {
        const unit = resolveHandler(city, leaf.handler, district.streets[0]);
        rows.push({ categoryId: leaf.row.id, regionId: district.region.id, unitId: unit.id, note: '属地区县办理' });
      }
    } else if (kind !== 'center') {
      rows.push({ categoryId: leaf.row.id, regionId: null, unitId: resolveHandler(city, leaf.handler, null).id, note: null });
    }
  }
  return rows;
}
