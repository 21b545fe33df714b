/**
 * Plays one order's history forward from intake, step by step, through the same transitions the
 * tickets service allows (common/ticket-lifecycle.ts), and stops at `now`: whatever has not happened
 * by then has not happened, so recent orders are left open in whichever status they reached.
 * Every status change is an event written as the event contract says; the ticket's columns follow.
 */
import type { TicketStatus } from '../../../common/ticket-lifecycle.ts';
import type { City, UnitRow } from './city.ts';
import type { Staff, UserRow } from './people.ts';
import * as P from './phrases.ts';
import type { Rng } from './prng.ts';
import type { AssignmentRow, EventRow, ReplyRow, SeedOutput, TicketRow } from './rows.ts';
import type { WorkCalendar } from './work-time.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const CLOCK_STATUSES: TicketStatus[] = ['pending_sign', 'handling'];
const SYSTEM_ACTIONS = new Set(['create', 'sla_at_risk', 'sla_overdue', 'auto_reminder', 'exclude_from_assessment']);
/** Median working days from signing to replying, by order type. */
const HANDLING_DAYS: Record<string, number> = { inquiry: 1.2, help: 2.2, complaint: 3, report: 4.5, suggestion: 4, praise: 1 };

export interface SimEnv {
  now: number;
  cal: WorkCalendar;
  rng: Rng;
  city: City;
  staff: Staff;
  out: SeedOutput;
  nextSeq: () => number;
  nextAssignmentId: () => number;
  nextReplyId: () => number;
}

export type PlanMode = 'invalid' | 'transfer' | 'merge' | 'direct' | 'dispatch';

export interface TicketPlan {
  ticket: TicketRow;
  mode: PlanMode;
  line?: string;
  mainTicket?: TicketRow;
  knowledge?: { id: number; answer: string };
  /** The unit the dispatch catalogue names; `wrongUnit` is where a dispatcher sends it by mistake. */
  unit: UnitRow;
  wrongUnit?: UnitRow;
  coUnit?: UnitRow;
  /** The official reply a unit writes for this order. */
  writeReply: (unit: UnitRow, at: number) => string;
}

export function runLifecycle(env: SimEnv, plan: TicketPlan): void {
  new Lifecycle(env, plan).run();
}

class Lifecycle {
  private t: number;
  private halted = false;
  private lead: AssignmentRow | null = null;
  private co: AssignmentRow[] = [];
  private atRiskAt = 0;
  private atRiskDone = false;
  private overdueDone = false;
  private readonly ticket: TicketRow;
  private readonly rng: Rng;
  private readonly isUrgent: boolean;

  constructor(private readonly env: SimEnv, private readonly plan: TicketPlan) {
    this.ticket = plan.ticket;
    this.t = plan.ticket.createdAt;
    this.rng = env.rng;
    this.isUrgent = plan.ticket.urgency === 'urgent';
  }

  run(): void {
    const { ticket, plan, rng, env } = this;
    const creator = ticket.createdById === null ? null : env.staff.agents.find((a) => a.id === ticket.createdById) ?? null;
    this.event('create', 'pending_dispatch', creator, null, null, {
      channel: ticket.channel, type: ticket.type, urgency: ticket.urgency, categoryId: ticket.categoryId, regionId: ticket.regionId,
    });
    const agent = creator ?? rng.pick(env.staff.agents);
    const quick = ticket.channel === 'phone' ? this.t + rng.int(2, 12) * MINUTE : this.wm(this.t, rng.logNormal(60, 0.8));
    switch (plan.mode) {
      case 'invalid':
        if (this.at(this.t + rng.int(1, 6) * MINUTE)) this.finish('invalidate', 'invalid', agent, ticket.content, {}, 'invalid');
        return;
      case 'transfer':
        if (this.at(this.t + rng.int(1, 4) * MINUTE)) this.finish('transfer_emergency', 'transferred', agent, `已转接${plan.line}处置。`, { line: plan.line }, 'transferred');
        return;
      case 'merge':
        if (this.at(quick)) {
          ticket.mergedIntoId = plan.mainTicket!.id;
          ticket.isRepeat = true;
          this.finish('merge', 'merged', rng.chance(0.6) ? agent : rng.pick(env.staff.dispatchers), rng.pick(P.MERGE_NOTES), { mainTicketId: plan.mainTicket!.id }, 'merged');
        }
        return;
      case 'direct':
        if (this.at(quick)) {
          const { id, answer } = plan.knowledge!;
          env.out.ticketKnowledge.push({ ticketId: ticket.id, knowledgeItemId: id });
          this.finish('direct_answer', 'closed', agent, answer, { knowledgeItemIds: [id] }, 'direct_answer');
          this.maybeRate();
        }
        return;
      default:
        this.dispatchFlow();
    }
  }

  // —— time ——

  private wm(t: number, minutes: number) {
    return this.env.cal.addWorkMinutes(t, Math.max(1, minutes));
  }

  /** Moves the clock to `time` (SLA events first); false, and the story ends, when that is after now. */
  private at(time: number): boolean {
    if (this.halted) return false;
    this.sweepSla(Math.min(Math.max(time, this.t + 1000), this.env.now));
    const target = Math.max(time, this.t + 1000);
    if (target > this.env.now) {
      this.halted = true;
      return false;
    }
    this.t = target;
    return true;
  }

  /** 即将超期 / 已超期 as the mark-overdue-orders job would have recorded them up to `limit`. */
  private sweepSla(limit: number) {
    const { ticket } = this;
    if (!CLOCK_STATUSES.includes(ticket.status) || ticket.handleDueAt === null) return;
    const unitId = ticket.leadUnitId;
    if (!this.atRiskDone && Math.max(this.atRiskAt, this.t + 1000) <= limit) {
      this.atRiskDone = true;
      this.t = Math.max(this.atRiskAt, this.t + 1000);
      if (ticket.slaState === 'normal') ticket.slaState = 'at_risk';
      this.event('sla_at_risk', null, null, unitId, null, { handleDueAt: iso(ticket.handleDueAt) });
      if (this.rng.chance(0.5) && this.t + 1000 <= limit) {
        this.t += 1000;
        const content = '工单即将超期，请及时办理。';
        this.event('auto_reminder', null, null, unitId, content, {});
        this.env.out.supervisions.push({ ticketId: ticket.id, kind: 'auto_reminder', unitId, content, dueAt: ticket.handleDueAt, issuedById: null, createdAt: this.t });
      }
    }
    if (!this.overdueDone && Math.max(ticket.handleDueAt, this.t + 1000) <= limit) {
      this.overdueDone = true;
      this.t = Math.max(ticket.handleDueAt, this.t + 1000);
      ticket.slaState = 'overdue';
      this.event('sla_overdue', null, null, unitId, null, { handleDueAt: iso(ticket.handleDueAt) });
    }
  }

  // —— records ——

  private event(action: string, to: TicketStatus | null, actor: UserRow | null, unitId: number | null, note: string | null, data: Record<string, unknown>) {
    const { ticket } = this;
    const from = action === 'create' ? null : ticket.status;
    const row: EventRow = {
      ticketId: ticket.id, action, fromStatus: from, toStatus: to ?? ticket.status, actorUserId: actor?.id ?? null, actorUnitId: actor?.unitId ?? null,
      unitId, note, data, createdAt: this.t, seq: this.env.nextSeq(),
    };
    this.env.out.events.push(row);
    ticket.status = row.toStatus!;
    ticket.updatedAt = this.t;
    if (!SYSTEM_ACTIONS.has(action)) ticket.version++;
  }

  /** Ends the order in a final status. */
  private finish(action: string, to: TicketStatus, actor: UserRow, note: string | null, data: Record<string, unknown>, resolution: string) {
    this.event(action, to, actor, this.ticket.leadUnitId, note, data);
    this.ticket.resolution = resolution;
    this.ticket.closedAt = this.t;
    this.ticket.pausedAt = null;
    for (const a of [this.lead, ...this.co]) {
      if (a && a.status !== 'withdrawn' && a.status !== 'returned') {
        a.status = 'done';
        a.finishedAt = this.t;
      }
    }
  }

  private handlerOf(unit: UnitRow | number): UserRow {
    const id = typeof unit === 'number' ? unit : unit.id;
    return this.env.staff.handlerOf.get(id)!;
  }

  private assign(unit: UnitRow, role: 'lead' | 'co', actor: UserRow): AssignmentRow {
    const { cal } = this.env;
    const signDueAt = this.isUrgent ? this.t + HOUR : this.wm(this.t, 120);
    const handleDueAt = this.isUrgent ? this.t + 24 * HOUR : cal.addWorkingDays(this.t, this.ticket.type === 'inquiry' ? 3 : 5);
    const row: AssignmentRow = {
      localId: this.env.nextAssignmentId(), ticketId: this.ticket.id, unitId: unit.id, role, status: 'pending_sign', signDueAt, handleDueAt,
      signedAt: null, finishedAt: null, reason: null, createdById: actor.id, createdAt: this.t,
    };
    this.env.out.assignments.push(row);
    return row;
  }

  /** Makes `unit` the lead: new deadlines, SLA clock restarted. */
  private setLead(unit: UnitRow, actor: UserRow): AssignmentRow {
    const a = this.assign(unit, 'lead', actor);
    const { ticket } = this;
    this.lead = a;
    ticket.leadUnitId = unit.id;
    ticket.signDueAt = a.signDueAt;
    ticket.handleDueAt = a.handleDueAt;
    ticket.dispatchedAt ??= this.t;
    ticket.pausedAt = null;
    ticket.slaState = 'normal';
    this.atRiskAt = this.t + 0.8 * (a.handleDueAt! - this.t);
    this.atRiskDone = false;
    this.overdueDone = false;
    return a;
  }

  private deadlines(a: AssignmentRow) {
    return { signDueAt: iso(a.signDueAt), handleDueAt: iso(a.handleDueAt) };
  }

  /** Resumes the handling clock after a pause, moving the deadline by the time paused. */
  private resume(extraMs = 0) {
    const { ticket } = this;
    const paused = ticket.pausedAt === null ? 0 : this.t - ticket.pausedAt;
    ticket.pausedAt = null;
    ticket.handleDueAt = ticket.handleDueAt! + paused + extraMs;
    this.lead!.handleDueAt = ticket.handleDueAt;
    this.atRiskAt += paused;
    return paused;
  }

  // —— the dispatched path ——

  private dispatchFlow() {
    const { rng, env, plan, ticket } = this;
    const firstAt = this.isUrgent ? this.t + rng.int(5, 30) * MINUTE : this.wm(this.t, rng.logNormal(40, 0.9));
    if (!this.at(firstAt)) return;
    const dispatcher = rng.pick(env.staff.dispatchers);
    let unit = plan.wrongUnit ?? plan.unit;
    const a = this.setLead(unit, dispatcher);
    if (plan.coUnit) this.co.push(this.assign(plan.coUnit, 'co', dispatcher));
    this.event('dispatch', 'pending_sign', dispatcher, unit.id, null, {
      leadUnitId: unit.id, coUnitIds: this.co.map((c) => c.unitId), ...this.deadlines(a), isRedispatch: false,
    });
    if (plan.wrongUnit) {
      const upheld = this.dispute(plan.wrongUnit, plan.unit, true);
      if (upheld === null) return;
      unit = upheld;
    } else if (rng.chance(0.012)) {
      if (this.dispute(unit, null, false) === null) return;
    }
    for (;;) {
      if (ticket.status === 'pending_sign' && !this.sign()) return;
      if (!this.work(unit)) return;
      const outcome = this.callbacks();
      if (outcome !== 'reopened') return;
    }
  }

  /**
   * The unit (`from`) disputes the dispatch: by objection (派单异议) or by return (退单). When it is right
   * (`isRight`), the order ends up with `to`. Returns the unit that handles it, or null once time runs out.
   */
  private dispute(from: UnitRow, to: UnitRow | null, isRight: boolean): UnitRow | null {
    const { rng, env, ticket } = this;
    const handler = this.handlerOf(from);
    const signedFirst = rng.chance(0.3);
    if (signedFirst && !this.sign()) return null;
    if (!this.at(this.wm(this.t, rng.logNormal(90, 0.8)))) return null;
    const a = this.lead!;
    const target = to ?? from;
    if (!isRight || rng.chance(0.6)) {
      const reason = (isRight ? rng.pick(P.OBJECTION_REASONS) : rng.pick(P.WRONG_OBJECTION_REASONS)).replace('{unit}', target.name);
      const objection = {
        ticketId: ticket.id, assignmentLocalId: a.localId, reason, suggestedUnitId: isRight ? target.id : null, status: 'pending' as 'pending' | 'approved' | 'denied',
        requestedById: handler.id, decidedById: null as number | null, decisionNote: null as string | null, decidedAt: null as number | null, createdAt: this.t,
      };
      env.out.objections.push(objection);
      a.status = 'objected';
      a.reason = reason;
      ticket.pausedAt = this.t;
      this.event('object', 'objected', handler, from.id, reason, { suggestedUnitId: objection.suggestedUnitId });
      if (!this.at(this.wm(this.t, rng.logNormal(480, 0.9)))) return null;
      const decider = rng.chance(0.7) ? rng.pick(env.staff.dispatchers) : rng.pick(env.staff.supervisors);
      const approve = isRight && rng.chance(0.9);
      objection.decidedById = decider.id;
      objection.decidedAt = this.t;
      objection.status = approve ? 'approved' : 'denied';
      if (approve) {
        objection.decisionNote = rng.pick(P.OBJECTION_APPROVE_NOTES).replace('{unit}', target.name);
        a.status = 'withdrawn';
        a.finishedAt = this.t;
        const next = this.setLead(target, decider);
        this.event('decide_objection', 'pending_sign', decider, target.id, objection.decisionNote, { decision: 'approve', newUnitId: target.id, ...this.deadlines(next) });
        return target;
      }
      objection.decisionNote = rng.pick(P.OBJECTION_DENY_NOTES);
      a.status = signedFirst ? 'signed' : 'pending_sign';
      this.resume();
      this.event('decide_objection', signedFirst ? 'handling' : 'pending_sign', decider, from.id, objection.decisionNote, { decision: 'deny', newUnitId: null });
      return from;
    }
    const reason = rng.pick(P.RETURN_REASONS).replace('{unit}', target.name);
    a.status = 'returned';
    a.reason = reason;
    a.finishedAt = this.t;
    ticket.returnCount++;
    ticket.pausedAt = this.t;
    this.event('return', 'returned', handler, from.id, reason, {});
    if (!this.at(this.wm(this.t, rng.logNormal(240, 1)))) return null;
    const dispatcher = rng.pick(env.staff.dispatchers);
    const next = this.setLead(target, dispatcher);
    this.event('dispatch', 'pending_sign', dispatcher, target.id, null, { leadUnitId: target.id, coUnitIds: [], ...this.deadlines(next), isRedispatch: true });
    return target;
  }

  private sign(): boolean {
    const { rng } = this;
    const a = this.lead!;
    const signAt = this.isUrgent ? this.t + rng.int(3, 40) * MINUTE : this.wm(this.t, rng.logNormal(50, 1.1));
    if (!this.at(signAt)) return false;
    a.status = 'signed';
    a.signedAt = this.t;
    this.event('sign', 'handling', this.handlerOf(a.unitId), a.unitId, rng.pick(P.SIGN_NOTES), { isOnTime: this.t <= a.signDueAt! });
    return true;
  }

  /** From signing to an accepted reply; false once time runs out. */
  private work(unit: UnitRow): boolean {
    const { rng, env, ticket } = this;
    const handler = this.handlerOf(unit);
    const a = this.lead!;
    const median = ticket.reopenCount > 0 ? 2 : HANDLING_DAYS[ticket.type] ?? 3;
    let replyAt = this.isUrgent ? this.t + rng.logNormal(6, 0.7) * HOUR : this.wm(this.t, rng.logNormal(median, 0.85) * 480);

    if (rng.chance(ticket.type === 'complaint' || ticket.type === 'report' ? 0.006 : 0.001)) {
      if (!this.at(this.wm(this.t, rng.int(30, 600)))) return false;
      const content = rng.pick(P.LEADER_NOTES);
      ticket.hasLeaderInstruction = true;
      env.out.supervisions.push({ ticketId: ticket.id, kind: 'leader_instruction', unitId: unit.id, content, dueAt: null, issuedById: env.staff.leader.id, createdAt: this.t });
      this.event('leader_instruction', null, env.staff.leader, unit.id, content, {});
    }
    for (const co of this.co) {
      if (co.status !== 'pending_sign') continue;
      if (!this.at(this.t + (replyAt - this.t) * rng.range(0.3, 0.8))) return false;
      co.status = 'replied';
      co.signedAt = this.t;
      const coUnit = env.city.units.find((u) => u.id === co.unitId)!;
      this.event('co_reply', null, this.handlerOf(co.unitId), co.unitId, `${coUnit.self}已配合开展相关工作，具体情况由主办单位统一答复。`, {});
    }
    if (!this.isUrgent && replyAt > ticket.handleDueAt! && rng.chance(0.55)) {
      const due = ticket.handleDueAt!;
      if (!this.at(Math.max(this.t + HOUR, this.t + (due - this.t) * rng.range(0.5, 0.95)))) return false;
      const overrunDays = Math.ceil((replyAt - due) / (24 * HOUR));
      const days = [5, 10, 15, 20, 30].find((d) => d >= overrunDays + 1) ?? 30;
      const reason = rng.pick(P.EXTENSION_REASONS);
      const extension = {
        ticketId: ticket.id, assignmentLocalId: a.localId, requestedDays: days, reason, status: 'pending' as 'pending' | 'approved' | 'denied',
        requestedById: handler.id, decidedById: null as number | null, decisionNote: null as string | null, decidedAt: null as number | null, createdAt: this.t,
      };
      env.out.extensions.push(extension);
      ticket.pausedAt = this.t;
      this.event('request_extension', 'extension_pending', handler, unit.id, reason, { days });
      if (!this.at(this.wm(this.t, rng.logNormal(200, 0.8)))) return false;
      const decider = rng.chance(0.6) ? rng.pick(env.staff.dispatchers) : rng.pick(env.staff.supervisors);
      const approve = rng.chance(0.85);
      extension.status = approve ? 'approved' : 'denied';
      extension.decidedById = decider.id;
      extension.decidedAt = this.t;
      extension.decisionNote = rng.pick(approve ? P.EXTENSION_NOTES.approve : P.EXTENSION_NOTES.deny);
      const pausedFor = this.resume();
      if (approve) {
        // an approved extension gives a new deadline: the SLA state starts over against it
        ticket.handleDueAt = env.cal.addWorkingDays(ticket.handleDueAt!, days);
        a.handleDueAt = ticket.handleDueAt;
        this.atRiskAt = a.createdAt + 0.8 * (ticket.handleDueAt - a.createdAt);
        this.atRiskDone = false;
        this.overdueDone = false;
        ticket.slaState = 'normal';
      }
      replyAt += pausedFor;
      if (approve && replyAt > ticket.handleDueAt! && rng.chance(0.7)) replyAt = this.t + (ticket.handleDueAt! - this.t) * rng.range(0.5, 0.95);
      this.event('decide_extension', 'handling', decider, unit.id, extension.decisionNote, { decision: approve ? 'approve' : 'deny', days: approve ? days : 0 });
    }
    if (replyAt > ticket.handleDueAt!) {
      const due = ticket.handleDueAt!;
      if (rng.chance(0.5)) {
        const urgeAt = this.wm(Math.max(due, this.t), rng.logNormal(120, 0.7));
        if (urgeAt < replyAt) {
          if (!this.at(urgeAt)) return false;
          const dispatcher = rng.pick(env.staff.dispatchers);
          const content = rng.pick(P.URGE_NOTES);
          env.out.supervisions.push({ ticketId: ticket.id, kind: 'urge', unitId: unit.id, content, dueAt: null, issuedById: dispatcher.id, createdAt: this.t });
          this.event('urge', null, dispatcher, unit.id, content, {});
        }
      }
      if (rng.chance(0.15)) {
        const superviseAt = this.wm(Math.max(due, this.t), rng.logNormal(480, 0.6));
        if (superviseAt < replyAt) {
          if (!this.at(superviseAt)) return false;
          const supervisor = rng.pick(env.staff.supervisors);
          const content = rng.pick(P.SUPERVISE_NOTES);
          const dueAt = env.cal.addWorkingDays(this.t, 3);
          env.out.supervisions.push({ ticketId: ticket.id, kind: 'supervise', unitId: unit.id, content, dueAt, issuedById: supervisor.id, createdAt: this.t });
          this.event('supervise', null, supervisor, unit.id, content, { dueAt: iso(dueAt) });
        }
      }
    }
    if (rng.chance(0.008) && !ticket.isExcludedFromAssessment) {
      if (!this.at(this.t + (replyAt - this.t) * 0.5)) return false;
      const note = rng.pick(P.EXCLUDE_NOTES);
      ticket.isExcludedFromAssessment = true;
      ticket.isLegacy = note.startsWith('属历史遗留');
      this.event('exclude_from_assessment', null, rng.pick(env.staff.supervisors), unit.id, note, {});
    }
    for (let attempt = 0; ; attempt++) {
      if (!this.at(replyAt)) return false;
      const isFirstRejected = attempt === 0 && rng.chance(0.07);
      const reply: ReplyRow = {
        localId: env.nextReplyId(), ticketId: ticket.id, assignmentLocalId: a.localId, unitId: unit.id, authorId: handler.id,
        content: isFirstRejected ? rng.pick(P.SHORT_REPLIES) : this.plan.writeReply(unit, this.t), status: 'submitted',
        reviewNote: null, reviewedById: null, reviewedAt: null, createdAt: this.t,
      };
      env.out.replies.push(reply);
      const isOnTime = this.t <= ticket.handleDueAt!;
      if (isOnTime && ticket.slaState === 'at_risk') ticket.slaState = 'normal';
      a.status = 'replied';
      ticket.repliedAt = this.t;
      this.event('reply', 'pending_review', handler, unit.id, null, { replyId: reply.localId, isOnTime });
      if (!this.at(this.wm(this.t, rng.logNormal(100, 0.9)))) return false;
      const reviewer = rng.chance(0.7) ? rng.pick(env.staff.dispatchers) : rng.pick(env.staff.callbackAgents);
      reply.reviewedById = reviewer.id;
      reply.reviewedAt = this.t;
      if (isFirstRejected) {
        reply.status = 'rejected';
        reply.reviewNote = rng.pick(P.REVIEW_REJECT_NOTES);
        a.status = 'signed';
        this.event('review', 'handling', reviewer, unit.id, reply.reviewNote, { decision: 'reject' });
        replyAt = this.wm(this.t, rng.logNormal(480, 0.7));
        continue;
      }
      reply.status = 'accepted';
      reply.reviewNote = rng.pick(P.REVIEW_ACCEPT_NOTES);
      ticket.callbackDueAt = env.cal.addWorkingDays(this.t, 2);
      this.event('review', 'pending_callback', reviewer, unit.id, reply.reviewNote, { decision: 'accept' });
      return true;
    }
  }

  /** 回访 until the order closes or is reopened (重办). */
  private callbacks(): 'closed' | 'reopened' | 'halted' {
    const { rng, env, ticket } = this;
    const unitId = ticket.leadUnitId;
    for (let attempt = 0; ; attempt++) {
      if (!this.at(this.wm(this.t, attempt === 0 ? rng.logNormal(300, 0.8) : rng.logNormal(420, 0.5)))) return 'halted';
      const agent = rng.pick(env.staff.callbackAgents);
      const wasLate = ticket.slaState === 'overdue';
      const unsatisfied = (ticket.reopenCount > 0 ? 0.06 : 0.09) + (wasLate ? 0.08 : 0) - (ticket.type === 'inquiry' ? 0.04 : 0);
      const result = rng.weighted(['satisfied', 'basically_satisfied', 'unsatisfied', 'unreachable'] as const, [0.62 - (wasLate ? 0.1 : 0), 0.2, unsatisfied, 0.09]);
      const isResolved = result === 'unreachable' ? null : rng.chance(result === 'satisfied' ? 0.95 : result === 'basically_satisfied' ? 0.7 : 0.2);
      const note = rng.pick(P.CALLBACK_NOTES[result]);
      env.out.callbacks.push({ ticketId: ticket.id, result, isResolved, note, agentId: agent.id, createdAt: this.t });
      if (result !== 'unreachable') ticket.satisfaction = result;
      else ticket.satisfaction ??= 'unreachable';
      if (result === 'satisfied' || result === 'basically_satisfied') {
        this.finish('callback', 'closed', agent, note, { result, isResolved }, 'handled');
        this.maybeRate();
        return 'closed';
      }
      if (result === 'unreachable') {
        this.event('callback', null, agent, unitId, note, { result, isResolved });
        if (attempt < 2) continue;
        if (!this.at(this.t + rng.int(10, 90) * MINUTE)) return 'halted';
        this.finish('close', 'closed', agent, rng.pick(P.CLOSE_UNREACHABLE), {}, 'handled');
        return 'closed';
      }
      this.event('callback', 'callback_unsatisfied', agent, unitId, note, { result, isResolved });
      if (!this.at(this.wm(this.t, rng.logNormal(360, 0.8)))) return 'halted';
      const supervisor = rng.pick(env.staff.supervisors);
      if (ticket.reopenCount < 2 && rng.chance(0.5)) {
        const previous = this.lead!;
        previous.status = 'done';
        previous.finishedAt = this.t;
        const unit = env.city.units.find((u) => u.id === previous.unitId)!;
        const next = this.setLead(unit, supervisor);
        ticket.reopenCount++;
        this.event('reopen', 'pending_sign', supervisor, unit.id, rng.pick(P.REOPEN_NOTES), { leadUnitId: unit.id, ...this.deadlines(next) });
        return 'reopened';
      }
      this.finish('close', 'closed', rng.chance(0.5) ? supervisor : agent, rng.pick(P.CLOSE_AFTER_UNSATISFIED), {}, 'handled');
      return 'closed';
    }
  }

  /** Some citizens rate the result on the portal (市民评价) after closing. */
  private maybeRate() {
    const { rng, ticket } = this;
    if (ticket.channel === 'phone' || ticket.channel === 'sms' || !rng.chance(0.1)) return;
    if (!this.at(this.t + rng.range(1, 72) * HOUR)) return;
    const base = ticket.satisfaction === 'unsatisfied' ? 2 : ticket.satisfaction === 'basically_satisfied' ? 4 : 5;
    const rating = Math.max(1, Math.min(5, base - (rng.chance(0.25) ? 1 : 0)));
    ticket.citizenRating = rating;
    this.event('rate', null, null, ticket.leadUnitId, null, { rating });
  }
}

function iso(t: number | null): string | null {
  return t === null ? null : new Date(t).toISOString();
}
