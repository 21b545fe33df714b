/** Sends one queued message to a citizen through its channel's adapter; retried with backoff, never sent twice. */
import { z } from 'zod';
import { defineJob } from './runner.ts';
import { SEND_CHANNEL_MESSAGE_JOB } from '../modules/contacts/contacts.repository.ts';

export const sendChannelMessage = defineJob({
  name: SEND_CHANNEL_MESSAGE_JOB,
  payloadSchema: z.object({ messageId: z.number().int().positive() }),
  maxAttempts: 8,
  // each run mostly waits on the gateway, and messages are independent (each is taken by a conditional update)
  concurrency: 16,
  handler: (services, payload) => services.contacts.sendMessage(payload.messageId),
});
