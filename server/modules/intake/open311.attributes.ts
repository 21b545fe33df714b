/**
 * The service definition attributes every Open311 service of ours has, and how the
 * `attribute[code]=value` fields of a POST are read against them (pure).
 */
import { LABELS_ZH, TICKET_TYPES, URGENCIES, type TicketType, type Urgency } from '../../../common/enums.ts';
import { LIMITS } from '../../../common/limits.ts';

export interface AttributeDefinition {
  variable: boolean;
  code: string;
  datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
  required: boolean;
  datatype_description: string | null;
  order: number;
  description: string;
  values: { key: string; name: string }[];
}

/** Citizens' apps file problems to fix, so praise is left out of the types offered. */
const OFFERED_TYPES = TICKET_TYPES.filter((t) => t !== 'praise');

export const SERVICE_ATTRIBUTES: AttributeDefinition[] = [
  {
    variable: true,
    code: 'urgency',
    datatype: 'singlevaluelist',
    required: false,
    datatype_description: null,
    order: 1,
    description: '紧急程度 Urgency (default: normal)',
    values: URGENCIES.map((u) => ({ key: u, name: LABELS_ZH.urgency[u] })),
  },
  {
    variable: true,
    code: 'request_type',
    datatype: 'singlevaluelist',
    required: false,
    datatype_description: null,
    order: 2,
    description: '诉求类型 Kind of request (default: help)',
    values: OFFERED_TYPES.map((t) => ({ key: t, name: LABELS_ZH.type[t] })),
  },
  {
    variable: true,
    code: 'address_detail',
    datatype: 'string',
    required: false,
    datatype_description: '门牌号、楼栋单元等 Building, unit or door number',
    order: 3,
    description: '详细地址 Address details',
    values: [],
  },
];

export interface ReadAttributes {
  urgency: Urgency;
  type: TicketType;
  addressDetail: string | null;
  /** The known attributes as sent, kept with the request. */
  raw: Record<string, string>;
}

export type AttributeResult = { ok: true; value: ReadAttributes } | { ok: false; code: string; reason: 'not_allowed' | 'too_long' };

/** Picks `attribute[code]` fields out of a form body; unknown codes are ignored, as the spec allows. */
export function readAttributes(body: Record<string, unknown>): AttributeResult {
  const raw: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) {
    const match = /^attribute\[(.+)\]$/.exec(key);
    if (!match) continue;
    const text = Array.isArray(value) ? String(value[0] ?? '') : String(value ?? '');
    if (text.trim() === '') continue;
    if (SERVICE_ATTRIBUTES.some((a) => a.code === match[1])) raw[match[1]] = text.trim();
  }
  for (const def of SERVICE_ATTRIBUTES) {
    const value = raw[def.code];
    if (value === undefined) continue;
    if (def.datatype === 'singlevaluelist' && !def.values.some((v) => v.key === value))
      return { ok: false, code: def.code, reason: 'not_allowed' };
    if (def.datatype === 'string' && value.length > LIMITS.addressMax) return { ok: false, code: def.code, reason: 'too_long' };
  }
  return {
    ok: true,
    value: {
      urgency: (raw.urgency as Urgency | undefined) ?? 'normal',
      type: (raw.request_type as TicketType | undefined) ?? 'help',
      addressDetail: raw.address_detail ?? null,
      raw,
    },
  };
}
