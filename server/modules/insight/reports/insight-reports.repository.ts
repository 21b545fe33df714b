/** SQL for the insight screens: model versions with their evaluation, and the orders behind a hotspot or alert. */
import { desc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../../db/client.ts';
import { categories, insightModels, regions, tickets, units, users } from '../../../db/schema.ts';

const leadUnit = alias(units, 'lead_unit');

export function createInsightReportsRepository(db: Executor) {
  return {
    /** Model versions, newest first, without their (large) bodies; `labelKind` null: both kinds. */
    findModels: (labelKind: string | null, limit: number) =>
      db
        .select({
          id: insightModels.id,
          labelKind: insightModels.labelKind,
          version: insightModels.version,
          examples: insightModels.examples,
          evaluation: insightModels.evaluation,
          createdAt: insightModels.createdAt,
          trainedByName: users.displayName,
        })
        .from(insightModels)
        .leftJoin(users, eq(users.id, insightModels.trainedById))
        .where(labelKind === null ? undefined : eq(insightModels.labelKind, labelKind))
        .orderBy(insightModels.labelKind, desc(insightModels.version))
        .limit(limit),

    findModel: async (id: number) =>
      (
        await db
          .select({
            id: insightModels.id,
            labelKind: insightModels.labelKind,
            version: insightModels.version,
            examples: insightModels.examples,
            evaluation: insightModels.evaluation,
            createdAt: insightModels.createdAt,
            trainedByName: users.displayName,
          })
          .from(insightModels)
          .leftJoin(users, eq(users.id, insightModels.trainedById))
          .where(eq(insightModels.id, id))
          .limit(1)
      )[0] ?? null,

    /** The newest version's id of each kind: the one suggestions use. */
    findLatestModelIds: async () => {
      const rows = await db
        .selectDistinctOn([insightModels.labelKind], { id: insightModels.id })
        .from(insightModels)
        .orderBy(insightModels.labelKind, desc(insightModels.version));
      return rows.map((r) => r.id);
    },

    findCategoryNames: (ids: number[]) =>
      ids.length
        ? db.select({ id: categories.id, name: categories.pathName }).from(categories).where(inArray(categories.id, ids))
        : Promise.resolve([]),

    findUnitNames: (ids: number[]) =>
      ids.length ? db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, ids)) : Promise.resolve([]),

    /** Order summaries by id for a drill-down (no citizen data), newest first. */
    findOrderSummaries: (ids: number[]) =>
      ids.length
        ? db
            .select({
              id: tickets.id,
              number: tickets.number,
              title: tickets.title,
              status: tickets.status,
              urgency: tickets.urgency,
              createdAt: tickets.createdAt,
              categoryName: categories.pathName,
              regionName: regions.name,
              leadUnitName: leadUnit.name,
              slaState: tickets.slaState,
            })
            .from(tickets)
            .leftJoin(categories, eq(categories.id, tickets.categoryId))
            .leftJoin(regions, eq(regions.id, tickets.regionId))
            .leftJoin(leadUnit, eq(leadUnit.id, tickets.leadUnitId))
            .where(inArray(tickets.id, ids))
            .orderBy(desc(tickets.createdAt), desc(tickets.id))
        : Promise.resolve([]),
  };
}
