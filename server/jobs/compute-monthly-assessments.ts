/**
 * 月度考核: computes last month's unit assessment when it has none yet, and its final figures once it is over if the
 * latest version is a draft the system computed during the month (isAssessmentDue), so nobody has to press 计算考核
 * first. A screen opening a month with no assessment enqueues it for that month. Safe to run twice.
 */
import { z } from 'zod';
import { SYSTEM_ACTOR } from '../lib/actor.ts';
import { monthParam } from '../modules/analytics/analytics.schemas.ts';
import { COMPUTE_ASSESSMENTS_JOB } from '../modules/analytics/assessment/assessment.service.ts';
import { defineJob } from './runner.ts';

export const computeMonthlyAssessments = defineJob({
  name: COMPUTE_ASSESSMENTS_JOB,
  payloadSchema: z.object({ month: monthParam.shape.month.optional() }),
  schedule: { everyMs: 60 * 60_000 },
  maxAttempts: 3,
  handler: (services, payload) => services.analytics.assessments.computeDue(SYSTEM_ACTOR, payload),
});
