/**
 * Deadlines of seeded orders from the SLA policies (sla_policies, most specific wins) with the SLA module's
 * pure rules, so a seeded order's sign-by, handle-by and callback-by are what the service would have set.
 */
import { computeDeadlines, resumedDeadline, selectPolicy, usesClockHours, type SlaPolicy } from '../../modules/sla/sla.rules.ts';
import type { WorkCalendar } from './work-time.ts';

export interface OrderDeadlines {
  /** The policy used; null when the database had no policies and the built-in defaults applied. */
  policyId: number | null;
  isClockTime: boolean;
  atRiskRatio: number;
  deadlines(from: number): { signDueAt: number; handleDueAt: number };
  extend(due: number, workingDays: number): number;
  resume(due: number, pausedAt: number, resumedAt: number): number;
  callbackDue(from: number): number;
}

/** The platform's default policies (mirrors the SLA seed migration), used only when sla_policies is empty. */
export const DEFAULT_POLICIES: SlaPolicy[] = [
  {
    id: -1,
    name: '默认时限',
    ticketType: null,
    urgency: null,
    categoryId: null,
    signWorkingHours: 2,
    handleUnit: 'working_days',
    handleAmount: 5,
    callbackWorkingDays: 2,
    atRiskRatio: 0.8,
    isActive: true,
  },
  {
    id: -2,
    name: '紧急工单',
    ticketType: null,
    urgency: 'urgent',
    categoryId: null,
    signWorkingHours: 2,
    handleUnit: 'clock_hours',
    handleAmount: 24,
    callbackWorkingDays: 2,
    atRiskRatio: 0.8,
    isActive: true,
  },
  {
    id: -3,
    name: '咨询类工单',
    ticketType: 'inquiry',
    urgency: null,
    categoryId: null,
    signWorkingHours: 2,
    handleUnit: 'working_days',
    handleAmount: 3,
    callbackWorkingDays: 2,
    atRiskRatio: 0.8,
    isActive: true,
  },
];

export function createDeadlineBook(cal: WorkCalendar, policies: SlaPolicy[]) {
  const active = policies.filter((p) => p.isActive);
  const list = active.length > 0 ? active : DEFAULT_POLICIES;
  const cache = new Map<string, OrderDeadlines>();
  const { calendar } = cal;
  /** `categoryChain`: the order's category, then its ancestors. */
  return (t: { type: string; urgency: string }, categoryChain: number[]): OrderDeadlines => {
    const key = `${t.type}|${t.urgency}|${categoryChain[0] ?? ''}`;
    let found = cache.get(key);
    if (!found) {
      const policy = selectPolicy(list, { ...t, categoryId: categoryChain[0] ?? null }, categoryChain) ?? DEFAULT_POLICIES[0];
      const isClockTime = usesClockHours(policy);
      found = {
        policyId: policy.id > 0 ? policy.id : null,
        isClockTime,
        atRiskRatio: Number(policy.atRiskRatio) || 0.8,
        deadlines: (from) => {
          const d = computeDeadlines(calendar, policy, new Date(from));
          return { signDueAt: d.signDueAt.getTime(), handleDueAt: d.handleDueAt.getTime() };
        },
        extend: (due, days) => calendar.addWorkingDays(new Date(due), days).getTime(),
        resume: (due, pausedAt, resumedAt) =>
          resumedDeadline(calendar, new Date(due), new Date(pausedAt), new Date(resumedAt), isClockTime).getTime(),
        callbackDue: (from) => calendar.addWorkingDays(new Date(from), policy.callbackWorkingDays).getTime(),
      };
      cache.set(key, found);
    }
    return found;
  };
}
