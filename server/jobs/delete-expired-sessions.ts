/**
 * Hourly: deletes sessions that expired more than `EXPIRED_SESSION_KEPT_MS` ago. Until then an expired session's row
 * lets the API answer SESSION_EXPIRED; past it the answer is UNAUTHENTICATED, as for any unknown cookie. Deleting
 * rows nobody can use again is safe to run twice.
 */
import { z } from 'zod';
import { defineJob } from './runner.ts';

export const deleteExpiredSessions = defineJob({
  name: 'delete-expired-sessions',
  payloadSchema: z.object({}),
  schedule: { everyMs: 60 * 60_000 },
  maxAttempts: 3,
  handler: async (services) => ({ deleted: await services.auth.deleteExpiredSessions() }),
});
