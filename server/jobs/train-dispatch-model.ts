/**
 * 训练派单模型: retrains the category and lead-unit models from the closed orders once a day, so
 * suggestions follow the centre's own latest practice. Safe to run twice (each run adds a version).
 */
import { z } from 'zod';
import { SYSTEM_ACTOR } from '../lib/actor.ts';
import { defineJob } from './runner.ts';

export const trainDispatchModel = defineJob({
  name: 'train-dispatch-model',
  payloadSchema: z.object({ labelKind: z.enum(['category', 'unit', 'both']).default('both') }),
  schedule: { everyMs: 24 * 3600_000 },
  maxAttempts: 2,
  // minutes on the demo city (on a worker thread): beside the loop, so SLA sweeps, notices and alerts do not wait
  runsDetached: true,
  handler: (services, payload) => services.insight.train(SYSTEM_ACTOR, { labelKind: payload.labelKind ?? 'both' }),
});
