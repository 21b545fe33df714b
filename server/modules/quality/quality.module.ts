/** Wires the quality services together; services.ts registers the result as `quality`. */
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../lib/actor.ts';
import { createAgentsService } from './agents.service.ts';
import { createQualityService } from './quality.service.ts';

export function createQuality(deps: { db: Db; clock: Clock; recordingRetentionDays: number }) {
  return { ...createQualityService(deps), agents: createAgentsService(deps) };
}
export type Quality = ReturnType<typeof createQuality>;
