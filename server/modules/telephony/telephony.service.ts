/**
 * The agent desk's side of telephony: phone credentials, agent state, screen pop, linking the order, the wallboard,
 * the callback worklist and recordings. Kamailio's side is telephony.sip.service.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { maskPhone } from '../../../common/limits.ts';
import { isOpen, type TicketStatus } from '../../../common/ticket-lifecycle.ts';
import type { Db } from '../../db/client.ts';
import { SYSTEM_ACTOR, type Actor, type Clock } from '../../lib/actor.ts';
import { AppError, forbidden, notFound, unknownReference } from '../../lib/errors.ts';
import type { LiveBus } from '../../lib/live.ts';
import { DAY_MS, SHANGHAI_OFFSET_MS, dayIndexOf, dayStartMs } from '../../lib/calendar.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { computeCallIndicators } from '../analytics/indicators/call-indicators.ts';
import { today } from '../analytics/periods.ts';
import { createCallsRepository } from '../calls/calls.repository.ts';
import { createCitizensRepository } from '../citizens/citizens.repository.ts';
import {
  AGENT_STATES,
  callbackIndicators,
  effectiveState,
  ephemeralCredentials,
  isRecordingKept,
  extensionOf,
  refuseStateChange,
  satisfactionRate,
  slotOfTime,
  talkSecondsOf,
  timeOfSlot,
  type RequestableState,
  type Skill,
} from './acd.ts';
import { authorize, can } from './telephony.policy.ts';
import { createTelephonyRepository, type AgentRow, type CallRow, type CallbackRow } from './telephony.repository.ts';
import { listLiveDialogs } from './sip/kamailio-rpc.ts';
import { convertPcapFile } from './sip/pcap-wav.ts';
import { SIP_SOURCE } from '../calls/calls.rules.ts';
import { createTelephonySipService, type TelephonySettings } from './telephony.sip.service.ts';

export interface TelephonyDeskSettings extends TelephonySettings {
  isEnabled: boolean;
  secret: string | null;
  wsUrl: string;
  credentialHours: number;
  recordingsDir: string;
  recordingRetentionDays: number;
  /** Kamailio's JSON-RPC URL, for reconciling calls with its live dialogs; null: not configured. */
  kamailioRpcUrl?: string | null;
}

const CALL = { zh: '通话', en: 'call' };
const CALLBACK = { zh: '回拨任务', en: 'callback task' };

const disabled = () =>
  new AppError('CONFLICT', {
    message: '本中心未启用电话功能',
    messageEn: 'Telephony is not enabled in this centre',
    details: { reason: 'telephony_disabled' },
  });

export function createTelephonyService(deps: {
  db: Db;
  clock: Clock;
  live: LiveBus;
  audit: AuditService;
  settings: TelephonyDeskSettings;
}) {
  const { db, clock, live, audit, settings } = deps;
  const repo = createTelephonyRepository(db);
  const citizensRepo = createCitizensRepository(db);

  const presentAgent = (a: AgentRow, now: Date) => {
    const state = effectiveState({ state: a.state as never, wrapUpUntil: a.wrapUpUntil }, now);
    const skills = (a.skills as Skill[]) ?? [];
    return {
      state,
      breakReason: state === 'break' ? a.breakReason : null,
      since: (state === 'ready' && a.state === 'wrap_up' ? a.wrapUpUntil! : a.stateSince).toISOString(),
      wrapUpUntil: state === 'wrap_up' ? a.wrapUpUntil!.toISOString() : null,
      skills,
      queues: skills.map((s) => s.queue),
    };
  };

  async function buildPop(call: CallRow) {
    const citizen = await citizensRepo.findByPhone(call.phone);
    const tickets = citizen ? await citizensRepo.findTickets(citizen.id, 20) : [];
    const ticketView = (t: (typeof tickets)[number]) => ({
      id: t.id,
      number: t.number,
      title: t.title,
      status: t.status,
      createdAt: t.createdAt.toISOString(),
    });
    const calls = (await repo.findRecentCallsOfPhone(call.phone, 11)).filter((c) => c.callId !== call.callId).slice(0, 10);
    return {
      callId: call.callId,
      from: maskPhone(call.phone)!,
      queue: call.queue,
      offeredAt: call.offeredAt.toISOString(),
      state: (call.status === 'ended' ? 'ended' : call.status) as 'queued' | 'ringing' | 'talking' | 'ended',
      citizen: { id: citizen?.id, name: citizen?.name ?? undefined, isConfidential: citizen?.isConfidential ?? false },
      history: tickets.map(ticketView),
      openTickets: tickets.filter((t) => isOpen(t.status as TicketStatus)).map(ticketView),
      calls: calls.map((c) => ({
        callId: c.callId,
        offeredAt: c.offeredAt.toISOString(),
        answered: c.answeredAt !== null,
        queue: c.queue,
      })),
      ticketId: call.ticketId,
    };
  }

  /**
   * The caller's history for live pushes, looked up once per call: the offer, the ringing and the answered state all
   * show the same caller, and at 50 new calls a second those lookups were most of the database's work. The desk's own
   * GET of the pop stays fresh.
   */
  type Pop = Awaited<ReturnType<typeof buildPop>>;
  const popCache = new Map<string, { at: number; pop: Promise<Pop> }>();
  async function livePop(call: CallRow): Promise<Pop> {
    const at = Date.now();
    const hit = popCache.get(call.callId);
    if (hit && at - hit.at < 60_000) {
      const pop = await hit.pop.catch(() => null);
      if (pop && pop.ticketId === call.ticketId)
        return { ...pop, state: (call.status === 'ended' ? 'ended' : call.status) as Pop['state'] };
    }
    const pop = buildPop(call);
    if (popCache.size > 2000) for (const [id, e] of popCache) if (at - e.at >= 60_000) popCache.delete(id);
    popCache.set(call.callId, { at, pop });
    return pop;
  }

  /** `known`: the agent's current call when the caller has its row already (the offer), saving a lookup. */
  async function agentView(userId: number, pop: (call: CallRow) => ReturnType<typeof buildPop> = buildPop, known?: CallRow) {
    const now = clock.now();
    const agent = await repo.findAgent(userId);
    if (!agent) return null;
    const call = !agent.currentCallId ? null : known?.callId === agent.currentCallId ? known : await repo.findCall(agent.currentCallId);
    return { ...presentAgent(agent, now), currentCall: call ? await pop(call) : null };
  }

  const publishAgent = async (userId: number) => {
    const view = await agentView(userId, livePop);
    if (view) live.publish({ topic: 'agent.state', unitIds: [], userIds: [userId], payload: view });
  };

  // The wallboard event carries the whole wallboard, at most once a second.
  let wallboardTimer: NodeJS.Timeout | null = null;
  const scheduleWallboard = () => {
    if (wallboardTimer) return;
    wallboardTimer = setTimeout(() => {
      wallboardTimer = null;
      void service
        .wallboard(SYSTEM_ACTOR)
        .then((payload) => live.publish({ topic: 'wallboard', unitIds: [], payload }))
        .catch(() => undefined);
    }, 1000);
    wallboardTimer.unref();
  };

  const sip = createTelephonySipService({
    db,
    clock,
    live,
    settings,
    onWallboardChange: scheduleWallboard,
    onAgentChange: (userId) => {
      void publishAgent(userId).catch(() => undefined);
    },
    // the offer's screen pop and the agent's ringing state, from the call row the decision wrote (no lookup of it)
    onCallOffered: (call, userId) => {
      void (async () => {
        live.publish({ topic: 'call.offered', unitIds: [], userIds: [userId], payload: await livePop(call) });
        const view = await agentView(userId, livePop, call);
        if (view) live.publish({ topic: 'agent.state', unitIds: [], userIds: [userId], payload: view });
      })().catch(() => undefined);
    },
  });

  async function requireAgent(actor: Actor): Promise<AgentRow> {
    authorize(actor, 'phone');
    if (!settings.isEnabled) throw disabled();
    return repo.ensureAgent(actor.userId!, extensionOf(actor.userId!), clock.now());
  }

  const isKept = (call: CallRow) => isRecordingKept(call.offeredAt, clock.now(), settings.recordingRetentionDays);

  async function callForActor(actor: Actor, callId: string): Promise<CallRow> {
    const call = await repo.findCall(callId);
    if (!call) throw notFound(CALL, { callId });
    if (!can(actor, 'any_call') && call.agentUserId !== actor.userId) throw notFound(CALL, { callId });
    return call;
  }

  /** Today's half hours that had calls or have a plan, each with its calls and its planned agents (null: no plan). */
  function halfHoursWithPlan(
    dayStart: Date,
    halves: { slot: Date; counts: { offered: number; answered: number } }[],
    plan: { slot: number; plannedAgents: number }[],
  ) {
    const slotOf = (at: Date) => Math.floor(((((at.getTime() + SHANGHAI_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS) / 1_800_000);
    const planned = new Map(plan.map((p) => [p.slot, p.plannedAgents]));
    const bySlot = new Map(halves.map((h) => [slotOf(h.slot), h.counts]));
    const slots = [...new Set([...bySlot.keys(), ...planned.keys()])].sort((a, b) => a - b);
    return slots.map((slot) => ({
      start: new Date(dayStart.getTime() + slot * 1_800_000).toISOString(),
      offered: bySlot.get(slot)?.offered ?? 0,
      answered: bySlot.get(slot)?.answered ?? 0,
      plannedAgents: planned.get(slot) ?? null,
    }));
  }

  const service = {
    sip,

    async phone(actor: Actor) {
      authorize(actor, 'phone');
      const outsideNumbers = settings.outsideNumbers;
      const queueNumbers = Object.entries(settings.queueNumbers).map(([number, queue]) => ({ number, queue }));
      if (!settings.isEnabled || !settings.secret) {
        return {
          enabled: false,
          extension: null,
          wsUrl: null,
          sipDomain: null,
          username: null,
          password: null,
          expiresAt: null,
          outsideNumbers,
          queueNumbers,
        };
      }
      const agent = await repo.ensureAgent(actor.userId!, extensionOf(actor.userId!), clock.now());
      const expiresAt = new Date(clock.now().getTime() + settings.credentialHours * 3_600_000);
      const creds = ephemeralCredentials(settings.secret, agent.extension, expiresAt);
      return {
        enabled: true,
        extension: agent.extension,
        wsUrl: settings.wsUrl,
        sipDomain: settings.sipDomain,
        ...creds,
        expiresAt: expiresAt.toISOString(),
        outsideNumbers,
        queueNumbers,
      };
    },

    async me(actor: Actor) {
      const agent = await requireAgent(actor);
      return (await agentView(agent.userId))!;
    },

    /** The agent's own ready / break / signed-out; 409 while a call rings or is in progress. */
    async setState(actor: Actor, input: { state: RequestableState; reason?: string }) {
      const agent = await requireAgent(actor);
      const now = clock.now();
      const current = effectiveState({ state: agent.state as never, wrapUpUntil: agent.wrapUpUntil }, now);
      const refusal = refuseStateChange(current, input.state, input.reason);
      if (refusal) {
        throw new AppError(refusal.reason === 'busy' ? 'INVALID_TRANSITION' : 'VALIDATION_FAILED', {
          message: refusal.zh,
          messageEn: refusal.en,
          details: { reason: refusal.reason, state: current },
        });
      }
      const allowedFrom = AGENT_STATES.filter((s) => s !== 'ringing' && s !== 'talking');
      const patch =
        input.state === 'ready'
          ? {
              state: 'ready' as const,
              breakReason: null,
              wrapUpUntil: null,
              idleSince: current === 'ready' ? ((agent.state === 'wrap_up' ? agent.wrapUpUntil : agent.idleSince) ?? now) : now,
            }
          : {
              state: input.state,
              breakReason: input.state === 'break' ? input.reason!.trim().slice(0, 100) : null,
              wrapUpUntil: null,
              idleSince: null,
            };
      const updated = await repo.setAgentState(agent.userId, [...allowedFrom], patch, now);
      if (!updated) {
        throw new AppError('INVALID_TRANSITION', {
          message: '来电正在振铃，不能切换状态',
          messageEn: 'A call is ringing; the state was not changed',
          details: { reason: 'busy' },
        });
      }
      await publishAgent(agent.userId);
      scheduleWallboard();
      return (await agentView(agent.userId))!;
    },

    async agents(actor: Actor) {
      authorize(actor, 'wallboard');
      const now = clock.now();
      return (await repo.findAgents()).map(({ agent, name }) => ({
        userId: agent.userId,
        name,
        extension: agent.extension,
        ...presentAgent(agent, now),
        currentCallId: agent.currentCallId,
      }));
    },

    async setSkills(actor: Actor, input: { userId: number; skills: Skill[] }) {
      authorize(actor, 'manage_agents');
      const agent = await repo.findAgent(input.userId);
      if (!agent) throw notFound({ zh: '坐席', en: 'agent' }, { userId: input.userId });
      const row = (await repo.setSkills(input.userId, input.skills, clock.now()))!;
      await audit.record(actor, {
        action: 'telephony.skills',
        subjectType: 'user',
        subjectId: input.userId,
        details: { skills: input.skills },
      });
      return presentAgent(row, clock.now());
    },

    /** 排班计划: planned agents per half hour of the day (the wallboard's staffing line). */
    async staffingPlan(actor: Actor) {
      authorize(actor, 'wallboard');
      return { slots: (await repo.findStaffingPlan()).map((r) => ({ start: timeOfSlot(r.slot), plannedAgents: r.plannedAgents })) };
    },

    /** Sets the planned agents of the half hours given (null clears one); a bad or repeated time changes nothing. */
    async setStaffingPlan(actor: Actor, input: { slots: { start: string; plannedAgents: number | null }[] }) {
      authorize(actor, 'manage_agents');
      const slots = input.slots.map((s) => ({ slot: slotOfTime(s.start), start: s.start, plannedAgents: s.plannedAgents }));
      const bad = slots.find((s) => s.slot === null);
      if (bad) {
        throw new AppError('VALIDATION_FAILED', {
          message: `时段须为整点或半点（HH:00 或 HH:30）：${bad.start}`,
          messageEn: `A half hour starts on the hour or half past (HH:00 or HH:30): ${bad.start}`,
          details: { start: bad.start },
        });
      }
      const seen = new Set<number>();
      const repeated = slots.find((s) => (seen.has(s.slot!) ? true : (seen.add(s.slot!), false)));
      if (repeated) {
        throw new AppError('VALIDATION_FAILED', {
          message: `时段重复：${repeated.start}`,
          messageEn: `The same half hour is given twice: ${repeated.start}`,
          details: { start: repeated.start },
        });
      }
      await db.transaction(async (tx) =>
        createTelephonyRepository(tx).setStaffingPlan(
          slots.map((s) => ({ slot: s.slot!, plannedAgents: s.plannedAgents })),
          actor.userId,
          clock.now(),
        ),
      );
      await audit.record(actor, {
        action: 'telephony.staffing',
        subjectType: 'tel_staffing_plan',
        subjectId: 0,
        details: { slots: input.slots },
      });
      scheduleWallboard();
      return service.staffingPlan(actor);
    },

    async pop(actor: Actor, callId: string) {
      return buildPop(await callForActor(actor, callId));
    },

    /** Links the order created during the call to the call (and to its call record once written). */
    async linkTicket(actor: Actor, input: { callId: string; ticketId: number }) {
      const call = await callForActor(actor, input.callId);
      if (!(await createCallsRepository(db).findTicketIds([input.ticketId])).length)
        throw unknownReference({ zh: '工单', en: 'order' }, { ticketId: input.ticketId });
      const updated = (await repo.updateCall(call.callId, null, { ticketId: input.ticketId }))!;
      if (updated.status === 'ended') await sip.writeRecord(updated, clock.now());
      return { callId: call.callId, ticketId: input.ticketId };
    },

    /**
     * Calls Lianxin thinks are ringing or talking but Kamailio no longer carries (their end came while Lianxin was
     * down) are ended now. Run on start and by the end-lost-calls job; nothing to do without Kamailio's RPC URL.
     */
    async reconcileWithProxy() {
      if (!settings.kamailioRpcUrl) return { checked: false, ended: 0 };
      const url = settings.kamailioRpcUrl;
      return { checked: true, ...(await sip.reconcile(async () => (await listLiveDialogs(url)).callIds)) };
    },

    async wallboard(actor: Actor) {
      authorize(actor, 'wallboard');
      const now = clock.now();
      const dayStart = new Date(dayStartMs(dayIndexOf(today(now))));
      const waiting = await repo.findWaitingCalls(new Date(now.getTime() - 10_000));
      const byState = Object.fromEntries(AGENT_STATES.map((s) => [s, 0])) as Record<(typeof AGENT_STATES)[number], number>;
      for (const r of await repo.countAgentsByState(now)) byState[r.state as keyof typeof byState] = Number(r.n);
      const callsRepo = createCallsRepository(db);
      const counts = await callsRepo.total(dayStart, new Date(dayStart.getTime() + 86_400_000), null);
      const ind = computeCallIndicators(counts);
      const ratings = Object.fromEntries((await repo.countRatingsSince(dayStart)).map((r) => [Number(r.rating), Number(r.n)]));
      const halves = await callsRepo.sumByHalfHour(dayStart, new Date(dayStart.getTime() + 86_400_000));
      const plan = await repo.findStaffingPlan();
      const longest = (list: CallRow[]) =>
        list.length ? Math.round((now.getTime() - Math.min(...list.map((c) => c.offeredAt.getTime()))) / 1000) : 0;
      const queues = [...new Set(waiting.map((w) => w.queue))].map((queue) => {
        const inQueue = waiting.filter((w) => w.queue === queue);
        return { queue, waiting: inQueue.length, longestWaitSeconds: longest(inQueue) };
      });
      return {
        waiting: waiting.length,
        longestWaitSeconds: longest(waiting),
        agents: byState,
        today: {
          offered: counts.offered,
          answered: counts.answered,
          abandoned: counts.offered - counts.answered,
          answeredWithin15s: counts.answeredWithinTarget,
          // of the abandoned: sent to the fallback by Kamailio (Lianxin too slow or down), not left by the caller
          fallback: await repo.countFallbackSince(dayStart),
          answerRate: ind.answer_rate,
          answerRate15s: ind.answer_15s_rate,
          avgWaitSeconds: ind.avg_speed_of_answer_seconds,
          avgHandleSeconds: ind.avg_call_handling_seconds,
          ratings: { satisfied: ratings[1] ?? 0, basic: ratings[2] ?? 0, unsatisfied: ratings[3] ?? 0 },
          satisfactionRate: satisfactionRate({ satisfied: ratings[1] ?? 0, basic: ratings[2] ?? 0, unsatisfied: ratings[3] ?? 0 }),
        },
        queues,
        halfHours: halfHoursWithPlan(dayStart, halves, plan),
      };
    },

    async callbacks(actor: Actor, input: { status: 'open' | 'claimed' | 'done' }) {
      authorize(actor, 'callbacks');
      const now = clock.now();
      const rows = await repo.findCallbacks(input.status, 500);
      const facts = await repo.findCallbacksSince(new Date(now.getTime() - 7 * 86_400_000));
      return { items: rows.map((r) => presentCallback(r.task, r.claimerName)), indicators: callbackIndicators(facts) };
    },

    async claimCallback(actor: Actor, id: number) {
      authorize(actor, 'callbacks');
      const task = await repo.findCallback(id);
      if (!task) throw notFound(CALLBACK, { id });
      const claimed = await repo.claimCallback(id, actor.userId!, clock.now());
      if (!claimed) {
        throw new AppError('CONFLICT', {
          message: task.status === 'done' ? '该回拨任务已完成' : '该回拨任务已被他人领取',
          messageEn: task.status === 'done' ? 'This callback task is already done' : 'This callback task was already taken',
          details: { reason: task.status === 'done' ? 'done' : 'taken', status: task.status },
        });
      }
      return presentCallback(claimed, actor.displayName);
    },

    /** The unmasked number for the browser phone; only the claimer, audited. */
    async dialCallback(actor: Actor, id: number) {
      authorize(actor, 'callbacks');
      const task = await repo.findCallback(id);
      if (!task) throw notFound(CALLBACK, { id });
      if (task.status !== 'claimed' || task.claimedBy !== actor.userId) {
        throw new AppError('INVALID_TRANSITION', {
          message: '请先领取该回拨任务',
          messageEn: 'Claim this callback task first',
          details: { reason: 'not_claimed_by_you', status: task.status },
        });
      }
      await audit.record(actor, {
        action: 'read_unmasked_phone',
        subjectType: 'tel_callback',
        subjectId: id,
        details: { via: 'callback_dial' },
      });
      return { number: task.phone };
    },

    async finishCallback(actor: Actor, input: { id: number; outcome: 'reached' | 'no_answer'; note?: string }) {
      authorize(actor, 'callbacks');
      const task = await repo.findCallback(input.id);
      if (!task) throw notFound(CALLBACK, { id: input.id });
      const done = await repo.finishCallback(input.id, actor.userId!, input.outcome, input.note?.trim() || null, clock.now());
      if (!done) {
        throw new AppError('INVALID_TRANSITION', {
          message: '只能由领取人登记已领取任务的结果',
          messageEn: 'Only the claimer can record the result of a claimed task',
          details: { reason: 'not_claimed_by_you', status: task.status },
        });
      }
      return presentCallback(done, actor.displayName);
    },

    /** The call's recording file (absolute path and type); every playback is audited. */
    /**
     * The calls linked to an order, for quality review and complaints: supervisors, callback/QA staff and admins see
     * them all, an agent the ones they took. Playing a recording is audited (`recording`).
     */
    async callsOfTicket(actor: Actor, ticketId: number) {
      if (!can(actor, 'any_call') && !can(actor, 'phone')) throw forbidden({ action: 'calls_of_ticket' });
      return (await repo.findCallsOfTicket(ticketId))
        .filter(({ call }) => can(actor, 'any_call') || call.agentUserId === actor.userId)
        .map(({ call, agentName }) => ({
          callId: call.callId,
          direction: call.direction,
          queue: call.queue,
          offeredAt: call.offeredAt.toISOString(),
          answeredAt: call.answeredAt?.toISOString() ?? null,
          endedAt: call.endedAt?.toISOString() ?? null,
          talkSeconds: talkSecondsOf(call, clock.now()),
          agentName,
          endReason: call.endReason,
          rating: call.rating,
          hasRecording: call.recordingPath !== null && isKept(call),
        }));
    },

    async recording(actor: Actor, callId: string) {
      const call = await callForActor(actor, callId);
      const file = call.recordingPath ? path.resolve(settings.recordingsDir, call.recordingPath) : null;
      if (!file || !file.startsWith(settings.recordingsDir + path.sep) || !isKept(call) || !fs.existsSync(file)) {
        throw notFound({ zh: '录音', en: 'recording' }, { callId });
      }
      let played = file;
      if (file.endsWith('.pcap')) {
        // rtpengine's capture becomes a WAV on first playback (the call is over, so the capture is complete); kept from then on.
        const wavPath = path.join('wav', `${path.basename(file, '.pcap')}.wav`);
        const wavFile = path.join(settings.recordingsDir, wavPath);
        fs.mkdirSync(path.dirname(wavFile), { recursive: true });
        if (fs.existsSync(wavFile) || convertPcapFile(file, wavFile)) {
          await repo.updateCall(call.callId, null, { recordingPath: wavPath });
          fs.rmSync(file, { force: true });
          played = wavFile;
        }
      }
      await audit.record(actor, { action: 'telephony.recording.play', subjectType: 'tel_call', subjectId: callId });
      return { file: played, contentType: played.endsWith('.wav') ? 'audio/wav' : 'application/vnd.tcpdump.pcap' };
    },

    /** Starts listening for rtpengine's DTMF reports (ratings) and makes the prompts; nothing without rtpengine. */
    async startMedia(log: (msg: string) => void) {
      if (!settings.isEnabled || !settings.media) return;
      await settings.media.start((e) => {
        void sip.dtmf(e).catch((err) => log(`dtmf ${e.callId}: ${(err as Error).message}`));
      });
    },
    stopMedia: async () => settings.media?.stop(),

    /** Records in the shared call records come from this source. */
    source: SIP_SOURCE,
  };
  return service;
}
export type TelephonyService = ReturnType<typeof createTelephonyService>;

function presentCallback(t: CallbackRow, claimerName: string | null) {
  return {
    id: t.id,
    phone: maskPhone(t.phone)!,
    callId: t.callId,
    abandonedAt: t.abandonedAt.toISOString(),
    queue: t.queue,
    status: t.status as 'open' | 'claimed' | 'done',
    claimedBy: t.claimedBy ? { id: t.claimedBy, name: claimerName ?? '' } : null,
    claimedAt: t.claimedAt?.toISOString() ?? null,
    outcome: t.outcome as 'reached' | 'no_answer' | null,
    note: t.note,
    closedAt: t.closedAt?.toISOString() ?? null,
    closedReason: t.closedReason as 'reached' | 'no_answer' | 'answered_later' | null,
  };
}
