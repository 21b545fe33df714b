import { describe, expect, it } from 'vitest';
import { canReceive, eventKind } from './live.policy.ts';

describe('live policy', () => {
  describe('canReceive', () => {
    it('gives the center every event', () => {
      expect(canReceive({ role: 'agent', unitIds: [] }, { unitIds: [] })).toBe(true);
      expect(canReceive({ role: 'leader', unitIds: [1] }, { unitIds: [7] })).toBe(true);
    });
    it('gives a unit desk only events naming one of its units', () => {
      expect(canReceive({ role: 'handler', unitIds: [7] }, { unitIds: [3, 7] })).toBe(true);
      expect(canReceive({ role: 'handler', unitIds: [7] }, { unitIds: [3] })).toBe(false);
      expect(canReceive({ role: 'unit_admin', unitIds: [7, 8] }, { unitIds: [8] })).toBe(true);
      expect(canReceive({ role: 'unit_admin', unitIds: [7] }, { unitIds: [] })).toBe(false);
    });
    it('gives surge alerts (预警) to dispatchers, supervisors, leaders and admins only', () => {
      const alert = { topic: 'alert.raised', unitIds: [] };
      for (const role of ['dispatcher', 'supervisor', 'leader', 'admin'] as const)
        expect(canReceive({ role, unitIds: [] }, alert)).toBe(true);
      for (const role of ['agent', 'callback_agent'] as const) expect(canReceive({ role, unitIds: [] }, alert)).toBe(false);
      expect(canReceive({ role: 'unit_admin', unitIds: [7] }, { ...alert, unitIds: [7] })).toBe(false);
      expect(eventKind(alert)).toBe('alert');
      expect(eventKind({ topic: 'ticket.created' })).toBe('ticket');
    });
    it('gives nothing to a unit user without a unit or to no role', () => {
      expect(canReceive({ role: 'handler', unitIds: [] }, { unitIds: [1] })).toBe(false);
      expect(canReceive({ role: null, unitIds: [] }, { unitIds: [1] })).toBe(false);
    });
  });
  describe('telephony events', () => {
    it('go to the users they name, and the wallboard to supervisors, leaders and admins', () => {
      expect(eventKind({ topic: 'call.offered' })).toBe('telephony');
      expect(canReceive({ role: 'agent', unitIds: [], userId: 7 }, { topic: 'call.offered', unitIds: [], userIds: [7] })).toBe(true);
      expect(canReceive({ role: 'agent', unitIds: [], userId: 8 }, { topic: 'call.offered', unitIds: [], userIds: [7] })).toBe(false);
      expect(canReceive({ role: 'admin', unitIds: [], userId: 1 }, { topic: 'agent.state', unitIds: [], userIds: [7] })).toBe(false);
      expect(canReceive({ role: 'leader', unitIds: [], userId: 2 }, { topic: 'wallboard', unitIds: [] })).toBe(true);
      expect(canReceive({ role: 'agent', unitIds: [], userId: 7 }, { topic: 'wallboard', unitIds: [] })).toBe(false);
    });
  });
});
