import { describe, expect, it } from 'vitest';
import { deriveRows, rollupOf, type EventRecord } from './rollup-spec.ts';

let nextId = 1;
const ev = (ticketId: number, action: string, at: string, over: Partial<EventRecord> = {}): EventRecord => ({
  id: nextId++,
  ticketId,
  action,
  fromStatus: null,
  toStatus: null,
  unitId: null,
  data: {},
  createdAt: new Date(at),
  ...over,
});
const create = (ticketId: number, at: string, data: Record<string, unknown>) =>
  ev(ticketId, 'create', at, { data: { channel: 'phone', ...data } });

const events: EventRecord[] = [
  create(1, '2026-03-02T23:30:00+08:00', { type: 'complaint', categoryId: 5, regionId: 7 }),
  ev(1, 'dispatch', '2026-03-03T09:00:00+08:00', { unitId: 11, fromStatus: 'pending_dispatch', data: { leadUnitId: 11 } }),
  ev(1, 'sign', '2026-03-03T10:00:00+08:00', { unitId: 11, data: { isOnTime: true } }),
  ev(1, 'return', '2026-03-03T11:00:00+08:00', { unitId: 11 }),
  ev(1, 'dispatch', '2026-03-03T14:00:00+08:00', { unitId: 11, fromStatus: 'returned', data: { leadUnitId: 11, isRedispatch: true } }),
  ev(1, 'sign', '2026-03-04T09:00:00+08:00', { unitId: 11, data: { isOnTime: false } }),
  ev(1, 'reply', '2026-03-05T14:00:00+08:00', { unitId: 11, data: { isOnTime: true } }),
  ev(1, 'review', '2026-03-05T15:00:00+08:00', { unitId: 11, data: { decision: 'accept' } }),
  ev(1, 'callback', '2026-03-06T10:00:00+08:00', { unitId: 11, data: { result: 'unsatisfied', isResolved: false } }),
  ev(1, 'reopen', '2026-03-06T11:00:00+08:00', { unitId: null }),
  create(2, '2026-03-20T08:00:00+08:00', { type: 'complaint', categoryId: 5, regionId: 7 }),
  ev(2, 'invalidate', '2026-03-21T09:00:00+08:00'),
  create(3, '2026-03-31T23:50:00+08:00', { type: 'inquiry', categoryId: 6, regionId: 8, channel: 'web' }),
  ev(3, 'direct_answer', '2026-04-01T00:05:00+08:00'),
  ev(4, 'sign', '2026-03-05T10:00:00+08:00', { unitId: 11, data: { isOnTime: true } }), // ticket without a create event
  create(5, '2026-03-10T10:00:00+08:00', { type: 'help', categoryId: 5, regionId: 9 }),
  ev(5, 'dispatch', '2026-03-10T11:00:00+08:00', { unitId: 12, fromStatus: 'pending_dispatch', data: { leadUnitId: 12 } }),
  ev(5, 'object', '2026-03-10T12:00:00+08:00', { unitId: 12 }),
  ev(5, 'decide_objection', '2026-03-10T15:00:00+08:00', { data: { decision: 'deny' } }),
  ev(5, 'urge', '2026-03-11T09:00:00+08:00', { unitId: 12 }),
  ev(5, 'supervise', '2026-03-11T09:30:00+08:00', { unitId: 12 }),
  ev(5, 'sla_overdue', '2026-03-12T09:00:00+08:00', { unitId: 12 }),
  ev(5, 'request_extension', '2026-03-12T10:00:00+08:00', { unitId: 12 }),
  ev(5, 'decide_objection', '2026-03-12T11:00:00+08:00', { data: { decision: 'approve', newUnitId: 13 } }),
  ev(5, 'reply', '2026-03-12T12:30:00+08:00', { unitId: 13, data: { isOnTime: false } }),
  ev(5, 'review', '2026-03-12T13:00:00+08:00', { unitId: 13, data: { decision: 'reject' } }),
  ev(5, 'callback', '2026-03-13T09:00:00+08:00', { unitId: 13, data: { result: 'unreachable' } }),
  ev(5, 'callback', '2026-03-13T10:00:00+08:00', { unitId: 13, data: { result: 'basically_satisfied', isResolved: true } }),
  ev(5, 'co_reply', '2026-03-13T11:00:00+08:00', { unitId: 14 }),
];
const citizens: Record<number, number | null> = { 1: 100, 2: 100, 3: 101, 5: null };
const rows = deriveRows(events, (t) => citizens[t] ?? null);
const byEvent = (ticketId: number, action: string, nth = 0) =>
  rows.filter((r) => r.ticketId === ticketId && events.find((e) => e.id === r.eventId)!.action === action)[nth];

describe('rollup rules (reference)', () => {
  it('takes dimensions from the create event and ignores tickets without one', () => {
    expect(rows.some((r) => r.ticketId === 4)).toBe(false);
    expect(byEvent(1, 'sign')).toMatchObject({
      categoryId: 5,
      regionId: 7,
      channel: 'phone',
      type: 'complaint',
      unitId: 11,
      day: '2026-03-03',
    });
  });

  it('counts intake outcomes on the creation day (cohort) and flows on the event day (Asia/Shanghai)', () => {
    expect(byEvent(1, 'create')).toMatchObject({ day: '2026-03-02', unitId: 0, measures: { contacts: 1, complaints: 1 } });
    expect(byEvent(3, 'direct_answer')).toMatchObject({ day: '2026-03-31', measures: { directAnswered: 1 } });
    expect(byEvent(2, 'invalidate')).toMatchObject({ day: '2026-03-20', measures: { invalid: 1 } });
    expect(byEvent(1, 'reply').day).toBe('2026-03-05');
  });

  it('marks a complaint repeated by the same citizen in the same category within 30 days', () => {
    expect(byEvent(1, 'create').measures.repeatComplaints).toBeUndefined();
    expect(byEvent(2, 'create').measures).toEqual({ contacts: 1, complaints: 1, repeatComplaints: 1 });
  });

  it('charges a return re-dispatched to the same unit as improper', () => {
    expect(byEvent(1, 'dispatch', 0).measures).toEqual({ dispatches: 1 });
    expect(byEvent(1, 'dispatch', 1).measures).toEqual({ dispatches: 1, improperReturns: 1 });
  });

  it('measures handling time from the latest hand-off to the reply', () => {
    expect(byEvent(1, 'reply')).toMatchObject({
      handlingSeconds: 48 * 3600,
      measures: { replies: 1, repliesOnTime: 1, handlingSeconds: 172800 },
    });
    // the objection upheld for unit 13 at 11:00 restarts the clock
    expect(byEvent(5, 'reply')).toMatchObject({ unitId: 13, handlingSeconds: 5400, measures: { replies: 1 } });
  });

  it('charges a reopen to the unit called back about and a denied objection to the objecting unit', () => {
    expect(byEvent(1, 'reopen')).toMatchObject({ unitId: 11, measures: { reopens: 1 } });
    expect(byEvent(5, 'decide_objection', 0)).toMatchObject({ unitId: 12, measures: { objectionsDenied: 1 } });
    expect(byEvent(5, 'decide_objection', 1)).toMatchObject({ unitId: 13, measures: { dispatches: 1 } });
  });

  it('sums per dimension and day', () => {
    const r = rollupOf(rows);
    expect(r.get('unit|11|2026-03-03')).toMatchObject({ dispatches: 2, signs: 1, signsOnTime: 1, returns: 1, improperReturns: 1 });
    expect(r.get('unit|12|2026-03-10')).toMatchObject({ dispatches: 1, objections: 1, objectionsDenied: 1 });
    expect(r.get('unit|12|2026-03-11')).toMatchObject({ supervisions: 1, urges: 1 });
    expect(r.get('unit|12|2026-03-12')).toMatchObject({ overdue: 1, extensionRequests: 1 });
    expect(r.get('unit|13|2026-03-13')).toMatchObject({
      callbacks: 2,
      callbacksReached: 1,
      basicallySatisfied: 1,
      resolvedAnswered: 1,
      resolved: 1,
    });
    expect(r.get('unit|11|2026-03-06')).toMatchObject({
      callbacks: 1,
      callbacksReached: 1,
      unsatisfied: 1,
      resolvedAnswered: 1,
      resolved: 0,
      reopens: 1,
    });
    expect(r.get('category|5|2026-03-12')).toMatchObject({ replies: 1, reviewsRejected: 1, handlingSeconds: 5400 });
    expect(r.get('channel|web|2026-03-31')).toMatchObject({ contacts: 1, directAnswered: 1 });
    expect(r.get('all||2026-03-13')?.callbacks).toBe(2);
    expect([...r.keys()].some((k) => k.endsWith('2026-04-01'))).toBe(false);
    expect(rows.some((x) => events.find((e) => e.id === x.eventId)!.action === 'co_reply')).toBe(false);
  });
});
