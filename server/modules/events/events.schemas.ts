import { z } from 'zod';

export const EVENTS_PAGE_MAX = 1_000;

export const eventsQuery = z.object({
  /** The last event id already received; 0 (the default) starts from the oldest event kept. */
  after: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
  limit: z.coerce.number().int().min(1).max(EVENTS_PAGE_MAX).default(100),
  /** Comma-separated topics or topic prefixes: `ticket.dispatch`, `ticket.` … */
  topics: z
    .string()
    .max(500)
    .regex(/^[a-z_.]+(,[a-z_.]+)*$/, 'topics: comma-separated names such as ticket.dispatch or ticket.')
    .optional(),
});
export type EventsQuery = z.infer<typeof eventsQuery>;

export const eventOut = z.object({
  id: z.number().int(),
  topic: z.string(),
  ticketId: z.number().int().nullable(),
  unitIds: z.array(z.number().int()),
  payload: z.unknown(),
  at: z.string(),
});

export const eventsOut = z.object({
  items: z.array(eventOut),
  /** Pass as `after` next time; equals `after` when nothing new was committed. */
  next: z.number().int(),
});
