/**
 * Plays one order's history forward from intake, step by step, through the transitions the tickets
 * service allows (common/ticket-lifecycle.ts) with the same side effects (tickets.transitions.ts), and
 * stops at `now`: what has not happened by then has not happened, so recent orders stay open in
 * whichever status they reached. The SLA sweep's escalations (即将超期 / 已超期 + automatic reminders)
 * are replayed at the moments they would have fired.
 */
import type { TicketStatus } from '../../../common/ticket-lifecycle.ts';
import type { UnitRow } from './city.ts';
import type { SimEnv, TicketPlan } from './plan.ts';
import type { UserRow } from './people.ts';
import * as P from './phrases.ts';
import type { Rng } from './prng.ts';
import type { AssignmentRow, EventRow, ReplyRow, TicketRow } from './rows.ts';
import { iso } from './bulk.ts';
import { Sweep } from './sweep.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const SYSTEM_ACTIONS = new Set(['create', 'sla_at_risk', 'sla_overdue', 'auto_reminder', 'exclude_from_assessment']);
/** Median working days from signing to replying, by order type. */
const HANDLING_DAYS: Record<string, number> = { inquiry: 1.2, help: 2.2, complaint: 3, report: 4.5, suggestion: 4, praise: 1 };
const ACTIVE = ['pending_sign', 'signed', 'objected'];

export function runLifecycle(env: SimEnv, plan: TicketPlan): void {
  new Lifecycle(env, plan).run();
}

export class Lifecycle {
  /** The simulated clock: the time of the last thing that happened. */
  t: number;
  private halted = false;
  private readonly assignments: AssignmentRow[] = [];
  private lead: AssignmentRow | null = null;
  readonly ticket: TicketRow;
  private readonly rng: Rng;
  private readonly isUrgent: boolean;
  private readonly sweep: Sweep;

  constructor(
    readonly env: SimEnv,
    private readonly plan: TicketPlan,
  ) {
    this.ticket = plan.ticket;
    this.t = plan.ticket.createdAt;
    this.rng = env.rng;
    this.isUrgent = plan.ticket.urgency === 'urgent';
    this.sweep = new Sweep(this, plan.sla);
  }

  run(): void {
    const { ticket, plan, rng, env } = this;
    const creator = ticket.createdById === null ? null : (env.staff.agents.find((a) => a.id === ticket.createdById) ?? null);
    this.event('create', 'pending_dispatch', creator, null, null, {
      channel: ticket.channel,
      type: ticket.type,
      urgency: ticket.urgency,
      categoryId: ticket.categoryId,
      regionId: ticket.regionId,
    });
    const agent = creator ?? rng.pick(env.staff.agents);
    const quick = ticket.channel === 'phone' ? this.t + rng.int(2, 12) * MINUTE : this.wm(rng.logNormal(60, 0.8));
    switch (plan.mode) {
      case 'invalid':
        if (this.at(this.t + rng.int(1, 6) * MINUTE)) this.finish('invalidate', 'invalid', agent, ticket.content, {}, 'invalid');
        return;
      case 'transfer':
        if (this.at(this.t + rng.int(1, 4) * MINUTE))
          this.finish('transfer_emergency', 'transferred', agent, `已转接${plan.line}处置。`, { line: plan.line }, 'transferred');
        return;
      case 'merge':
        if (this.at(quick)) {
          const main = plan.mainTicket!;
          ticket.mergedIntoId = main.id;
          ticket.isRepeat = true;
          this.finish(
            'merge',
            'merged',
            rng.chance(0.6) ? agent : rng.pick(env.staff.dispatchers),
            rng.pick(P.MERGE_NOTES),
            { mainTicketId: main.id, mainNumber: main.number },
            'merged',
          );
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

  /** `minutes` of working time after the current moment. */
  private wm(minutes: number, from = this.t) {
    return this.env.cal.addWorkMinutes(from, Math.max(1, minutes));
  }

  /** Moves the clock to `time` (SLA escalations first); false, and the story ends, when that is after now. */
  private at(time: number): boolean {
    if (this.halted) return false;
    this.sweep.runUntil(Math.min(Math.max(time, this.t + 1000), this.env.now));
    const target = Math.max(time, this.t + 1000);
    if (target > this.env.now) {
      this.halted = true;
      return false;
    }
    this.t = target;
    return true;
  }

  // —— records ——

  event(
    action: string,
    to: TicketStatus | null,
    actor: UserRow | null,
    unitId: number | null,
    note: string | null,
    data: Record<string, unknown>,
  ) {
    const { ticket } = this;
    const row: EventRow = {
      ticketId: ticket.id,
      action,
      fromStatus: action === 'create' ? null : ticket.status,
      toStatus: to ?? ticket.status,
      actorUserId: actor?.id ?? null,
      actorUnitId: actor?.unitId ?? null,
      unitId,
      note,
      data,
      createdAt: this.t,
      seq: this.env.nextSeq(),
    };
    this.env.out.events.push(row);
    ticket.status = row.toStatus!;
    ticket.updatedAt = this.t;
    if (!SYSTEM_ACTIONS.has(action)) ticket.version++;
  }

  /** Ends the order in a final status. */
  private finish(action: string, to: TicketStatus, actor: UserRow, note: string | null, data: Record<string, unknown>, resolution: string) {
    if (action === 'merge') this.withdrawActive();
    this.event(action, to, actor, this.ticket.leadUnitId, note, data);
    Object.assign(this.ticket, { resolution, closedAt: this.t, pausedAt: action === 'merge' ? null : this.ticket.pausedAt });
  }

  private handlerOf(unit: UnitRow | number): UserRow {
    return this.env.staff.handlerOf.get(typeof unit === 'number' ? unit : unit.id)!;
  }

  private withdrawActive() {
    for (const a of this.assignments) {
      if (ACTIVE.includes(a.status)) Object.assign(a, { status: 'withdrawn', finishedAt: this.t });
    }
  }

  /** Dispatch, re-dispatch, upheld dispute or reopen: fresh assignments and deadlines (tickets.transitions.ts assign). */
  private assign(unit: UnitRow, coUnits: UnitRow[], actor: UserRow, isRedispatch: boolean) {
    const { ticket, plan, env } = this;
    const { signDueAt, handleDueAt } = plan.sla.deadlines(this.t);
    this.withdrawActive();
    const make = (u: UnitRow, role: 'lead' | 'co'): AssignmentRow => ({
      localId: env.nextAssignmentId(),
      ticketId: ticket.id,
      unitId: u.id,
      role,
      status: 'pending_sign',
      signDueAt,
      handleDueAt,
      signedAt: null,
      finishedAt: null,
      reason: null,
      createdById: actor.id,
      createdAt: this.t,
    });
    this.lead = make(unit, 'lead');
    const rows = [this.lead, ...coUnits.map((u) => make(u, 'co'))];
    this.assignments.push(...rows);
    env.out.assignments.push(...rows);
    Object.assign(ticket, {
      leadUnitId: unit.id,
      signDueAt,
      handleDueAt,
      pausedAt: null,
      slaState: 'normal',
      dispatchedAt: ticket.dispatchedAt ?? this.t,
    });
    return {
      leadUnitId: unit.id,
      coUnitIds: coUnits.map((u) => u.id),
      signDueAt: iso(signDueAt),
      handleDueAt: iso(handleDueAt),
      isRedispatch,
      policyId: plan.sla.policyId,
    };
  }

  /** The handling deadline once a pause (extension pending, dispute) ends. */
  private resumed(): number {
    const { ticket } = this;
    const due = ticket.pausedAt === null ? ticket.handleDueAt! : this.plan.sla.resume(ticket.handleDueAt!, ticket.pausedAt, this.t);
    ticket.pausedAt = null;
    return due;
  }

  private setHandleDue(due: number) {
    this.ticket.handleDueAt = due;
    this.lead!.handleDueAt = due;
  }

  // —— the dispatched path ——

  private dispatchFlow() {
    const { rng, env, plan, ticket } = this;
    if (!this.at(this.isUrgent ? this.t + rng.int(5, 30) * MINUTE : this.wm(rng.logNormal(40, 0.9)))) return;
    const dispatcher = rng.pick(env.staff.dispatchers);
    let unit = plan.wrongUnit ?? plan.unit;
    const data = this.assign(unit, plan.coUnit ? [plan.coUnit] : [], dispatcher, false);
    this.event('dispatch', 'pending_sign', dispatcher, unit.id, null, data);
    if (plan.wrongUnit) {
      const handling = this.dispute(plan.wrongUnit, plan.unit, true);
      if (handling === null) return;
      unit = handling;
    } else if (rng.chance(0.012)) {
      if (this.dispute(unit, null, false) === null) return;
    }
    for (;;) {
      if (ticket.status === 'pending_sign' && !this.sign()) return;
      if (!this.work(unit)) return;
      if (this.callbacks() !== 'reopened') return;
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
    if (!this.at(this.wm(rng.logNormal(90, 0.8)))) return null;
    const a = this.lead!;
    const target = to ?? from;
    if (!isRight || rng.chance(0.6)) {
      const reason = (isRight ? rng.pick(P.OBJECTION_REASONS) : rng.pick(P.WRONG_OBJECTION_REASONS)).replace('{unit}', target.name);
      const objection = {
        ticketId: ticket.id,
        assignmentLocalId: a.localId,
        reason,
        suggestedUnitId: isRight ? target.id : null,
        status: 'pending' as 'pending' | 'approved' | 'denied',
        requestedById: handler.id,
        decidedById: null as number | null,
        decisionNote: null as string | null,
        decidedAt: null as number | null,
        createdAt: this.t,
      };
      env.out.objections.push(objection);
      Object.assign(a, { status: 'objected', reason });
      ticket.pausedAt = this.t;
      this.event('object', 'objected', handler, from.id, reason, { suggestedUnitId: objection.suggestedUnitId });
      if (!this.at(this.wm(rng.logNormal(480, 0.9)))) return null;
      const decider = rng.chance(0.7) ? rng.pick(env.staff.dispatchers) : rng.pick(env.staff.supervisors);
      const isApproved = isRight && rng.chance(0.9);
      const note = isApproved ? rng.pick(P.OBJECTION_APPROVE_NOTES).replace('{unit}', target.name) : rng.pick(P.OBJECTION_DENY_NOTES);
      Object.assign(objection, {
        decidedById: decider.id,
        decidedAt: this.t,
        status: isApproved ? 'approved' : 'denied',
        decisionNote: note,
      });
      if (isApproved) {
        const data = this.assign(target, [], decider, true);
        this.event('decide_objection', 'pending_sign', decider, target.id, note, { ...data, decision: 'approve', newUnitId: target.id });
        return target;
      }
      a.status = a.signedAt ? 'signed' : 'pending_sign';
      this.setHandleDue(this.resumed());
      this.event('decide_objection', signedFirst ? 'handling' : 'pending_sign', decider, from.id, note, {
        decision: 'deny',
        newUnitId: null,
      });
      return from;
    }
    const reason = rng.pick(P.RETURN_REASONS).replace('{unit}', target.name);
    this.withdrawActive();
    Object.assign(a, { status: 'returned', reason, finishedAt: this.t });
    Object.assign(ticket, { pausedAt: this.t, returnCount: ticket.returnCount + 1, slaState: 'normal' });
    this.event('return', 'returned', handler, from.id, reason, {});
    if (!this.at(this.wm(rng.logNormal(240, 1)))) return null;
    const dispatcher = rng.pick(env.staff.dispatchers);
    const data = this.assign(target, [], dispatcher, true);
    this.event('dispatch', 'pending_sign', dispatcher, target.id, null, data);
    return target;
  }

  private sign(): boolean {
    const { rng } = this;
    if (!this.at(this.isUrgent ? this.t + rng.int(3, 40) * MINUTE : this.wm(rng.logNormal(50, 1.1)))) return false;
    const a = this.lead!;
    Object.assign(a, { status: 'signed', signedAt: this.t });
    this.event('sign', 'handling', this.handlerOf(a.unitId), a.unitId, rng.pick(P.SIGN_NOTES), {
      isOnTime: !a.signDueAt || this.t <= a.signDueAt,
    });
    return true;
  }

  private supervision(kind: 'supervise' | 'urge' | 'leader_instruction', actor: UserRow, content: string, dueAt: number | null = null) {
    const { ticket, env } = this;
    env.out.supervisions.push({
      localId: env.nextSupervisionId(),
      ticketId: ticket.id,
      kind,
      unitId: ticket.leadUnitId,
      content,
      dueAt,
      issuedById: actor.id,
      createdAt: this.t,
    });
    if (kind === 'leader_instruction') ticket.hasLeaderInstruction = true;
    if (kind === 'supervise') ticket.isSupervised = true;
    this.event(kind, null, actor, ticket.leadUnitId, content, {});
  }

  /** From signing to an accepted reply; false once time runs out. */
  private work(unit: UnitRow): boolean {
    const { rng, env, ticket } = this;
    const handler = this.handlerOf(unit);
    const median = ticket.reopenCount > 0 ? 2 : (HANDLING_DAYS[ticket.type] ?? 3);
    let replyAt = this.isUrgent ? this.t + rng.logNormal(6, 0.7) * HOUR : this.wm(rng.logNormal(median, 0.85) * 420);

    if (rng.chance(ticket.type === 'complaint' || ticket.type === 'report' ? 0.006 : 0.001)) {
      if (!this.at(this.wm(rng.int(30, 600)))) return false;
      this.supervision('leader_instruction', env.staff.leader, rng.pick(P.LEADER_NOTES));
    }
    for (const co of this.assignments.filter((a) => a.role === 'co' && a.status === 'pending_sign')) {
      if (!this.at(this.t + (replyAt - this.t) * rng.range(0.3, 0.8))) return false;
      const coUnit = env.city.units.find((u) => u.id === co.unitId)!;
      this.event(
        'co_reply',
        null,
        this.handlerOf(co.unitId),
        co.unitId,
        `${coUnit.self}已配合开展相关工作，具体情况由主办单位统一答复。`,
        {},
      );
    }
    if (!this.isUrgent && replyAt > ticket.handleDueAt! && rng.chance(0.55)) {
      const due = ticket.handleDueAt!;
      if (!this.at(Math.max(this.t + HOUR, this.t + (due - this.t) * rng.range(0.5, 0.95)))) return false;
      const overrunDays = Math.ceil((replyAt - due) / (24 * HOUR));
      const days = [5, 10, 15, 20, 30].find((d) => d >= overrunDays + 1) ?? 30;
      const reason = rng.pick(P.EXTENSION_REASONS);
      const extension = {
        ticketId: ticket.id,
        assignmentLocalId: this.lead!.localId,
        requestedDays: days,
        reason,
        status: 'pending' as 'pending' | 'approved' | 'denied',
        requestedById: handler.id,
        decidedById: null as number | null,
        decisionNote: null as string | null,
        decidedAt: null as number | null,
        createdAt: this.t,
      };
      env.out.extensions.push(extension);
      ticket.pausedAt = this.t;
      this.event('request_extension', 'extension_pending', handler, unit.id, reason, { days });
      const pausedAt = this.t;
      if (!this.at(this.wm(rng.logNormal(200, 0.8)))) return false;
      const decider = rng.chance(0.6) ? rng.pick(env.staff.dispatchers) : rng.pick(env.staff.supervisors);
      const isApproved = rng.chance(0.85);
      const note = rng.pick(isApproved ? P.EXTENSION_NOTES.approve : P.EXTENSION_NOTES.deny);
      Object.assign(extension, {
        status: isApproved ? 'approved' : 'denied',
        decidedById: decider.id,
        decidedAt: this.t,
        decisionNote: note,
      });
      const base = this.resumed();
      this.setHandleDue(isApproved ? this.plan.sla.extend(base, days) : base);
      if (ticket.handleDueAt! > this.t) ticket.slaState = 'normal';
      replyAt += this.t - pausedAt;
      if (isApproved && replyAt > ticket.handleDueAt! && rng.chance(0.7))
        replyAt = this.t + (ticket.handleDueAt! - this.t) * rng.range(0.5, 0.95);
      this.event('decide_extension', 'handling', decider, unit.id, note, {
        decision: isApproved ? 'approve' : 'deny',
        days: isApproved ? days : 0,
      });
    }
    if (replyAt > ticket.handleDueAt!) {
      const due = ticket.handleDueAt!;
      const urgeAt = this.wm(rng.logNormal(120, 0.7), Math.max(due, this.t));
      if (rng.chance(0.5) && urgeAt < replyAt) {
        if (!this.at(urgeAt)) return false;
        this.supervision('urge', rng.pick(env.staff.dispatchers), rng.pick(P.URGE_NOTES));
      }
      const superviseAt = this.wm(rng.logNormal(480, 0.6), Math.max(due, this.t));
      if (rng.chance(0.15) && superviseAt < replyAt) {
        if (!this.at(superviseAt)) return false;
        this.supervision('supervise', rng.pick(env.staff.supervisors), rng.pick(P.SUPERVISE_NOTES), env.cal.addWorkingDays(this.t, 3));
      }
    }
    if (rng.chance(0.008) && !ticket.isExcludedFromAssessment) {
      if (!this.at(this.t + (replyAt - this.t) * 0.5)) return false;
      const note = rng.pick(P.EXCLUDE_NOTES);
      Object.assign(ticket, { isExcludedFromAssessment: true, isLegacy: note.startsWith('属历史遗留') });
      this.event('exclude_from_assessment', null, rng.pick(env.staff.supervisors), unit.id, note, { reason: note, isExcluded: true });
    }
    for (let attempt = 0; ; attempt++) {
      if (!this.at(replyAt)) return false;
      const isRejected = attempt === 0 && rng.chance(0.07);
      const reply: ReplyRow = {
        localId: env.nextReplyId(),
        ticketId: ticket.id,
        assignmentLocalId: this.lead!.localId,
        unitId: unit.id,
        authorId: handler.id,
        content: isRejected ? rng.pick(P.SHORT_REPLIES) : this.plan.writeReply(unit, this.t),
        status: 'submitted',
        reviewNote: null,
        reviewedById: null,
        reviewedAt: null,
        createdAt: this.t,
      };
      env.out.replies.push(reply);
      ticket.repliedAt = this.t;
      this.event('reply', 'pending_review', handler, unit.id, null, { replyId: reply.localId, isOnTime: this.t <= ticket.handleDueAt! });
      if (!this.at(this.wm(rng.logNormal(100, 0.9)))) return false;
      const reviewer = rng.chance(0.7) ? rng.pick(env.staff.dispatchers) : rng.pick(env.staff.callbackAgents);
      const note = isRejected ? rng.pick(P.REVIEW_REJECT_NOTES) : rng.pick(P.REVIEW_ACCEPT_NOTES);
      Object.assign(reply, {
        status: isRejected ? 'rejected' : 'accepted',
        reviewNote: note,
        reviewedById: reviewer.id,
        reviewedAt: this.t,
      });
      if (isRejected) {
        this.event('review', 'handling', reviewer, unit.id, note, { decision: 'reject', replyId: reply.localId });
        replyAt = this.wm(rng.logNormal(420, 0.7));
        continue;
      }
      Object.assign(this.lead!, { status: 'replied', finishedAt: this.t });
      ticket.callbackDueAt = this.plan.sla.callbackDue(this.t);
      this.event('review', 'pending_callback', reviewer, unit.id, note, { decision: 'accept', replyId: reply.localId });
      return true;
    }
  }

  /** 回访 until the order closes or is reopened (重办). */
  private callbacks(): 'closed' | 'reopened' | 'halted' {
    const { rng, env, ticket } = this;
    for (let attempt = 0; ; attempt++) {
      if (!this.at(this.wm(attempt === 0 ? rng.logNormal(300, 0.8) : rng.logNormal(420, 0.5)))) return 'halted';
      const agent = rng.pick(env.staff.callbackAgents);
      const wasLate = ticket.slaState === 'overdue';
      const unsatisfied = (ticket.reopenCount > 0 ? 0.06 : 0.09) + (wasLate ? 0.08 : 0) - (ticket.type === 'inquiry' ? 0.04 : 0);
      const result = rng.weighted(['satisfied', 'basically_satisfied', 'unsatisfied', 'unreachable'] as const, [
        0.62 - (wasLate ? 0.1 : 0),
        0.2,
        unsatisfied,
        0.09,
      ]);
      const isResolved =
        result === 'unreachable' ? null : rng.chance(result === 'satisfied' ? 0.95 : result === 'basically_satisfied' ? 0.7 : 0.2);
      const note = rng.pick(P.CALLBACK_NOTES[result]);
      env.out.callbacks.push({ ticketId: ticket.id, result, isResolved, note, agentId: agent.id, createdAt: this.t });
      if (result !== 'unreachable') ticket.satisfaction = result;
      const data = { result, isResolved };
      if (result === 'satisfied' || result === 'basically_satisfied') {
        this.finish('callback', 'closed', agent, note, data, 'handled');
        this.maybeRate();
        return 'closed';
      }
      if (result === 'unreachable') {
        this.event('callback', null, agent, ticket.leadUnitId, note, data);
        if (attempt < 2) continue;
        if (!this.at(this.t + rng.int(10, 90) * MINUTE)) return 'halted';
        this.finish('close', 'closed', agent, rng.pick(P.CLOSE_UNREACHABLE), {}, 'handled');
        return 'closed';
      }
      this.event('callback', 'callback_unsatisfied', agent, ticket.leadUnitId, note, data);
      if (!this.at(this.wm(rng.logNormal(360, 0.8)))) return 'halted';
      const supervisor = rng.pick(env.staff.supervisors);
      if (ticket.reopenCount < 2 && rng.chance(0.5)) {
        const unit = env.city.units.find((u) => u.id === ticket.leadUnitId)!;
        const assigned = this.assign(unit, [], supervisor, true);
        Object.assign(ticket, { reopenCount: ticket.reopenCount + 1, satisfaction: null, callbackDueAt: null });
        this.event('reopen', 'pending_sign', supervisor, unit.id, rng.pick(P.REOPEN_NOTES), assigned);
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
    ticket.citizenRating = Math.max(1, Math.min(5, base - (rng.chance(0.25) ? 1 : 0)));
    this.event('rate', null, null, ticket.leadUnitId, null, { rating: ticket.citizenRating });
  }
}
