import { describe, expect, it } from 'vitest';
import { createLiveBus, type LiveEvent } from './live.ts';

describe('createLiveBus', () => {
  it('delivers to every listener even when one throws, and never throws to the publisher', () => {
    const bus = createLiveBus();
    const seen: number[] = [];
    bus.subscribe(() => {
      throw new Error('a desk connection broke');
    });
    bus.subscribe((event) => seen.push(event.ticketId!));
    expect(() => bus.publish({ topic: 'ticket.created', ticketId: 7, unitIds: [] })).not.toThrow();
    expect(() => bus.deliverRemote({ topic: 'ticket.dispatch', ticketId: 8, unitIds: [], at: '2026-12-05T08:00:00.000Z' })).not.toThrow();
    expect(seen).toEqual([7, 8]);
  });

  it('forwards local events only, and stops delivering after unsubscribe', () => {
    const bus = createLiveBus();
    const forwarded: LiveEvent[] = [];
    const seen: LiveEvent[] = [];
    bus.setForwarder((event) => forwarded.push(event));
    const unsubscribe = bus.subscribe((event) => seen.push(event));
    bus.publish({ topic: 'ticket.created', ticketId: 1, unitIds: [] });
    bus.deliverRemote({ topic: 'ticket.created', ticketId: 2, unitIds: [], at: '2026-12-05T08:00:00.000Z' });
    unsubscribe();
    bus.publish({ topic: 'ticket.created', ticketId: 3, unitIds: [] });
    expect(seen.map((e) => e.ticketId)).toEqual([1, 2]);
    expect(forwarded.map((e) => e.ticketId)).toEqual([1, 3]);
  });
});
