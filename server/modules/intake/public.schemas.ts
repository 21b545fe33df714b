/** The citizens' portal API: submit without an account, follow by order number and phone, rate. */
import { z } from 'zod';
import { TICKET_TYPES } from '../../../common/enums.ts';
import { LIMITS } from '../../../common/limits.ts';
import { TICKET_STATUSES } from '../../../common/ticket-lifecycle.ts';
import { phoneSchema } from '../tickets/tickets.schemas.ts';

const id = z.coerce.number().int().positive();
const label = z.object({ zh: z.string(), en: z.string() });
const optionalText = (max: number) => z.string().trim().max(max).nullish().transform((v) => v || null);

/** JSON body, or the fields of a multipart form (then with up to 9 photos). */
export const publicRequestBody = z.object({
  type: z.enum(TICKET_TYPES).default('help'),
  content: z.string().trim().min(2).max(LIMITS.contentMax),
  phone: phoneSchema,
  name: optionalText(LIMITS.nameMax),
  address: optionalText(LIMITS.addressMax),
  categoryId: id.nullish(),
  regionId: id.nullish(),
  /** 举报人保密: the citizen's identity is hidden from every unit. */
  isConfidential: z.union([z.boolean(), z.enum(['true', 'false', 'on', '1', '0']).transform((v) => v === 'true' || v === 'on' || v === '1')]).default(false),
});
export type PublicRequestInput = z.infer<typeof publicRequestBody>;

export const publicRequestCreated = z.object({
  number: z.string(),
  /** Follows the order without the phone (also Open311's token). */
  token: z.string(),
});

export const idempotencyHeaders = z.object({ 'idempotency-key': z.string().min(8).max(200).optional() });

export const numberParams = z.object({ number: z.string().trim().max(40) });
export const last4 = z.string().regex(/^\d{4}$/, 'four digits');

export const trackQuery = z.object({
  phoneLast4: last4.optional(),
  token: z.string().max(100).optional(),
}).refine((q) => q.phoneLast4 !== undefined || q.token !== undefined, { message: 'phoneLast4 or token is required', path: ['phoneLast4'] });

export const trackedRequest = z.object({
  number: z.string(),
  status: z.enum(TICKET_STATUSES),
  statusLabel: label,
  createdAt: z.date(),
  closedAt: z.date().nullable(),
  timeline: z.array(z.object({ action: z.string(), label, at: z.date(), unitName: z.string().nullable() })),
  /** The official answer: the accepted reply of the handling unit, or the hotline's direct answer (unitName null). */
  reply: z.object({ content: z.string(), unitName: z.string().nullable(), at: z.date() }).nullable(),
  canRate: z.boolean(),
  rating: z.number().int().nullable(),
});
export type TrackedRequest = z.infer<typeof trackedRequest>;

export const ratingBody = z.object({
  phoneLast4: last4,
  rating: z.number().int().min(1).max(5),
  comment: z.string().trim().max(LIMITS.reasonMax).nullish(),
});

export const ratingResult = z.object({ number: z.string(), rating: z.number().int() });

export const portalCategories = z.object({
  items: z.array(z.object({ id: z.number(), code: z.string(), name: z.string(), parentId: z.number().nullable(), level: z.number() })),
});
