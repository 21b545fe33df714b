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
import {
  callerNumber, effectiveState, eligibleQueues, queueForNumber, ratingOfDigit, userIdOfExtension,
  type Queue,
} from './acd.ts';
import { createTelephonyRepository, type CallRow } from './telephony.repository.ts';

export type RouteDecision =
  | { action: 'agent'; uri: string; agentUserId: number; queue: string }
  | { action: 'queue'; queue: string; position: number }
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
  const name = names.find((n) => (n.startsWith(prefix) || n.startsWith(`${callId}-`)) && n.endsWith('.pcap'));
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
/** Call records written by Lianxin's own switch carry this source. */
export const SIP_SOURCE = 'lianxin-sip';

const reject = (status: number, zh: string, en: string): RouteDecision => ({ action: 'reject', status, reason: `${en} / ${zh}` });

export function createTelephonySipService(deps: {
  db: Db; clock: Clock; live: LiveBus; settings: TelephonySettings;
  /** Called after a call is offered to an agent (the desk's screen pop) and after every agent state change. */
  onAgentChange?: (userId: number) => void;
  onCallOffered?: (callId: string, agentUserId: number) => void;
  /** Something the wallboard shows changed. */
  onWallboardChange?: () => void;
}) {
  const { db, clock, live, settings } = deps;
  const repo = createTelephonyRepository(db);
  const latencies: number[] = [];

  const agentUri = (extension: string) => `sip:${extension}@${settings.sipDomain}`;
  const publishWallboard = () => deps.onWallboardChange?.();

  /** Tries to give the call an agent (one atomic statement); null when it must wait (nobody fits, or an earlier caller gets them first). */
  async function claim(executor: Executor, call: CallRow, now: Date) {
    return createTelephonyRepository(executor).claimBestAgent(call.callId, now, settings.overflowSeconds, new Date(now.getTime() - AHEAD_MS));
  }
  /** After the commit: the desk's screen pop, the agent's new state, the wallboard. */
  function offered(call: CallRow, agent: { userId: number; extension: string }): RouteDecision {
    deps.onCallOffered?.(call.callId, agent.userId);
    deps.onAgentChange?.(agent.userId);
    publishWallboard();
    return { action: 'agent', uri: agentUri(agent.extension), agentUserId: agent.userId, queue: call.queue };
  }
  async function tryAssign(call: CallRow, now: Date): Promise<RouteDecision | null> {
    const agent = await claim(db, call, now);
    return agent ? offered(call, agent) : null;
  }

  async function queued(call: CallRow, now: Date): Promise<RouteDecision> {
    // counted in the database (queuePosition's rule): every waiting caller asks twice a second
    const position = 1 + (await repo.countWaitingAhead(call, new Date(now.getTime() - ALIVE_MS)));
    return { action: 'queue', queue: call.queue, position };
  }

  /** The call ended without an agent: record it and leave a callback task (unless the number got through since). */
  async function endUnanswered(call: CallRow, reason: 'abandoned_queue' | 'abandoned_ringing' | 'queue_timeout' | 'lost' | 'fallback', now: Date) {
    const ended = await repo.updateCall(call.callId, ['queued', 'ringing'], { status: 'ended', endReason: reason, endedAt: now, hangupBy: 'caller' });
    if (!ended) return;
    if (call.status === 'ringing' && call.agentUserId) {
      await repo.setAgentState(call.agentUserId, ['ringing'], { state: 'ready', currentCallId: null }, now);
      deps.onAgentChange?.(call.agentUserId);
      live.publish({ topic: 'call.ended', unitIds: [], userIds: [call.agentUserId], payload: { callId: call.callId, reason: 'abandoned' } });
    }
    await writeRecord(ended, now);
    if (reason !== 'fallback' && call.direction === 'inbound' && !(await repo.hasAnsweredSince(call.phone, call.offeredAt))) {
      await repo.createCallback({ phone: call.phone, callId: call.callId, queue: call.queue, abandonedAt: now, status: 'open' });
    }
    publishWallboard();
  }

  async function writeRecord(call: CallRow, now: Date) {
    const endedAt = call.endedAt ?? now;
    const waitUntil = call.answeredAt ?? endedAt;
    await createCallsRepository(db).upsert(SIP_SOURCE, [{
      externalId: call.callId, direction: call.direction as 'inbound' | 'outbound', phone: call.phone, queue: call.queue,
      offeredAt: call.offeredAt, answeredAt: call.answeredAt, endedAt,
      waitSeconds: Math.max(0, Math.round((waitUntil.getTime() - call.offeredAt.getTime()) / 1000)),
      talkSeconds: call.answeredAt ? Math.max(0, Math.round((endedAt.getTime() - call.answeredAt.getTime()) / 1000)) : 0,
      wrapUpSeconds: call.answeredAt ? settings.wrapUpSeconds : 0, agentUserId: call.answeredAt ? call.agentUserId : null, ticketId: call.ticketId,
    }], now);
  }

  return {
    /** Routing decisions' durations in ms since start (for the benchmark's p99). */
    latencies: () => latencies,
    writeRecord,

    /** A new call to a service number (attempt 0), or the same call again after an agent let it ring out. */
    async route(input: { callId: string; from: string; fromTag?: string; to: string; attempt: number }): Promise<RouteDecision> {
      const started = performance.now();
      try {
        const now = clock.now();
        const queue = queueForNumber(input.to, settings.queueNumbers);
        if (!queue) return reject(404, '该号码未开通', 'Number not in service');
        const phone = callerNumber(input.from);
        if (!phone) return reject(403, '主叫号码无法识别', 'Caller identity is not a phone number');
        // A new call is inserted and given an agent in one transaction: until it commits, concurrent decisions do not
        // see it as an earlier caller waiting (which would send them to the queue while agents are free).
        const fresh = await db.transaction(async (tx) => {
          const inserted = await createTelephonyRepository(tx).insertCall({ callId: input.callId, phone, callerTag: input.fromTag ?? null, queue, status: 'queued', offeredAt: now, lastPollAt: now });
          return inserted ? { call: inserted, agent: await claim(tx, inserted, now) } : null;
        });
        if (fresh) return fresh.agent ? offered(fresh.call, fresh.agent) : (publishWallboard(), await queued(fresh.call, now));
        let call = (await repo.findCall(input.callId))!;
        if (call.status === 'ended') return reject(481, '通话已结束', 'Call already ended');
        if (call.status === 'talking') return reject(481, '通话已接通', 'Call already answered');
        if (call.status === 'ringing') {
          // Asked again while an agent rings: that agent let it ring out (the event may have been lost).
          if (call.agentUserId) await releaseRinging(call, 'no_answer', now);
          call = (await repo.findCall(call.callId))!;
        }
        return (await tryAssign(call, now)) ?? (publishWallboard(), await queued(call, now));
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
      if (call.status === 'ringing' && call.agentUserId) {
        const agent = await repo.findAgent(call.agentUserId);
        return { action: 'agent', uri: agentUri(agent!.extension), agentUserId: call.agentUserId, queue: call.queue };
      }
      if (call.status !== 'queued') return call.endReason?.startsWith('abandoned') ? reject(487, '主叫已挂机', 'Request Terminated') : reject(481, '通话已结束', 'Call already ended');
      if (now.getTime() - call.offeredAt.getTime() >= settings.queueTimeoutSeconds * 1000) {
        await endUnanswered(call, 'queue_timeout', now);
        return reject(480, '坐席忙，请稍后再拨', 'All agents are busy, please call again later');
      }
      await repo.updateCall(call.callId, ['queued'], { lastPollAt: now });
      return (await tryAssign(call, now)) ?? (await queued(call, now));
    },

    /** A call event from Kamailio. Unknown calls and events out of order are ignored (Kamailio may repeat itself). */
    async event(input: { callId: string; event: 'answered' | 'ring_failed' | 'cancelled' | 'ended' | 'transferred' | 'fallback'; agent?: string; code?: number; fromTag?: string; from?: string; target?: string }) {
      const now = clock.now();
      const call = await repo.findCall(input.callId);
      if (!call) return { ok: true, known: false };
      switch (input.event) {
        case 'answered': {
          if (call.status !== 'ringing' || !call.agentUserId) break;
          const answered = await repo.updateCall(call.callId, ['ringing'], { status: 'talking', answeredAt: now });
          if (!answered) break;
          await repo.setAgentState(call.agentUserId, ['ringing'], { state: 'talking' }, now);
          await repo.closeCallbacksOfPhone(call.phone, now);
          deps.onAgentChange?.(call.agentUserId);
          live.publish({ topic: 'call.answered', unitIds: [], userIds: [call.agentUserId], payload: { callId: call.callId } });
          publishWallboard();
          break;
        }
        case 'ring_failed':
          if (call.status === 'ringing' && call.agentUserId) await releaseRinging(call, input.code === 404 || input.code === 480 ? 'not_registered' : 'no_answer', now);
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
          const byCaller = input.fromTag !== undefined && call.callerTag !== null ? input.fromTag === call.callerTag : true;
          await endTalking(call, byCaller ? 'caller' : 'agent', now);
          break;
        }
      }
      return { ok: true, known: true };
    },

    /** May this agent call (or transfer to) this number? Agents' extensions always; queue numbers for a transfer; outside numbers from the list; a callback the agent claimed. */
    async outbound(input: { callId: string; from: string; to: string; kind: 'invite' | 'refer' }) {
      const fromId = userIdOfExtension(input.from);
      const agent = fromId === null ? null : await repo.findAgent(fromId);
      if (!agent || agent.extension !== input.from) return { action: 'reject' as const, status: 403, reason: 'Unknown agent / 坐席身份无法识别' };
      const to = input.to.trim();
      const targetId = userIdOfExtension(to);
      if (targetId !== null) {
        const target = await repo.findAgent(targetId);
        if (!target) return { action: 'reject' as const, status: 404, reason: 'No such agent / 坐席不存在' };
        return { action: 'allow' as const, uri: agentUri(target.extension) };
      }
      // A service number (a queue): the citizen is sent there to be routed again, to an agent with that skill.
      if (queueForNumber(to, settings.queueNumbers)) {
        if (input.kind !== 'refer') return { action: 'reject' as const, status: 403, reason: 'A queue number takes transfers only / 队列号码仅用于转接' };
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

    /** 一次一评: the caller's key after the call. */
    async rate(input: { callId: string; digit: string }) {
      const rating = ratingOfDigit(input.digit);
      if (!rating) return { ok: false, reason: 'bad_digit' };
      const updated = await repo.updateCall(input.callId, ['ended', 'talking'], { rating });
      return { ok: updated !== null };
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
      const stale = (await repo.findWaitingCalls(new Date(0))).filter((c) => (c.lastPollAt ?? c.offeredAt).getTime() < now.getTime() - 6 * ALIVE_MS);
      for (const call of stale) await endUnanswered(call, 'lost', now);
      // An agent left ringing for a call Kamailio sent to the fallback instead goes back to the ready pool.
      const stuck = (await repo.findCallsInProgress()).filter((c) => c.status === 'ringing' && c.ringingAt && c.ringingAt.getTime() < now.getTime() - STUCK_RINGING_MS);
      for (const call of stuck) await endUnanswered(call, 'lost', now);
      return { ended: stale.length + stuck.length };
    },
  };

  /** A talking call ended (by its BYE, or found gone by `reconcile`): the record, the agent into wrap-up. */
  async function endTalking(call: CallRow, hangupBy: 'caller' | 'agent' | null, now: Date) {
    if (call.status !== 'talking') return;
    const ended = await repo.updateCall(call.callId, ['talking'], {
      status: 'ended', endedAt: now, hangupBy, endReason: call.transferredTo ? 'transferred' : 'completed',
      recordingPath: findRecording(settings.recordingsDir, call.callId),
    });
    if (!ended) return;
    if (call.agentUserId) {
      const wrapUpUntil = new Date(now.getTime() + settings.wrapUpSeconds * 1000);
      await repo.setAgentState(call.agentUserId, ['talking'], { state: 'wrap_up', wrapUpUntil, idleSince: wrapUpUntil, currentCallId: null }, now);
      deps.onAgentChange?.(call.agentUserId);
      live.publish({ topic: 'call.ended', unitIds: [], userIds: [call.agentUserId], payload: { callId: call.callId, reason: ended.endReason } });
    }
    await writeRecord(ended, now);
    publishWallboard();
  }

  /** An agent let a call ring out, or was not reachable: out of the ready pool (未接示忙), the call waits again. */
  async function releaseRinging(call: CallRow, reason: 'no_answer' | 'not_registered', now: Date) {
    const agentId = call.agentUserId!;
    await repo.setAgentState(agentId, ['ringing'], { state: 'break', breakReason: reason, currentCallId: null }, now);
    await repo.updateCall(call.callId, ['ringing'], { status: 'queued', agentUserId: null, ringingAt: null, lastPollAt: now, missedAgentIds: [...call.missedAgentIds, agentId] });
    deps.onAgentChange?.(agentId);
    live.publish({ topic: 'call.ended', unitIds: [], userIds: [agentId], payload: { callId: call.callId, reason: 'missed' } });
  }
}
export type TelephonySipService = ReturnType<typeof createTelephonySipService>;
export { effectiveState, eligibleQueues };
