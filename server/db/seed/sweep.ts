/**
 * Replays the SLA sweep (mark-overdue-orders, modules/sla/sla-sweep.repository.ts) over one simulated order:
 * an open order in pending_sign / handling whose clock is not paused becomes at risk (即将超期) once the
 * policy's share of the working time from first dispatch to the handling deadline has passed, and overdue
 * (已超期) at the handling deadline or, while unsigned, at the sign deadline. Each rise is an event plus an
 * automatic reminder, as the job writes them; falls (after signing, an extension) are silent.
 */
import type { OrderDeadlines } from './deadlines.ts';
import type { Lifecycle } from './lifecycle.ts';
import { iso } from './bulk.ts';

const RANK = { normal: 0, at_risk: 1, overdue: 2 } as const;
type SlaState = keyof typeof RANK;

interface Escalation {
  at: number;
  state: SlaState;
  dueKind: 'sign' | 'handle';
  dueAt: number;
}

export class Sweep {
  private riskFor = '';
  private riskAt = Infinity;

  constructor(
    private readonly life: Lifecycle,
    private readonly sla: OrderDeadlines,
  ) {}

  /** Applies what the sweep would have done from the current moment up to `limit`. */
  runUntil(limit: number): void {
    const { ticket } = this.life;
    for (let guard = 0; guard < 3 && this.isSwept(); guard++) {
      const current = this.stateAt(this.life.t);
      if (RANK[current] < RANK[ticket.slaState]) ticket.slaState = current;
      const next = this.nextEscalation();
      if (!next) return;
      const at = Math.max(next.at, this.life.t + 1000);
      if (at > limit) return;
      this.life.t = at;
      this.escalate(next);
    }
  }

  private isSwept(): boolean {
    const { ticket } = this.life;
    return (ticket.status === 'pending_sign' || ticket.status === 'handling') && ticket.pausedAt === null && ticket.handleDueAt !== null;
  }

  private stateAt(time: number): SlaState {
    const { ticket } = this.life;
    if (ticket.handleDueAt! <= time) return 'overdue';
    if (ticket.status === 'pending_sign' && ticket.signDueAt !== null && ticket.signDueAt <= time) return 'overdue';
    return time >= this.riskTime() ? 'at_risk' : 'normal';
  }

  /** The instant the share `atRiskRatio` of the time from first dispatch to the deadline has passed. */
  private riskTime(): number {
    const { ticket, env } = this.life;
    const start = ticket.dispatchedAt;
    const due = ticket.handleDueAt!;
    const key = `${start}|${due}`;
    if (key !== this.riskFor) {
      this.riskFor = key;
      if (start === null) this.riskAt = Infinity;
      else if (this.sla.isClockTime) this.riskAt = start + this.sla.atRiskRatio * (due - start);
      else {
        const working = env.cal.workingMsBetween(start, due);
        this.riskAt = working > 0 ? env.cal.addWorkingMs(start, this.sla.atRiskRatio * working) : Infinity;
      }
    }
    return this.riskAt;
  }

  private nextEscalation(): Escalation | null {
    const { ticket } = this.life;
    const rank = RANK[ticket.slaState];
    if (rank >= 2) return null;
    const handleDue = ticket.handleDueAt!;
    const signDue = ticket.status === 'pending_sign' && ticket.signDueAt !== null ? ticket.signDueAt : Infinity;
    const overdueAt = Math.min(handleDue, signDue);
    if (rank < 1) {
      const riskAt = this.riskTime();
      if (riskAt < overdueAt) return { at: riskAt, state: 'at_risk', dueKind: 'handle', dueAt: handleDue };
    }
    return { at: overdueAt, state: 'overdue', dueKind: signDue < handleDue ? 'sign' : 'handle', dueAt: overdueAt };
  }

  private escalate(next: Escalation): void {
    const { ticket, env } = this.life;
    const previousState = ticket.slaState;
    ticket.slaState = next.state;
    const unitId = ticket.leadUnitId;
    this.life.event(next.state === 'overdue' ? 'sla_overdue' : 'sla_at_risk', null, null, unitId, null, {
      previousState,
      state: next.state,
      dueKind: next.dueKind,
      dueAt: iso(next.dueAt),
    });
    const content =
      next.state === 'at_risk'
        ? '工单即将超期，请抓紧办理。'
        : next.dueKind === 'sign'
          ? '工单已超过签收时限，请立即签收。'
          : '工单已超过办理时限，请尽快办理并答复。';
    const supervisionId = env.nextSupervisionId();
    env.out.supervisions.push({
      localId: supervisionId,
      ticketId: ticket.id,
      kind: 'auto_reminder',
      unitId,
      content,
      dueAt: next.dueAt,
      issuedById: null,
      createdAt: this.life.t,
    });
    this.life.event('auto_reminder', null, null, unitId, content, { supervisionId, state: next.state });
  }
}
