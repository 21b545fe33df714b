import type { SlaPolicy } from '../../server/modules/sla/sla.rules.ts';

/** An SLA policy for pure-rule tests: a catch-all 2 h to sign, 5 working days to handle, 2 to call back, unless overridden. */
export function buildSlaPolicy(id: number, overrides: Partial<SlaPolicy> = {}): SlaPolicy {
  return {
    id,
    name: `p${id}`,
    ticketType: null,
    urgency: null,
    categoryId: null,
    signWorkingHours: 2,
    handleUnit: 'working_days',
    handleAmount: 5,
    callbackWorkingDays: 2,
    atRiskRatio: 0.8,
    isActive: true,
    ...overrides,
  };
}
