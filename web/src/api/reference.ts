/** Reference data (units, regions, categories) every workbench reads; cached for the session. */
import { useQuery } from '@tanstack/react-query';
import { api } from './client.ts';
import type { Category, Region, Unit } from './types.ts';
import { keys } from './keys.ts';

const LONG = 5 * 60_000;

export function useUnits() {
  return useQuery({
    queryKey: keys.ref.units,
    queryFn: async () => (await api.get<{ items: Unit[] }>('/api/v1/units')).items,
    staleTime: LONG,
  });
}

export function useRegions() {
  return useQuery({
    queryKey: keys.ref.regions,
    queryFn: async () => (await api.get<{ items: Region[] }>('/api/v1/regions', { view: 'tree' })).items,
    staleTime: LONG,
  });
}

export function useCategories() {
  return useQuery({
    queryKey: keys.ref.categories,
    queryFn: async () => (await api.get<{ items: Category[] }>('/api/v1/categories', { view: 'tree' })).items,
    staleTime: LONG,
  });
}

export function useUnitName(unitId: number | null | undefined): string | null {
  const units = useUnits();
  if (!unitId) return null;
  return units.data?.find((u) => u.id === unitId)?.name ?? null;
}

/** Units below `unitId` (children, grandchildren …), for 二级派单. */
export function descendantsOf(units: Unit[], unitId: number): Unit[] {
  const result: Unit[] = [];
  const queue = [unitId];
  while (queue.length) {
    const parent = queue.shift()!;
    for (const u of units) {
      if (u.parentId === parent) {
        result.push(u);
        queue.push(u.id);
      }
    }
  }
  return result;
}

/** Flattens a tree of nodes with `children`. */
export function flattenTree<T extends { children?: T[] }>(nodes: T[]): T[] {
  const out: T[] = [];
  const walk = (list: T[]) =>
    list.forEach((n) => {
      out.push(n);
      if (n.children?.length) walk(n.children);
    });
  walk(nodes);
  return out;
}
