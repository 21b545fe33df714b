/** SQL for stored reports (the figures as JSON; the files live under config.filesDir). */
import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { reports } from '../../../db/schema.ts';

export type ReportRow = typeof reports.$inferSelect;

export function createReportsRepository(db: Executor) {
  return {
    create: async (row: typeof reports.$inferInsert) => (await db.insert(reports).values(row).returning())[0],
    findById: async (id: number) => (await db.select().from(reports).where(eq(reports.id, id)))[0] ?? null,
    find: (input: { kind?: string; limit: number }) =>
      db
        .select({
          id: reports.id,
          kind: reports.kind,
          title: reports.title,
          periodFrom: reports.periodFrom,
          periodTo: reports.periodTo,
          params: reports.params,
          renderMs: reports.renderMs,
          createdAt: reports.createdAt,
        })
        .from(reports)
        .where(input.kind ? eq(reports.kind, input.kind) : undefined)
        .orderBy(desc(reports.createdAt), desc(reports.id))
        .limit(input.limit),
    existsFor: async (kind: string, periodFrom: string) =>
      (
        await db
          .select({ id: reports.id })
          .from(reports)
          .where(and(eq(reports.kind, kind), eq(reports.periodFrom, periodFrom)))
          .limit(1)
      ).length > 0,
  };
}
export type ReportsRepository = ReturnType<typeof createReportsRepository>;
