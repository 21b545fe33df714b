/** Tells citizens about their orders (accepted, callback survey, completed) from the outbox of order events. */
import { z } from 'zod';
import { defineJob } from './runner.ts';

export const sendOrderNotices = defineJob({
  name: 'send-order-notices',
  payloadSchema: z.object({}),
  schedule: { everyMs: 10_000 },
  handler: (services) => services.contacts.notifyFromEvents(),
});
