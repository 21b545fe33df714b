/**
 * Every minute: queued calls Kamailio stopped asking about (it restarted, or a CANCEL was lost) are ended as lost and
 * become callback tasks, so the wallboard's waiting count and the records stay true. Safe to run twice.
 */
import { z } from 'zod';
import { defineJob } from './runner.ts';

export const endLostCalls = defineJob({
  name: 'end-lost-calls',
  payloadSchema: z.object({}),
  schedule: { everyMs: 60_000 },
  maxAttempts: 3,
  handler: (services) => services.telephony.sip.sweepLostCalls(),
});
