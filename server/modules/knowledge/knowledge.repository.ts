/** SQL for knowledge items (知识库) and their jieba full-text search. */
import { and, desc, eq, inArray, isNull, lt, lte, gte, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { categories, knowledgeItems, ticketKnowledge, units } from '../../db/schema.ts';
import { toSearchVector } from '../../lib/text.ts';

export type KnowledgeRow = typeof knowledgeItems.$inferSelect;

/** Which items a listing may show, by publication state. */
export type Visibility =
  | { kind: 'published' }
  | { kind: 'all' }
  /** A unit admin: published items, plus drafts owned by these units. */
  | { kind: 'published_or_units'; unitIds: number[] };

export interface SearchFilter {
  /** tsquery from lib/text toSearchQuery; null lists without ranking. */
  query: SQL | null;
  categoryId?: number;
  unitId?: number;
  /** Only items valid on this day (YYYY-MM-DD); null ignores validity. */
  validOn: string | null;
  visibility: Visibility;
  /** Without a query: newest first, continuing below this id. With a query: by rank, skipping `offset` rows. */
  beforeId?: number;
  offset?: number;
  limit: number;
  /** Items matching at least `atLeast` of these queries, most matched first (suggestions for a complaint's text). */
  matchAtLeast?: { groups: SQL[]; atLeast: number };
}

/**
 * The `search` column of a knowledge item: title weighs most, then keywords, then the body, so ts_rank puts
 * title matches first. Bulk loaders (demo seed, importers) should write the same expression.
 */
export function knowledgeSearchVector(text: { title: string; keywords: string[]; content: string }): SQL {
  return sql`setweight(${toSearchVector(text.title)}, 'A') || setweight(${toSearchVector(text.keywords.join(' '))}, 'B') || setweight(${toSearchVector(text.content)}, 'C')`;
}

const EXCERPT_CHARS = 160;

export function createKnowledgeRepository(db: Executor) {
  const summaryColumns = (query: SQL | null) => ({
    id: knowledgeItems.id,
    title: knowledgeItems.title,
    categoryId: knowledgeItems.categoryId,
    categoryPathName: categories.pathName,
    unitId: knowledgeItems.unitId,
    unitName: units.name,
    keywords: knowledgeItems.keywords,
    validFrom: knowledgeItems.validFrom,
    validTo: knowledgeItems.validTo,
    isPublished: knowledgeItems.isPublished,
    useCount: knowledgeItems.useCount,
    updatedAt: knowledgeItems.updatedAt,
    excerpt: sql<string>`left(${knowledgeItems.content}, ${EXCERPT_CHARS})`,
    rank: query ? sql<number>`ts_rank(${knowledgeItems.search}, ${query})::float8` : sql<null>`null::float8`,
  });

  return {
    search: (filter: SearchFilter) => {
      // Matching some of the groups: ranked by all of them together.
      const f =
        filter.matchAtLeast && !filter.query
          ? {
              ...filter,
              query: sql`(${sql.join(
                filter.matchAtLeast.groups.map((g) => sql`(${g})`),
                sql` || `,
              )})`,
            }
          : filter;
      const where: (SQL | undefined)[] = [];
      if (f.query) where.push(sql`${knowledgeItems.search} @@ ${f.query}`);
      if (f.categoryId !== undefined) {
        where.push(sql`${knowledgeItems.categoryId} in (
          with recursive sub(id) as (
            select id from ${categories} where id = ${f.categoryId}
            union select c.id from ${categories} c join sub on c.parent_id = sub.id
          ) select id from sub)`);
      }
      if (f.unitId !== undefined) where.push(eq(knowledgeItems.unitId, f.unitId));
      if (f.validOn !== null) {
        where.push(or(isNull(knowledgeItems.validFrom), lte(knowledgeItems.validFrom, f.validOn)));
        where.push(or(isNull(knowledgeItems.validTo), gte(knowledgeItems.validTo, f.validOn)));
      }
      if (f.visibility.kind === 'published') where.push(eq(knowledgeItems.isPublished, true));
      if (f.visibility.kind === 'published_or_units') {
        where.push(
          f.visibility.unitIds.length
            ? or(eq(knowledgeItems.isPublished, true), inArray(knowledgeItems.unitId, f.visibility.unitIds))
            : eq(knowledgeItems.isPublished, true),
        );
      }
      if (!f.query && f.beforeId !== undefined) where.push(lt(knowledgeItems.id, f.beforeId));
      const matched = f.matchAtLeast
        ? sql`(${sql.join(
            f.matchAtLeast.groups.map((g) => sql`(${knowledgeItems.search} @@ ${g})::int`),
            sql` + `,
          )})`
        : null;
      if (matched) where.push(sql`${matched} >= ${f.matchAtLeast!.atLeast}`);
      const base = db
        .select(summaryColumns(f.query))
        .from(knowledgeItems)
        .leftJoin(categories, eq(categories.id, knowledgeItems.categoryId))
        .leftJoin(units, eq(units.id, knowledgeItems.unitId))
        .where(and(...where));
      return f.query
        ? base
            .orderBy(
              ...(matched ? [sql`${matched} desc`] : []),
              sql`ts_rank(${knowledgeItems.search}, ${f.query}) desc`,
              desc(knowledgeItems.id),
            )
            .limit(f.limit)
            .offset(f.offset ?? 0)
        : base.orderBy(desc(knowledgeItems.id)).limit(f.limit);
    },

    findById: async (id: number) =>
      (
        await db
          .select({
            item: knowledgeItems,
            categoryPathName: categories.pathName,
            unitName: units.name,
          })
          .from(knowledgeItems)
          .leftJoin(categories, eq(categories.id, knowledgeItems.categoryId))
          .leftJoin(units, eq(units.id, knowledgeItems.unitId))
          .where(eq(knowledgeItems.id, id))
          .limit(1)
      )[0] ?? null,

    create: async (row: Omit<typeof knowledgeItems.$inferInsert, 'search'> & { keywords: string[] }) =>
      (
        await db
          .insert(knowledgeItems)
          .values({ ...row, search: knowledgeSearchVector(row) })
          .returning({ id: knowledgeItems.id })
      )[0].id,

    /** `text` is the item's title, keywords and content after the change, for the search vector. */
    update: (
      id: number,
      patch: Partial<typeof knowledgeItems.$inferInsert>,
      text: { title: string; keywords: string[]; content: string },
    ) =>
      db
        .update(knowledgeItems)
        .set({ ...patch, search: knowledgeSearchVector(text) })
        .where(eq(knowledgeItems.id, id)),

    delete: (id: number) => db.delete(knowledgeItems).where(eq(knowledgeItems.id, id)),

    countCitations: async (id: number) =>
      (
        await db
          .select({ n: sql<number>`count(*)::int` })
          .from(ticketKnowledge)
          .where(eq(ticketKnowledge.knowledgeItemId, id))
      )[0].n,

    categoryExists: async (id: number) =>
      (await db.select({ id: categories.id }).from(categories).where(eq(categories.id, id)).limit(1)).length > 0,
    unitExists: async (id: number) => (await db.select({ id: units.id }).from(units).where(eq(units.id, id)).limit(1)).length > 0,

    /** Ids among `ids` that are published items, for direct-answer citations. */
    findPublishedIds: async (ids: number[]) =>
      (
        await db
          .select({ id: knowledgeItems.id })
          .from(knowledgeItems)
          .where(and(inArray(knowledgeItems.id, ids), eq(knowledgeItems.isPublished, true)))
      ).map((r) => r.id),
    incrementUseCount: (ids: number[]) =>
      db
        .update(knowledgeItems)
        .set({ useCount: sql`${knowledgeItems.useCount} + 1` })
        .where(inArray(knowledgeItems.id, ids)),
  };
}
export type KnowledgeRepository = ReturnType<typeof createKnowledgeRepository>;
