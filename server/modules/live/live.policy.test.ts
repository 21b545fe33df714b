import { describe, expect, it } from 'vitest';
import { canReceive } from './live.policy.ts';

describe('live policy', () => {
  describe('canReceive', () => {
    it('gives the center every event', () => {
      expect(canReceive({ role: 'agent', unitId: null }, { unitIds: [] })).toBe(true);
      expect(canReceive({ role: 'leader', unitId: 1 }, { unitIds: [7] })).toBe(true);
    });
    it('gives a unit desk only events naming its unit', () => {
      expect(canReceive({ role: 'handler', unitId: 7 }, { unitIds: [3, 7] })).toBe(true);
      expect(canReceive({ role: 'handler', unitId: 7 }, { unitIds: [3] })).toBe(false);
      expect(canReceive({ role: 'unit_admin', unitId: 7 }, { unitIds: [] })).toBe(false);
    });
    it('gives nothing to a unit user without a unit or to no role', () => {
      expect(canReceive({ role: 'handler', unitId: null }, { unitIds: [1] })).toBe(false);
      expect(canReceive({ role: null, unitId: null }, { unitIds: [1] })).toBe(false);
    });
  });
});
