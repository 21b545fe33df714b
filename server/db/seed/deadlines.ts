/**
 * Deadlines of seeded orders from the SLA policies (sla_policies, most specific wins) with the SLA module's
 * pure rules, so a seeded order's sign-by, handle-by and callback-by are what the service would have set.
 */
import { computeDeadlines, resumedDeadline, selectPolicy, usesClockHours, type SlaPolicy } from '../../modules/sla/sla.rules.ts';
import type { WorkCalendar } from './work-time.ts';

export interface OrderDeadlines {
  /** The policy used. */
  policyId: number;
  isClockTime: boolean;
  atRiskRatio: number;
  deadlines(from: number): { signDueAt: number; handleDueAt: number };
  extend(due: number, workingDays: number): number;
  resume(due: number, pausedAt: number, resumedAt: number): number;
  callbackDue(from: number): number;
}

export function createDeadlineBook(cal: WorkCalendar, policies: SlaPolicy[]) {
  const active = policies.filter((p) => p.isActive);
  const cache = new Map<string, OrderDeadlines>();
  const { calendar } = cal;
  /** `categoryChain`: the order's category, then its ancestors. */
  return (t: { type: string; urgency: string }, categoryChain: number[]): OrderDeadlines => {
    const key = `${t.type}|${t.urgency}|${categoryChain[0] ?? ''}`;
    let found = cache.get(key);
    if (!found) {
      const policy = selectPolicy(active, { ...t, categoryId: categoryChain[0] ?? null }, categoryChain);
      // As the SLA service would refuse the order: the demo city runs on the policies the migrations write.
      if (!policy) throw new Error(`no active SLA policy applies to a ${t.urgency} ${t.type} order`);
      const isClockTime = usesClockHours(policy);
      found = {
        policyId: policy.id,
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
