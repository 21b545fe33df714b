/**
 * 月度考核: compute a month's unit scores (a new version each time), publish (freeze) it, and handle
 * appeals (考核申诉) whose approval recomputes the month. Orders marked 不纳入考核 are taken out.
 */
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client.ts';
import { createJobsRepository } from '../../../jobs/jobs.repository.ts';
import { shanghaiDay } from '../../../lib/calendar.ts';
import type { Actor, Clock } from '../../../lib/actor.ts';
import { AppError, notFound, unknownReference, validation } from '../../../lib/errors.ts';
import { authorize, can } from '../analytics.policy.ts';
import { createAnalyticsRepository } from '../analytics.repository.ts';
import type { AnalyticsService } from '../analytics.service.ts';
import { createAssessmentRepository, type AppealRow, type RunRow } from './assessment.repository.ts';
import {
  rankWithinGroups,
  scoreUnit,
  validateAssessmentConfig,
  type AssessmentConfig,
  type DeductionKind,
  type DeductionScore,
} from './assessment-scoring.ts';
import { addMeasures, emptyMeasures } from '../indicators/measures.ts';
import { monthOf, shiftMonth, validateMonth } from '../periods.ts';
import { createRollupRepository, processedEvents } from '../rollup/rollup.repository.ts';
import { ROLLUP_WATERMARK, type RollupService } from '../rollup/rollup.service.ts';

const UNIT = { zh: '单位', en: 'unit' };
const APPEAL = { zh: '考核申诉', en: 'appeal' };
/** Verb-first name of the job that computes months' assessments (server/jobs/compute-monthly-assessments.ts). */
export const COMPUTE_ASSESSMENTS_JOB = 'compute-monthly-assessments';

const publishedError = (month: string) =>
  new AppError('CONFLICT', {
    message: `${month} 考核结果已发布，不能再修改`,
    messageEn: `The assessment of ${month} is published and cannot change`,
    details: { reason: 'month_published', month },
  });
/** `isComputing`: the compute job has been asked for the month and its result will follow shortly. */
const notComputed = (month: string, isComputing = false) =>
  new AppError(
    'NOT_FOUND',
    isComputing
      ? {
          message: `${month} 考核结果正在计算，请稍候`,
          messageEn: `The assessment of ${month} is being computed; it will be ready shortly`,
          details: { reason: 'not_computed', month, isComputing },
        }
      : {
          message: `${month} 尚未计算考核结果`,
          messageEn: `The assessment of ${month} has not been computed`,
          details: { reason: 'not_computed', month, isComputing },
        },
  );

/**
 * Whether the compute job should (re)compute a month: it has no version yet, or its latest is a draft the system
 * computed before the month ended (the final figures come once it is over). Versions people computed are theirs.
 */
export function isAssessmentDue(
  month: string,
  latest: Pick<RunRow, 'status' | 'computedById' | 'computedAt'> | null,
  todayDay: string,
): boolean {
  if (!latest) return true;
  const isMonthOver = monthOf(todayDay) > month;
  return isMonthOver && latest.status === 'draft' && latest.computedById === null && monthOf(shanghaiDay(latest.computedAt)) <= month;
}

export function presentRun(run: RunRow) {
  return {
    id: run.id,
    month: run.month,
    version: run.version,
    status: run.status as 'draft' | 'published',
    config: run.config as AssessmentConfig,
    computedAt: run.computedAt,
    publishedAt: run.publishedAt,
  };
}

export function presentAppeal(a: AppealRow, unitName: string) {
  return {
    id: a.id,
    month: a.month,
    unitId: a.unitId,
    unitName,
    deductionKind: a.deductionKind as DeductionKind,
    count: a.count,
    reason: a.reason,
    status: a.status as 'pending' | 'approved' | 'denied',
    approvedCount: a.approvedCount,
    decisionNote: a.decisionNote,
    createdAt: a.createdAt,
    decidedAt: a.decidedAt,
  };
}

export function createAssessmentService(deps: { db: Db; clock: Clock; rollups: RollupService; analytics: AnalyticsService }) {
  const { db, clock, rollups, analytics } = deps;

  /** Scores every active unit for the month from the rollups (minus excluded orders) and stores a new version. */
  async function computeInTx(tx: Tx, actor: Actor, month: string, config: AssessmentConfig) {
    const repo = createAssessmentRepository(tx);
    const period = validateMonth(month, analytics.todayDay());
    const latest = await repo.findLatestRun(month);
    if (latest?.status === 'published') throw publishedError(month);
    // holding the watermark keeps the rollup and the excluded-order figures from the same moment
    const rollupRepo = createRollupRepository(tx);
    const state = await rollupRepo.lockWatermark(ROLLUP_WATERMARK);
    await rollupRepo.disableJit();
    const reads = createAnalyticsRepository(tx);
    // one connection: queries in turn
    const byUnit = await reads.sumByKey('unit', period.from, period.to);
    const excluded = await rollupRepo.measuresByUnit(
      sql`e.ticket_id in (select ticket_id from analytics_exclusions where is_excluded) and ${processedEvents(state)}`,
      period.from,
      period.to,
    );
    const waivers = await repo.findWaivers(month);
    const unitRows = await reads.findUnits();
    const measuresOf = new Map(byUnit.map((r) => [Number(r.key), r.measures]));
    const assessed = unitRows.filter((u) => u.isActive && u.kind !== 'center');
    const scored = assessed.map((u) => {
      const m = addMeasures(measuresOf.get(u.id) ?? emptyMeasures(), excluded.get(u.id) ?? {}, -1);
      return { unitId: u.id, peerGroup: u.peerGroup, measures: m, ...scoreUnit(m, config, waivers.get(u.id) ?? {}) };
    });
    const ranks = rankWithinGroups(scored);
    const run = await repo.createRun({
      month,
      version: (latest?.version ?? 0) + 1,
      status: 'draft',
      config,
      computedById: actor.userId,
      computedAt: clock.now(),
    });
    await repo.createResults(
      scored.map((s) => ({
        runId: run.id,
        unitId: s.unitId,
        peerGroup: s.peerGroup,
        score: s.score,
        rank: ranks.get(s.unitId) ?? null,
        indicators: s.indicators,
        deductions: s.deductions,
        measures: s.measures,
      })),
    );
    return run;
  }

  async function view(month: string, run: RunRow, runs: RunRow[]) {
    const results = await createAssessmentRepository(db).findResults(run.id);
    return {
      month,
      run: presentRun(run),
      versions: runs.map((r) => ({
        version: r.version,
        status: r.status as 'draft' | 'published',
        computedAt: r.computedAt,
        publishedAt: r.publishedAt,
      })),
      results: results.map(({ result, unitName }) => ({
        unitId: result.unitId,
        unitName,
        peerGroup: result.peerGroup,
        score: result.score,
        rank: result.rank,
        indicators: result.indicators as ReturnType<typeof scoreUnit>['indicators'],
        deductions: result.deductions as DeductionScore[],
      })),
    };
  }

  /** Asks the compute job for a month unless it is already asked. */
  async function requestComputation(month: string) {
    const jobs = createJobsRepository(db);
    if (!(await jobs.isPending(COMPUTE_ASSESSMENTS_JOB, { month })))
      await jobs.enqueue({ name: COMPUTE_ASSESSMENTS_JOB, payload: { month }, runAt: clock.now() });
  }

  async function requireUnit(unitId: number) {
    const [unit] = await createAnalyticsRepository(db).findUnitsByIds([unitId]);
    if (!unit) throw unknownReference(UNIT, { unitId });
    return unit;
  }

  return {
    async compute(actor: Actor, month: string, input: { config?: AssessmentConfig }) {
      authorize(actor, 'manage_assessment');
      validateMonth(month, analytics.todayDay());
      const config = validateAssessmentConfig(input.config ?? (await analytics.getSettings()).assessment);
      await rollups.refresh();
      const run = await db.transaction(async (tx) => {
        await createAssessmentRepository(tx).lockMonth(month);
        return computeInTx(tx, actor, month, config);
      });
      return view(month, run, await createAssessmentRepository(db).findRuns(month));
    },

    /**
     * The compute-monthly-assessments job: computes the months that are due (isAssessmentDue), by default last month (the
     * one assessed; this month's figures grow daily, so it is computed when someone first looks at it); safe to run twice
     * (the month lock and the check inside it keep a second run from adding a version).
     */
    async computeDue(actor: Actor, input: { month?: string } = {}) {
      authorize(actor, 'manage_assessment');
      const todayDay = analytics.todayDay();
      const months = [input.month ?? shiftMonth(monthOf(todayDay), -1)];
      for (const month of months) validateMonth(month, todayDay);
      const config = validateAssessmentConfig((await analytics.getSettings()).assessment);
      await rollups.refresh();
      const computed: { month: string; version: number }[] = [];
      for (const month of months) {
        const run = await db.transaction(async (tx) => {
          const repo = createAssessmentRepository(tx);
          await repo.lockMonth(month);
          return isAssessmentDue(month, await repo.findLatestRun(month), todayDay) ? computeInTx(tx, actor, month, config) : null;
        });
        if (run) computed.push({ month, version: run.version });
      }
      return { computed };
    },

    /**
     * The latest version (or `version`); units see published months only. The center's first look at a month with
     * no version asks the compute job for it (and is told it is being computed) rather than computing on the request.
     */
    async get(actor: Actor, month: string, input: { version?: number } = {}) {
      authorize(actor, 'read_published');
      validateMonth(month, analytics.todayDay());
      const runs = await createAssessmentRepository(db).findRuns(month);
      const visible = can(actor, 'read') ? runs : runs.filter((r) => r.status === 'published');
      const run = input.version === undefined ? visible[0] : visible.find((r) => r.version === input.version);
      if (!run) {
        const isComputing = runs.length === 0 && can(actor, 'read') && input.version === undefined;
        if (isComputing) await requestComputation(month);
        throw notComputed(month, isComputing);
      }
      return view(month, run, visible);
    },

    /** Months with a computed assessment (latest version of each), newest first (up to month `to`): the history. */
    async listMonths(actor: Actor, input: { limit: number; to?: string }) {
      authorize(actor, 'read');
      return (await createAssessmentRepository(db).findMonths(input.limit, input.to)).map((r) => ({
        month: r.month,
        version: r.version,
        status: r.status as 'draft' | 'published',
        computedAt: r.computedAt,
        publishedAt: r.publishedAt,
      }));
    },

    /**
     * 公示: one unit's result in the latest version of the month, draft included, so the unit sees its
     * deductions while it may still appeal. Units read their own unit; the center names one.
     */
    async getForUnit(actor: Actor, month: string, input: { unitId?: number } = {}) {
      authorize(actor, 'read_published');
      validateMonth(month, analytics.todayDay());
      let unitId = input.unitId;
      if (!can(actor, 'read')) {
        if (actor.unitId === null || (unitId !== undefined && unitId !== actor.unitId)) authorize(actor, 'read');
        unitId = actor.unitId!;
      } else if (unitId === undefined) {
        throw validation('请指定单位', 'Name the unit (unitId)', { reason: 'unit_required' });
      }
      const unit = await requireUnit(unitId);
      const repo = createAssessmentRepository(db);
      const latest = await repo.findLatestRun(month);
      if (!latest) throw notComputed(month);
      const results = await repo.findResults(latest.id);
      const mine = results.find((r) => r.result.unitId === unitId);
      return {
        month,
        unitId,
        unitName: unit.name,
        run: {
          version: latest.version,
          status: latest.status as 'draft' | 'published',
          computedAt: latest.computedAt,
          publishedAt: latest.publishedAt,
        },
        peerGroupSize: mine ? results.filter((r) => r.result.peerGroup === mine.result.peerGroup && r.result.rank !== null).length : 0,
        result: mine
          ? {
              unitId: mine.result.unitId,
              unitName: mine.unitName,
              peerGroup: mine.result.peerGroup,
              score: mine.result.score,
              rank: mine.result.rank,
              indicators: mine.result.indicators as ReturnType<typeof scoreUnit>['indicators'],
              deductions: mine.result.deductions as DeductionScore[],
            }
          : null,
      };
    },

    async publish(actor: Actor, month: string) {
      authorize(actor, 'manage_assessment');
      const period = validateMonth(month, analytics.todayDay());
      if (period.to >= analytics.todayDay()) {
        throw validation('月份尚未结束，不能发布', 'The month is not over yet and cannot be published', {
          reason: 'month_not_over',
          month,
        });
      }
      const run = await db.transaction(async (tx) => {
        const repo = createAssessmentRepository(tx);
        await repo.lockMonth(month);
        const latest = await repo.findLatestRun(month);
        if (!latest) throw notComputed(month);
        if (latest.status === 'published') throw publishedError(month);
        await repo.publishRun(latest.id, actor.userId, clock.now());
        return { ...latest, status: 'published', publishedAt: clock.now() };
      });
      return view(month, run, await createAssessmentRepository(db).findRuns(month));
    },

    async fileAppeal(actor: Actor, month: string, input: { unitId: number; deductionKind: DeductionKind; count: number; reason: string }) {
      authorize(actor, 'file_appeal', { unitId: input.unitId });
      validateMonth(month, analytics.todayDay());
      const unit = await requireUnit(input.unitId);
      const appeal = await db.transaction(async (tx) => {
        const repo = createAssessmentRepository(tx);
        await repo.lockMonth(month);
        const latest = await repo.findLatestRun(month);
        if (!latest) throw notComputed(month);
        if (latest.status === 'published') throw publishedError(month);
        const result = await repo.findResult(latest.id, input.unitId);
        const deduction = (result?.deductions as DeductionScore[] | undefined)?.find((d) => d.kind === input.deductionKind);
        const open = deduction ? deduction.count - deduction.waived : 0;
        if (input.count > open) {
          throw validation(
            `申诉次数超过该项未核减的扣分次数（${open}）`,
            `The appeal contests more than the ${open} deductions left to contest`,
            { reason: 'appeal_exceeds_deductions', available: open },
          );
        }
        return repo.createAppeal({
          month,
          unitId: input.unitId,
          deductionKind: input.deductionKind,
          count: input.count,
          reason: input.reason,
          filedById: actor.userId,
          createdAt: clock.now(),
        });
      });
      return presentAppeal(appeal, unit.name);
    },

    async listAppeals(actor: Actor, month: string) {
      validateMonth(month, analytics.todayDay());
      if (!can(actor, 'read')) {
        if (actor.role !== 'unit_admin' || actor.unitId === null) authorize(actor, 'read');
        return (await createAssessmentRepository(db).findAppeals(month, actor.unitId!)).map((r) => presentAppeal(r.appeal, r.unitName));
      }
      return (await createAssessmentRepository(db).findAppeals(month)).map((r) => presentAppeal(r.appeal, r.unitName));
    },

    /** The center decides; an approval waives that many deductions and recomputes the month (same scheme). */
    async decideAppeal(actor: Actor, id: number, input: { decision: 'approve' | 'deny'; approvedCount?: number; note?: string | null }) {
      authorize(actor, 'manage_assessment');
      await rollups.refresh();
      const decided = await db.transaction(async (tx) => {
        const repo = createAssessmentRepository(tx);
        const appeal = await repo.lockAppeal(id);
        if (!appeal) throw notFound(APPEAL, { id });
        await repo.lockMonth(appeal.month);
        if (appeal.status !== 'pending') {
          throw new AppError('CONFLICT', {
            message: '该申诉已处理',
            messageEn: 'This appeal has already been decided',
            details: { reason: 'already_decided', status: appeal.status },
          });
        }
        const latest = await repo.findLatestRun(appeal.month);
        if (latest?.status === 'published') throw publishedError(appeal.month);
        const approvedCount = input.decision === 'approve' ? (input.approvedCount ?? appeal.count) : 0;
        if (input.decision === 'approve' && (approvedCount < 1 || approvedCount > appeal.count)) {
          throw validation(`核减次数应在 1 到 ${appeal.count} 之间`, `The approved count must be between 1 and ${appeal.count}`, {
            reason: 'approved_count_out_of_range',
          });
        }
        const row = await repo.decideAppeal(id, {
          status: input.decision === 'approve' ? 'approved' : 'denied',
          approvedCount,
          decisionNote: input.note ?? null,
          decidedById: actor.userId,
          decidedAt: clock.now(),
        });
        if (input.decision === 'approve' && latest) await computeInTx(tx, actor, appeal.month, latest.config as AssessmentConfig);
        return row;
      });
      const [unit] = await createAnalyticsRepository(db).findUnitsByIds([decided.unitId]);
      return presentAppeal(decided, unit?.name ?? '');
    },
  };
}
export type AssessmentService = ReturnType<typeof createAssessmentService>;
