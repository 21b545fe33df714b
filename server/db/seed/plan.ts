/** What the order simulation needs: the shared environment and one order's plan (see lifecycle.ts). */
import type { City, UnitRow } from './city.ts';
import type { OrderDeadlines } from './deadlines.ts';
import type { Staff } from './people.ts';
import type { Rng } from './prng.ts';
import type { SeedOutput, TicketRow } from './rows.ts';
import type { WorkCalendar } from './work-time.ts';

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
  nextSupervisionId: () => number;
}

export type PlanMode = 'invalid' | 'transfer' | 'merge' | 'direct' | 'dispatch';

export interface TicketPlan {
  ticket: TicketRow;
  mode: PlanMode;
  sla: OrderDeadlines;
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
