/**
 * 统计汇总: adds the ticket events written since the last run to the analytics rollups
 * (see server/modules/analytics/rollup/rollup.service.ts). Incremental, and safe to run twice or in parallel.
 */
import { z } from 'zod';
import { defineJob } from './runner.ts';

export const refreshAnalyticsRollups = defineJob({
  name: 'refresh-analytics-rollups',
  payloadSchema: z.object({}),
  schedule: { everyMs: 60_000 },
  handler: (services) => services.analytics.rollups.refresh(),
});
