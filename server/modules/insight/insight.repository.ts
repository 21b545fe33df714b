/** SQL for the insight module: models, the suggestion log, and the orders and reference data the pure functions work on. */
import { and, desc, eq, gte, inArray, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { DEMO_SEED_ACTION } from '../../db/seed/marker.ts';
import {
  auditLog,
  categories,
  dispatchCatalogue,
  dispatchSuggestions,
  insightModels,
  regions,
  replies,
  tickets,
  units,
} from '../../db/schema.ts';

export type LabelKind = 'category' | 'unit';

export function createInsightRepository(db: Executor) {
  return {
    /** The model in use for a kind (highest version), without its (large) body. */
    findLatestModelHeader: async (labelKind: LabelKind) =>
      (
        await db
          .select({
            id: insightModels.id,
            version: insightModels.version,
            examples: insightModels.examples,
            evaluation: insightModels.evaluation,
            createdAt: insightModels.createdAt,
          })
          .from(insightModels)
          .where(eq(insightModels.labelKind, labelKind))
          .orderBy(desc(insightModels.version))
          .limit(1)
      )[0] ?? null,

    getModelBody: async (id: number) =>
      (await db.select({ model: insightModels.model }).from(insightModels).where(eq(insightModels.id, id)).limit(1))[0]?.model ?? null,

    /** Stores a new version, numbered one above the kind's highest (the unique index settles a race). */
    createModel: async (row: { labelKind: LabelKind; examples: number; evaluation: unknown; model: string; trainedById: number | null }) =>
      (
        await db
          .insert(insightModels)
          .values({
            ...row,
            version: sql`(select coalesce(max(${insightModels.version}), 0) + 1 from ${insightModels} where ${insightModels.labelKind} = ${row.labelKind})`,
          })
          .returning({ id: insightModels.id, version: insightModels.version })
      )[0],

    /** 办结 orders closed in [since, until), with their final category and lead unit, most recently closed first. */
    findTrainingOrders: (since: Date, until: Date, limit: number) =>
      db
        .select({
          id: tickets.id,
          title: tickets.title,
          content: tickets.content,
          categoryId: tickets.categoryId,
          leadUnitId: tickets.leadUnitId,
        })
        .from(tickets)
        .where(
          and(
            eq(tickets.status, 'closed'),
            isNotNull(tickets.categoryId),
            isNotNull(tickets.leadUnitId),
            gte(tickets.closedAt, since),
            lt(tickets.closedAt, until),
          ),
        )
        .orderBy(desc(tickets.closedAt), desc(tickets.id))
        .limit(limit),

    /** The ticket id ranges the demo city generated (db/seed/marker.ts): orders there are synthetic. */
    findDemoTicketRanges: async () =>
      (await db.select({ details: auditLog.details }).from(auditLog).where(eq(auditLog.action, DEMO_SEED_ACTION))).map(
        (r) => r.details as { firstTicketId: number; lastTicketId: number },
      ),

    findActiveCategories: () =>
      db
        .select({ id: categories.id, name: categories.name, parentId: categories.parentId, pathName: categories.pathName })
        .from(categories)
        .where(eq(categories.isActive, true)),

    findCategoriesByIds: (ids: number[]) =>
      ids.length
        ? db
            .select({ id: categories.id, name: categories.name, pathName: categories.pathName })
            .from(categories)
            .where(inArray(categories.id, ids))
        : Promise.resolve([]),

    findRegions: () =>
      db
        .select({ id: regions.id, name: regions.name, aliases: regions.aliases, level: regions.level, parentId: regions.parentId })
        .from(regions),

    /** Confirmed address and region of the `limit` most recent orders that have both, counted by pair: the gazetteer's mined places. */
    findAddressRecords: async (limit: number) => {
      const recent = db
        .select({ address: tickets.address, regionId: tickets.regionId })
        .from(tickets)
        .where(and(isNotNull(tickets.address), isNotNull(tickets.regionId)))
        .orderBy(desc(tickets.id))
        .limit(limit)
        .as('recent');
      const rows = await db
        .select({ address: recent.address, regionId: recent.regionId, count: sql<number>`count(*)::int` })
        .from(recent)
        .groupBy(recent.address, recent.regionId);
      return rows.map((r) => ({ address: r.address ?? '', regionId: r.regionId ?? 0, count: Number(r.count) }));
    },

    findUnitsByIds: (ids: number[]) =>
      ids.length
        ? db.select({ id: units.id, name: units.name, isActive: units.isActive }).from(units).where(inArray(units.id, ids))
        : Promise.resolve([]),

    /** 派单目录 rows allowing a unit for one of `categoryIds` in one of `regionIds` (or anywhere, when the row has no region). */
    findCatalogue: (categoryIds: number[], regionIds: number[]) =>
      categoryIds.length
        ? db
            .select({ categoryId: dispatchCatalogue.categoryId, regionId: dispatchCatalogue.regionId, unitId: dispatchCatalogue.unitId })
            .from(dispatchCatalogue)
            .innerJoin(units, eq(units.id, dispatchCatalogue.unitId))
            .where(
              and(
                inArray(dispatchCatalogue.categoryId, categoryIds),
                eq(units.isActive, true),
                regionIds.length
                  ? or(isNull(dispatchCatalogue.regionId), inArray(dispatchCatalogue.regionId, regionIds))
                  : isNull(dispatchCatalogue.regionId),
              ),
            )
        : Promise.resolve([]),

    createSuggestion: async (row: typeof dispatchSuggestions.$inferInsert) =>
      (await db.insert(dispatchSuggestions).values(row).returning({ id: dispatchSuggestions.id }))[0],

    /**
     * Logs a suggestion unless the same requester already has an undecided one for the same request (the partial
     * unique index), which is returned instead.
     */
    createOrFindOpenSuggestion: async (row: typeof dispatchSuggestions.$inferInsert & { requestedById: number; requestKey: string }) => {
      const [created] = await db.insert(dispatchSuggestions).values(row).onConflictDoNothing().returning({ id: dispatchSuggestions.id });
      if (created) return created;
      const [existing] = await db
        .select({ id: dispatchSuggestions.id })
        .from(dispatchSuggestions)
        .where(
          and(
            eq(dispatchSuggestions.requestedById, row.requestedById),
            eq(dispatchSuggestions.requestKey, row.requestKey),
            isNull(dispatchSuggestions.decidedAt),
          ),
        )
        .limit(1);
      // decided between the insert and the select: log anew (the unique index no longer covers the decided row)
      return existing ?? (await db.insert(dispatchSuggestions).values(row).returning({ id: dispatchSuggestions.id }))[0];
    },

    findSuggestionById: async (id: number) =>
      (await db.select().from(dispatchSuggestions).where(eq(dispatchSuggestions.id, id)).limit(1))[0] ?? null,

    /** Records the final choice once: null when the suggestion was already decided. */
    recordDecision: async (
      id: number,
      patch: {
        ticketId: number | null;
        finalCategoryId: number | null;
        finalUnitId: number | null;
        decidedById: number | null;
        decidedAt: Date;
        isAutoDispatched: boolean;
      },
    ) =>
      (
        await db
          .update(dispatchSuggestions)
          .set(patch)
          .where(and(eq(dispatchSuggestions.id, id), isNull(dispatchSuggestions.decidedAt)))
          .returning()
      )[0] ?? null,

    /**
     * Decided suggestions of a period by China week (Monday first): how often the first suggestion was the final
     * choice, counted over the decisions that name a final category / unit, and how many the system made itself.
     */
    summariseDecisionsByWeek: (from: Date, to: Date) => {
      const week = sql<string>`to_char(date_trunc('week', (${dispatchSuggestions.createdAt} at time zone 'UTC') + interval '8 hours'), 'YYYY-MM-DD')`;
      return db
        .select({
          weekStart: week,
          decided: sql<number>`count(*)::int`,
          categoryDecided: sql<number>`count(${dispatchSuggestions.finalCategoryId})::int`,
          categoryHits: sql<number>`count(*) filter (where ${dispatchSuggestions.suggestedCategoryId} = ${dispatchSuggestions.finalCategoryId})::int`,
          unitDecided: sql<number>`count(${dispatchSuggestions.finalUnitId})::int`,
          unitHits: sql<number>`count(*) filter (where ${dispatchSuggestions.suggestedUnitId} = ${dispatchSuggestions.finalUnitId})::int`,
          autoDispatched: sql<number>`count(*) filter (where ${dispatchSuggestions.isAutoDispatched})::int`,
        })
        .from(dispatchSuggestions)
        .where(
          and(isNotNull(dispatchSuggestions.decidedAt), gte(dispatchSuggestions.createdAt, from), lt(dispatchSuggestions.createdAt, to)),
        )
        .groupBy(week)
        .orderBy(week);
    },

    /** Orders near in time that share the region or the citizen, or match any of the words: candidates for duplicate checks. */
    findDuplicateCandidates: (filter: {
      from: Date;
      to: Date;
      regionId: number | null;
      citizenId: number | null;
      words: string[];
      excludeTicketId: number | null;
      limit: number;
    }) => {
      const match = [];
      if (filter.regionId !== null) match.push(eq(tickets.regionId, filter.regionId));
      if (filter.citizenId !== null) match.push(eq(tickets.citizenId, filter.citizenId));
      const query = filter.words.map((w) => `'${w.replace(/['\\]/g, '')}'`).join(' | ');
      if (filter.words.length) match.push(sql`${tickets.search} @@ to_tsquery('simple', ${query})`);
      if (match.length === 0) return Promise.resolve([]);
      // best first: the same caller, then the most shared words (ts_rank), then the newest
      const order = [
        ...(filter.citizenId === null ? [] : [desc(sql`${tickets.citizenId} = ${filter.citizenId}`)]),
        ...(filter.words.length ? [desc(sql`ts_rank(${tickets.search}, to_tsquery('simple', ${query}))`)] : []),
        desc(tickets.createdAt),
      ];
      return db
        .select({
          id: tickets.id,
          number: tickets.number,
          title: tickets.title,
          content: tickets.content,
          status: tickets.status,
          createdAt: tickets.createdAt,
          regionId: tickets.regionId,
          citizenId: tickets.citizenId,
          mergedIntoId: tickets.mergedIntoId,
        })
        .from(tickets)
        .where(
          and(
            gte(tickets.createdAt, filter.from),
            lt(tickets.createdAt, filter.to),
            or(...match),
            filter.excludeTicketId === null ? undefined : sql`${tickets.id} <> ${filter.excludeTicketId}`,
          ),
        )
        .orderBy(...order)
        .limit(filter.limit);
    },

    /** The reply a reviewer is about to judge: the latest one awaiting review, else the latest of any status. */
    findReplyForReview: async (ticketId: number) =>
      (
        await db
          .select({
            id: replies.id,
            content: replies.content,
            status: replies.status,
            unitId: replies.unitId,
            unitName: units.name,
            createdAt: replies.createdAt,
          })
          .from(replies)
          .innerJoin(units, eq(units.id, replies.unitId))
          .where(eq(replies.ticketId, ticketId))
          .orderBy(sql`${replies.status} = 'submitted' desc`, desc(replies.createdAt), desc(replies.id))
          .limit(1)
      )[0] ?? null,

    findTicketById: async (id: number) =>
      (
        await db
          .select({
            id: tickets.id,
            title: tickets.title,
            content: tickets.content,
            regionId: tickets.regionId,
            citizenId: tickets.citizenId,
            createdAt: tickets.createdAt,
          })
          .from(tickets)
          .where(eq(tickets.id, id))
          .limit(1)
      )[0] ?? null,
  };
}
export type InsightRepository = ReturnType<typeof createInsightRepository>;
