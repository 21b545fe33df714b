/**
 * Checks one call as a phone system reported it and derives what it left out (pure). Every problem of a
 * batch is collected with its path, so a bad batch is rejected whole with all its faults listed.
 */
import { parsePhone } from '../citizens/citizens.phone.ts';

export const MAX_CALL_SECONDS = 86_400;
/** Call records written by Lianxin's own switch (the telephony module) carry this source; its call id is their external id. */
export const SIP_SOURCE = 'lianxin-sip';

export interface CallInput {
  externalId: string;
  direction: 'inbound' | 'outbound';
  phone?: string | null;
  queue: string;
  offeredAt: string;
  answeredAt?: string | null;
  endedAt: string;
  waitSeconds?: number;
  talkSeconds?: number;
  wrapUpSeconds: number;
  agentUserId?: number | null;
  ticketId?: number | null;
  rating?: 1 | 2 | 3 | null;
}

export interface CallRow {
  externalId: string;
  direction: 'inbound' | 'outbound';
  phone: string | null;
  queue: string;
  offeredAt: Date;
  answeredAt: Date | null;
  endedAt: Date;
  waitSeconds: number;
  talkSeconds: number;
  wrapUpSeconds: number;
  agentUserId: number | null;
  ticketId: number | null;
  /** 一次一评: 1 satisfied, 2 basically satisfied, 3 unsatisfied. */
  rating: number | null;
}

export interface CallProblem {
  path: string;
  reason: string;
  message: string;
}

const seconds = (from: Date, to: Date) => Math.round((to.getTime() - from.getTime()) / 1000);

/** The row to store, or the problems that keep it out. `now` rejects calls from the future (1 minute of clock skew allowed). */
export function checkCall(input: CallInput, index: number, now: Date): { row: CallRow } | { problems: CallProblem[] } {
  const problems: CallProblem[] = [];
  const at = (field: string) => `calls.${index}.${field}`;
  const problem = (field: string, reason: string, message: string) => problems.push({ path: at(field), reason, message });

  let phone: string | null = null;
  if (input.phone) {
    phone = parsePhone(input.phone);
    if (!phone) problem('phone', 'bad_phone', 'not a mainland mobile or landline number');
  }
  const offeredAt = new Date(input.offeredAt);
  const answeredAt = input.answeredAt ? new Date(input.answeredAt) : null;
  const endedAt = new Date(input.endedAt);
  if (offeredAt.getTime() > now.getTime() + 60_000) problem('offeredAt', 'future_time', 'the call cannot start in the future');
  if (endedAt.getTime() > now.getTime() + 60_000) problem('endedAt', 'future_time', 'the call cannot end in the future');
  if (answeredAt && answeredAt < offeredAt) problem('answeredAt', 'answered_before_offered', 'answeredAt is before offeredAt');
  if (endedAt < (answeredAt ?? offeredAt)) problem('endedAt', 'ended_before_start', 'endedAt is before the call was answered or offered');
  if (seconds(offeredAt, endedAt) > MAX_CALL_SECONDS) problem('endedAt', 'too_long', 'a call cannot last more than 24 hours');

  const derivedWait = seconds(offeredAt, answeredAt ?? endedAt);
  const derivedTalk = answeredAt ? seconds(answeredAt, endedAt) : 0;
  const waitSeconds = input.waitSeconds ?? derivedWait;
  const talkSeconds = input.talkSeconds ?? derivedTalk;
  if (!answeredAt && talkSeconds > 0) problem('talkSeconds', 'talk_without_answer', 'a call that was not answered has no talk time');
  if (!answeredAt && input.wrapUpSeconds > 0)
    problem('wrapUpSeconds', 'wrap_up_without_answer', 'a call that was not answered has no after-call work');
  if (answeredAt && input.direction === 'inbound' && !input.agentUserId)
    problem('agentUserId', 'answered_without_agent', 'an answered inbound call needs the agent who took it');
  if (!answeredAt && input.rating) problem('rating', 'rating_without_answer', 'a call that was not answered cannot be rated');
  if (problems.length) return { problems };
  return {
    row: {
      externalId: input.externalId,
      direction: input.direction,
      phone,
      queue: input.queue,
      offeredAt,
      answeredAt,
      endedAt,
      waitSeconds,
      talkSeconds,
      wrapUpSeconds: input.wrapUpSeconds,
      agentUserId: input.agentUserId ?? null,
      ticketId: input.ticketId ?? null,
      rating: input.rating ?? null,
    },
  };
}

/** Ids sent twice in one batch: which ones (the second and later occurrences are reported). */
export function duplicateIds(calls: readonly { externalId: string }[]): CallProblem[] {
  const seen = new Set<string>();
  const problems: CallProblem[] = [];
  calls.forEach((c, i) => {
    if (seen.has(c.externalId))
      problems.push({
        path: `calls.${i}.externalId`,
        reason: 'duplicate_in_batch',
        message: `${c.externalId} appears more than once in the batch`,
      });
    seen.add(c.externalId);
  });
  return problems;
}
