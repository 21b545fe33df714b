import { describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../lib/live.ts';
import { notifyMessages } from './live.bridge.ts';

const event = (ticketId: number, title = '路灯不亮'): LiveEvent => ({
  topic: 'ticket.created',
  ticketId,
  unitIds: [7],
  payload: { title },
  at: '2026-12-05T08:00:00.000Z',
});

describe('notifyMessages', () => {
  it('packs the events of one tick into one message', () => {
    const messages = notifyMessages('p1', [event(1), event(2), event(3)]);
    expect(messages).toHaveLength(1);
    expect(JSON.parse(messages[0])).toEqual({ origin: 'p1', events: [event(1), event(2), event(3)] });
  });

  it('keeps every message under the NOTIFY limit, in publishing order', () => {
    const events = Array.from({ length: 60 }, (_, i) => event(i, '噪音扰民'.repeat(40)));
    const messages = notifyMessages('p1', events);
    expect(messages.length).toBeGreaterThan(1);
    for (const text of messages) expect(Buffer.byteLength(text)).toBeLessThanOrEqual(7500);
    expect(messages.flatMap((text) => JSON.parse(text).events.map((e: LiveEvent) => e.ticketId))).toEqual(events.map((e) => e.ticketId));
  });

  it('sends an event too large for a message without its payload', () => {
    const [text] = notifyMessages('p1', [event(1, '长'.repeat(5000))]);
    expect(JSON.parse(text).events).toEqual([{ ...event(1), payload: undefined }].map((e) => JSON.parse(JSON.stringify(e))));
  });
});
