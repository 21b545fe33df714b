import { describe, expect, it } from 'vitest';
import { checkCall, duplicateIds, type CallInput } from './calls.rules.ts';

const now = new Date('2026-03-02T12:00:00+08:00');
const call = (c: Partial<CallInput> = {}): CallInput => ({
  externalId: 'c1',
  direction: 'inbound',
  queue: 'general',
  offeredAt: '2026-03-02T09:00:00+08:00',
  answeredAt: '2026-03-02T09:00:12+08:00',
  endedAt: '2026-03-02T09:04:12+08:00',
  wrapUpSeconds: 30,
  agentUserId: 5,
  phone: '+86 138-0013-8000',
  ...c,
});

describe('checkCall', () => {
  it('derives wait and talk seconds and normalises the phone', () => {
    const r = checkCall(call(), 0, now);
    expect(r).toEqual({
      row: expect.objectContaining({
        waitSeconds: 12,
        talkSeconds: 240,
        wrapUpSeconds: 30,
        phone: '13800138000',
        agentUserId: 5,
        ticketId: null,
      }),
    });
  });
  it("takes an abandoned call's wait until it ended", () => {
    const r = checkCall(call({ answeredAt: null, endedAt: '2026-03-02T09:01:30+08:00', wrapUpSeconds: 0, agentUserId: null }), 0, now);
    expect(r).toEqual({ row: expect.objectContaining({ waitSeconds: 90, talkSeconds: 0, answeredAt: null }) });
  });
  it('lists every problem with its path', () => {
    const r = checkCall(
      call({ answeredAt: '2026-03-02T08:59:00+08:00', endedAt: '2026-03-02T08:58:00+08:00', phone: '12345', agentUserId: null }),
      3,
      now,
    );
    expect('problems' in r && r.problems.map((p) => [p.path, p.reason])).toEqual([
      ['calls.3.phone', 'bad_phone'],
      ['calls.3.answeredAt', 'answered_before_offered'],
      ['calls.3.endedAt', 'ended_before_start'],
      ['calls.3.agentUserId', 'answered_without_agent'],
    ]);
  });
  it('rejects talk time on unanswered calls and calls from the future', () => {
    const r = checkCall(
      call({
        answeredAt: null,
        talkSeconds: 5,
        wrapUpSeconds: 0,
        offeredAt: '2026-03-03T09:00:00+08:00',
        endedAt: '2026-03-03T09:01:00+08:00',
      }),
      0,
      now,
    );
    expect('problems' in r && r.problems.map((p) => p.reason)).toEqual(['future_time', 'future_time', 'talk_without_answer']);
  });
  it('finds ids repeated in a batch', () => {
    expect(duplicateIds([{ externalId: 'a' }, { externalId: 'b' }, { externalId: 'a' }]).map((p) => p.path)).toEqual([
      'calls.2.externalId',
    ]);
  });
});
