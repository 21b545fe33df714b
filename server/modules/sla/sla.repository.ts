import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { calendarDays, categories, slaPolicies } from '../../db/schema.ts';
import { notFound } from '../../lib/errors.ts';

export type SlaPolicyRow = typeof slaPolicies.$inferSelect;
export type CalendarDayRow = typeof calendarDays.$inferSelect;
const POLICY = { zh: '时限策略', en: 'SLA policy' };
const CALENDAR_DAY = { zh: '日历例外日', en: 'Calendar exception day' };

/** Rows of a raw `db.execute` result (node-postgres and PGlite both return `{ rows }`). */
const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/** SLA policies and the working calendar's exception days. */
export function createSlaRepository(db: Executor) {
  return {
    findPolicies: () => db.select().from(slaPolicies).orderBy(asc(slaPolicies.id)),

    getPolicyById: async (id: number) => {
      const [row] = await db.select().from(slaPolicies).where(eq(slaPolicies.id, id)).limit(1);
      if (!row) throw notFound(POLICY, { id });
      return row;
    },

    createPolicy: async (row: typeof slaPolicies.$inferInsert) => (await db.insert(slaPolicies).values(row).returning())[0],

    updatePolicy: async (id: number, patch: Partial<typeof slaPolicies.$inferInsert>) => {
      const [row] = await db.update(slaPolicies).set(patch).where(eq(slaPolicies.id, id)).returning();
      if (!row) throw notFound(POLICY, { id });
      return row;
    },

    deletePolicy: async (id: number) => {
      const [row] = await db.delete(slaPolicies).where(eq(slaPolicies.id, id)).returning();
      if (!row) throw notFound(POLICY, { id });
      return row;
    },

    /** Serialises policy edits so two admins cannot each remove one of the last two catch-all policies. */
    lockPolicies: () => db.execute(sql`select pg_advisory_xact_lock(hashtext('lianxin.sla_policies'))`),

    categoryExists: async (id: number) =>
      (await db.select({ id: categories.id }).from(categories).where(eq(categories.id, id)).limit(1)).length > 0,

    /** The category and its ancestors, nearest first (the category tree has three levels). */
    findCategoryChain: async (id: number): Promise<number[]> => {
      const result = rowsOf<{ id: number; parent_id: number | null; grandparent_id: number | null }>(
        await db.execute(sql`
        select c1.id, c1.parent_id, c2.parent_id as grandparent_id
        from ${categories} c1 left join ${categories} c2 on c2.id = c1.parent_id
        where c1.id = ${id}`),
      );
      const row = result[0];
      if (!row) return [];
      return [row.id, row.parent_id, row.grandparent_id].filter((v): v is number => v !== null).map(Number);
    },

    /** Exception days, optionally only those between two YYYY-MM-DD days inclusive. */
    findCalendarDays: (range?: { from: string; to: string }) =>
      db
        .select()
        .from(calendarDays)
        .where(range ? and(gte(calendarDays.day, range.from), lte(calendarDays.day, range.to)) : undefined)
        .orderBy(asc(calendarDays.day)),

    upsertCalendarDay: async (row: CalendarDayRow) =>
      (
        await db
          .insert(calendarDays)
          .values(row)
          .onConflictDoUpdate({ target: calendarDays.day, set: { isWorkday: row.isWorkday, name: row.name } })
          .returning()
      )[0],

    deleteCalendarDay: async (day: string) => {
      const [row] = await db.delete(calendarDays).where(eq(calendarDays.day, day)).returning();
      if (!row) throw notFound(CALENDAR_DAY, { day });
      return row;
    },

    /** Removes every exception of a year; returns how many there were. */
    deleteCalendarYear: async (year: number) =>
      (
        await db
          .delete(calendarDays)
          .where(and(gte(calendarDays.day, `${year}-01-01`), lte(calendarDays.day, `${year}-12-31`)))
          .returning({ day: calendarDays.day })
      ).length,

    insertCalendarDays: async (rows: CalendarDayRow[]) => {
      if (rows.length > 0) await db.insert(calendarDays).values(rows);
    },
  };
}
export type SlaRepository = ReturnType<typeof createSlaRepository>;
