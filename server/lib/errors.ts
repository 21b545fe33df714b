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
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

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
