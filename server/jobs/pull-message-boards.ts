/** 人民网 and Weibo: takes the new messages of each board whose list URL is configured (nothing when none is). */
import { z } from 'zod';
import { defineJob } from './runner.ts';

export const pullMessageBoards = defineJob({
  name: 'pull-message-boards',
  payloadSchema: z.object({}),
  schedule: { everyMs: 5 * 60_000 },
  handler: async (services) => services.boards.pullAll(),
});
