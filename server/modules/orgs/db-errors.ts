import { AppError } from '../../lib/errors.ts';
/**
 * Recognises PostgreSQL constraint errors in both modes (node-postgres and PGlite both carry the SQLSTATE in `code`;
 * Drizzle wraps them in a DrizzleQueryError whose `cause` is the driver's error).
 */
export function sqlState(error: unknown): string | null {
  let current = error as { code?: unknown; cause?: unknown } | null | undefined;
  for (let depth = 0; current && depth < 4; depth++) {
    if (typeof current.code === 'string' && /^[0-9A-Z]{5}$/.test(current.code)) return current.code;
    current = current.cause as typeof current;
  }
  return null;
}

export const isUniqueViolation = (error: unknown) => sqlState(error) === '23505';
export const isForeignKeyViolation = (error: unknown) => sqlState(error) === '23503';

/** `%` and `_` typed by a user are literal in a LIKE pattern. */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

interface Noun {
  zh: string;
  en: string;
}

/** CONFLICT for a duplicate code, name or row. */
export const duplicate = (what: Noun, details?: unknown) =>
  new AppError('CONFLICT', { message: `${what.zh}已存在`, messageEn: `${what.en} already exists`, details });

/** CONFLICT for deleting something that still has children or is referenced (tickets, users, catalogue rows…). */
export const inUse = (what: Noun, details?: unknown) =>
  new AppError('CONFLICT', {
    message: `${what.zh}仍有下级或被引用，不能删除；可改为停用`,
    messageEn: `The ${what.en} still has children or is referenced and cannot be deleted; deactivate it instead`,
    details,
  });
