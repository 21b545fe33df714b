import { describe, expect, it } from 'vitest';
import { decideAutoDispatch, ruleFor, type AutoDispatchInput, type AutoDispatchRule } from './auto-dispatch.ts';

const rule = (overrides: Partial<AutoDispatchRule> = {}): AutoDispatchRule => ({
  id: 1,
  categoryId: 10,
  minConfidence: 0.8,
  isEnabled: true,
  ...overrides,
});
const sure: AutoDispatchInput = {
  ticketCategoryId: null,
  categories: [
    { categoryId: 10, confidence: 0.92 },
    { categoryId: 20, confidence: 0.05 },
  ],
  units: [
    { unitId: 100, categoryId: 10, confidence: 0.9 },
    { unitId: 200, categoryId: 20, confidence: 0.05 },
  ],
  allowedUnitIds: [100, 101],
  rule: rule(),
};

describe('ruleFor', () => {
  const parentOf = new Map<number, number | null>([
    [1, null],
    [10, 1],
    [11, 10],
    [12, 10],
  ]);
  it('uses the category’s own rule, else the nearest ancestor’s', () => {
    const rules = new Map([
      [1, rule({ id: 1, categoryId: 1 })],
      [12, rule({ id: 12, categoryId: 12, isEnabled: false })],
    ]);
    expect(ruleFor(11, rules, parentOf)?.id).toBe(1);
    expect(ruleFor(12, rules, parentOf)?.id).toBe(12);
    expect(ruleFor(99, rules, parentOf)).toBeNull();
  });

  it('stops on a cycle in bad category data', () => {
    expect(
      ruleFor(
        5,
        new Map(),
        new Map([
          [5, 6],
          [6, 5],
        ]),
      ),
    ).toBeNull();
  });
});

describe('decideAutoDispatch', () => {
  it('dispatches a sure suggestion covered by an enabled rule', () => {
    expect(decideAutoDispatch(sure)).toEqual({
      isDispatch: true,
      categoryId: 10,
      unitId: 100,
      confidence: 0.92,
      unitConfidence: 0.9,
      ruleId: 1,
    });
  });

  it('leaves the order to a human, with the reason, when anything is short', () => {
    const reasonOf = (patch: Partial<AutoDispatchInput>) => {
      const d = decideAutoDispatch({ ...sure, ...patch });
      return d.isDispatch ? null : d.reason;
    };
    expect(reasonOf({ categories: [] })).toBe('no_suggestion');
    expect(reasonOf({ ticketCategoryId: 20 })).toBe('category_mismatch');
    expect(reasonOf({ ticketCategoryId: 10 })).toBeNull();
    expect(reasonOf({ rule: null })).toBe('no_rule');
    expect(reasonOf({ rule: rule({ isEnabled: false }) })).toBe('rule_disabled');
    expect(reasonOf({ rule: rule({ minConfidence: 0.95 }) })).toBe('low_confidence');
    expect(reasonOf({ units: [] })).toBe('no_unit');
    expect(reasonOf({ units: [{ unitId: 200, categoryId: 20, confidence: 0.99 }] })).toBe('no_unit');
    expect(reasonOf({ allowedUnitIds: [101] })).toBe('unit_not_allowed');
    expect(reasonOf({ units: [{ unitId: 100, categoryId: 10, confidence: 0.6 }] })).toBe('low_unit_confidence');
    const skipped = decideAutoDispatch({ ...sure, rule: rule({ minConfidence: 0.95 }) });
    expect(skipped).toMatchObject({
      isDispatch: false,
      ruleId: 1,
      message: expect.stringMatching(/置信度/),
      messageEn: expect.stringMatching(/confident/),
    });
  });

  it('without a unit model, trusts the catalogue only when it leaves one unit', () => {
    const noModel = { ...sure, units: [{ unitId: 100, categoryId: 10, confidence: null }] };
    expect(decideAutoDispatch(noModel).isDispatch).toBe(false);
    expect(decideAutoDispatch({ ...noModel, allowedUnitIds: [100] })).toMatchObject({ isDispatch: true, unitConfidence: 0.92 });
  });
});
