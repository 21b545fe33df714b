/** SQL for surge alerts (预警): order counts by hour, the alerts table, and the names the list shows. */
import { and, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { categories, insightAlerts, regions, tickets } from '../../../db/schema.ts';

export type AlertRow = typeof insightAlerts.$inferSelect;
export type NewAlert = Omit<typeof insightAlerts.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

/** Invalid contacts (无效件: nuisance, tests) are no sign of a problem on the ground. */
const isCounted = sql`coalesce(${tickets.resolution}, '') <> 'invalid'`;

export function createAlertsRepository(db: Executor) {
  return {
    /** Orders of [from, to) counted per category, region and hour (hours since the epoch; China's offset is whole hours). */
    countOrdersByHour: (from: Date, to: Date) => {
      const hour = sql<number>`floor(extract(epoch from ${tickets.createdAt}) / 3600)::int`;
      return db
        .select({ categoryId: tickets.categoryId, regionId: tickets.regionId, hour, count: sql<number>`count(*)::int` })
        .from(tickets)
        .where(and(gte(tickets.createdAt, from), lt(tickets.createdAt, to), isCounted))
        .groupBy(tickets.categoryId, tickets.regionId, hour);
    },

    /** The orders of a window, for the alerts' drill-down. */
    findOrdersInWindow: (from: Date, to: Date) =>
      db
        .select({ id: tickets.id, categoryId: tickets.categoryId, regionId: tickets.regionId, createdAt: tickets.createdAt })
        .from(tickets)
        .where(and(gte(tickets.createdAt, from), lt(tickets.createdAt, to), isCounted))
        .orderBy(tickets.createdAt, tickets.id),

    findRegionNodes: () => db.select({ id: regions.id, level: regions.level, parentId: regions.parentId }).from(regions),

    findAlertsOfWindows: (windows: { granularity: string; period: string }[]) =>
      windows.length
        ? db
            .select()
            .from(insightAlerts)
            .where(
              sql`(${insightAlerts.granularity}, ${insightAlerts.period}) in (${sql.join(
                windows.map((w) => sql`(${w.granularity}, ${w.period})`),
                sql`, `,
              )})`,
            )
        : Promise.resolve([] as AlertRow[]),

    /** Null when another run stored the same window and pair first. */
    createAlert: async (row: NewAlert) => (await db.insert(insightAlerts).values(row).onConflictDoNothing().returning())[0] ?? null,

    updateAlert: async (id: number, patch: Partial<NewAlert> & { updatedAt: Date }) =>
      (await db.update(insightAlerts).set(patch).where(eq(insightAlerts.id, id)).returning())[0] ?? null,

    /** Alerts whose window starts in [from, to), newest first, with category and region names. */
    findAlerts: (from: Date, to: Date, limit: number) =>
      db
        .select({ alert: insightAlerts, categoryName: categories.pathName, regionName: regions.name })
        .from(insightAlerts)
        .leftJoin(categories, eq(categories.id, insightAlerts.categoryId))
        .leftJoin(regions, eq(regions.id, insightAlerts.regionId))
        .where(and(gte(insightAlerts.windowStart, from), lt(insightAlerts.windowStart, to)))
        .orderBy(desc(insightAlerts.windowStart), insightAlerts.granularity, insightAlerts.pValue, insightAlerts.id)
        .limit(limit),

    findNames: async (categoryIds: number[], regionIds: number[]) => ({
      categories: categoryIds.length
        ? await db.select({ id: categories.id, name: categories.pathName }).from(categories).where(inArray(categories.id, categoryIds))
        : [],
      regions: regionIds.length
        ? await db.select({ id: regions.id, name: regions.name }).from(regions).where(inArray(regions.id, regionIds))
        : [],
    }),
  };
}
export type AlertsRepository = ReturnType<typeof createAlertsRepository>;
