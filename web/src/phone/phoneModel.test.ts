import { describe, expect, it } from 'vitest';
import {
  availableActions,
  formatClock,
  initialPhoneState,
  isBusy,
  isOrderOfCall,
  LINK_AFTER_CALL_MS,
  normalizeDialled,
  reducePhone,
  secondsSince,
  shortcutFor,
  sipUri,
  type PhoneEvent,
  type PhoneState,
} from './phoneModel.ts';

const run = (events: PhoneEvent[], from: PhoneState = initialPhoneState) => events.reduce(reducePhone, from);
const registered = run([{ type: 'registration', state: 'registered' }]);
const key = (k: string, extra: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; code: string }> = {}) => ({
  altKey: true,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  key: k,
  ...extra,
});

describe('reducePhone', () => {
  it('rings, answers and ends an incoming call', () => {
    const ringing = run([{ type: 'incoming', id: 'c1', remote: '138****0000', at: 1000 }], registered);
    expect(ringing.main).toMatchObject({ id: 'c1', direction: 'incoming', status: 'ringing', answeredAt: null });
    expect(isBusy(ringing)).toBe(true);
    const talking = reducePhone(ringing, { type: 'answered', id: 'c1', at: 3000 });
    expect(talking.main).toMatchObject({ status: 'talking', answeredAt: 3000 });
    const ended = reducePhone(talking, { type: 'ended', id: 'c1', cause: 'Terminated', at: 9000 });
    expect(ended.main).toMatchObject({ status: 'ended', endedAt: 9000, endCause: 'Terminated' });
    expect(isBusy(ended)).toBe(false);
  });

  it('keeps the call on the phone when a second INVITE arrives while busy', () => {
    const busy = run(
      [
        { type: 'incoming', id: 'c1', remote: 'a', at: 0 },
        { type: 'incoming', id: 'c2', remote: 'b', at: 1 },
      ],
      registered,
    );
    expect(busy.main?.id).toBe('c1');
  });

  it('tracks hold and mute per line and ignores events of unknown calls', () => {
    const s = run(
      [
        { type: 'incoming', id: 'c1', remote: 'a', at: 0 },
        { type: 'answered', id: 'c1', at: 1 },
        { type: 'held', id: 'c1', isHeld: true },
        { type: 'muted', id: 'c1', isMuted: true },
        { type: 'muted', id: 'zz', isMuted: false },
      ],
      registered,
    );
    expect(s.main).toMatchObject({ isHeld: true, isMuted: true });
  });

  it('consults a second party, holds a three-way call, and drops back to one line when the consulted party leaves', () => {
    const consulting = run(
      [
        { type: 'incoming', id: 'c1', remote: 'citizen', at: 0 },
        { type: 'answered', id: 'c1', at: 1 },
        { type: 'outgoing', id: 'c2', remote: '110', at: 2, isConsult: true },
        { type: 'answered', id: 'c2', at: 3 },
      ],
      registered,
    );
    expect(consulting.main?.id).toBe('c1');
    expect(consulting.consult).toMatchObject({ id: 'c2', status: 'talking', remote: '110' });
    const conference = reducePhone(consulting, { type: 'conference', isConference: true });
    expect(conference.isConference).toBe(true);
    const back = reducePhone(conference, { type: 'ended', id: 'c2', cause: null, at: 5 });
    expect(back.consult).toBeNull();
    expect(back.isConference).toBe(false);
    expect(back.main?.status).toBe('talking');
  });

  it('makes the consulted party the main line when the citizen hangs up during a consultation', () => {
    const s = run(
      [
        { type: 'incoming', id: 'c1', remote: 'citizen', at: 0 },
        { type: 'answered', id: 'c1', at: 1 },
        { type: 'outgoing', id: 'c2', remote: '8002', at: 2, isConsult: true },
        { type: 'ended', id: 'c1', cause: 'BYE', at: 3 },
      ],
      registered,
    );
    expect(s.main?.id).toBe('c2');
    expect(s.consult).toBeNull();
  });

  it('refuses a conference without two lines', () => {
    const s = run(
      [
        { type: 'incoming', id: 'c1', remote: 'a', at: 0 },
        { type: 'conference', isConference: true },
      ],
      registered,
    );
    expect(s.isConference).toBe(false);
  });

  it('keeps the registration error only while failed', () => {
    const failed = reducePhone(initialPhoneState, { type: 'registration', state: 'failed', error: 'Authentication Error' });
    expect(failed.registrationError).toBe('Authentication Error');
    expect(reducePhone(failed, { type: 'registration', state: 'registered' }).registrationError).toBeNull();
  });
});

describe('availableActions', () => {
  it('offers answer and hang-up while ringing, and no state change', () => {
    const ringing = run([{ type: 'incoming', id: 'c1', remote: 'a', at: 0 }], registered);
    expect([...availableActions(ringing, 'ringing')].sort()).toEqual(['answer', 'hangup']);
  });

  it('offers the call controls while talking', () => {
    const talking = run(
      [
        { type: 'incoming', id: 'c1', remote: 'a', at: 0 },
        { type: 'answered', id: 'c1', at: 1 },
      ],
      registered,
    );
    expect([...availableActions(talking, 'talking')].sort()).toEqual(['hangup', 'hold', 'keypad', 'mute', 'transfer']);
  });

  it('offers dialling and the other states when idle', () => {
    expect([...availableActions(registered, 'ready')].sort()).toEqual(['break', 'dial', 'signOut']);
    expect([...availableActions(registered, 'wrap_up')].sort()).toEqual(['break', 'dial', 'ready', 'signOut']);
    expect([...availableActions(registered, 'signed_out')].sort()).toEqual(['break', 'dial', 'ready']);
    // Not registered: no dialling, but the ACD state can still change.
    expect([...availableActions(initialPhoneState, 'break')].sort()).toEqual(['ready', 'signOut']);
  });
});

describe('isOrderOfCall', () => {
  const talking = run(
    [
      { type: 'incoming', id: 'c1', remote: 'a', at: 0 },
      { type: 'answered', id: 'c1', at: 1 },
    ],
    registered,
  );
  const ended = reducePhone(talking, { type: 'ended', id: 'c1', cause: 'BYE', at: 1_000 });

  it('links during the call, during wrap-up and shortly after', () => {
    expect(isOrderOfCall(talking, 'c1', 'talking', 500)).toBe(true);
    expect(isOrderOfCall(ended, 'c1', 'wrap_up', 1_000 + LINK_AFTER_CALL_MS * 3)).toBe(true);
    expect(isOrderOfCall(ended, 'c1', 'ready', 1_000 + LINK_AFTER_CALL_MS)).toBe(true);
  });

  it('does not link a call that is only ringing, long over, or another call', () => {
    const ringing = run([{ type: 'incoming', id: 'c1', remote: 'a', at: 0 }], registered);
    expect(isOrderOfCall(ringing, 'c1', 'ringing', 1)).toBe(false);
    expect(isOrderOfCall(ended, 'c1', 'ready', 1_001 + LINK_AFTER_CALL_MS)).toBe(false);
    expect(isOrderOfCall(talking, 'other', 'ready', 1)).toBe(false);
  });

  it('links a call the server says is on although this tab has not seen it (reloaded mid-call)', () => {
    expect(isOrderOfCall(registered, 'c9', 'talking', 1)).toBe(true);
  });
});

describe('shortcutFor', () => {
  it('maps Alt+letter, also by the physical key', () => {
    expect(shortcutFor(key('a'))).toBe('answer');
    expect(shortcutFor(key('Q'))).toBe('hangup');
    expect(shortcutFor(key('å', { code: 'KeyA' }))).toBe('answer');
  });

  it('ignores plain letters, other modifiers and unmapped keys', () => {
    expect(shortcutFor(key('a', { altKey: false }))).toBeNull();
    expect(shortcutFor(key('a', { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(key('k'))).toBeNull(); // Alt+K belongs to the knowledge search
  });
});

describe('numbers', () => {
  it('accepts extensions, short outside numbers and phone numbers', () => {
    expect(normalizeDialled('8001')).toBe('8001');
    expect(normalizeDialled(' 110 ')).toBe('110');
    expect(normalizeDialled('138-0013 8000')).toBe('13800138000');
    expect(sipUri('119', 'lianxin.local')).toBe('sip:119@lianxin.local');
  });

  it('refuses anything that is not 3 to 20 digits', () => {
    for (const bad of ['', '12', 'sip:8001@x', '8001@evil', '1'.repeat(21), '12a4']) expect(normalizeDialled(bad)).toBeNull();
    expect(() => sipUri('8001@evil.example', 'lianxin.local')).toThrow();
  });
});

describe('clocks', () => {
  it('formats call timers', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(75)).toBe('1:15');
    expect(formatClock(3_725)).toBe('1:02:05');
    expect(formatClock(-4)).toBe('0:00');
  });

  it('counts seconds since an ISO time or a timestamp', () => {
    expect(secondsSince('2026-12-06T10:00:00Z', Date.parse('2026-12-06T10:01:30Z'))).toBe(90);
    expect(secondsSince(1_000, 4_500)).toBe(3);
    expect(secondsSince(null, 1)).toBe(0);
    expect(secondsSince('not a time', 1)).toBe(0);
  });
});
