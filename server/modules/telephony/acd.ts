/**
 * 话务分配 (ACD): the pure rules — which agent states may follow which, who gets the next call, when a call
 * overflows to the general queue, where a caller stands in the queue. No I/O; the telephony service applies them.
 */
import crypto from 'node:crypto';

export const QUEUES = ['general', 'ko', 'ja', 'en', 'th', 'enterprise'] as const;
export type Queue = (typeof QUEUES)[number];
export const QUEUE_LABELS: Record<Queue, { zh: string; en: string }> = {
  general: { zh: '综合', en: 'General' },
  ko: { zh: '韩语', en: 'Korean' },
  ja: { zh: '日语', en: 'Japanese' },
  en: { zh: '英语', en: 'English' },
  th: { zh: '泰语', en: 'Thai' },
  enterprise: { zh: '涉企服务', en: 'Enterprise service' },
};

export const AGENT_STATES = ['signed_out', 'ready', 'ringing', 'talking', 'wrap_up', 'break'] as const;
export type AgentState = (typeof AGENT_STATES)[number];
/** What an agent may ask for; ringing, talking and wrap-up come from calls. */
export const REQUESTABLE_STATES = ['ready', 'break', 'signed_out'] as const;
export type RequestableState = (typeof REQUESTABLE_STATES)[number];

export interface Skill {
  queue: Queue;
  level: number;
}

export interface AgentSnapshot {
  userId: number;
  extension: string;
  state: AgentState;
  idleSince: Date | null;
  wrapUpUntil: Date | null;
  skills: Skill[];
}

/** A wrap-up that has run out counts as ready, idle since its end (no timer needed to flip it). */
export function effectiveState(agent: Pick<AgentSnapshot, 'state' | 'wrapUpUntil'>, now: Date): AgentState {
  if (agent.state === 'wrap_up' && agent.wrapUpUntil && agent.wrapUpUntil.getTime() <= now.getTime()) return 'ready';
  return agent.state;
}

export function idleSinceOf(agent: Pick<AgentSnapshot, 'state' | 'wrapUpUntil' | 'idleSince'>): Date | null {
  if (agent.state === 'wrap_up') return agent.wrapUpUntil;
  return agent.idleSince;
}

export type StateRefusal = { reason: 'busy' | 'reason_required' | 'same_state'; zh: string; en: string };

/** May an agent in `current` switch to `target` by their own hand? Null when yes. */
export function refuseStateChange(current: AgentState, target: RequestableState, reason: string | undefined): StateRefusal | null {
  if (current === 'ringing' || current === 'talking') {
    return {
      reason: 'busy',
      zh: '通话中或振铃中不能切换状态，请先结束通话',
      en: 'You cannot change state while a call is ringing or in progress; finish the call first',
    };
  }
  if (target === 'break' && !reason?.trim()) {
    return { reason: 'reason_required', zh: '小休需填写原因', en: 'A break needs a reason' };
  }
  return null;
}

export interface CallForRouting {
  queue: Queue;
  offeredAt: Date;
  missedAgentIds: number[];
}

/** The queues whose agents may take this call: its own, and the general queue once it has waited `overflowSeconds`. */
export function eligibleQueues(call: Pick<CallForRouting, 'queue' | 'offeredAt'>, now: Date, overflowSeconds: number): Queue[] {
  if (call.queue === 'general') return ['general'];
  const waited = (now.getTime() - call.offeredAt.getTime()) / 1000;
  return waited >= overflowSeconds ? [call.queue, 'general'] : [call.queue];
}

/**
 * The agent for a call: ready (a finished wrap-up counts), holding a skill for one of the eligible queues, not one
 * who already let this call ring out; the longest idle first, then the higher skill level, then the lower id.
 * Null when nobody fits — the call waits. The live routing decision runs this same rule as one locking SQL statement
 * (telephony.repository claimBestAgent, so concurrent decisions never take one agent twice); telephony.routing.api.test
 * holds it to these rules.
 */
export function pickAgent(agents: AgentSnapshot[], call: CallForRouting, now: Date, overflowSeconds: number): AgentSnapshot | null {
  const queues = eligibleQueues(call, now, overflowSeconds);
  let best: { agent: AgentSnapshot; idle: number; level: number } | null = null;
  for (const agent of agents) {
    if (effectiveState(agent, now) !== 'ready' || call.missedAgentIds.includes(agent.userId)) continue;
    const level = Math.max(-1, ...agent.skills.filter((s) => queues.includes(s.queue)).map((s) => s.level));
    if (level < 0) continue;
    const idle = idleSinceOf(agent)?.getTime() ?? 0;
    if (
      !best ||
      idle < best.idle ||
      (idle === best.idle && (level > best.level || (level === best.level && agent.userId < best.agent.userId)))
    ) {
      best = { agent, idle, level };
    }
  }
  return best?.agent ?? null;
}

/** 1-based place in line: calls offered earlier that the same agents could take. */
export function queuePosition(
  call: { callId: string; offeredAt: Date; queue: Queue },
  waiting: { callId: string; offeredAt: Date; queue: Queue }[],
): number {
  return (
    1 +
    waiting.filter(
      (w) =>
        w.callId !== call.callId &&
        (w.queue === call.queue || call.queue === 'general' || w.queue === 'general') &&
        (w.offeredAt.getTime() < call.offeredAt.getTime() ||
          (w.offeredAt.getTime() === call.offeredAt.getTime() && w.callId < call.callId)),
    ).length
  );
}

/** Which queue a dialled number reaches: the hotline itself is general; each service number a skill queue. */
export function queueForNumber(dialled: string, numbers: Record<string, Queue>): Queue | null {
  return numbers[dialled] ?? null;
}

/** `12345=general,123451=ko` → { 12345: 'general', 123451: 'ko' }; a bad entry throws (a setting is wrong at start-up). */
export function parseQueueNumbers(setting: string): Record<string, Queue> {
  const out: Record<string, Queue> = {};
  for (const part of setting
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [num, queue] = part.split('=').map((p) => p.trim());
    if (!num || !/^\d+$/.test(num) || !QUEUES.includes(queue as Queue)) throw new Error(`TELEPHONY_QUEUE_NUMBERS: bad entry "${part}"`);
    out[num] = queue as Queue;
  }
  return out;
}

/** `110=公安,119=消防` → [{ number, label }]. */
export function parseOutsideNumbers(setting: string): { number: string; label: string }[] {
  return setting
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)
    .map((part) => {
      const [num, label] = part.split('=').map((p) => p.trim());
      if (!num || !/^\d{3,20}$/.test(num)) throw new Error(`TELEPHONY_OUTSIDE_NUMBERS: bad entry "${part}"`);
      return { number: num, label: label || num };
    });
}

/** A caller's SIP user as a phone number (digits, +86 dropped); null when it is not one. */
export function callerNumber(sipUser: string): string | null {
  const digits = sipUser.replace(/^\+?86(?=1\d{10}$)/, '').replace(/^\+/, '');
  return /^\d{3,20}$/.test(digits) ? digits : null;
}

/** Agent extensions are 8000 + user id … simple, unique, and never clash with service or outside numbers. */
/** A call's talk seconds: from the answer to its end (or `now` while it goes on); 0 unanswered. */
/** A call's recording plays for `retentionDays` (TELEPHONY_RECORDING_RETENTION_DAYS) from the call's start, then counts as gone. */
export function isRecordingKept(offeredAt: Date, now: Date, retentionDays: number): boolean {
  return offeredAt.getTime() >= now.getTime() - retentionDays * 86_400_000;
}

export function talkSecondsOf(call: { answeredAt: Date | null; endedAt: Date | null }, now: Date): number {
  return call.answeredAt ? Math.max(0, Math.round(((call.endedAt ?? now).getTime() - call.answeredAt.getTime()) / 1000)) : 0;
}

export const extensionOf = (userId: number) => String(8000 + userId);
export const userIdOfExtension = (ext: string): number | null => (/^8\d{3,}$/.test(ext) ? Number(ext) - 8000 : null);

/**
 * auth_ephemeral credentials (Kamailio, username_format 1): username "<expiresUnix>:<user>", password
 * base64(HMAC-SHA1(secret, username)). Kamailio checks them with the same secret; nothing is stored.
 */
export function ephemeralCredentials(secret: string, user: string, expiresAt: Date): { username: string; password: string } {
  const username = `${Math.floor(expiresAt.getTime() / 1000)}:${user}`;
  return { username, password: crypto.createHmac('sha1', secret).update(username).digest('base64') };
}

export interface CallbackFacts {
  abandonedAt: Date;
  closedAt: Date | null;
  closedReason: string | null;
}

/** 漏接回拨 indicators: of the abandoned calls that became tasks, the share called back (reached or not) within 30 min and 24 h. */
export function callbackIndicators(tasks: CallbackFacts[]) {
  const calledBack = tasks.filter(
    (t) => t.closedAt && (t.closedReason === 'reached' || t.closedReason === 'no_answer' || t.closedReason === 'answered_later'),
  );
  const within = (ms: number) => calledBack.filter((t) => t.closedAt!.getTime() - t.abandonedAt.getTime() <= ms).length;
  const n = tasks.length;
  const w30 = within(30 * 60_000);
  const w24 = within(24 * 3_600_000);
  return {
    abandoned: n,
    calledBackWithin30m: w30,
    calledBackWithin24h: w24,
    shareWithin30m: n ? w30 / n : null,
    shareWithin24h: n ? w24 / n : null,
  };
}

/** DTMF digit to rating: 1 satisfied, 2 basically satisfied, 3 unsatisfied. */
export function ratingOfDigit(digit: string): 1 | 2 | 3 | null {
  return digit === '1' ? 1 : digit === '2' ? 2 : digit === '3' ? 3 : null;
}

/** 'HH:MM' on the hour or half hour → half-hour slot of the day (0 … 47); null otherwise. */
export function slotOfTime(hhmm: string): number | null {
  const m = /^([01]\d|2[0-3]):(00|30)$/.exec(hhmm);
  return m ? Number(m[1]) * 2 + (m[2] === '30' ? 1 : 0) : null;
}

/** Half-hour slot of the day → 'HH:MM'. */
export const timeOfSlot = (slot: number) => `${String(Math.floor(slot / 2)).padStart(2, '0')}:${slot % 2 ? '30' : '00'}`;

/** 服务过程满意率 (一次一评): satisfied and basically satisfied ÷ every rating; null without ratings. */
export function satisfactionRate(r: { satisfied: number; basic: number; unsatisfied: number }): number | null {
  const rated = r.satisfied + r.basic + r.unsatisfied;
  return rated ? (r.satisfied + r.basic) / rated : null;
}
