/** SQL for the reference data: regions, units, categories and the dispatch catalogue. */
import { and, asc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { categories, dispatchCatalogue, regions, units } from '../../db/schema.ts';
import { containsPattern } from './db-errors.ts';

export type RegionRow = typeof regions.$inferSelect;
export type UnitRow = typeof units.$inferSelect;
export type CategoryRow = typeof categories.$inferSelect;
export type CatalogueRow = typeof dispatchCatalogue.$inferSelect;

type TreeTable = 'regions' | 'units' | 'categories';

/** The `id` column of a raw query result (node-postgres and PGlite both return `{ rows }`). */
const readIds = (result: unknown): number[] => (result as { rows: { id: number | string }[] }).rows.map((r) => Number(r.id));

export function createOrgsRepository(db: Executor) {
  /** The row and all its descendants. UNION (not UNION ALL) so a corrupted cycle still terminates. */
  const subtreeIds = async (table: TreeTable, id: number) =>
    readIds(
      await db.execute(sql`
      with recursive sub(id) as (
        select id from ${sql.identifier(table)} where id = ${id}
        union
        select c.id from ${sql.identifier(table)} c join sub on c.parent_id = sub.id
      ) select id from sub`),
    );

  /** The row, its parent, grandparent … up to the root, nearest first. */
  const ancestorIds = async (table: TreeTable, id: number) =>
    readIds(
      await db.execute(sql`
      with recursive up(id, parent_id, depth) as (
        select id, parent_id, 0 from ${sql.identifier(table)} where id = ${id}
        union all
        select t.id, t.parent_id, up.depth + 1 from ${sql.identifier(table)} t join up on t.id = up.parent_id where up.depth < 32
      ) select id from up order by depth`),
    );

  return {
    subtreeIds,
    ancestorIds,

    // Regions (行政区划)
    findRegions: (filter: { parentId?: number; level?: string; q?: string }) => {
      const where: SQL[] = [];
      if (filter.parentId !== undefined) where.push(eq(regions.parentId, filter.parentId));
      if (filter.level) where.push(eq(regions.level, filter.level));
      if (filter.q) {
        where.push(
          or(
            ilike(regions.name, containsPattern(filter.q)),
            eq(regions.code, filter.q),
            sql`exists (select 1 from unnest(${regions.aliases}) a where a ilike ${containsPattern(filter.q)})`,
          )!,
        );
      }
      return db
        .select()
        .from(regions)
        .where(and(...where))
        .orderBy(asc(regions.code), asc(regions.id));
    },
    findRegionById: async (id: number) => (await db.select().from(regions).where(eq(regions.id, id)).limit(1))[0] ?? null,
    findRegionsByIds: (ids: number[]) =>
      ids.length ? db.select().from(regions).where(inArray(regions.id, ids)) : Promise.resolve([] as RegionRow[]),
    createRegion: async (row: typeof regions.$inferInsert) => (await db.insert(regions).values(row).returning())[0],
    updateRegion: async (id: number, patch: Partial<typeof regions.$inferInsert>) =>
      (await db.update(regions).set(patch).where(eq(regions.id, id)).returning())[0] ?? null,
    deleteRegion: (id: number) => db.delete(regions).where(eq(regions.id, id)),
    countChildRegions: async (id: number) =>
      (
        await db
          .select({ n: sql<number>`count(*)::int` })
          .from(regions)
          .where(eq(regions.parentId, id))
      )[0].n,

    // Units (承办单位)
    findUnits: (filter: { parentId?: number; kind?: string; q?: string; includeInactive?: boolean }) => {
      const where: SQL[] = [];
      if (filter.parentId !== undefined) where.push(eq(units.parentId, filter.parentId));
      if (filter.kind) where.push(eq(units.kind, filter.kind));
      if (!filter.includeInactive) where.push(eq(units.isActive, true));
      if (filter.q) where.push(or(ilike(units.name, containsPattern(filter.q)), ilike(units.code, containsPattern(filter.q)))!);
      return db
        .select()
        .from(units)
        .where(and(...where))
        .orderBy(asc(units.code), asc(units.id));
    },
    findUnitById: async (id: number) => (await db.select().from(units).where(eq(units.id, id)).limit(1))[0] ?? null,
    createUnit: async (row: typeof units.$inferInsert) => (await db.insert(units).values(row).returning())[0],
    updateUnit: async (id: number, patch: Partial<typeof units.$inferInsert>) =>
      (await db.update(units).set(patch).where(eq(units.id, id)).returning())[0] ?? null,
    deleteUnit: (id: number) => db.delete(units).where(eq(units.id, id)),
    countChildUnits: async (id: number) =>
      (
        await db
          .select({ n: sql<number>`count(*)::int` })
          .from(units)
          .where(eq(units.parentId, id))
      )[0].n,

    // Categories (三级分类)
    findCategories: (filter: { includeInactive?: boolean }) =>
      db
        .select()
        .from(categories)
        .where(filter.includeInactive ? undefined : eq(categories.isActive, true))
        .orderBy(asc(categories.level), asc(categories.code), asc(categories.id)),
    findCategoryById: async (id: number) => (await db.select().from(categories).where(eq(categories.id, id)).limit(1))[0] ?? null,
    findCategoriesByIds: (ids: number[]) =>
      ids.length ? db.select().from(categories).where(inArray(categories.id, ids)) : Promise.resolve([] as CategoryRow[]),
    createCategory: async (row: typeof categories.$inferInsert) => (await db.insert(categories).values(row).returning())[0],
    updateCategory: async (id: number, patch: Partial<typeof categories.$inferInsert>) =>
      (await db.update(categories).set(patch).where(eq(categories.id, id)).returning())[0] ?? null,
    deleteCategory: (id: number) => db.delete(categories).where(eq(categories.id, id)),
    countChildCategories: async (id: number) =>
      (
        await db
          .select({ n: sql<number>`count(*)::int` })
          .from(categories)
          .where(eq(categories.parentId, id))
      )[0].n,

    // Dispatch catalogue (派单目录)
    findCatalogue: (filter: { categoryId?: number; regionId?: number | null; unitId?: number }) => {
      const where: SQL[] = [];
      if (filter.categoryId !== undefined) where.push(eq(dispatchCatalogue.categoryId, filter.categoryId));
      if (filter.regionId === null) where.push(isNull(dispatchCatalogue.regionId));
      else if (filter.regionId !== undefined) where.push(eq(dispatchCatalogue.regionId, filter.regionId));
      if (filter.unitId !== undefined) where.push(eq(dispatchCatalogue.unitId, filter.unitId));
      return db
        .select({
          id: dispatchCatalogue.id,
          categoryId: dispatchCatalogue.categoryId,
          regionId: dispatchCatalogue.regionId,
          unitId: dispatchCatalogue.unitId,
          note: dispatchCatalogue.note,
          categoryPathName: categories.pathName,
          regionName: regions.name,
          unitName: units.name,
        })
        .from(dispatchCatalogue)
        .innerJoin(categories, eq(categories.id, dispatchCatalogue.categoryId))
        .innerJoin(units, eq(units.id, dispatchCatalogue.unitId))
        .leftJoin(regions, eq(regions.id, dispatchCatalogue.regionId))
        .where(and(...where))
        .orderBy(asc(categories.code), asc(regions.code), asc(units.code), asc(dispatchCatalogue.id))
        .limit(5000);
    },
    findCatalogueEntry: async (id: number) =>
      (await db.select().from(dispatchCatalogue).where(eq(dispatchCatalogue.id, id)).limit(1))[0] ?? null,
    findCatalogueDuplicate: async (row: { categoryId: number; regionId: number | null; unitId: number }) =>
      (
        await db
          .select({ id: dispatchCatalogue.id })
          .from(dispatchCatalogue)
          .where(
            and(
              eq(dispatchCatalogue.categoryId, row.categoryId),
              row.regionId === null ? isNull(dispatchCatalogue.regionId) : eq(dispatchCatalogue.regionId, row.regionId),
              eq(dispatchCatalogue.unitId, row.unitId),
            ),
          )
          .limit(1)
      )[0] ?? null,
    createCatalogueEntry: async (row: typeof dispatchCatalogue.$inferInsert) =>
      (await db.insert(dispatchCatalogue).values(row).returning())[0],
    updateCatalogueEntry: async (id: number, patch: Partial<typeof dispatchCatalogue.$inferInsert>) =>
      (await db.update(dispatchCatalogue).set(patch).where(eq(dispatchCatalogue.id, id)).returning())[0] ?? null,
    deleteCatalogueEntry: (id: number) => db.delete(dispatchCatalogue).where(eq(dispatchCatalogue.id, id)),

    /** Catalogue rows for any of these categories, in any of these regions or region-less, with active units only. */
    findCatalogueCandidates: (categoryIds: number[], regionIds: number[]) =>
      db
        .select({
          catalogueId: dispatchCatalogue.id,
          categoryId: dispatchCatalogue.categoryId,
          regionId: dispatchCatalogue.regionId,
          unitId: dispatchCatalogue.unitId,
          note: dispatchCatalogue.note,
          unitCode: units.code,
          unitName: units.name,
          unitKind: units.kind,
          regionName: regions.name,
        })
        .from(dispatchCatalogue)
        .innerJoin(units, eq(units.id, dispatchCatalogue.unitId))
        .leftJoin(regions, eq(regions.id, dispatchCatalogue.regionId))
        .where(
          and(
            inArray(dispatchCatalogue.categoryId, categoryIds),
            regionIds.length
              ? or(isNull(dispatchCatalogue.regionId), inArray(dispatchCatalogue.regionId, regionIds))
              : isNull(dispatchCatalogue.regionId),
            eq(units.isActive, true),
          ),
        ),
  };
}
export type OrgsRepository = ReturnType<typeof createOrgsRepository>;
