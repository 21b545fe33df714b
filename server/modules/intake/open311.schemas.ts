/** Open311 GeoReport v2 requests and JSON responses (field names are the spec's). */
import { z } from 'zod';
import { LIMITS } from '../../../common/limits.ts';

/** Form fields arrive as strings; an empty field means "not given". */
const blankless = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());
const text = (max: number) => blankless(z.string().trim().max(max));

export const jurisdictionQuery = z.object({
  jurisdiction_id: text(100),
  /** Accepted and ignored on reads, which need no key. */
  api_key: text(200),
});

export const requestsQuery = jurisdictionQuery.extend({
  /** Comma-separated; when given, the other filters are ignored (as the spec says). */
  service_request_id: text(2000),
  service_code: text(2000),
  start_date: text(40),
  end_date: text(40),
  /** open, closed or both, comma-separated. */
  status: text(20),
});
export type RequestsQuery = z.infer<typeof requestsQuery>;

export const updatesQuery = jurisdictionQuery.extend({ start_date: text(40), end_date: text(40) });
export type UpdatesQuery = z.infer<typeof updatesQuery>;

/** POST Service Request, form-encoded. `attribute[code]` fields pass through to the service. */
export const postRequestBody = z.looseObject({
  api_key: text(200),
  jurisdiction_id: text(100),
  service_code: text(50),
  lat: blankless(z.coerce.number().min(-90).max(90)),
  long: blankless(z.coerce.number().min(-180).max(180)),
  address_string: text(LIMITS.addressMax),
  address_id: text(100),
  email: blankless(z.string().trim().max(200).pipe(z.email())),
  device_id: text(200),
  account_id: text(200),
  first_name: text(50),
  last_name: text(50),
  phone: text(30),
  /** The spec caps the description at 4,000 characters. */
  description: text(4000),
  media_url: blankless(
    z
      .string()
      .trim()
      .max(1000)
      .pipe(z.url({ protocol: /^https?$/ })),
  ),
});
export type PostRequestBody = z.infer<typeof postRequestBody>;

export const codeParams = z.object({ code: z.string().max(50) });
/** No short cap: an unknown id of any length is 404, as the spec asks (the router itself caps path parameters). */
export const requestIdParams = z.object({ id: z.string().max(1000) });
export const tokenParams = z.object({ token: z.string().max(100) });

// ─── JSON responses ─────────────────────────────────────────────────────────────────────────────

export const serviceJson = z.object({
  service_code: z.string(),
  service_name: z.string(),
  description: z.string().nullable(),
  metadata: z.boolean(),
  type: z.enum(['realtime', 'batch', 'blackbox']),
  /** Comma-separated, as in the spec's examples. */
  keywords: z.string().nullable(),
  group: z.string().nullable(),
});
export type ServiceJson = z.infer<typeof serviceJson>;

export const serviceDefinitionJson = z.object({
  service_code: z.string(),
  attributes: z.array(
    z.object({
      variable: z.boolean(),
      code: z.string(),
      datatype: z.enum(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']),
      required: z.boolean(),
      datatype_description: z.string().nullable(),
      order: z.number().int(),
      description: z.string(),
      values: z.array(z.object({ key: z.string(), name: z.string() })),
    }),
  ),
});

export const postResponseJson = z.array(
  z.object({
    service_request_id: z.string(),
    service_notice: z.string().nullable(),
    account_id: z.string().nullable(),
  }),
);

export const requestJson = z.object({
  service_request_id: z.string(),
  status: z.enum(['open', 'closed']),
  status_notes: z.string().nullable(),
  service_name: z.string().nullable(),
  service_code: z.string().nullable(),
  description: z.string().nullable(),
  agency_responsible: z.string().nullable(),
  service_notice: z.string().nullable(),
  requested_datetime: z.string(),
  updated_datetime: z.string(),
  expected_datetime: z.string().nullable(),
  address: z.string().nullable(),
  address_id: z.string().nullable(),
  zipcode: z.string().nullable(),
  lat: z.number().nullable(),
  long: z.number().nullable(),
  media_url: z.string().nullable(),
});
export type RequestJson = z.infer<typeof requestJson>;

export const tokenJson = z.array(z.object({ service_request_id: z.string(), token: z.string() }));

export const updateJson = z.object({
  update_id: z.string(),
  service_request_id: z.string(),
  status: z.enum(['open', 'closed']),
  updated_datetime: z.string(),
  description: z.string().nullable(),
  media_url: z.string().nullable(),
});
export type UpdateJson = z.infer<typeof updateJson>;

export const discoveryJson = z.object({
  changeset: z.string(),
  contact: z.string(),
  key_service: z.string(),
  endpoints: z.array(
    z.object({
      specification: z.string(),
      url: z.string(),
      changeset: z.string(),
      type: z.enum(['production', 'test']),
      formats: z.array(z.string()),
    }),
  ),
});
