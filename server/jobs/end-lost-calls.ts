/**
 * Every minute: queued calls Kamailio stopped asking about (it restarted, or a CANCEL was lost) are ended as lost and
 * become callback tasks, and calls still ringing or talking here that Kamailio no longer carries (their end came
 * while Lianxin was down) are ended, so the wallboard's counts and the records stay true. Safe to run twice.
 */
import { z } from 'zod';
import { defineJob } from './runner.ts';

export const endLostCalls = defineJob({
  name: 'end-lost-calls',
  payloadSchema: z.object({}),
  schedule: { everyMs: 60_000 },
  maxAttempts: 3,
  handler: async (services) => ({
    ...(await services.telephony.sip.sweepLostCalls()),
    reconciled: await services.telephony.reconcileWithProxy(),
  }),
});
