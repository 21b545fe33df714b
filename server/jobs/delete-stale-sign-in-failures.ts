/**
 * Every 10 minutes: forgets the wrong-password counts of account names (known or not) tried with nothing since the
 * counting window (`SIGN_IN_BACKOFF.resetAfterMs`), whose lock is over. Such a row no longer changes any answer — the
 * next wrong password would count as the first anyway — so deleting it is safe to run twice, and the table holds at
 * most one window's worth of names, however many random names are tried (each try costs an argon2 verification).
 */
import { z } from 'zod';
import { defineJob } from './runner.ts';

export const deleteStaleSignInFailures = defineJob({
  name: 'delete-stale-sign-in-failures',
  payloadSchema: z.object({}),
  schedule: { everyMs: 10 * 60_000 },
  maxAttempts: 3,
  handler: async (services) => ({ deleted: await services.auth.deleteStaleSignInFailures() }),
});
