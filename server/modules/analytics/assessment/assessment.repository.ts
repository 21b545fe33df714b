/** SQL for 月度考核: runs (versions of a month), their results, and appeals. */
import { and, asc, desc, eq, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { assessmentAppeals, assessmentResults, assessmentRuns, units } from '../../../db/schema.ts';

export type RunRow = typeof assessmentRuns.$inferSelect;
export type AppealRow = typeof assessmentAppeals.$inferSelect;

export function createAssessmentRepository(db: Executor) {
  return {
    /** Serialises computing, publishing and appeals of one month across processes, until the transaction ends. */
    lockMonth: (month: string) => db.execute(sql`select pg_advisory_xact_lock(hashtext(${`lianxin.assessment.${month}`}))`),

    findRuns: (month: string) =>
      db.select().from(assessmentRuns).where(eq(assessmentRuns.month, month)).orderBy(desc(assessmentRuns.version)),
    /** Every month with a computed assessment: its latest version, newest month first. */
    findMonths: (limit: number, toMonth?: string) =>
      db
        .selectDistinctOn([assessmentRuns.month])
        .from(assessmentRuns)
        .where(toMonth === undefined ? undefined : lte(assessmentRuns.month, toMonth))
        .orderBy(desc(assessmentRuns.month), desc(assessmentRuns.version))
        .limit(limit),
    findLatestRun: async (month: string) =>
      (await db.select().from(assessmentRuns).where(eq(assessmentRuns.month, month)).orderBy(desc(assessmentRuns.version)).limit(1))[0] ??
      null,

    createRun: async (row: typeof assessmentRuns.$inferInsert) => (await db.insert(assessmentRuns).values(row).returning())[0],
    createResults: async (rows: (typeof assessmentResults.$inferInsert)[]) => {
      for (let i = 0; i < rows.length; i += 500) await db.insert(assessmentResults).values(rows.slice(i, i + 500));
    },
    findResults: (runId: number) =>
      db
        .select({ result: assessmentResults, unitName: units.name })
        .from(assessmentResults)
        .innerJoin(units, eq(units.id, assessmentResults.unitId))
        .where(eq(assessmentResults.runId, runId))
        .orderBy(asc(assessmentResults.peerGroup), sql`${assessmentResults.rank} asc nulls last`, asc(units.name)),
    findResult: async (runId: number, unitId: number) =>
      (
        await db
          .select()
          .from(assessmentResults)
          .where(and(eq(assessmentResults.runId, runId), eq(assessmentResults.unitId, unitId)))
      )[0] ?? null,
    publishRun: (id: number, userId: number | null, now: Date) =>
      db.update(assessmentRuns).set({ status: 'published', publishedById: userId, publishedAt: now }).where(eq(assessmentRuns.id, id)),

    createAppeal: async (row: typeof assessmentAppeals.$inferInsert) => (await db.insert(assessmentAppeals).values(row).returning())[0],
    lockAppeal: async (id: number) =>
      (await db.select().from(assessmentAppeals).where(eq(assessmentAppeals.id, id)).for('update'))[0] ?? null,
    decideAppeal: async (id: number, patch: Partial<typeof assessmentAppeals.$inferInsert>) =>
      (await db.update(assessmentAppeals).set(patch).where(eq(assessmentAppeals.id, id)).returning())[0],
    findAppeals: (month: string, unitId?: number) =>
      db
        .select({ appeal: assessmentAppeals, unitName: units.name })
        .from(assessmentAppeals)
        .innerJoin(units, eq(units.id, assessmentAppeals.unitId))
        .where(and(eq(assessmentAppeals.month, month), unitId === undefined ? undefined : eq(assessmentAppeals.unitId, unitId)))
        .orderBy(asc(assessmentAppeals.id)),

    /** Counts waived on approved appeals, per unit and deduction kind. */
    async findWaivers(month: string): Promise<Map<number, Record<string, number>>> {
      const rows = await db
        .select({
          unitId: assessmentAppeals.unitId,
          kind: assessmentAppeals.deductionKind,
          n: sql<number>`sum(${assessmentAppeals.approvedCount})::int`,
        })
        .from(assessmentAppeals)
        .where(and(eq(assessmentAppeals.month, month), eq(assessmentAppeals.status, 'approved')))
        .groupBy(assessmentAppeals.unitId, assessmentAppeals.deductionKind);
      const out = new Map<number, Record<string, number>>();
      for (const r of rows) out.set(r.unitId, { ...out.get(r.unitId), [r.kind]: Number(r.n) });
      return out;
    },
  };
}
export type AssessmentRepository = ReturnType<typeof createAssessmentRepository>;
