import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeIndicators, INDICATOR_IDS, INDICATORS, percentile, satisfactionRate, weightedScore } from './indicators.ts';
import { emptyMeasures, type Measures } from './measures.ts';

const m = (over: Partial<Measures>): Measures => ({ ...emptyMeasures(), ...over });

describe('indicators', () => {
  const sample = m({
    contacts: 120,
    invalid: 8,
    transferred: 2,
    merged: 10,
    directAnswered: 25,
    complaints: 40,
    repeatComplaints: 6,
    dispatches: 80,
    signs: 75,
    signsOnTime: 60,
    returns: 4,
    objections: 2,
    extensionRequests: 8,
    replies: 64,
    repliesOnTime: 48,
    handlingSeconds: 64 * 36 * 3600,
    reviewsAccepted: 50,
    callbacksReached: 45,
    satisfied: 30,
    basicallySatisfied: 10,
    unsatisfied: 5,
    resolvedAnswered: 40,
    resolved: 30,
    reopens: 5,
    overdue: 6,
    improperReturns: 1,
    supervisions: 3,
  });

  it('computes every formula exactly on a hand-built month', () => {
    const v = computeIndicators(
      sample,
      { satisfactionCountsBasic: true, compositeWeights: { response: 10, resolution: 45, satisfaction: 45 } },
      { p50Seconds: 7200, p90Seconds: 36000 },
    );
    expect(v.contacts).toBe(120);
    expect(v.orders).toBe(100);
    expect(v.direct_answer_rate).toBe(0.25);
    expect(v.on_time_sign_rate).toBe(0.8);
    expect(v.on_time_completion_rate).toBe(0.75);
    expect(v.overdue_rate).toBe(0.075);
    expect(v.return_rate).toBe(0.05);
    expect(v.objection_rate).toBe(0.025);
    expect(v.extension_rate).toBe(0.1);
    expect(v.reopen_rate).toBe(0.1);
    expect(v.callback_rate).toBe(0.9);
    expect(v.satisfaction_rate).toBeCloseTo(40 / 45, 15);
    expect(v.resolution_rate).toBe(0.75);
    expect(v.repeat_complaint_rate).toBe(0.15);
    expect(v.avg_handling_hours).toBe(36);
    expect(v.p50_handling_hours).toBe(2);
    expect(v.p90_handling_hours).toBe(10);
    expect(v.response_rate).toBe(0.8);
    // (10·0.8 + 45·0.75 + 45·40/45) = 8 + 33.75 + 40 = 81.75
    expect(v.composite_score).toBeCloseTo(81.75, 10);
    expect(v.overdue_count).toBe(6);
    expect(v.improper_return_count).toBe(1);
    expect(v.supervision_count).toBe(3);
    expect(v.upheld_dissatisfaction_count).toBe(5);
  });

  it('leaves 基本满意 out of the satisfied side when the setting says so', () => {
    expect(satisfactionRate(sample, false)).toBeCloseTo(30 / 45, 15);
    const v = computeIndicators(sample, {
      satisfactionCountsBasic: false,
      compositeWeights: { response: 0, resolution: 0, satisfaction: 100 },
    });
    expect(v.composite_score).toBeCloseTo((100 * 30) / 45, 10);
  });

  it('answers null, not 0 or 100 %, when a denominator is zero', () => {
    const v = computeIndicators(emptyMeasures());
    expect(v.direct_answer_rate).toBeNull();
    expect(v.satisfaction_rate).toBeNull();
    expect(v.avg_handling_hours).toBeNull();
    expect(v.p50_handling_hours).toBeNull();
    expect(v.composite_score).toBeNull();
    expect(v.contacts).toBe(0);
  });

  it('scales the composite over the rates that have data', () => {
    expect(
      weightedScore([
        { weight: 10, value: 0.5 },
        { weight: 45, value: null },
        { weight: 45, value: 1 },
      ]),
    ).toBeCloseTo((100 * (5 + 45)) / 55, 12);
    expect(weightedScore([{ weight: 10, value: null }])).toBeNull();
  });

  it('computes percentiles as percentile_cont does', () => {
    expect(percentile([], 0.5)).toBeNull();
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentile([10, 1, 4, 2, 3], 0.9)).toBeCloseTo(7.6, 12); // sorted 1 2 3 4 10: pos 3.6 → 4 + 0.6·6
    expect(percentile([5, 1], 0)).toBe(1);
    expect(percentile([5, 1], 1)).toBe(5);
  });

  it('defines every indicator once, with both languages', () => {
    expect(INDICATORS.map((i) => i.id)).toEqual([...INDICATOR_IDS]);
    for (const i of INDICATORS) {
      expect(i.nameZh && i.nameEn && i.formulaZh && i.formulaEn).toBeTruthy();
    }
  });

  it('is documented in docs/indicators.md', () => {
    const doc = readFileSync(new URL('../../../../docs/indicators.md', import.meta.url), 'utf8');
    for (const i of INDICATORS) {
      expect(doc, i.id).toContain(`\`${i.id}\``);
      expect(doc, i.id).toContain(i.nameZh);
    }
  });
});
