/**
 * The cursor of a ticket list page: where the page ended, in the terms of the list's sort, as an opaque string.
 * A cursor of one sort is refused by a list in another, since its position would mean nothing there.
 */
import type { TicketCursor, TicketSort } from './tickets.repository.ts';

export function encodeTicketCursor(cursor: TicketCursor): string {
  const key =
    cursor.sort === 'created'
      ? [cursor.sort, cursor.createdAt.toISOString(), cursor.id]
      : cursor.sort === 'waiting'
        ? [cursor.sort, cursor.isUrgent, cursor.createdAt.toISOString(), cursor.id]
        : [cursor.sort, cursor.isOverdue, cursor.dueAt?.toISOString() ?? null, cursor.id];
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The cursor, or null when the string is not a cursor of this sort. */
export function decodeTicketCursor(raw: string, sort: TicketSort): TicketCursor | null {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(raw, 'base64url').toString());
  } catch {
    return null;
  }
  if (!Array.isArray(key) || key[0] !== sort) return null;
  const date = (value: unknown) => (typeof value === 'string' && !Number.isNaN(new Date(value).getTime()) ? new Date(value) : undefined);
  const id = key.at(-1);
  if (!Number.isInteger(id)) return null;
  if (sort === 'created') {
    const createdAt = date(key[1]);
    return key.length === 3 && createdAt ? { sort, createdAt, id } : null;
  }
  if (sort === 'waiting') {
    const createdAt = date(key[2]);
    return key.length === 4 && typeof key[1] === 'boolean' && createdAt ? { sort, isUrgent: key[1], createdAt, id } : null;
  }
  const dueAt = key[2] === null ? null : date(key[2]);
  return key.length === 4 && typeof key[1] === 'boolean' && dueAt !== undefined ? { sort, isOverdue: key[1], dueAt, id } : null;
}
