import { describe, expect, it } from 'vitest';
import { generateCalls } from './calls.ts';
import type { CitizenRow, UserRow } from './people.ts';
import type { TicketRow } from './rows.ts';

const now = Date.parse('2026-11-22T08:00:00+08:00');
const agents = [11, 12, 13].map((id) => ({ id }) as UserRow);
const citizens = Array.from({ length: 500 }, (_, i) => ({ id: i + 1, phone: `1390000${String(i).padStart(4, '0')}` }) as CitizenRow);
// 6,000 phone orders and 2,000 web orders over 60 days, during office hours
const tickets = Array.from(
  { length: 8000 },
  (_, i) =>
    ({
      id: i + 1,
      channel: i % 4 === 3 ? 'web' : 'phone',
      type: i % 5 === 0 ? 'complaint' : 'inquiry',
      citizenLocalId: (i % 500) + 1,
      createdById: agents[i % 3].id,
      createdAt: now - 60 * 86_400_000 + Math.floor((i / 8000) * 60) * 86_400_000 + (9 + (i % 8)) * 3_600_000 + (i % 3600) * 1000,
    }) as TicketRow,
);

describe('generateCalls', () => {
  const calls = generateCalls({ seed: 12345, now, tickets, citizens, agents });
  const answered = calls.filter((c) => c.answeredAt !== null);
  const abandoned = calls.filter((c) => c.answeredAt === null);

  it('gives every phone order its answered call and 1.2–1.5 calls per phone order in all', () => {
    const phoneOrders = tickets.filter((t) => t.channel === 'phone');
    const linked = calls.filter((c) => c.ticketId !== null);
    expect(linked).toHaveLength(phoneOrders.length);
    expect(linked.every((c) => c.answeredAt !== null && c.agentUserId === tickets[c.ticketId! - 1].createdById)).toBe(true);
    const ratio = calls.length / phoneOrders.length;
    expect(ratio).toBeGreaterThan(1.2);
    expect(ratio).toBeLessThan(1.5);
  });

  it('has a realistic answer rate, 15-second answer rate, and abandonment mostly after long waits', () => {
    const answerRate = answered.length / calls.length;
    const within15 = answered.filter((c) => c.waitSeconds <= 15).length / calls.length;
    expect(answerRate).toBeGreaterThan(0.95);
    expect(answerRate).toBeLessThan(0.99);
    expect(within15).toBeGreaterThan(0.85);
    expect(within15).toBeLessThan(0.92);
    expect(abandoned.filter((c) => c.waitSeconds > 15).length / abandoned.length).toBeGreaterThan(0.7);
  });

  it('keeps every call consistent and in the past', () => {
    for (const c of calls) {
      expect(c.endedAt).toBeLessThan(now);
      expect(c.offeredAt + c.waitSeconds * 1000).toBe(c.answeredAt ?? c.endedAt);
      if (c.answeredAt !== null) expect(c.answeredAt + c.talkSeconds * 1000).toBe(c.endedAt);
      else expect([c.talkSeconds, c.wrapUpSeconds, c.agentUserId]).toEqual([0, 0, null]);
    }
    expect(new Set(calls.map((c) => c.externalId)).size).toBe(calls.length);
  });

  it('has about half of the answered callers rate the call (一次一评), mostly satisfied, and no unanswered call rated', () => {
    expect(abandoned.every((c) => c.rating === null)).toBe(true);
    const rated = answered.filter((c) => c.rating !== null);
    expect(rated.length / answered.length).toBeGreaterThan(0.5);
    expect(rated.length / answered.length).toBeLessThan(0.6);
    const satisfied = rated.filter((c) => c.rating === 1 || c.rating === 2).length / rated.length;
    expect(satisfied).toBeGreaterThan(0.93);
    expect(satisfied).toBeLessThan(0.98);
  });

  it('is deterministic for a seed', () => {
    expect(generateCalls({ seed: 12345, now, tickets, citizens, agents })).toEqual(calls);
    expect(generateCalls({ seed: 54321, now, tickets, citizens, agents })).not.toEqual(calls);
  });
});
