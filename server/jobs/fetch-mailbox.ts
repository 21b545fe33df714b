/** 市长信箱: takes the letters that arrived in the mailbox since the last run (nothing when MAIL_IMAP_URL is unset). */
import { z } from 'zod';
import { defineJob } from './runner.ts';

export const fetchMailbox = defineJob({
  name: 'fetch-mailbox',
  payloadSchema: z.object({}),
  schedule: { everyMs: 30_000 },
  handler: async (services) => (services.mailbox ? services.mailbox.fetchNew() : { skipped: 'MAIL_IMAP_URL is not set' }),
});
