/**
 * What Kamailio asks and tells: where a call goes (route, wait), every call event, whether an agent may dial a number.
 * Every answer comes from the database, so a restarted Lianxin carries on where the old process stopped.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Db, Executor } from '../../db/client.ts';
import type { Clock } from '../../lib/actor.ts';
import type { LiveBus } from '../../lib/live.ts';
import { createCallsRepository } from '../calls/calls.repository.ts';
import { SIP_SOURCE } from '../calls/calls.rules.ts';
import {
  callerNumber,
  effectiveState,
  talkSecondsOf,
  eligibleQueues,
  queueForNumber,
  ratingOfDigit,
  userIdOfExtension,
  type Queue,
} from './acd.ts';
import { createTelephonyRepository, type CallRow } from './telephony.repository.ts';
import type { CallMedia, DtmfEvent } from './sip/media.ts';

export type RouteDecision =
  | { action: 'agent'; uri: string; agentUserId: number; queue: string }
  | { action: 'queue'; queue: string; position: number; sdp?: string }
  | { action: 'reject'; status: number; reason: string };

export interface TelephonySettings {
  sipDomain: string;
  queueNumbers: Record<string, Queue>;
  outsideNumbers: { number: string; label: string }[];
  outsideGateway: string;
  wrapUpSeconds: number;
  overflowSeconds: number;
  queueTimeoutSeconds: number;
  /** rtpengine writes recordings (pcap, one file per call) under <recordingsDir>/pcaps. */
  recordingsDir?: string;
  /** Prompts and DTMF through rtpengine; absent: waiting callers hear ringing, no rating after the call. */
  media?: CallMedia;
  /** 一次一评: seconds the caller has to rate after the agent hung up. */
  ratingSeconds?: number;
}

/** rtpengine names a call's recording after its URL-encoded Call-ID ("<call-id>-<random>.pcap"); the path is kept relative to the recordings directory. */
export function findRecording(recordingsDir: string | undefined, callId: string): string | null {
  if (!recordingsDir) return null;
  const dir = path.join(recordingsDir, 'pcaps');
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return null;
  }
  const prefix = `${encodeURIComponent(callId)}-`;
  // a call that rang an agent who did not answer, then another, has one capture per ring: the last one holds the talk
  const matching = names.filter((n) => (n.startsWith(prefix) || n.startsWith(`${callId}-`)) && n.endsWith('.pcap'));
  const mtime = (n: string) => {
    try {
      return fs.statSync(path.join(dir, n)).mtimeMs;
    } catch {
      return 0;
    }
  };
  const name = matching.map((n) => ({ n, at: mtime(n) })).sort((a, b) => b.at - a.at)[0]?.n;
  return name ? path.join('pcaps', name) : null;
}

/** A queued call Kamailio has not asked about for this long is gone (its poll runs every half second). */
const ALIVE_MS = 10_000;
/**
 * A waiting caller is served before a newer one only while Kamailio is still polling for it (every half second): a
 * row left queued by a routing answer Kamailio gave up on (it fell back after its 1 s timeout) must not hold every
 * newer caller in the queue — under load that turned into a queue that fed itself.
 */
const AHEAD_MS = 3_000;
/** Ringing this long (Kamailio rings an agent 20 s at most) means Kamailio never relayed the call: it fell back. */
const STUCK_RINGING_MS = 120_000;
/** Parked calls a tick decides at the same time. */
const TICK_CONCURRENCY = 8;

/** The row `insertAndClaim` wrote (what the decision's follow-up needs, without reading it back). */
function newCallRow(c: {
  callId: string;
  phone: string;
  callerTag: string | null;
  queue: string;
  now: Date;
  agentUserId: number | null;
}): CallRow {
  return {
    callId: c.callId,
    direction: 'inbound',
    phone: c.phone,
    callerTag: c.callerTag,
    queue: c.queue,
    status: c.agentUserId ? 'ringing' : 'queued',
    offeredAt: c.now,
    lastPollAt: c.now,
    agentUserId: c.agentUserId,
    ringingAt: c.agentUserId ? c.now : null,
    answeredAt: null,
    endedAt: null,
    endReason: null,
    hangupBy: null,
    transferredTo: null,
    recordingPath: null,
    rating: null,
    ticketId: null,
    missedAgentIds: [],
    createdAt: c.now,
  };
}

type EventInput = {
  callId: string;
  event: 'answered' | 'ring_failed' | 'cancelled' | 'ended' | 'transferred' | 'fallback';
  agent?: string;
  code?: number;
  fromTag?: string;
  from?: string;
  target?: string;
};
/** The order events of one call happen in (late ones are applied in it). */
const EVENT_ORDER: EventInput['event'][] = ['ring_failed', 'answered', 'transferred', 'cancelled', 'fallback', 'ended'];

/** Applies each item in turn and gives the keys of those that succeeded (Kamailio resends the others). */
async function keysOfApplied<T>(items: T[], apply: (item: T) => Promise<unknown>, keyOf: (item: T) => string): Promise<string[]> {
  const keys: string[] = [];
  for (const item of items) {
    const ok = await apply(item).then(
      () => true,
      () => false,
    );
    if (ok) keys.push(keyOf(item));
  }
  return keys;
}

const reject = (status: number, zh: string, en: string): RouteDecision => ({ action: 'reject', status, reason: `${en} / ${zh}` });

export function createTelephonySipService(deps: {
  db: Db;
  clock: Clock;
  live: LiveBus;
  settings: TelephonySettings;
  /** Called after a call is offered to an agent (the desk's screen pop) and after every agent state change. */
  onAgentChange?: (userId: number) => void;
  /** A call was offered to an agent (the desk's screen pop and the agent's ringing state). */
  onCallOffered?: (call: CallRow, agentUserId: number) => void;
  /** Something the wallboard shows changed. */
  onWallboardChange?: () => void;
}) {
  const { db, clock, live, settings } = deps;
  const repo = createTelephonyRepository(db);
  const latencies: number[] = [];
  const media = settings.media;
  const ratingMs = (settings.ratingSeconds ?? 18) * 1000;
  /** Calls whose caller is being asked to rate (this process): until when the thanks prompt plays, or that the caller left. */
  const rating = new Map<string, { thanksUntil?: number; isCallerGone?: boolean }>();
  /** A rating is taken while the call ended by the agent's hang-up less than ratingMs ago and has none yet. */
  const isRatable = (call: CallRow, now: Date) =>
    call.status === 'ended' &&
    call.hangupBy === 'agent' &&
    call.direction === 'inbound' &&
    call.answeredAt !== null &&
    call.rating === null &&
    call.endedAt !== null &&
    now.getTime() - call.endedAt.getTime() < ratingMs;

  const agentUri = (extension: string) => `sip:${extension}@${settings.sipDomain}`;
  const publishWallboard = () => deps.onWallboardChange?.();

  /** Tries to give the call an agent (one atomic statement); null when it must wait (nobody fits, or an earlier caller gets them first). */
  async function claim(executor: Executor, call: CallRow, now: Date) {
    return createTelephonyRepository(executor).claimBestAgent(
      call.callId,
      now,
      settings.overflowSeconds,
      new Date(now.getTime() - AHEAD_MS),
    );
  }
  /**
   * After the commit: the queue's stand-in answer goes (when the caller waited with early media) before Kamailio offers
   * the call to the agent (a fresh offer/answer); then the desk's screen pop, the agent's new state, the wallboard.
   */
  async function offered(
    call: CallRow,
    agent: { userId: number; extension: string },
    wasWaiting: boolean,
    now: Date,
  ): Promise<RouteDecision> {
    if (media && wasWaiting && call.callerTag) await media.endEarlyMedia(call.callId, call.callerTag).catch(() => undefined);
    deps.onCallOffered?.({ ...call, status: 'ringing', agentUserId: agent.userId, ringingAt: call.ringingAt ?? now }, agent.userId);
    publishWallboard();
    return { action: 'agent', uri: agentUri(agent.extension), agentUserId: agent.userId, queue: call.queue };
  }
  async function tryAssign(call: CallRow, now: Date, wasWaiting = true): Promise<RouteDecision | null> {
    const agent = await claim(db, call, now);
    return agent ? offered(call, agent, wasWaiting, now) : null;
  }

  async function queued(call: CallRow, now: Date): Promise<RouteDecision> {
    // counted in the database (queuePosition's rule): every waiting caller asks twice a second
    const position = 1 + (await repo.countWaitingAhead(call, new Date(now.getTime() - ALIVE_MS)));
    return { action: 'queue', queue: call.queue, position };
  }

  /** The call ended without an agent: record it and leave a callback task (unless the number got through since). */
  async function endUnanswered(
    call: CallRow,
    reason: 'abandoned_queue' | 'abandoned_ringing' | 'queue_timeout' | 'lost' | 'fallback',
    now: Date,
  ) {
    // the call's end, its agent's release, its record and its callback task commit together: none is ever lost without the others
    const ended = await db.transaction(async (tx) => {
      const r = createTelephonyRepository(tx);
      const row = await r.updateCall(call.callId, ['queued', 'ringing'], {
        status: 'ended',
        endReason: reason,
        endedAt: now,
        hangupBy: 'caller',
      });
      if (!row) return null;
      if (call.status === 'ringing' && call.agentUserId)
        await r.setAgentState(call.agentUserId, ['ringing'], { state: 'ready', currentCallId: null }, now);
      if (reason !== 'fallback' && call.direction === 'inbound' && !(await r.hasAnsweredSince(call.phone, call.offeredAt))) {
        await r.createCallback({ phone: call.phone, callId: call.callId, queue: call.queue, abandonedAt: now, status: 'open' });
      }
      await writeRecord(tx, row, now);
      return row;
    });
    if (!ended) return;
    if (call.status === 'ringing' && call.agentUserId) {
      deps.onAgentChange?.(call.agentUserId);
      live.publish({
        topic: 'call.ended',
        unitIds: [],
        userIds: [call.agentUserId],
        payload: { callId: call.callId, reason: 'abandoned' },
      });
    }
    publishWallboard();
  }

  /**
   * Kamailio sent this call to the fallback (its routing answer came too late, Lianxin was unreachable, or the queue's
   * ticks failed) and reports it with its next answered tick: the call ends with `endReason: 'fallback'` at that time,
   * an agent picked for it meanwhile goes back to the pool, and no callback task is made (the fallback took the call).
   * A call Lianxin never saw (it was down) is recorded now, so the records and the wallboard count it.
   */
  async function recordFallback(report: { callId: string; from: string; to: string; at: number }, now: Date) {
    const at = report.at > 0 && report.at * 1000 < now.getTime() ? new Date(Math.round(report.at * 1000)) : now;
    const recorded = await db.transaction(async (tx) => {
      const row = await createTelephonyRepository(tx).insertCall({
        callId: report.callId,
        phone: callerNumber(report.from) ?? report.from,
        queue: queueForNumber(report.to, settings.queueNumbers) ?? 'general',
        status: 'ended',
        endReason: 'fallback',
        offeredAt: at,
        endedAt: at,
      });
      if (row) await writeRecord(tx, row, now);
      return row;
    });
    if (recorded) return publishWallboard();
    const call = await repo.findCall(report.callId);
    if (call && (call.status === 'queued' || call.status === 'ringing'))
      await endUnanswered(call, 'fallback', at < call.offeredAt ? now : at);
  }

  /** A waiting call asked about (its poll already recorded): its agent, its place in line, or its end at the queue timeout. */
  async function decideWaiting(call: CallRow, now: Date): Promise<RouteDecision> {
    if (call.status === 'ringing' && call.agentUserId) {
      const agent = await repo.findAgent(call.agentUserId);
      return { action: 'agent', uri: agentUri(agent!.extension), agentUserId: call.agentUserId, queue: call.queue };
    }
    if (call.status !== 'queued')
      return call.endReason?.startsWith('abandoned')
        ? reject(487, '主叫已挂机', 'Request Terminated')
        : reject(481, '通话已结束', 'Call already ended');
    if (now.getTime() - call.offeredAt.getTime() >= settings.queueTimeoutSeconds * 1000) {
      await endUnanswered(call, 'queue_timeout', now);
      return reject(480, '坐席忙，请稍后再拨', 'All agents are busy, please call again later');
    }
    const decision = (await tryAssign(call, now)) ?? (await queued(call, now));
    if (decision.action === 'queue' && media && call.callerTag) media.announcePosition(call.callId, call.callerTag, decision.position);
    return decision;
  }

  /** 一次一评: the first rating counts; an ended call's record carries it (in the same commit). Null: already rated. */
  async function rateAndRecord(callId: string, value: number, now: Date) {
    return db.transaction(async (tx) => {
      const rated = await createTelephonyRepository(tx).rateCall(callId, value);
      if (rated?.status === 'ended') await writeRecord(tx, rated, now);
      return rated;
    });
  }

  /** The call's row in the call records (statistics and assessment read those), written again whenever the call changes. */
  async function writeRecord(executor: Executor, call: CallRow, now: Date) {
    const endedAt = call.endedAt ?? now;
    const waitUntil = call.answeredAt ?? endedAt;
    await createCallsRepository(executor).upsert(
      SIP_SOURCE,
      [
        {
          externalId: call.callId,
          direction: call.direction as 'inbound' | 'outbound',
          phone: call.phone,
          queue: call.queue,
          offeredAt: call.offeredAt,
          answeredAt: call.answeredAt,
          endedAt,
          waitSeconds: Math.max(0, Math.round((waitUntil.getTime() - call.offeredAt.getTime()) / 1000)),
          talkSeconds: talkSecondsOf({ answeredAt: call.answeredAt, endedAt }, now),
          wrapUpSeconds: call.answeredAt ? settings.wrapUpSeconds : 0,
          agentUserId: call.answeredAt ? call.agentUserId : null,
          ticketId: call.ticketId,
          rating: call.answeredAt ? call.rating : null,
        },
      ],
      now,
    );
  }

  /** The agent answered the ringing call: both talking, the number's open callback tasks closed. */
  async function markAnswered(call: CallRow, now: Date): Promise<CallRow | null> {
    if (call.status !== 'ringing' || !call.agentUserId) return null;
    if (!(await repo.answerCall(call.callId, now))) return null;
    const answered: CallRow = { ...call, status: 'talking', answeredAt: now };
    deps.onAgentChange?.(call.agentUserId);
    live.publish({ topic: 'call.answered', unitIds: [], userIds: [call.agentUserId], payload: { callId: call.callId } });
    publishWallboard();
    return answered;
  }

  const service = {
    /** Routing decisions' durations in ms since start (for the benchmark's p99). */
    latencies: () => latencies,
    writeRecord: (call: CallRow, now: Date) => writeRecord(db, call, now),

    /** A new call to a service number (attempt 0), or the same call again after an agent let it ring out. */
    async route(input: {
      callId: string;
      from: string;
      fromTag?: string;
      to: string;
      attempt: number;
      sdp?: string;
    }): Promise<RouteDecision> {
      const started = performance.now();
      try {
        const now = clock.now();
        const queue = queueForNumber(input.to, settings.queueNumbers);
        if (!queue) return reject(404, '该号码未开通', 'Number not in service');
        const phone = callerNumber(input.from);
        if (!phone) return reject(403, '主叫号码无法识别', 'Caller identity is not a phone number');
        // A new call is inserted and given an agent (or its place in line) in one statement: until it commits,
        // concurrent decisions do not see it as an earlier caller waiting (which would send them to the queue while
        // agents are free); one round trip, as every round trip waits for a CPU on a loaded machine.
        const fresh = await repo.insertAndClaim(
          { callId: input.callId, phone, callerTag: input.fromTag ?? null, queue },
          now,
          settings.overflowSeconds,
          new Date(now.getTime() - AHEAD_MS),
        );
        let call: CallRow;
        let decision: RouteDecision;
        if (fresh) {
          call = newCallRow({
            callId: input.callId,
            phone,
            callerTag: input.fromTag ?? null,
            queue,
            now,
            agentUserId: fresh.agent?.userId ?? null,
          });
          decision = fresh.agent
            ? await offered(call, fresh.agent, false, now)
            : (publishWallboard(), { action: 'queue', queue, position: fresh.position });
        } else {
          call = (await repo.findCall(input.callId))!;
          if (call.status === 'ended') return reject(481, '通话已结束', 'Call already ended');
          if (call.status === 'talking') return reject(481, '通话已接通', 'Call already answered');
          if (call.status === 'ringing') {
            // Asked again while an agent rings: that agent let it ring out (the event may have been lost).
            if (call.agentUserId) await releaseRinging(call, 'no_answer', now);
            call = (await repo.findCall(call.callId))!;
          }
          decision = (await tryAssign(call, now, input.attempt > 0)) ?? (publishWallboard(), await queued(call, now));
        }
        if (decision.action === 'queue' && media && call.callerTag) {
          // Early media (183 with rtpengine's SDP) so the caller hears the prompts; a failure leaves plain ringing. Also
          // for a call put back in the queue (an agent let it ring out): the stand-in went when that agent was offered it.
          if (input.sdp) {
            decision.sdp = (await media.earlyMedia(call.callId, call.callerTag, input.sdp).catch(() => null)) ?? undefined;
          }
          media.announcePosition(call.callId, call.callerTag, decision.position);
        }
        return decision;
      } finally {
        latencies.push(performance.now() - started);
        if (latencies.length > 200_000) latencies.splice(0, 100_000);
      }
    },

    /** Kamailio's poll for a waiting call: an agent, still waiting (with the place in line), or the end (queue timeout). */
    async wait(input: { callId: string }): Promise<RouteDecision> {
      const now = clock.now();
      const call = await repo.findCall(input.callId);
      if (!call) return reject(404, '通话不存在', 'Unknown call');
      if (call.status === 'queued') await repo.touchWaitingCalls([call.callId], now);
      return decideWaiting(call, now);
    },

    /**
     * Kamailio's tick (every half second) for the calls it holds parked in the queue, each suspended once: the same
     * question as `wait` for each, answered only for the calls whose wait is over (an agent, or the end), which
     * Kamailio then resumes. Parking once instead of polling per call matters: every suspension of a SIP transaction
     * adds a branch, and a transaction has at most 30. The calls are read and marked alive in one statement each.
     */
    async tick(input: {
      parked: string[];
      fallback?: { callId: string; from: string; to: string; at: number }[];
      events?: (EventInput & { key: string })[];
    }) {
      // call events Kamailio could not deliver in time, in the order a call lives them (an answer before its hang-up)
      const late = [...(input.events ?? [])].sort((a, b) => EVENT_ORDER.indexOf(a.event) - EVENT_ORDER.indexOf(b.event));
      const delivered = await keysOfApplied(
        late,
        (e) => service.event(e),
        (e) => e.key,
      );
      // taken after the events: an agent a late hang-up freed is offered the next call after that hang-up, never
      // before it (with the tick's start time, a call rang the agent "before" the previous one ended; under load
      // applying the events took 1.6 s, which the benchmark counted as an agent given two calls)
      const now = clock.now();
      // the calls Kamailio sent to the fallback: each confirmed one is forgotten by Kamailio; a failed one comes again
      const recorded = await keysOfApplied(
        input.fallback ?? [],
        (r) => recordFallback(r, now),
        (r) => r.callId,
      );
      const ids = [...new Set(input.parked)];
      const calls = new Map((await repo.findCalls(ids)).map((c) => [c.callId, c]));
      await repo.touchWaitingCalls(
        ids.filter((id) => calls.get(id)?.status === 'queued'),
        now,
      );
      const resume: { callId: string; decision: RouteDecision }[] = [];
      // a few at a time: each decision is atomic in the database (an agent is claimed by one statement)
      for (let i = 0; i < ids.length; i += TICK_CONCURRENCY) {
        await Promise.all(
          ids.slice(i, i + TICK_CONCURRENCY).map(async (callId) => {
            const call = calls.get(callId);
            // one call's failure leaves it parked until the next tick, never the others
            const decision = call ? await decideWaiting(call, now).catch(() => null) : reject(404, '通话不存在', 'Unknown call');
            if (decision && decision.action !== 'queue') resume.push({ callId, decision });
          }),
        );
      }
      return { resume, recorded, delivered };
    },

    /** A call event from Kamailio. Unknown calls and events out of order are ignored (Kamailio may repeat itself). */
    async event(input: EventInput): Promise<{ ok: boolean; known: boolean; rate?: number }> {
      const now = clock.now();
      let call = await repo.findCall(input.callId);
      if (!call) return { ok: true, known: false };
      let rate: number | undefined;
      switch (input.event) {
        case 'answered':
          await markAnswered(call, now);
          break;
        case 'ring_failed':
          if (call.status === 'ringing' && call.agentUserId)
            await releaseRinging(call, input.code === 404 || input.code === 480 ? 'not_registered' : 'no_answer', now);
          break;
        case 'cancelled':
          if (call.status === 'queued') await endUnanswered(call, 'abandoned_queue', now);
          else if (call.status === 'ringing') await endUnanswered(call, 'abandoned_ringing', now);
          break;
        case 'fallback':
          // Kamailio gave up waiting for a routing answer and sent the call to the fallback: an agent Lianxin picked
          // meanwhile never rings and goes back to the pool; the call is the fallback's now (no callback task).
          if (call.status === 'queued' || call.status === 'ringing') await endUnanswered(call, 'fallback', now);
          break;
        case 'transferred':
          await repo.updateCall(call.callId, ['talking'], { transferredTo: input.target ?? null });
          break;
        case 'ended': {
          // A hang-up of a call still ringing here: its answer was not delivered (yet), the BYE proves it happened. When
          // the answer's own event got there first meanwhile (the caller hung up at once: both arrive together), the
          // call is read again, talking now: kept as read, the hang-up was dropped and the agent stayed talking for good.
          if (call.status === 'ringing' && call.agentUserId)
            call = (await markAnswered(call, now)) ?? (await repo.findCall(call.callId)) ?? call;
          // The caller hanging up while asked to rate.
          if (call.status === 'ended' && rating.has(call.callId) && input.fromTag === call.callerTag)
            rating.get(call.callId)!.isCallerGone = true;
          const byCaller = input.fromTag !== undefined && call.callerTag !== null ? input.fromTag === call.callerTag : true;
          const ended = await endTalking(call, byCaller ? 'caller' : 'agent', now);
          // 一次一评: the agent hung up first, so the caller is still on the line: Kamailio holds the agent's BYE while the caller rates.
          if (ended && media && ended.callerTag && isRatable(ended, now)) {
            try {
              await media.play(ended.callId, ended.callerTag, 'rating');
              rating.set(ended.callId, {});
              setTimeout(() => rating.delete(ended.callId), ratingMs + 10_000).unref();
              rate = 1;
            } catch {
              // no prompt, no rating: the BYE goes on at once
            }
          }
          break;
        }
      }
      return { ok: true, known: true, ...(rate ? { rate } : {}) };
    },

    /** May this agent call (or transfer to) this number? Agents' extensions always; queue numbers for a transfer; outside numbers from the list; a callback the agent claimed. */
    async outbound(input: { callId: string; from: string; to: string; kind: 'invite' | 'refer' }) {
      const fromId = userIdOfExtension(input.from);
      const agent = fromId === null ? null : await repo.findAgent(fromId);
      if (!agent || agent.extension !== input.from)
        return { action: 'reject' as const, status: 403, reason: 'Unknown agent / 坐席身份无法识别' };
      const to = input.to.trim();
      const targetId = userIdOfExtension(to);
      if (targetId !== null) {
        const target = await repo.findAgent(targetId);
        if (!target) return { action: 'reject' as const, status: 404, reason: 'No such agent / 坐席不存在' };
        return { action: 'allow' as const, uri: agentUri(target.extension) };
      }
      // A service number (a queue): the citizen is sent there to be routed again, to an agent with that skill.
      if (queueForNumber(to, settings.queueNumbers)) {
        if (input.kind !== 'refer')
          return { action: 'reject' as const, status: 403, reason: 'A queue number takes transfers only / 队列号码仅用于转接' };
        await repo.updateCall(input.callId, ['talking'], { transferredTo: to });
        return { action: 'allow' as const, uri: `sip:${to}@${settings.sipDomain}` };
      }
      const isListed = settings.outsideNumbers.some((n) => n.number === to);
      const isCallback = !isListed && callerNumber(to) !== null && (await repo.hasClaimedCallbackFor(agent.userId, callerNumber(to)!));
      if (!isListed && !isCallback) {
        return { action: 'reject' as const, status: 403, reason: 'Number not allowed / 该号码不在允许外呼或转接的范围内' };
      }
      if (input.kind === 'refer') await repo.updateCall(input.callId, ['talking'], { transferredTo: to });
      return { action: 'allow' as const, uri: settings.outsideGateway.replace('{number}', to) };
    },

    /** Kamailio's poll while it holds the agent's BYE: done when the caller rated (and heard thanks), left, or took too long. */
    async ratingWait(input: { callId: string }): Promise<{ done: boolean }> {
      const now = clock.now();
      const call = await repo.findCall(input.callId);
      const state = rating.get(input.callId);
      if (!call || state?.isCallerGone) return { done: true };
      if (call.rating !== null) return { done: !state?.thanksUntil || Date.now() >= state.thanksUntil };
      return { done: !isRatable(call, now) };
    },

    /** A key the caller pressed (rtpengine's DTMF report): the rating when asked for one, ignored otherwise. */
    async dtmf(e: DtmfEvent) {
      const now = clock.now();
      const call = await repo.findCall(e.callId);
      const value = ratingOfDigit(e.digit);
      if (!call || !value || call.callerTag !== e.sourceTag || !isRatable(call, now)) return { rated: false };
      const rated = await rateAndRecord(call.callId, value, now);
      if (!rated) return { rated: false };
      publishWallboard();
      if (media && call.callerTag) {
        const state = rating.get(call.callId) ?? {};
        rating.set(call.callId, state);
        state.thanksUntil = Date.now() + 3000;
        await media
          .play(call.callId, call.callerTag, 'rating-thanks')
          .then((ms) => {
            state.thanksUntil = Date.now() + Math.min(ms, 4000);
          })
          .catch(() => {
            state.thanksUntil = 0;
          });
      }
      return { rated: true, rating: value };
    },

    /** 一次一评: the caller's key after the call. */
    async rate(input: { callId: string; digit: string }) {
      const rating = ratingOfDigit(input.digit);
      if (!rating) return { ok: false, reason: 'bad_digit' };
      const call = await repo.findCall(input.callId);
      if (!call || (call.status !== 'ended' && call.status !== 'talking')) return { ok: false };
      return { ok: (await rateAndRecord(call.callId, rating, clock.now())) !== null };
    },

    /**
     * Ends the calls Kamailio no longer carries (`listLiveCallIds`: its dialogs now) that Lianxin still has ringing or
     * talking: their CANCEL or BYE was reported while Lianxin was down. A talking call ends now (its talk time runs to
     * this check, the closest Lianxin can know); a ringing one was abandoned and becomes a callback task.
     */
    async reconcile(listLiveCallIds: () => Promise<ReadonlySet<string>>) {
      // Lianxin's open calls first, then Kamailio's list: every call read here had its dialog before the list was
      // taken (the dialog starts at the INVITE, before Kamailio asks where the call goes), so none is ended by a race.
      const open = await repo.findCallsInProgress();
      const live = await listLiveCallIds();
      const now = clock.now();
      let ended = 0;
      for (const call of open) {
        if (live.has(call.callId)) continue;
        const current = await repo.findCall(call.callId);
        if (!current) continue;
        if (current.status === 'ringing') await endUnanswered(current, 'abandoned_ringing', now);
        else if (current.status === 'talking') await endTalking(current, null, now);
        else continue;
        ended++;
      }
      return { ended };
    },

    /** Ends calls that were waiting when nobody asks about them any more (their Kamailio restarted, or a lost CANCEL). */
    async sweepLostCalls() {
      const now = clock.now();
      const stale = (await repo.findWaitingCalls(new Date(0))).filter(
        (c) => (c.lastPollAt ?? c.offeredAt).getTime() < now.getTime() - 6 * ALIVE_MS,
      );
      for (const call of stale) await endUnanswered(call, 'lost', now);
      // An agent left ringing for a call Kamailio sent to the fallback instead goes back to the ready pool.
      const stuck = (await repo.findCallsInProgress()).filter(
        (c) => c.status === 'ringing' && c.ringingAt && c.ringingAt.getTime() < now.getTime() - STUCK_RINGING_MS,
      );
      for (const call of stuck) await endUnanswered(call, 'lost', now);
      return { ended: stale.length + stuck.length };
    },
  };
  return service;

  /** A talking call ended (by its BYE, or found gone by `reconcile`): its end, its record and the agent's wrap-up commit together. */
  async function endTalking(call: CallRow, hangupBy: 'caller' | 'agent' | null, now: Date): Promise<CallRow | null> {
    if (call.status !== 'talking') return null;
    const ended = await db.transaction(async (tx) => {
      const r = createTelephonyRepository(tx);
      const row = await r.updateCall(call.callId, ['talking'], {
        status: 'ended',
        endedAt: now,
        hangupBy,
        endReason: call.transferredTo ? 'transferred' : 'completed',
        recordingPath: findRecording(settings.recordingsDir, call.callId),
      });
      if (!row) return null;
      if (call.agentUserId) {
        const wrapUpUntil = new Date(now.getTime() + settings.wrapUpSeconds * 1000);
        await r.setAgentState(
          call.agentUserId,
          ['talking'],
          { state: 'wrap_up', wrapUpUntil, idleSince: wrapUpUntil, currentCallId: null },
          now,
        );
      }
      await writeRecord(tx, row, now);
      return row;
    });
    if (!ended) return null;
    if (call.agentUserId) {
      deps.onAgentChange?.(call.agentUserId);
      live.publish({
        topic: 'call.ended',
        unitIds: [],
        userIds: [call.agentUserId],
        payload: { callId: call.callId, reason: ended.endReason },
      });
    }
    publishWallboard();
    return ended;
  }

  /** An agent let a call ring out, or was not reachable: out of the ready pool (未接示忙), the call waits again. */
  async function releaseRinging(call: CallRow, reason: 'no_answer' | 'not_registered', now: Date) {
    const agentId = call.agentUserId!;
    const released = await db.transaction(async (tx) => {
      const r = createTelephonyRepository(tx);
      const row = await r.updateCall(call.callId, ['ringing'], {
        status: 'queued',
        agentUserId: null,
        ringingAt: null,
        lastPollAt: now,
        missedAgentIds: [...call.missedAgentIds, agentId],
      });
      if (!row) return null;
      await r.setAgentState(agentId, ['ringing'], { state: 'break', breakReason: reason, currentCallId: null }, now);
      return row;
    });
    if (!released) return;
    deps.onAgentChange?.(agentId);
    live.publish({ topic: 'call.ended', unitIds: [], userIds: [agentId], payload: { callId: call.callId, reason: 'missed' } });
  }
}
export type TelephonySipService = ReturnType<typeof createTelephonySipService>;
export { effectiveState, eligibleQueues };
