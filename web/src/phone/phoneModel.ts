/**
 * The browser phone's pure rules: what a call line looks like, how SIP events change it, which buttons and
 * keyboard shortcuts apply in each state, and how a transfer target becomes a SIP URI. No JsSIP, no React.
 */
import type { AgentStateName } from '../api/telephony.ts';

/** One SIP dialog as the desk shows it. */
export interface CallLine {
  /** The SIP Call-ID; for an incoming call the same id the server's CallPop carries. */
  id: string;
  direction: 'incoming' | 'outgoing';
  /** What the agent sees of the other party: an extension, an outside number, or the masked caller. */
  remote: string;
  status: 'ringing' | 'dialing' | 'talking' | 'ended';
  isHeld: boolean;
  isMuted: boolean;
  /** ms since epoch */
  startedAt: number;
  answeredAt: number | null;
  endedAt: number | null;
  endCause: string | null;
}

/** The phone: the main line (the citizen), a consultation line during a consulted transfer or a three-way call. */
export interface PhoneState {
  registration: 'off' | 'connecting' | 'registered' | 'failed';
  registrationError: string | null;
  main: CallLine | null;
  consult: CallLine | null;
  isConference: boolean;
}

export const initialPhoneState: PhoneState = {
  registration: 'off',
  registrationError: null,
  main: null,
  consult: null,
  isConference: false,
};

export type PhoneEvent =
  | { type: 'registration'; state: PhoneState['registration']; error?: string | null }
  | { type: 'incoming'; id: string; remote: string; at: number }
  | { type: 'outgoing'; id: string; remote: string; at: number; isConsult?: boolean }
  | { type: 'answered'; id: string; at: number }
  | { type: 'held'; id: string; isHeld: boolean }
  | { type: 'muted'; id: string; isMuted: boolean }
  | { type: 'conference'; isConference: boolean }
  | { type: 'ended'; id: string; cause: string | null; at: number };

function patchLine(state: PhoneState, id: string, patch: Partial<CallLine>): PhoneState {
  if (state.main?.id === id) return { ...state, main: { ...state.main, ...patch } };
  if (state.consult?.id === id) return { ...state, consult: { ...state.consult, ...patch } };
  return state;
}

/** How a SIP event changes the phone. Events about unknown calls change nothing. */
export function reducePhone(state: PhoneState, event: PhoneEvent): PhoneState {
  switch (event.type) {
    case 'registration':
      return { ...state, registration: event.state, registrationError: event.state === 'failed' ? (event.error ?? null) : null };
    case 'incoming': {
      const line: CallLine = {
        id: event.id,
        direction: 'incoming',
        remote: event.remote,
        status: 'ringing',
        isHeld: false,
        isMuted: false,
        startedAt: event.at,
        answeredAt: null,
        endedAt: null,
        endCause: null,
      };
      // A second incoming call while busy is refused by the phone (see isBusy); the main line is replaced only when idle.
      return isBusy(state) ? state : { ...state, main: line, consult: null, isConference: false };
    }
    case 'outgoing': {
      const line: CallLine = {
        id: event.id,
        direction: 'outgoing',
        remote: event.remote,
        status: 'dialing',
        isHeld: false,
        isMuted: false,
        startedAt: event.at,
        answeredAt: null,
        endedAt: null,
        endCause: null,
      };
      return event.isConsult ? { ...state, consult: line } : { ...state, main: line, consult: null, isConference: false };
    }
    case 'answered':
      return patchLine(state, event.id, { status: 'talking', answeredAt: event.at });
    case 'held':
      return patchLine(state, event.id, { isHeld: event.isHeld });
    case 'muted':
      return patchLine(state, event.id, { isMuted: event.isMuted });
    case 'conference':
      return { ...state, isConference: event.isConference && !!state.main && !!state.consult };
    case 'ended': {
      if (state.consult?.id === event.id) return { ...state, consult: null, isConference: false };
      if (state.main?.id === event.id) {
        // The citizen hung up during a consultation: the consulted party becomes the main line.
        if (state.consult) return { ...state, main: state.consult, consult: null, isConference: false };
        return { ...state, main: { ...state.main, status: 'ended', endedAt: event.at, endCause: event.cause }, isConference: false };
      }
      return state;
    }
  }
}

/** An order written this long after the call ended (without wrap-up) is no longer taken to come from it. */
export const LINK_AFTER_CALL_MS = 10 * 60_000;

/**
 * Whether an order saved now belongs to call `callId`: it is on the phone, or it just ended (during wrap-up, or
 * within LINK_AFTER_CALL_MS), and no other call came since.
 */
export function isOrderOfCall(state: PhoneState, callId: string, agent: AgentStateName | null, now: number): boolean {
  const main = state.main;
  if (!main || main.id !== callId) return agent === 'talking' || agent === 'wrap_up';
  if (main.status !== 'ended') return main.status === 'talking';
  return agent === 'wrap_up' || (main.endedAt !== null && now - main.endedAt <= LINK_AFTER_CALL_MS);
}

/** A live call (ringing, dialling or talking) is on the phone. */
export function isBusy(state: PhoneState): boolean {
  return !!state.main && state.main.status !== 'ended';
}

export type PhoneAction = 'answer' | 'hangup' | 'hold' | 'mute' | 'keypad' | 'transfer' | 'dial' | 'ready' | 'break' | 'signOut';

/** The buttons that make sense now: the phone line and the agent's ACD state together. */
export function availableActions(phone: PhoneState, agent: AgentStateName | null): Set<PhoneAction> {
  const actions = new Set<PhoneAction>();
  const main = phone.main && phone.main.status !== 'ended' ? phone.main : null;
  const isRegistered = phone.registration === 'registered';
  if (main?.status === 'ringing') actions.add('answer');
  if (main) actions.add('hangup');
  if (main?.status === 'talking') {
    actions.add('hold');
    actions.add('mute');
    actions.add('keypad');
    actions.add('transfer');
  }
  if (!main && isRegistered) actions.add('dial');
  if (agent && !main && agent !== 'ringing' && agent !== 'talking') {
    if (agent !== 'ready') actions.add('ready');
    if (agent !== 'break') actions.add('break');
    if (agent !== 'signed_out') actions.add('signOut');
  }
  return actions;
}

/**
 * Keyboard shortcuts of the phone (Alt + letter, so they never clash with typing in the intake form, nor with the
 * desk's own Ctrl+S / Ctrl+Enter / Alt+K). Returns null for any other key.
 */
export const SHORTCUTS: Record<string, PhoneAction> = {
  a: 'answer',
  q: 'hangup',
  h: 'hold',
  m: 'mute',
  n: 'keypad',
  t: 'transfer',
  r: 'ready',
  b: 'break',
};
export function shortcutFor(e: {
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  key: string;
  code?: string;
}): PhoneAction | null {
  if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return null;
  // On macOS Alt+letter types a symbol; the physical key (KeyA) still says which letter.
  const letter = e.code?.startsWith('Key') ? e.code.slice(3).toLowerCase() : e.key.toLowerCase();
  return SHORTCUTS[letter] ?? null;
}

/** Characters a DTMF keypad sends. */
export const DTMF_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const;
export function isDtmfKey(key: string): boolean {
  return (DTMF_KEYS as readonly string[]).includes(key);
}

/** A number the agent may type: an extension, a short outside number (110) or a phone number; digits only, 3 to 20. */
const DIALLABLE = /^\+?\d{3,20}$/;
export function normalizeDialled(raw: string): string | null {
  const cleaned = raw.replace(/[\s()-]/g, '');
  return DIALLABLE.test(cleaned) ? cleaned : null;
}

/** `sip:<number>@<domain>`, the only form the server routes (agent extensions, queues' numbers, allowed outside numbers). */
export function sipUri(number: string, domain: string): string {
  const dialled = normalizeDialled(number);
  if (!dialled) throw new Error(`not a diallable number: ${number}`);
  return `sip:${dialled}@${domain}`;
}

/** Seconds as m:ss, or h:mm:ss past an hour (call timers, waits). */
export function formatClock(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/** Whole seconds from an ISO time or ms timestamp to now. */
export function secondsSince(since: string | number | null | undefined, now: number): number {
  if (since === null || since === undefined) return 0;
  const start = typeof since === 'number' ? since : Date.parse(since);
  return Number.isFinite(start) ? Math.max(0, Math.floor((now - start) / 1000)) : 0;
}

/** The colour each agent state is shown in, on the desk and the wallboard alike. */
export const STATE_COLORS: Record<AgentStateName, string> = {
  ready: '#52c41a',
  ringing: '#fa8c16',
  talking: '#1677ff',
  wrap_up: '#722ed1',
  break: '#faad14',
  signed_out: '#8c8c8c',
};
