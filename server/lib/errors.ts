/** One error type for the whole server; the HTTP status comes from the code. */

export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  INVALID_TRANSITION: 409,
  CONFLICT: 409,
  IDEMPOTENCY_MISMATCH: 422,
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  INVALID_CREDENTIALS: 401,
  CSRF_FAILED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  UNKNOWN_REFERENCE: 422,
  PAYLOAD_TOO_LARGE: 413,
  TOO_MANY_FILES: 413,
  SIGN_IN_LOCKED: 429,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  DATABASE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

/** The body of every error answer: a code and the message in Chinese and English. */
export function errorBody(code: string, message: string, messageEn: string, details: unknown = null) {
  return { error: { code, message, message_en: messageEn, details } };
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly messageEn: string;
  readonly details: unknown;

  constructor(code: ErrorCode, opts: { message: string; messageEn: string; details?: unknown }) {
    super(opts.message);
    this.code = code;
    this.messageEn = opts.messageEn;
    this.details = opts.details ?? null;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what: { zh: string; en: string }, details?: unknown) =>
  new AppError('NOT_FOUND', { message: `${what.zh}不存在`, messageEn: `${what.en} not found`, details });

export const forbidden = (details?: unknown) =>
  new AppError('FORBIDDEN', { message: '无权执行此操作', messageEn: 'You are not allowed to do this', details });

export const unknownReference = (what: { zh: string; en: string }, details?: unknown) =>
  new AppError('UNKNOWN_REFERENCE', { message: `引用的${what.zh}不存在`, messageEn: `Referenced ${what.en} does not exist`, details });

export const conflict = (details?: unknown) =>
  new AppError('CONFLICT', {
    message: '该工单已被他人更新，请刷新后重试',
    messageEn: 'This record was changed by someone else; reload and try again',
    details,
  });

export const validation = (message: string, messageEn: string, details?: unknown) =>
  new AppError('VALIDATION_FAILED', { message, messageEn, details });

/** SQLSTATEs that mean "the database cannot serve now", not "this request is wrong": connection exceptions (class
 * 08), the server shutting down or starting (57P01-57P03), and a read-only node (25006: a primary that has just
 * become a replica, or a balancer not yet switched). */
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[123]|25006)$/;
const UNAVAILABLE_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTCONN']);
const UNAVAILABLE_MESSAGE =
  /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|Client was closed/i;

/**
 * Whether an error (or any error it wraps) says the database is out of reach: during a failover every request fails
 * this way for a few seconds, and the answer is 503 with Retry-After (clients retry with their Idempotency-Key), not
 * a 500 that reads like a bug.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (
    let e = error as { code?: unknown; message?: unknown; cause?: unknown } | undefined, depth = 0;
    e && depth < 5;
    e = e.cause as typeof e, depth++
  ) {
    if (typeof e.code === 'string' && (UNAVAILABLE_SQLSTATE.test(e.code) || UNAVAILABLE_ERRNO.has(e.code))) return true;
    if (typeof e.message === 'string' && UNAVAILABLE_MESSAGE.test(e.message)) return true;
  }
  return false;
}

/**
 * What the error handlers read of anything thrown: Fastify and its plugins throw errors with a code (`FST_…`) and
 * an HTTP status; a handler may also see a thrown non-error, which has neither.
 */
export function thrownFacts(error: unknown): { code?: string; statusCode?: number; message: string } {
  const e = (typeof error === 'object' && error !== null ? error : {}) as { code?: unknown; statusCode?: unknown; message?: unknown };
  return {
    code: typeof e.code === 'string' ? e.code : undefined,
    statusCode: typeof e.statusCode === 'number' ? e.statusCode : undefined,
    message: typeof e.message === 'string' ? e.message : String(error),
  };
}
