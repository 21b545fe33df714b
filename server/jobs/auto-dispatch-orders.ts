/**
 * 自动派单: every minute, judges the orders awaiting dispatch that came in during the last hour and
 * dispatches those whose suggestion meets an enabled per-category rule. Does nothing while no rule is
 * enabled (the default). Safe to run twice: each order is judged once, and the dispatch checks the version.
 */
import { z } from 'zod';
import { SYSTEM_ACTOR } from '../lib/actor.ts';
import { defineJob } from './runner.ts';

export const autoDispatchOrders = defineJob({
  name: 'auto-dispatch-orders',
  payloadSchema: z.object({
    windowMinutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(60),
    limit: z.number().int().min(1).max(1_000).default(200),
  }),
  schedule: { everyMs: 60_000 },
  maxAttempts: 2,
  handler: (services, payload) =>
    services.insight.autoDispatchPending(SYSTEM_ACTOR, { windowMinutes: payload.windowMinutes ?? 60, limit: payload.limit ?? 200 }),
});
