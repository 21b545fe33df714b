/**
 * 定期报表: yesterday's daily report, last week's weekly report on Mondays and last month's monthly report
 * on the 1st, each generated once (a report already stored for the period is not made again).
 */
import { z } from 'zod';
import { SYSTEM_ACTOR } from '../lib/actor.ts';
import { defineJob } from './runner.ts';

export const generateScheduledReports = defineJob({
  name: 'generate-scheduled-reports',
  payloadSchema: z.object({}),
  schedule: { everyMs: 60 * 60_000 },
  handler: async (services) => ({ generated: (await services.analytics.reports.generateScheduled(SYSTEM_ACTOR)).map((r) => r.id) }),
});
