/** SQL for reply templates (答复模板). */
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.ts';
import { categories, replyTemplates } from '../../db/schema.ts';

const orderCategory = alias(categories, 'order_category');
const columns = {
  id: replyTemplates.id,
  title: replyTemplates.title,
  content: replyTemplates.content,
  categoryId: replyTemplates.categoryId,
  categoryPathName: categories.pathName,
  isActive: replyTemplates.isActive,
  updatedAt: replyTemplates.updatedAt,
};

export function createReplyTemplatesRepository(db: Executor) {
  const select = () => db.select(columns).from(replyTemplates).leftJoin(categories, eq(categories.id, replyTemplates.categoryId));
  return {
    /**
     * Templates for an order of `forCategoryId` — those of its category or one above it (by path), the closest first,
     * then those for any category — or, without it, every template by category.
     */
    async find(options: { forCategoryId?: number; includeRetired?: boolean }) {
      const active = options.includeRetired ? undefined : eq(replyTemplates.isActive, true);
      if (options.forCategoryId === undefined) {
        return select()
          .where(active)
          .orderBy(sql`${categories.pathName} asc nulls first`, asc(replyTemplates.title), asc(replyTemplates.id));
      }
      const applies: SQL = sql`(${replyTemplates.categoryId} is null or ${orderCategory.pathName} = ${categories.pathName}
        or ${orderCategory.pathName} like ${categories.pathName} || ' / %')`;
      return db
        .select(columns)
        .from(replyTemplates)
        .leftJoin(categories, eq(categories.id, replyTemplates.categoryId))
        .innerJoin(orderCategory, eq(orderCategory.id, options.forCategoryId))
        .where(and(active, applies))
        .orderBy(sql`length(${categories.pathName}) desc nulls last`, asc(replyTemplates.title), asc(replyTemplates.id));
    },
    findById: async (id: number) => (await select().where(eq(replyTemplates.id, id)).limit(1))[0] ?? null,
    categoryExists: async (id: number) =>
      (await db.select({ id: categories.id }).from(categories).where(eq(categories.id, id)).limit(1)).length > 0,
    create: async (row: typeof replyTemplates.$inferInsert) =>
      (await db.insert(replyTemplates).values(row).returning({ id: replyTemplates.id }))[0].id,
    update: (id: number, changes: Partial<typeof replyTemplates.$inferInsert>) =>
      db.update(replyTemplates).set(changes).where(eq(replyTemplates.id, id)),
  };
}
export type ReplyTemplatesRepository = ReturnType<typeof createReplyTemplatesRepository>;
