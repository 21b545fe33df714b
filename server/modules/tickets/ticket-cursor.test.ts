import { describe, expect, it } from 'vitest';
import { decodeTicketCursor, encodeTicketCursor } from './ticket-cursor.ts';

describe('ticket list cursors', () => {
  it('read back what they were written from, in each sort', () => {
    const created = { sort: 'created' as const, createdAt: new Date('2026-12-04T01:02:03.456Z'), id: 42 };
    const due = { sort: 'due' as const, isOverdue: true, dueAt: new Date('2026-12-05T09:00:00.000Z'), id: 7 };
    const undated = { sort: 'due' as const, isOverdue: false, dueAt: null, id: 8 };
    const waiting = { sort: 'waiting' as const, isUrgent: true, createdAt: new Date('2026-12-06T08:30:00.125Z'), id: 9 };
    expect(decodeTicketCursor(encodeTicketCursor(created), 'created')).toEqual(created);
    expect(decodeTicketCursor(encodeTicketCursor(due), 'due')).toEqual(due);
    expect(decodeTicketCursor(encodeTicketCursor(undated), 'due')).toEqual(undated);
    expect(decodeTicketCursor(encodeTicketCursor(waiting), 'waiting')).toEqual(waiting);
  });

  it('refuses a cursor of another sort, and strings that are no cursor', () => {
    const created = encodeTicketCursor({ sort: 'created', createdAt: new Date(), id: 1 });
    expect(decodeTicketCursor(created, 'due')).toBeNull();
    expect(decodeTicketCursor(created, 'waiting')).toBeNull();
    expect(decodeTicketCursor(Buffer.from('["waiting","yes","2026-12-04T00:00:00Z",3]').toString('base64url'), 'waiting')).toBeNull();
    expect(decodeTicketCursor('not a cursor', 'created')).toBeNull();
    expect(decodeTicketCursor(Buffer.from('["due",true,"yesterday",3]').toString('base64url'), 'due')).toBeNull();
    expect(decodeTicketCursor(Buffer.from('["created","2026-12-04T00:00:00Z",1.5]').toString('base64url'), 'created')).toBeNull();
  });
});
