import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from './enums.ts';
import {
  availableActions,
  checkTransition,
  OPEN_STATUSES,
  TICKET_ACTIONS,
  TICKET_STATUSES,
  type Relation,
  type TicketAction,
  type TicketStatus,
} from './ticket-lifecycle.ts';

const RELATIONS: Relation[] = ['center', 'assignee', 'co_handler', 'other_unit', 'citizen'];
const OPEN = [...OPEN_STATUSES];

/** The lifecycle written out independently of the implementation's table. */
const SPEC: Record<TicketAction, { from: TicketStatus[]; actors: [Role | null, Relation][] }> = {
  direct_answer: {
    from: ['pending_dispatch'],
    actors: [
      ['agent', 'center'],
      ['dispatcher', 'center'],
      ['admin', 'center'],
    ],
  },
  dispatch: {
    from: ['pending_dispatch', 'returned'],
    actors: [
      ['agent', 'center'],
      ['dispatcher', 'center'],
      ['admin', 'center'],
    ],
  },
  classify: {
    from: ['pending_dispatch', 'returned'],
    actors: [
      ['agent', 'center'],
      ['dispatcher', 'center'],
      ['admin', 'center'],
    ],
  },
  sign: {
    from: ['pending_sign'],
    actors: [
      ['handler', 'assignee'],
      ['unit_admin', 'assignee'],
    ],
  },
  return: {
    from: ['pending_sign', 'handling'],
    actors: [
      ['handler', 'assignee'],
      ['unit_admin', 'assignee'],
    ],
  },
  object: {
    from: ['pending_sign', 'handling'],
    actors: [
      ['handler', 'assignee'],
      ['unit_admin', 'assignee'],
    ],
  },
  decide_objection: {
    from: ['objected'],
    actors: [
      ['dispatcher', 'center'],
      ['supervisor', 'center'],
      ['admin', 'center'],
    ],
  },
  subdispatch: {
    from: ['handling'],
    actors: [
      ['handler', 'assignee'],
      ['unit_admin', 'assignee'],
    ],
  },
  request_extension: {
    from: ['handling'],
    actors: [
      ['handler', 'assignee'],
      ['unit_admin', 'assignee'],
    ],
  },
  decide_extension: {
    from: ['extension_pending'],
    actors: [
      ['dispatcher', 'center'],
      ['supervisor', 'center'],
      ['admin', 'center'],
    ],
  },
  reply: {
    from: ['handling'],
    actors: [
      ['handler', 'assignee'],
      ['unit_admin', 'assignee'],
    ],
  },
  co_reply: {
    from: ['pending_sign', 'handling', 'extension_pending'],
    actors: [
      ['handler', 'co_handler'],
      ['unit_admin', 'co_handler'],
    ],
  },
  review: {
    from: ['pending_review'],
    actors: [
      ['dispatcher', 'center'],
      ['supervisor', 'center'],
      ['callback_agent', 'center'],
      ['admin', 'center'],
    ],
  },
  callback: {
    from: ['pending_callback'],
    actors: [
      ['agent', 'center'],
      ['callback_agent', 'center'],
      ['admin', 'center'],
    ],
  },
  reopen: {
    from: ['callback_unsatisfied'],
    actors: [
      ['dispatcher', 'center'],
      ['supervisor', 'center'],
      ['admin', 'center'],
    ],
  },
  close: {
    from: ['pending_callback', 'callback_unsatisfied'],
    actors: [
      ['callback_agent', 'center'],
      ['supervisor', 'center'],
      ['admin', 'center'],
    ],
  },
  merge: {
    from: ['pending_dispatch', 'pending_sign', 'handling', 'returned', 'objected'],
    actors: [
      ['agent', 'center'],
      ['dispatcher', 'center'],
      ['admin', 'center'],
    ],
  },
  invalidate: {
    from: ['pending_dispatch'],
    actors: [
      ['agent', 'center'],
      ['dispatcher', 'center'],
      ['admin', 'center'],
    ],
  },
  transfer_emergency: {
    from: ['pending_dispatch'],
    actors: [
      ['agent', 'center'],
      ['dispatcher', 'center'],
      ['admin', 'center'],
    ],
  },
  supervise: {
    from: OPEN,
    actors: [
      ['supervisor', 'center'],
      ['admin', 'center'],
    ],
  },
  urge: {
    from: OPEN,
    actors: [
      ['supervisor', 'center'],
      ['dispatcher', 'center'],
      ['admin', 'center'],
    ],
  },
  leader_instruction: {
    from: OPEN,
    actors: [
      ['leader', 'center'],
      ['supervisor', 'center'],
      ['admin', 'center'],
    ],
  },
  rate: { from: ['closed'], actors: [...[null, ...ROLES].map((r): [Role | null, Relation] => [r, 'citizen'])] },
};

describe('ticket lifecycle', () => {
  it('specifies every action', () => {
    expect(Object.keys(SPEC).sort()).toEqual([...TICKET_ACTIONS].sort());
  });

  describe('checkTransition, exhaustively over status × action × role × relation', () => {
    for (const action of TICKET_ACTIONS) {
      it(`${action}: allows exactly the specified moves and refuses every other`, () => {
        const spec = SPEC[action];
        let allowed = 0;
        for (const status of TICKET_STATUSES) {
          for (const role of [null, ...ROLES] as (Role | null)[]) {
            for (const relation of RELATIONS) {
              const result = checkTransition({ status, action, role, relation });
              const statusOk = spec.from.includes(status);
              const actorOk = spec.actors.some(([r, rel]) => r === role && rel === relation);
              if (statusOk && actorOk) {
                expect(result.ok, `${action} ${status} ${role} ${relation}`).toBe(true);
                allowed++;
              } else {
                expect(result, `${action} ${status} ${role} ${relation}`).toEqual({
                  ok: false,
                  reason: statusOk ? 'FORBIDDEN' : 'INVALID_TRANSITION',
                });
              }
            }
          }
        }
        expect(allowed).toBe(spec.from.length * spec.actors.length);
      });
    }
  });

  describe('target statuses', () => {
    const center = (action: TicketAction, status: TicketStatus, role: Role, outcome?: any) =>
      checkTransition({ status, action, role, relation: 'center', outcome });
    const unit = (action: TicketAction, status: TicketStatus) => checkTransition({ status, action, role: 'handler', relation: 'assignee' });

    it('moves an order through the main path', () => {
      expect(center('dispatch', 'pending_dispatch', 'dispatcher')).toEqual({ ok: true, to: 'pending_sign' });
      expect(unit('sign', 'pending_sign')).toEqual({ ok: true, to: 'handling' });
      expect(unit('reply', 'handling')).toEqual({ ok: true, to: 'pending_review' });
      expect(center('review', 'pending_review', 'dispatcher', { decision: 'accept' })).toEqual({ ok: true, to: 'pending_callback' });
      expect(center('callback', 'pending_callback', 'callback_agent', { callback: 'satisfied' })).toEqual({ ok: true, to: 'closed' });
    });

    it('sends a rejected reply back to handling', () => {
      expect(center('review', 'pending_review', 'supervisor', { decision: 'reject' })).toEqual({ ok: true, to: 'handling' });
    });

    it('closes on basically satisfied, holds an unsatisfied result for a decision, and keeps trying the unreachable', () => {
      expect(center('callback', 'pending_callback', 'agent', { callback: 'basically_satisfied' })).toEqual({ ok: true, to: 'closed' });
      expect(center('callback', 'pending_callback', 'agent', { callback: 'unsatisfied' })).toEqual({
        ok: true,
        to: 'callback_unsatisfied',
      });
      expect(center('callback', 'pending_callback', 'agent', { callback: 'unreachable' })).toEqual({ ok: true, to: 'pending_callback' });
      expect(center('reopen', 'callback_unsatisfied', 'supervisor')).toEqual({ ok: true, to: 'pending_sign' });
    });

    it('returns a disputed order to where the unit was when the dispatch is upheld, or to signing by a new unit', () => {
      expect(center('decide_objection', 'objected', 'dispatcher', { wasSigned: true })).toEqual({ ok: true, to: 'handling' });
      expect(center('decide_objection', 'objected', 'dispatcher', { wasSigned: false })).toEqual({ ok: true, to: 'pending_sign' });
      expect(center('decide_objection', 'objected', 'dispatcher', { decision: 'approve' })).toEqual({ ok: true, to: 'pending_sign' });
    });

    it('ends an extension request in handling whatever the decision', () => {
      expect(center('decide_extension', 'extension_pending', 'dispatcher', { decision: 'approve' })).toEqual({ ok: true, to: 'handling' });
      expect(center('decide_extension', 'extension_pending', 'dispatcher', { decision: 'deny' })).toEqual({ ok: true, to: 'handling' });
    });

    it('ends intake early as merged, invalid or transferred', () => {
      expect(center('merge', 'handling', 'agent')).toEqual({ ok: true, to: 'merged' });
      expect(center('invalidate', 'pending_dispatch', 'agent')).toEqual({ ok: true, to: 'invalid' });
      expect(center('transfer_emergency', 'pending_dispatch', 'agent')).toEqual({ ok: true, to: 'transferred' });
    });

    it('keeps the status for supervision, urging and leader instructions', () => {
      for (const status of OPEN) expect(center('supervise', status, 'supervisor')).toEqual({ ok: true, to: status });
    });
  });

  describe('availableActions', () => {
    it('offers a handler sign, return and dispute on a new order', () => {
      expect(availableActions('pending_sign', 'handler', 'assignee').sort()).toEqual(['object', 'return', 'sign']);
    });
    it('offers a leader nothing but instructions', () => {
      expect(availableActions('handling', 'leader', 'center')).toEqual(['leader_instruction']);
    });
    it('offers nothing on a final order to staff', () => {
      for (const status of ['merged', 'invalid', 'transferred'] as TicketStatus[])
        expect(availableActions(status, 'admin', 'center')).toEqual([]);
    });
  });
});
