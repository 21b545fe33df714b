/** The citizens' portal API: submit without an account, follow by order number and phone, rate. */
import { z } from 'zod';
import { PORTAL_LANGUAGES, TICKET_TYPES } from '../../../common/enums.ts';
import { LIMITS } from '../../../common/limits.ts';
import { TICKET_STATUSES } from '../../../common/ticket-lifecycle.ts';
import { phoneSchema } from '../tickets/tickets.schemas.ts';

const id = z.coerce.number().int().positive();
const label = z.object({ zh: z.string(), en: z.string() });
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => v || null);

/** A coordinate from JSON (number) or a multipart form field (text); empty means not given. */
const coordinate = (limit: number) =>
  z.preprocess((v) => (v === '' ? null : typeof v === 'string' ? Number(v) : v), z.number().finite().min(-limit).max(limit).nullish());

/** JSON body, or the fields of a multipart form (then with up to 9 photos). */
export const publicRequestBody = z
  .object({
    type: z.enum(TICKET_TYPES).default('help'),
    content: z.string().trim().min(2).max(LIMITS.contentMax),
    phone: phoneSchema,
    name: optionalText(LIMITS.nameMax),
    address: optionalText(LIMITS.addressMax),
    categoryId: id.nullish(),
    regionId: id.nullish(),
    /** 举报人保密: the citizen's identity is hidden from every unit. */
    isConfidential: z
      .union([z.boolean(), z.enum(['true', 'false', 'on', '1', '0']).transform((v) => v === 'true' || v === 'on' || v === '1')])
      .default(false),
    /** The place picked on the portal's map or from the phone's location (WGS-84); both or neither. */
    lng: coordinate(180),
    lat: coordinate(90),
    /** The portal's language when the citizen wrote. */
    language: z.enum(PORTAL_LANGUAGES).default('zh'),
  })
  .refine((b) => (b.lng == null) === (b.lat == null), { message: 'lng and lat come together', path: ['lat'] });
export type PublicRequestInput = z.infer<typeof publicRequestBody>;

export const publicRequestCreated = z.object({
  number: z.string(),
  /** Follows the order without the phone (also Open311's token). */
  token: z.string(),
});

export const idempotencyHeaders = z.object({ 'idempotency-key': z.string().min(8).max(200).optional() });

export const numberParams = z.object({ number: z.string().trim().max(40) });
export const last4 = z.string().regex(/^\d{4}$/, 'four digits');

/** Follows an order: the proof travels in the body, never in the URL (addresses end up in logs and browser history). */
export const trackBody = z
  .object({
    number: z.string().trim().max(40),
    phoneLast4: last4.optional(),
    token: z.string().max(100).optional(),
  })
  .refine((q) => q.phoneLast4 !== undefined || q.token !== undefined, { message: 'phoneLast4 or token is required', path: ['phoneLast4'] });
export type TrackProof = z.infer<typeof trackBody>;

export const replyPhotoBody = z
  .object({
    number: z.string().trim().max(40),
    phoneLast4: last4.optional(),
    token: z.string().max(100).optional(),
    attachmentId: id,
  })
  .refine((q) => q.phoneLast4 !== undefined || q.token !== undefined, { message: 'phoneLast4 or token is required', path: ['phoneLast4'] });

export const trackedRequest = z.object({
  number: z.string(),
  status: z.enum(TICKET_STATUSES),
  statusLabel: label,
  createdAt: z.date(),
  closedAt: z.date().nullable(),
  timeline: z.array(z.object({ action: z.string(), label, at: z.date(), unitName: z.string().nullable() })),
  /** The official answer: the accepted reply of the handling unit, or the hotline's direct answer (unitName null). */
  reply: z.object({ content: z.string(), unitName: z.string().nullable(), at: z.date() }).nullable(),
  /** Photos of the reply the centre accepted (its review approved them for the citizen); fetched with POST .../reply-photo. */
  replyPhotos: z.array(z.object({ id: z.number(), filename: z.string() })),
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

export const nearbyQuery = z
  .object({
    lng: z.coerce.number().finite().min(-180).max(180).optional(),
    lat: z.coerce.number().finite().min(-90).max(90).optional(),
    categoryId: id.optional(),
  })
  .refine((q) => (q.lng === undefined) === (q.lat === undefined), { message: 'lng and lat come together', path: ['lat'] })
  .refine((q) => q.lat !== undefined || q.categoryId !== undefined, { message: 'a point or a category is required', path: ['lat'] });

/** Open reports near a point or of a category: only what a public map shows, nothing about who reported. */
export const nearbyReports = z.object({
  radiusMetres: z.number(),
  items: z.array(
    z.object({
      number: z.string(),
      title: z.string(),
      status: z.enum(TICKET_STATUSES),
      statusLabel: label,
      /** Metres from the given point; null when the report has no place or no point was given. */
      distanceMetres: z.number().nullable(),
      isSameCategory: z.boolean(),
      createdAt: z.date(),
    }),
  ),
});
