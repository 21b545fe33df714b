/**
 * The work-order lifecycle: the one place that says which action may move a ticket
 * from which status to which, and who may take it. The tickets service enforces it.
 */
import type { CallbackResult, Role } from './enums.ts';

export const TICKET_STATUSES = [
  'pending_dispatch', // 待派单: taken in, not yet dispatched
  'pending_sign', // 待签收: dispatched, waiting for the unit to sign
  'handling', // 办理中
  'extension_pending', // 延期审批中: deadline paused
  'returned', // 已退单: the unit handed it back, waiting for re-dispatch; deadline paused
  'objected', // 派单异议: the unit disputes the dispatch, the center decides
  'pending_review', // 待审核: the unit replied, the center checks the reply
  'pending_callback', // 待回访
  'callback_unsatisfied', // 不满意待研判: the center decides whether to reopen
  'closed', // 已办结
  'merged', // 已并单 into a main ticket
  'invalid', // 无效: nuisance or test contact
  'transferred', // 已转出 to an emergency line (110/119/120/122)
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const FINAL_STATUSES: readonly TicketStatus[] = ['closed', 'merged', 'invalid', 'transferred'];
export const OPEN_STATUSES: readonly TicketStatus[] = TICKET_STATUSES.filter((s) => !FINAL_STATUSES.includes(s));
/** Statuses in which the SLA clock for handling runs against a unit. */
export const UNIT_CLOCK_STATUSES: readonly TicketStatus[] = ['pending_sign', 'handling'];
/** Statuses in which the handling deadline is paused. */
export const PAUSED_STATUSES: readonly TicketStatus[] = ['extension_pending', 'returned', 'objected'];

export const STATUS_LABELS: Record<TicketStatus, { zh: string; en: string }> = {
  pending_dispatch: { zh: '待派单', en: 'Awaiting dispatch' },
  pending_sign: { zh: '待签收', en: 'Awaiting signing' },
  handling: { zh: '办理中', en: 'In progress' },
  extension_pending: { zh: '延期审批中', en: 'Extension requested' },
  returned: { zh: '已退单', en: 'Returned' },
  objected: { zh: '派单异议', en: 'Dispatch disputed' },
  pending_review: { zh: '待审核', en: 'Reply under review' },
  pending_callback: { zh: '待回访', en: 'Awaiting callback' },
  callback_unsatisfied: { zh: '不满意待研判', en: 'Unsatisfied, under review' },
  closed: { zh: '已办结', en: 'Closed' },
  merged: { zh: '已并单', en: 'Merged' },
  invalid: { zh: '无效', en: 'Invalid' },
  transferred: { zh: '已转出', en: 'Transferred' },
};

/** Who the actor is with respect to this ticket; computed by the service from the unit tree. */
export type Relation = 'center' | 'assignee' | 'co_handler' | 'other_unit' | 'citizen';

/** What an action may need to choose its target status. */
export type Outcome =
  | { decision: 'approve' | 'deny' } // extension, objection (approve = reassign)
  | { decision: 'accept' | 'reject' } // reply review
  | { callback: CallbackResult }
  | { wasSigned: boolean } // objection upheld: back to where the unit was
  | undefined;

type Party = 'center' | 'assignee' | 'co_handler' | 'citizen';

interface Rule {
  from: readonly TicketStatus[];
  party: Party;
  roles: readonly Role[];
  to: (from: TicketStatus, outcome: Outcome) => TicketStatus;
  label: { zh: string; en: string };
}

const same = (from: TicketStatus) => from;
const unitRoles: Role[] = ['handler', 'unit_admin'];
const intakeRoles: Role[] = ['agent', 'dispatcher', 'admin'];
const reviewRoles: Role[] = ['dispatcher', 'supervisor', 'callback_agent', 'admin'];

export const TRANSITIONS = {
  direct_answer: {
    from: ['pending_dispatch'],
    party: 'center',
    roles: intakeRoles,
    to: () => 'closed',
    label: { zh: '直接办结', en: 'Answer directly' },
  },
  dispatch: {
    from: ['pending_dispatch', 'returned'],
    party: 'center',
    roles: intakeRoles,
    to: () => 'pending_sign',
    label: { zh: '派单', en: 'Dispatch' },
  },
  /** 分类: set the category, region or type of an order waiting for dispatch (portal orders arrive without them) */
  classify: {
    from: ['pending_dispatch', 'returned'],
    party: 'center',
    roles: intakeRoles,
    to: same,
    label: { zh: '分类', en: 'Classify' },
  },
  sign: { from: ['pending_sign'], party: 'assignee', roles: unitRoles, to: () => 'handling', label: { zh: '签收', en: 'Sign' } },
  return: {
    from: ['pending_sign', 'handling'],
    party: 'assignee',
    roles: unitRoles,
    to: () => 'returned',
    label: { zh: '退单', en: 'Return' },
  },
  object: {
    from: ['pending_sign', 'handling'],
    party: 'assignee',
    roles: unitRoles,
    to: () => 'objected',
    label: { zh: '派单异议', en: 'Dispute dispatch' },
  },
  decide_objection: {
    from: ['objected'],
    party: 'center',
    roles: ['dispatcher', 'supervisor', 'admin'],
    // approve = the objection is right, the order goes to another unit; deny = dispatch upheld
    to: (_f, o) =>
      o && 'decision' in o && o.decision === 'approve'
        ? 'pending_sign'
        : o && 'wasSigned' in o && o.wasSigned
          ? 'handling'
          : 'pending_sign',
    label: { zh: '异议审核', en: 'Decide dispute' },
  },
  subdispatch: {
    from: ['handling'],
    party: 'assignee',
    roles: unitRoles,
    to: () => 'pending_sign',
    label: { zh: '下派', en: 'Dispatch to sub-unit' },
  },
  request_extension: {
    from: ['handling'],
    party: 'assignee',
    roles: unitRoles,
    to: () => 'extension_pending',
    label: { zh: '申请延期', en: 'Request extension' },
  },
  decide_extension: {
    from: ['extension_pending'],
    party: 'center',
    roles: ['dispatcher', 'supervisor', 'admin'],
    to: () => 'handling',
    label: { zh: '延期审批', en: 'Decide extension' },
  },
  reply: { from: ['handling'], party: 'assignee', roles: unitRoles, to: () => 'pending_review', label: { zh: '答复', en: 'Reply' } },
  co_reply: {
    from: ['pending_sign', 'handling', 'extension_pending'],
    party: 'co_handler',
    roles: unitRoles,
    to: same,
    label: { zh: '协办意见', en: 'Co-handler note' },
  },
  review: {
    from: ['pending_review'],
    party: 'center',
    roles: reviewRoles,
    to: (_f, o) => (o && 'decision' in o && o.decision === 'accept' ? 'pending_callback' : 'handling'),
    label: { zh: '审核', en: 'Review reply' },
  },
  callback: {
    from: ['pending_callback'],
    party: 'center',
    roles: ['agent', 'callback_agent', 'admin'],
    to: (from, o) => {
      const result = o && 'callback' in o ? o.callback : 'unreachable';
      if (result === 'satisfied' || result === 'basically_satisfied') return 'closed';
      if (result === 'unsatisfied') return 'callback_unsatisfied';
      return from;
    },
    label: { zh: '回访', en: 'Callback' },
  },
  reopen: {
    from: ['callback_unsatisfied'],
    party: 'center',
    roles: ['dispatcher', 'supervisor', 'admin'],
    to: () => 'pending_sign',
    label: { zh: '重办', en: 'Reopen' },
  },
  close: {
    from: ['pending_callback', 'callback_unsatisfied'],
    party: 'center',
    roles: ['callback_agent', 'supervisor', 'admin'],
    to: () => 'closed',
    label: { zh: '办结', en: 'Close' },
  },
  merge: {
    from: ['pending_dispatch', 'pending_sign', 'handling', 'returned', 'objected'],
    party: 'center',
    roles: intakeRoles,
    to: () => 'merged',
    label: { zh: '并单', en: 'Merge' },
  },
  invalidate: {
    from: ['pending_dispatch'],
    party: 'center',
    roles: intakeRoles,
    to: () => 'invalid',
    label: { zh: '无效件', en: 'Mark invalid' },
  },
  transfer_emergency: {
    from: ['pending_dispatch'],
    party: 'center',
    roles: intakeRoles,
    to: () => 'transferred',
    label: { zh: '转应急', en: 'Transfer to emergency line' },
  },
  supervise: { from: OPEN_STATUSES, party: 'center', roles: ['supervisor', 'admin'], to: same, label: { zh: '督办', en: 'Supervise' } },
  urge: { from: OPEN_STATUSES, party: 'center', roles: ['supervisor', 'dispatcher', 'admin'], to: same, label: { zh: '催办', en: 'Urge' } },
  leader_instruction: {
    from: OPEN_STATUSES,
    party: 'center',
    roles: ['leader', 'supervisor', 'admin'],
    to: same,
    label: { zh: '领导批示', en: 'Leader instruction' },
  },
  rate: { from: ['closed'], party: 'citizen', roles: [], to: same, label: { zh: '市民评价', en: 'Citizen rating' } },
} as const satisfies Record<string, Rule>;

export type TicketAction = keyof typeof TRANSITIONS;
export const TICKET_ACTIONS = Object.keys(TRANSITIONS) as TicketAction[];

export type TransitionCheck = { ok: true; to: TicketStatus } | { ok: false; reason: 'INVALID_TRANSITION' | 'FORBIDDEN' };

/**
 * Decides whether `action` may be taken on a ticket in `status` by an actor with `role`
 * standing in `relation` to it, and which status results.
 * Status is checked before the actor, so a stale screen gets "not allowed now" rather than "not yours".
 */
export function checkTransition(input: {
  status: TicketStatus;
  action: TicketAction;
  role: Role | null;
  relation: Relation;
  outcome?: Outcome;
}): TransitionCheck {
  const rule: Rule = TRANSITIONS[input.action];
  if (!rule.from.includes(input.status)) return { ok: false, reason: 'INVALID_TRANSITION' };
  if (rule.party === 'citizen') {
    if (input.relation !== 'citizen') return { ok: false, reason: 'FORBIDDEN' };
  } else {
    if (input.role === null || !rule.roles.includes(input.role)) return { ok: false, reason: 'FORBIDDEN' };
    if (rule.party !== input.relation) return { ok: false, reason: 'FORBIDDEN' };
  }
  return { ok: true, to: rule.to(input.status, input.outcome) };
}

/** Actions the actor could take now; drives the buttons a workbench shows. */
export function availableActions(status: TicketStatus, role: Role | null, relation: Relation): TicketAction[] {
  return TICKET_ACTIONS.filter((action) => checkTransition({ status, action, role, relation }).ok);
}

export function isOpen(status: TicketStatus): boolean {
  return !FINAL_STATUSES.includes(status);
}
