/**
 * SLA arithmetic without I/O: which policy applies to an order and the deadlines it gives.
 *
 * Precedence (the most specific active policy wins):
 *   1. category — a policy naming the order's own category beats one naming its parent, which beats one naming the
 *      grandparent, which beats any policy without a category;
 *   2. then ticket type — a policy naming the type beats one that does not;
 *   3. then urgency — a policy naming the urgency beats one that does not;
 *   4. ties (same criteria) go to the lowest id.
 * A policy's null criterion matches anything; a non-null one must equal the order's value. The default data keeps an
 * active catch-all policy (all criteria null) so every order matches; the service refuses to remove the last one.
 */
import type { WorkingCalendar } from '../../lib/calendar.ts';

export const HANDLE_UNITS = ['working_days', 'clock_hours'] as const;
export type HandleUnit = (typeof HANDLE_UNITS)[number];

export interface SlaPolicy {
  id: number;
  name: string;
  ticketType: string | null;
  urgency: string | null;
  categoryId: number | null;
  signWorkingHours: number;
  handleUnit: string;
  handleAmount: number;
  callbackWorkingDays: number;
  atRiskRatio: number;
  isActive: boolean;
}

export interface TicketCriteria {
  type: string;
  urgency: string;
  categoryId: number | null;
}

/** Fallback when a policy row somehow lacks a ratio; mirrors the column default. */
export const DEFAULT_AT_RISK_RATIO = 0.8;

/** 0 normal < 1 at risk (即将超期) < 2 overdue (已超期); only moves up are announced. */
export const SLA_STATE_RANK = { normal: 0, at_risk: 1, overdue: 2 } as const;

/**
 * How specific `policy` is for the order, or null when it does not match.
 * `categoryChain` is the order's category followed by its ancestors, nearest first ([] when uncategorised).
 */
export function policySpecificity(policy: SlaPolicy, t: TicketCriteria, categoryChain: readonly number[]): number | null {
  if (!policy.isActive) return null;
  if (policy.ticketType !== null && policy.ticketType !== t.type) return null;
  if (policy.urgency !== null && policy.urgency !== t.urgency) return null;
  let categoryScore = 0;
  if (policy.categoryId !== null) {
    const depth = categoryChain.indexOf(policy.categoryId);
    if (depth < 0) return null;
    categoryScore = 10 - Math.min(depth, 9);
  }
  return categoryScore * 100 + (policy.ticketType !== null ? 10 : 0) + (policy.urgency !== null ? 1 : 0);
}

/** The policy that applies to the order (see the precedence above), or null when none matches. */
export function selectPolicy(policies: readonly SlaPolicy[], t: TicketCriteria, categoryChain: readonly number[]): SlaPolicy | null {
  let best: SlaPolicy | null = null;
  let bestScore = -1;
  for (const policy of policies) {
    const score = policySpecificity(policy, t, categoryChain);
    if (score === null) continue;
    if (score > bestScore || (score === bestScore && best !== null && policy.id < best.id)) {
      best = policy;
      bestScore = score;
    }
  }
  return best;
}

/** The catch-all policy (no criteria) with the lowest id, used where no order is at hand. */
export function defaultPolicy(policies: readonly SlaPolicy[]): SlaPolicy | null {
  return selectPolicy(policies.filter(isCatchAll), { type: '', urgency: '', categoryId: null }, []);
}

export function isCatchAll(policy: Pick<SlaPolicy, 'ticketType' | 'urgency' | 'categoryId'>): boolean {
  return policy.ticketType === null && policy.urgency === null && policy.categoryId === null;
}

export function usesClockHours(policy: Pick<SlaPolicy, 'handleUnit'>): boolean {
  return policy.handleUnit === 'clock_hours';
}

/** Sign-by in working hours; handle-by in working days or, for clock-hour policies (urgent orders), in clock hours. */
export function computeDeadlines(calendar: WorkingCalendar, policy: SlaPolicy, from: Date): { signDueAt: Date; handleDueAt: Date } {
  const isClockTime = usesClockHours(policy);
  // Orders handled on the clock (urgent) are signed on the clock too; and nobody can sign after the order is due.
  const signDueAt = isClockTime
    ? new Date(from.getTime() + policy.signWorkingHours * 3_600_000)
    : calendar.addWorkingHours(from, policy.signWorkingHours);
  const handleDueAt = isClockTime
    ? new Date(from.getTime() + policy.handleAmount * 3_600_000)
    : calendar.addWorkingDays(from, policy.handleAmount);
  return { signDueAt: signDueAt < handleDueAt ? signDueAt : new Date(handleDueAt.getTime()), handleDueAt };
}

/**
 * Moves a deadline by the time an order spent paused (extension pending, returned, disputed):
 * clock time when the handling limit is in clock hours, working time otherwise.
 */
export function resumedDeadline(calendar: WorkingCalendar, due: Date, pausedAt: Date, resumedAt: Date, isClockTime: boolean): Date {
  if (resumedAt.getTime() <= pausedAt.getTime()) return new Date(due.getTime());
  if (isClockTime) return new Date(due.getTime() + resumedAt.getTime() - pausedAt.getTime());
  return calendar.addWorkingMs(due, calendar.workingMsBetween(pausedAt, resumedAt));
}

/** Checks an imported year: every day valid, unique and in one year. Returns the year or a problem in both languages. */
export function checkCalendarImport(
  rows: readonly { day: string }[],
): { year: number } | { problem: { zh: string; en: string; day?: string } } {
  if (rows.length === 0) return { problem: { zh: '导入内容为空', en: 'Nothing to import' } };
  const year = Number(rows[0].day.slice(0, 4));
  const seen = new Set<string>();
  for (const row of rows) {
    if (Number(row.day.slice(0, 4)) !== year)
      return { problem: { zh: '导入的日期须属于同一年', en: 'All imported days must be in the same year', day: row.day } };
    if (seen.has(row.day)) return { problem: { zh: '导入的日期重复', en: 'A day appears twice', day: row.day } };
    seen.add(row.day);
  }
  return { year };
}
