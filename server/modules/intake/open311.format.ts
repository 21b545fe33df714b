/**
 * Open311 GeoReport v2 wire format (pure): datetimes, status mapping, redaction of personal data
 * in published texts, and the XML documents with the spec's element names.
 */
import { SHANGHAI_UTC_OFFSET, shanghaiIsoString } from '../../lib/calendar.ts';
import { isSaneDate } from '../../lib/input-hygiene.ts';
import { XMLBuilder } from 'fast-xml-parser';
import { FINAL_STATUSES, type TicketStatus } from '../../../common/ticket-lifecycle.ts';
import { maskPhone } from '../../../common/limits.ts';

export const OPEN311_FORMATS = ['json', 'xml'] as const;
export type Open311Format = (typeof OPEN311_FORMATS)[number];

export const CONTENT_TYPES: Record<Open311Format, string> = {
  json: 'application/json; charset=utf-8',
  xml: 'text/xml; charset=utf-8',
};

/** The format a request asked for by its extension; XML is the spec's required format, so it is the default. */
export function formatOfUrl(url: string): Open311Format {
  const path = url.split('?')[0];
  return path.endsWith('.json') ? 'json' : 'xml';
}

/** ISO 8601 in the hotline's time zone: 2026-03-02T10:00:00+08:00 (the spec wants an explicit offset). */
export function toOpen311DateTime(date: Date): string;
export function toOpen311DateTime(date: Date | null): string | null;
export function toOpen311DateTime(date: Date | null): string | null {
  return date ? shanghaiIsoString(date) : null;
}

/**
 * Reads a W3C/ISO 8601 datetime from a query. A date alone means midnight in Shanghai, a time without
 * offset is Shanghai time, and a '+' that URL decoding turned into a space is put back. Null when unreadable.
 */
export function parseOpen311DateTime(raw: string): Date | null {
  let text = raw
    .trim()
    .replace(/ (\d{2}:?\d{2})$/, '+$1')
    .replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) text += `T00:00:00${SHANGHAI_UTC_OFFSET}`;
  else if (/T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text)) text += SHANGHAI_UTC_OFFSET;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(text)) return null;
  const date = new Date(text);
  return isSaneDate(date) ? date : null;
}

/** GeoReport v2 knows only open and closed: every final status of ours is closed. */
export function open311Status(status: string): 'open' | 'closed' {
  return FINAL_STATUSES.includes(status as TicketStatus) ? 'closed' : 'open';
}

/**
 * Open311 reads are public, so published texts lose what identifies a person:
 * mobile and landline numbers keep only their ends, identity card numbers their region and last digit.
 */
export function redactPersonalData(text: string): string {
  return text
    .replace(
      /(?<![\dA-Za-z])\d{6}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![\dA-Za-z])/g,
      (id) => `${id.slice(0, 6)}${'*'.repeat(11)}${id.slice(-1)}`,
    )
    .replace(/(?<!\d)(?:\+?86[-\s]?)?1[3-9]\d{9}(?!\d)/g, (phone) => maskPhone(phone.replace(/^\+?86[-\s]?/, ''))!)
    .replace(/(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/g, (phone) => phone.slice(0, 4) + phone.slice(4, -2).replace(/\d/g, '*') + phone.slice(-2));
}

// ─── XML ─────────────────────────────────────────────────────────────────────────────────────────

const builder = new XMLBuilder({ format: true, ignoreAttributes: false, suppressEmptyNode: true, processEntities: true });

/** A JSON document of the spec: objects, arrays, strings, numbers, booleans and nulls. */
type Element = object;

/** Null becomes an empty element (XML's nothing); booleans and numbers their text. */
function xmlValue(value: unknown): unknown {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(xmlValue);
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, xmlValue(v)]));
  return value;
}

function document(root: string, body: Element): string {
  return builder.build({ '?xml': { '@_version': '1.0', '@_encoding': 'utf-8' }, [root]: xmlValue(body) });
}

/** <root><item>…</item><item>…</item></root>; the list stays a list even with one entry. */
export function xmlList(root: string, item: string, items: Element[]): string {
  return document(root, { [item]: items });
}

/** Element names of every Open311 document this server writes. */
export const XML_DOCUMENTS = {
  services: (items: Element[]) => xmlList('services', 'service', items),
  serviceRequests: (items: Element[]) => xmlList('service_requests', 'request', items),
  updates: (items: Element[]) => xmlList('service_request_updates', 'request_update', items),
  errors: (items: { code: number; description: string }[]) => xmlList('errors', 'error', items),

  serviceDefinition(definition: { service_code: string; attributes: { values: { key: string; name: string }[] }[] }) {
    return document('service_definition', {
      service_code: definition.service_code,
      attributes: {
        attribute: definition.attributes.map((a) => ({ ...a, values: a.values.length ? { value: a.values } : null })),
      },
    });
  },

  discovery(d: { changeset: string; contact: string; key_service: string; endpoints: { formats: string[] }[] }) {
    return document('discovery', {
      changeset: d.changeset,
      contact: d.contact,
      key_service: d.key_service,
      endpoints: { endpoint: d.endpoints.map((e) => ({ ...e, formats: { format: e.formats } })) },
    });
  },
};
