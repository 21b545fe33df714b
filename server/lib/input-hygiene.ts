/**
 * Input hygiene by construction: the one validator every route's zod schema runs through (app.ts installs it
 * as Fastify's validator compiler, so a new route is covered without doing anything). Beyond the route's own
 * schema it refuses, for the JSON API, the citizen portal and Open311 alike:
 * - text holding NUL or another control character (tab, line feed and carriage return are allowed) or a lone
 *   UTF-16 surrogate — PostgreSQL cannot store NUL in `text`, and the others have no business in a form field;
 * - integers outside PostgreSQL's `integer` (int4) range, unless the field's schema states its own maximum
 *   (a `bigint` column: use `bigintId`);
 * - dates outside 1900-01-01 … 9999-12-31 (PostgreSQL parses neither year 0 nor JavaScript's six-digit years).
 * Each refusal is a zod-style issue naming the field, with a Chinese and an English message (`issueMessages`).
 * The OpenAPI document declares the same integer bounds (`withInputBounds`), so clients and the fuzz test see them.
 */
import { z } from 'zod';

export const INT4_MIN = -2_147_483_648;
export const INT4_MAX = 2_147_483_647;
export const DATE_MIN = new Date('1900-01-01T00:00:00Z');
export const DATE_MAX = new Date('9999-12-31T23:59:59.999Z');

/** C0 controls except \t \n \r, DEL, and lone UTF-16 surrogates (no valid UTF-8 for them). */
const DISALLOWED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|\p{Cs}/u;

/** An id or cursor of a `bigint` column (the outbox): bounded to what a JavaScript number holds exactly. */
export const bigintId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** A `YYYY-MM-DD` calendar date within the sane range, as text (for query parameters parsed later). */
export function isSaneDate(date: Date): boolean {
  const t = date.getTime();
  return !Number.isNaN(t) && t >= DATE_MIN.getTime() && t <= DATE_MAX.getTime();
}

export function hasDisallowedText(value: string): boolean {
  return DISALLOWED.test(value);
}

export type HygieneKind = 'control_character' | 'integer_range' | 'date_range';
export interface HygieneIssue {
  code: 'custom';
  path: PropertyKey[];
  message: string;
  params: { hygiene: HygieneKind };
}
/** One refusal: an issue of the route's zod schema, or one of hygiene's own. */
export type InputIssue = z.core.$ZodIssue | HygieneIssue;

const ENGLISH: Record<HygieneKind, string> = {
  control_character: 'Text must not contain NUL or other control characters',
  integer_range: `Number out of range (${INT4_MIN} to ${INT4_MAX})`,
  date_range: 'Date out of range (1900-01-01 to 9999-12-31)',
};
const CHINESE: Record<HygieneKind, string> = {
  control_character: '文本不能包含空字符（NUL）或其他控制字符',
  integer_range: `数值超出范围（${INT4_MIN} 至 ${INT4_MAX}）`,
  date_range: '日期超出范围（1900-01-01 至 9999-12-31）',
};

const issue = (path: PropertyKey[], kind: HygieneKind): HygieneIssue => ({
  code: 'custom',
  path,
  message: ENGLISH[kind],
  params: { hygiene: kind },
});

/** Every string (and object key) in raw input that holds a disallowed character. */
export function findUnsafeText(value: unknown, path: PropertyKey[] = [], found: HygieneIssue[] = []): HygieneIssue[] {
  if (found.length >= 20) return found;
  if (typeof value === 'string') {
    if (hasDisallowedText(value)) found.push(issue(path, 'control_character'));
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => findUnsafeText(item, [...path, i], found));
  } else if (value !== null && typeof value === 'object' && !(value instanceof Date) && !Buffer.isBuffer(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (hasDisallowedText(key)) found.push(issue([...path, key], 'control_character'));
      findUnsafeText(item, [...path, key], found);
    }
  }
  return found;
}

/** Integers and dates in parsed input that no column can hold. */
export function findOutOfRange(value: unknown, schema: z.ZodType, path: PropertyKey[] = [], found: HygieneIssue[] = []): HygieneIssue[] {
  if (found.length >= 20) return found;
  if (typeof value === 'number') {
    if (Number.isInteger(value) && (value < INT4_MIN || value > INT4_MAX) && !hasOwnBounds(schemaAt(schema, path))) {
      found.push(issue(path, 'integer_range'));
    }
  } else if (value instanceof Date) {
    if (!isSaneDate(value)) found.push(issue(path, 'date_range'));
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => findOutOfRange(item, schema, [...path, i], found));
  } else if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const [key, item] of Object.entries(value)) findOutOfRange(item, schema, [...path, key], found);
  }
  return found;
}

type Def = {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  catchall?: z.ZodType;
  checks?: Array<{ _zod: { def: { check: string } } }>;
};
/** zod's internal definition of a schema, read only as far as `Def` says. */
const defOf = (schema: unknown): Def | null => (schema as { _zod?: { def?: Def } } | null | undefined)?._zod?.def ?? null;

/** The schema that parsed `path` (through optional, default, pipe… wrappers), or null where it cannot be told. */
function schemaAt(schema: z.ZodType | undefined, path: PropertyKey[]): z.ZodType | null {
  let current = unwrap(schema);
  for (const key of path) {
    const def = defOf(current);
    if (!def) return null;
    if (def.type === 'object') current = unwrap(def.shape?.[key as string] ?? def.catchall);
    else if (def.type === 'array') current = unwrap(def.element);
    else return null;
  }
  return current ?? null;
}

function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  let current = schema;
  for (let depth = 0; depth < 20; depth++) {
    const def = defOf(current);
    if (!def) return current;
    if (def.innerType) current = def.innerType;
    else if (def.type === 'pipe') current = defOf(def.out)?.type === 'transform' ? def.in : def.out;
    else return current;
  }
  return current;
}

/** A number schema with its own explicit maximum (`.max()`), which then is the column's bound. */
function hasOwnBounds(schema: z.ZodType | null): boolean {
  const def = defOf(schema);
  return def?.type === 'number' && (def.checks ?? []).some((c) => c._zod.def.check === 'less_than');
}

// ─── The same bounds in the OpenAPI document ───────────────────────────────────────────────────

/** The parts of a generated JSON Schema node that bounds are declared on (the rest is passed over). */
interface JsonNode {
  type?: unknown;
  maximum?: number;
  minimum?: number;
  properties?: Record<string, JsonNode>;
  items?: unknown;
  additionalProperties?: unknown;
  anyOf?: JsonNode[];
  oneOf?: JsonNode[];
  allOf?: JsonNode[];
  [key: string]: unknown;
}
const INPUT_PARTS = ['body', 'querystring', 'params', 'headers'] as const;

/**
 * Declares on a route's generated input JSON Schemas the integer range the validator holds them to: a number without
 * its own maximum gets int4's (`.int()` alone says ±2^53, which the validator refuses past 2,147,483,647).
 */
export function withInputBounds<T extends { schema: unknown }>(
  transformed: T,
  zodSchemas: Partial<Record<string, unknown>> | undefined,
): T {
  for (const part of INPUT_PARTS) {
    const json = (transformed.schema as Record<string, JsonNode> | undefined)?.[part];
    if (json && zodSchemas?.[part]) declareBounds(json, zodSchemas[part] as z.ZodType, []);
  }
  return transformed;
}

function declareBounds(node: JsonNode, schema: z.ZodType, path: PropertyKey[]) {
  if ((node.type === 'integer' || node.type === 'number') && !hasOwnBounds(schemaAt(schema, path))) {
    if (node.maximum === undefined || node.maximum > INT4_MAX) node.maximum = INT4_MAX;
    if (node.minimum === undefined || node.minimum < INT4_MIN) node.minimum = INT4_MIN;
  }
  for (const [key, child] of Object.entries<JsonNode>(node.properties ?? {})) declareBounds(child, schema, [...path, key]);
  if (node.items && typeof node.items === 'object') declareBounds(node.items as JsonNode, schema, [...path, 0]);
  if (node.additionalProperties && typeof node.additionalProperties === 'object')
    declareBounds(node.additionalProperties as JsonNode, schema, [...path, Symbol('key')]);
  for (const list of [node.anyOf, node.oneOf, node.allOf]) for (const branch of list ?? []) declareBounds(branch, schema, path);
}

// ─── Messages ───────────────────────────────────────────────────────────────────────────────────

const zhCN = z.locales.zhCN();

/** The Chinese and English message of one zod (or hygiene) issue. */
export function issueMessages(raw: InputIssue): { message: string; messageEn: string } {
  const kind = raw.code === 'custom' ? (raw.params?.hygiene as HygieneKind | undefined) : undefined;
  if (kind) return { message: CHINESE[kind], messageEn: ENGLISH[kind] };
  let message: string | undefined;
  try {
    // A finished issue carries what the locale reads of a raw one (code, its parameters, and the input: reportInput).
    message = zhCN.localeError(raw as z.core.$ZodRawIssue) as string | undefined;
  } catch {
    message = undefined;
  }
  // A message the schema wrote itself (e.g. 'invalid phone number') is English; the locale's wording is the Chinese.
  return { message: message && typeof message === 'string' ? message : '格式不正确', messageEn: raw.message ?? 'Invalid value' };
}

/** Dotted field path from a zod path, prefixed by where it came from (query, body…) when known. */
export function fieldPath(path: PropertyKey[]): string {
  return path.map(String).join('.');
}

// ─── The validator compiler ─────────────────────────────────────────────────────────────────────

const VALIDATION_ERROR = Symbol.for('ZodFastifySchemaValidationError');

/** Fastify validation errors in the shape fastify-type-provider-zod produces, so one handler reads both. */
function toFastifyErrors(issues: InputIssue[]) {
  return issues.map((raw) => {
    const { path, code, message, input: _input, ...params } = raw as InputIssue & { input?: unknown };
    const { message: zh } = issueMessages(raw);
    return {
      [VALIDATION_ERROR]: true,
      keyword: code,
      instancePath: `/${path.map(String).join('/')}`,
      schemaPath: `#/${path.map(String).join('/')}/${code}`,
      message,
      params: { ...params, path, message_zh: zh },
    };
  });
}

/**
 * Fastify validator compiler for zod schemas: the raw input is checked for disallowed text first, then the
 * route's schema parses it, then the parsed integers and dates are checked against what PostgreSQL holds.
 */
export function hygienicValidatorCompiler({ schema }: { schema: z.ZodType }) {
  return (data: unknown) => {
    const result = parseHygienic(schema, data);
    return result.success ? { value: result.data } : { error: toFastifyErrors(result.issues) };
  };
}

/** The same checks for input a route reads itself (multipart form fields): the schema plus hygiene. */
export function parseHygienic<T extends z.ZodType>(
  schema: T,
  data: unknown,
): { success: true; data: z.output<T> } | { success: false; issues: InputIssue[] } {
  const unsafe = findUnsafeText(data);
  if (unsafe.length) return { success: false, issues: unsafe };
  const result = schema.safeParse(data, { reportInput: true });
  if (!result.success) return { success: false, issues: result.error.issues };
  const outOfRange = findOutOfRange(result.data, schema);
  if (outOfRange.length) return { success: false, issues: outOfRange };
  return { success: true, data: result.data };
}

/** A 400 AppError's parts from issues of `parseHygienic`, worded like the validator's own refusals. */
export function summariseIssues(issues: InputIssue[], context: string) {
  return validationSummary(toFastifyErrors(issues), context);
}

export interface FieldProblem {
  /** Dotted path inside the request part, e.g. `citizen.phone`. */
  path: string;
  /** Where the field was: body, querystring, params or headers. */
  in: string | null;
  message: string;
  message_en: string;
}

/** The 400 answer's messages and field-level details (Chinese and English) from Fastify validation errors. */
export function validationSummary(
  validation: Array<{ instancePath: string; message?: string; params?: Record<string, unknown> }>,
  context?: string,
) {
  const details: FieldProblem[] = validation.map((v) => {
    const path = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const zh = v.params?.message_zh as string | undefined;
    return { path, in: context ?? null, message: zh ?? '格式不正确', message_en: v.message ?? 'Invalid value' };
  });
  const first = details[0];
  const more = details.length > 1 ? details.length - 1 : 0;
  const where = first?.path || first?.in || '';
  return {
    message: `请求参数不正确：${where ? `${where}：` : ''}${first?.message ?? ''}${more ? `（另有 ${more} 项）` : ''}`,
    messageEn: `Invalid request: ${where ? `${where}: ` : ''}${first?.message_en ?? ''}${more ? ` (and ${more} more)` : ''}`,
    details,
  };
}
