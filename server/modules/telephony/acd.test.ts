import { describe, expect, it } from 'vitest';
import {
  callbackIndicators,
  callerNumber,
  effectiveState,
  eligibleQueues,
  ephemeralCredentials,
  isRecordingKept,
  parseOutsideNumbers,
  parseQueueNumbers,
  pickAgent,
  queuePosition,
  ratingOfDigit,
  refuseStateChange,
  talkSecondsOf,
  type AgentSnapshot,
} from './acd.ts';

const t = (s: number) => new Date(Date.UTC(2026, 0, 5, 2, 0, s));
const agent = (userId: number, over: Partial<AgentSnapshot> = {}): AgentSnapshot => ({
  userId,
  extension: String(8000 + userId),
  state: 'ready',
  idleSince: t(0),
  wrapUpUntil: null,
  skills: [{ queue: 'general', level: 1 }],
  ...over,
});
const call = (over: Partial<{ queue: 'general' | 'ko' | 'enterprise'; offeredAt: Date; missedAgentIds: number[] }> = {}) => ({
  queue: 'general' as const,
  offeredAt: t(100),
  missedAgentIds: [] as number[],
  ...over,
});

describe('acd', () => {
  describe('pickAgent', () => {
    it('gives the call to the longest-idle ready agent', () => {
      expect(
        pickAgent([agent(1, { idleSince: t(50) }), agent(2, { idleSince: t(10) }), agent(3, { idleSince: t(30) })], call(), t(100), 60)
          ?.userId,
      ).toBe(2);
    });
    it('never picks an agent who is not ready', () => {
      const agents = (['signed_out', 'ringing', 'talking', 'break'] as const).map((state, i) => agent(i + 1, { state, idleSince: t(0) }));
      expect(pickAgent(agents, call(), t(100), 60)).toBeNull();
      expect(pickAgent([agent(9, { state: 'wrap_up', wrapUpUntil: t(200) })], call(), t(100), 60)).toBeNull();
    });
    it('counts a finished wrap-up as ready, idle since its end', () => {
      const a = agent(1, { state: 'wrap_up', wrapUpUntil: t(90), idleSince: t(90) });
      expect(effectiveState(a, t(100))).toBe('ready');
      expect(pickAgent([a, agent(2, { idleSince: t(95) })], call(), t(100), 60)?.userId).toBe(1);
    });
    it("needs the skill of the call's queue, until the call overflows to general", () => {
      const general = agent(1);
      const korean = agent(2, { skills: [{ queue: 'ko', level: 3 }], idleSince: t(50) });
      expect(pickAgent([general], call({ queue: 'ko' }), t(110), 60)).toBeNull();
      expect(pickAgent([general, korean], call({ queue: 'ko' }), t(110), 60)?.userId).toBe(2);
      expect(eligibleQueues(call({ queue: 'ko' }), t(160), 60)).toEqual(['ko', 'general']);
      expect(pickAgent([general], call({ queue: 'ko' }), t(160), 60)?.userId).toBe(1);
    });
    it('prefers the higher level between agents idle equally long, and skips agents who let the call ring out', () => {
      const a = agent(1, { skills: [{ queue: 'general', level: 1 }] });
      const b = agent(2, { skills: [{ queue: 'general', level: 4 }] });
      expect(pickAgent([a, b], call(), t(100), 60)?.userId).toBe(2);
      expect(pickAgent([a, b], call({ missedAgentIds: [2] }), t(100), 60)?.userId).toBe(1);
    });
  });

  it('refuses state changes while a call rings or talks, and a break without reason', () => {
    expect(refuseStateChange('talking', 'ready', undefined)?.reason).toBe('busy');
    expect(refuseStateChange('ringing', 'signed_out', undefined)?.reason).toBe('busy');
    expect(refuseStateChange('ready', 'break', '  ')?.reason).toBe('reason_required');
    expect(refuseStateChange('wrap_up', 'ready', undefined)).toBeNull();
    expect(refuseStateChange('ready', 'break', '用餐')).toBeNull();
  });

  it('places a caller behind earlier callers the same agents could take', () => {
    const waiting = [
      { callId: 'a', offeredAt: t(1), queue: 'general' as const },
      { callId: 'b', offeredAt: t(2), queue: 'ko' as const },
      { callId: 'c', offeredAt: t(3), queue: 'general' as const },
    ];
    expect(queuePosition(waiting[2]!, waiting)).toBe(3);
    expect(queuePosition({ callId: 'd', offeredAt: t(4), queue: 'ko' }, waiting)).toBe(4);
    expect(queuePosition({ callId: 'e', offeredAt: t(4), queue: 'enterprise' }, waiting)).toBe(3);
  });

  it('reads caller numbers, queue and outside-number settings', () => {
    expect(callerNumber('+8613800000000')).toBe('13800000000');
    expect(callerNumber('alice')).toBeNull();
    expect(parseQueueNumbers('12345=general,123451=ko')).toEqual({ 12345: 'general', 123451: 'ko' });
    expect(() => parseQueueNumbers('12345=klingon')).toThrow();
    expect(parseOutsideNumbers('110=公安,119')).toEqual([
      { number: '110', label: '公安' },
      { number: '119', label: '119' },
    ]);
  });

  it('makes auth_ephemeral credentials Kamailio can check', () => {
    const c = ephemeralCredentials('secret', '8001', new Date(1_800_000_000_000));
    expect(c.username).toBe('1800000000:8001');
    // base64(HMAC-SHA1("secret", "1800000000:8001")), as `printf %s 1800000000:8001 | openssl dgst -sha1 -hmac secret -binary | base64`
    expect(c.password).toBe('l/+e7QdZR2stT2hOzwPb6SEAz0I=');
  });

  it('computes the callback indicators and reads ratings', () => {
    const at = (min: number) => new Date(t(0).getTime() + min * 60_000);
    const ind = callbackIndicators([
      { abandonedAt: at(0), closedAt: at(20), closedReason: 'reached' },
      { abandonedAt: at(0), closedAt: at(120), closedReason: 'no_answer' },
      { abandonedAt: at(0), closedAt: null, closedReason: null },
      { abandonedAt: at(0), closedAt: at(10), closedReason: 'answered_later' },
    ]);
    expect(ind).toMatchObject({ abandoned: 4, calledBackWithin30m: 2, calledBackWithin24h: 3, shareWithin30m: 0.5, shareWithin24h: 0.75 });
    expect([ratingOfDigit('1'), ratingOfDigit('3'), ratingOfDigit('9')]).toEqual([1, 3, null]);
  });
});

describe('talkSecondsOf', () => {
  const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 9, 0, s));
  it('counts from the answer to the end, or to now while the call goes on; 0 when unanswered', () => {
    expect(talkSecondsOf({ answeredAt: at(10), endedAt: at(42) }, at(59))).toBe(32);
    expect(talkSecondsOf({ answeredAt: at(10), endedAt: null }, at(25))).toBe(15);
    expect(talkSecondsOf({ answeredAt: null, endedAt: at(42) }, at(59))).toBe(0);
  });
});

describe('isRecordingKept', () => {
  const now = new Date(Date.UTC(2026, 6, 1, 4, 0, 0));
  const daysBefore = (d: number, ms = 0) => new Date(now.getTime() - d * 86_400_000 + ms);
  it('keeps a recording for the retention days from the call start, to the millisecond, and not after', () => {
    expect(isRecordingKept(daysBefore(10), now, 180)).toBe(true);
    expect(isRecordingKept(daysBefore(180), now, 180)).toBe(true);
    expect(isRecordingKept(daysBefore(180, -1), now, 180)).toBe(false);
    expect(isRecordingKept(daysBefore(1, -1), now, 1)).toBe(false);
  });
});
