/** Wires the analytics services together; services.ts registers the result as `analytics`. */
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../lib/actor.ts';
import { createAnalyticsService } from './analytics.service.ts';
import { createAssessmentService } from './assessment/assessment.service.ts';
import { createReportsService } from './reports/reports.service.ts';
import { createRollupService } from './rollup/rollup.service.ts';
import { createStaffingService } from './staffing/staffing.service.ts';

export function createAnalytics(deps: { db: Db; clock: Clock; filesDir: string; cjkFont?: string; rollupBatchSize?: number }) {
  const { db, clock } = deps;
  const rollups = createRollupService({ db, batchSize: deps.rollupBatchSize });
  const core = createAnalyticsService({ db, clock, rollups });
  const assessments = createAssessmentService({ db, clock, rollups, analytics: core });
  const staffing = createStaffingService({ db, analytics: core });
  const reports = createReportsService({ db, clock, filesDir: deps.filesDir, cjkFont: deps.cjkFont, rollups, analytics: core });
  return { ...core, rollups, assessments, staffing, reports };
}
export type Analytics = ReturnType<typeof createAnalytics>;
