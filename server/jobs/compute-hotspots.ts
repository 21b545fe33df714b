/**
 * 热点问题: computes a period's hotspots on a worker thread and stores them for the screens. Requests enqueue it for
 * the period they show; every hour it refreshes the default period (the last 30 days). Safe to run twice.
 */
import { z } from 'zod';
import { SYSTEM_ACTOR } from '../lib/actor.ts';
import { COMPUTE_HOTSPOTS_JOB } from '../modules/insight/hotspots/hotspots.service.ts';
import { defineJob } from './runner.ts';

export const computeHotspots = defineJob({
  name: COMPUTE_HOTSPOTS_JOB,
  payloadSchema: z.object({ from: z.iso.date().optional(), to: z.iso.date().optional() }),
  schedule: { everyMs: 3_600_000 },
  maxAttempts: 3,
  // tens of seconds on a worker thread: the loop goes on with other due jobs meanwhile
  runsDetached: true,
  handler: (services, payload) => services.insight.computeHotspots(SYSTEM_ACTOR, payload),
});
