/**
 * 预警: every hour, tests the last complete hour and its day for surges of one category in one district
 * against the weekday/holiday-aware baseline, stores the alerts and tells supervisors and leaders live.
 * Safe to run twice (one alert per window and pair).
 */
import { z } from 'zod';
import { SYSTEM_ACTOR } from '../lib/actor.ts';
import { defineJob } from './runner.ts';

export const detectSurgeAlerts = defineJob({
  name: 'detect-surge-alerts',
  payloadSchema: z.object({}),
  schedule: { everyMs: 3_600_000 },
  maxAttempts: 3,
  handler: (services) => services.insight.detectSurgeAlerts(SYSTEM_ACTOR),
});
