/** SQL for auto-dispatch (自动派单): its rules, the orders it looks at, and the suggestion log's final choices. */
import { and, desc, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { autoDispatchRules, categories, dispatchSuggestions, ticketEvents, tickets } from '../../../db/schema.ts';

export type AutoDispatchRuleRow = typeof autoDispatchRules.$inferSelect;

/** Marks the suggestions auto-dispatch logs (in dispatch_suggestions.candidates), so each order is judged once. */
export const AUTO_DISPATCH_SOURCE = 'auto_dispatch';

export function createAutoDispatchRepository(db: Executor) {
  return {
    findRules: () =>
      db
        .select({ rule: autoDispatchRules, categoryName: categories.pathName })
        .from(autoDispatchRules)
        .innerJoin(categories, eq(categories.id, autoDispatchRules.categoryId))
        .orderBy(categories.pathName, autoDispatchRules.id),

    createRule: async (row: {
      categoryId: number;
      minConfidence: number;
      isEnabled: boolean;
      updatedById: number | null;
      createdAt: Date;
      updatedAt: Date;
    }) => (await db.insert(autoDispatchRules).values(row).returning())[0],

    updateRule: async (id: number, patch: { minConfidence?: number; isEnabled?: boolean; updatedById: number | null; updatedAt: Date }) =>
      (await db.update(autoDispatchRules).set(patch).where(eq(autoDispatchRules.id, id)).returning())[0] ?? null,

    deleteRule: async (id: number) =>
      (await db.delete(autoDispatchRules).where(eq(autoDispatchRules.id, id)).returning({ id: autoDispatchRules.id }))[0] ?? null,

    categoryExists: async (id: number) =>
      (await db.select({ id: categories.id }).from(categories).where(eq(categories.id, id)).limit(1)).length > 0,

    /** Every category with its parent, for rules that cover sub-categories. */
    findCategoryParents: () => db.select({ id: categories.id, parentId: categories.parentId, name: categories.pathName }).from(categories),

    findTicket: async (id: number) =>
      (
        await db
          .select({
            id: tickets.id,
            title: tickets.title,
            content: tickets.content,
            status: tickets.status,
            regionId: tickets.regionId,
            categoryId: tickets.categoryId,
            mergedIntoId: tickets.mergedIntoId,
            version: tickets.version,
          })
          .from(tickets)
          .where(eq(tickets.id, id))
          .limit(1)
      )[0] ?? null,

    /** 待派单 orders taken in within [since, until) that auto-dispatch has not judged yet, oldest first. */
    findPendingUnjudged: async (since: Date, until: Date, limit: number) =>
      (
        await db
          .select({ id: tickets.id })
          .from(tickets)
          .where(
            and(
              eq(tickets.status, 'pending_dispatch'),
              isNull(tickets.mergedIntoId),
              gte(tickets.createdAt, since),
              lt(tickets.createdAt, until),
              sql`not exists (select 1 from ${dispatchSuggestions} s where s.ticket_id = ${tickets.id} and s.candidates->>'source' = ${AUTO_DISPATCH_SOURCE})`,
            ),
          )
          .orderBy(tickets.createdAt, tickets.id)
          .limit(limit)
      ).map((r) => r.id),

    /** The system's own choice on an auto-dispatched order. */
    markAutoDispatched: (suggestionId: number, patch: { finalCategoryId: number; finalUnitId: number; decidedAt: Date }) =>
      db
        .update(dispatchSuggestions)
        .set({ ...patch, isAutoDispatched: true, decidedById: null })
        .where(eq(dispatchSuggestions.id, suggestionId)),

    /** The lead unit and category the tickets service keeps current on the order. */
    findDispatchState: async (ticketId: number) =>
      (
        await db
          .select({ leadUnitId: tickets.leadUnitId, categoryId: tickets.categoryId })
          .from(tickets)
          .where(eq(tickets.id, ticketId))
          .limit(1)
      )[0] ?? null,

    findLatestSuggestionId: async (ticketId: number) =>
      (
        await db
          .select({ id: dispatchSuggestions.id })
          .from(dispatchSuggestions)
          .where(eq(dispatchSuggestions.ticketId, ticketId))
          .orderBy(desc(dispatchSuggestions.createdAt), desc(dispatchSuggestions.id))
          .limit(1)
      )[0]?.id ?? null,

    /** Who last chose the order's unit, and when (null actor: the system). */
    findLatestRouting: async (ticketId: number, actions: readonly string[]) =>
      (
        await db
          .select({ actorUserId: ticketEvents.actorUserId, createdAt: ticketEvents.createdAt })
          .from(ticketEvents)
          .where(and(eq(ticketEvents.ticketId, ticketId), inArray(ticketEvents.action, [...actions])))
          .orderBy(desc(ticketEvents.id))
          .limit(1)
      )[0] ?? null,

    /**
     * The final choice against a suggestion: the order's lead unit, and its category when it has one (an order
     * taken in without a category keeps the category auto-dispatch chose, or none). Leaves isAutoDispatched alone.
     */
    recordOutcome: async (
      suggestionId: number,
      outcome: { finalUnitId: number; finalCategoryId: number | null; decidedById: number | null; decidedAt: Date },
    ) =>
      (
        await db
          .update(dispatchSuggestions)
          .set({
            finalUnitId: outcome.finalUnitId,
            finalCategoryId: sql`coalesce(${outcome.finalCategoryId}::int, ${dispatchSuggestions.finalCategoryId})`,
            decidedById: outcome.decidedById,
            decidedAt: outcome.decidedAt,
          })
          .where(eq(dispatchSuggestions.id, suggestionId))
          .returning({ id: dispatchSuggestions.id })
      )[0] ?? null,
  };
}
export type AutoDispatchRepository = ReturnType<typeof createAutoDispatchRepository>;
