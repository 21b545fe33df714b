import { describe, expect, it } from 'vitest';
import { AppError } from '../../../lib/errors.ts';
import {
  DEFAULT_ASSESSMENT_CONFIG,
  rankWithinGroups,
  scoreUnit,
  validateAssessmentConfig,
  type AssessmentConfig,
} from './assessment-scoring.ts';
import { emptyMeasures, type Measures } from '../indicators/measures.ts';

const m = (over: Partial<Measures>): Measures => ({ ...emptyMeasures(), ...over });
const unit1 = m({
  signs: 10,
  signsOnTime: 9,
  replies: 8,
  repliesOnTime: 6,
  resolvedAnswered: 4,
  resolved: 3,
  satisfied: 3,
  basicallySatisfied: 1,
  unsatisfied: 1,
  dispatches: 10,
  returns: 1,
  overdue: 3,
  improperReturns: 1,
  objectionsDenied: 1,
  supervisions: 2,
  reopens: 1,
});

describe('assessment scoring', () => {
  it('scores weighted rates minus deductions, exactly', () => {
    const s = scoreUnit(unit1, DEFAULT_ASSESSMENT_CONFIG);
    // 10·0.9 + 25·0.75 + 25·0.75 + 30·0.8 + 10·(1 − 0.1) = 79.5
    expect(s.baseScore).toBe(79.5);
    expect(s.indicators.map((i) => i.points)).toEqual([9, 18.75, 18.75, 24, 9]);
    expect(s.deductions).toEqual([
      { kind: 'overdue', count: 3, waived: 0, points: 1.5 },
      { kind: 'improper_return', count: 2, waived: 0, points: 1 },
      { kind: 'supervision', count: 2, waived: 0, points: 2 },
      { kind: 'upheld_dissatisfaction', count: 1, waived: 0, points: 1 },
    ]);
    expect(s.score).toBe(74);
  });

  it('gives back deductions waived on appeal, never more than were counted', () => {
    expect(scoreUnit(unit1, DEFAULT_ASSESSMENT_CONFIG, { overdue: 2 }).score).toBe(75);
    expect(scoreUnit(unit1, DEFAULT_ASSESSMENT_CONFIG, { overdue: 9 }).deductions[0]).toEqual({
      kind: 'overdue',
      count: 3,
      waived: 3,
      points: 0,
    });
  });

  it('caps each deduction and never goes below zero', () => {
    const s = scoreUnit({ ...unit1, overdue: 30 }, DEFAULT_ASSESSMENT_CONFIG);
    expect(s.deductions[0].points).toBe(10);
    const harsh: AssessmentConfig = { ...DEFAULT_ASSESSMENT_CONFIG, deductions: [{ kind: 'overdue', pointsEach: 50, maxPoints: 500 }] };
    expect(scoreUnit(unit1, harsh).score).toBe(0);
  });

  it('scales the weights of indicators with data up to 100', () => {
    const s = scoreUnit(m({ signs: 4, signsOnTime: 4, replies: 2, repliesOnTime: 1, dispatches: 4 }), DEFAULT_ASSESSMENT_CONFIG);
    // known weights 10 + 25 + 10 = 45: (10·1 + 25·0.5 + 10·1) · 100 / 45 = 72.222…
    expect(s.score).toBe(72.22);
    expect(s.indicators.find((i) => i.id === 'satisfaction_rate')).toEqual({
      id: 'satisfaction_rate',
      weight: 30,
      value: null,
      points: null,
    });
  });

  it('follows the 基本满意 setting', () => {
    const only = (countsBasic: boolean): AssessmentConfig => ({
      indicators: [{ id: 'satisfaction_rate', weight: 100 }],
      deductions: [],
      satisfactionCountsBasic: countsBasic,
    });
    expect(scoreUnit(unit1, only(true)).score).toBe(80);
    expect(scoreUnit(unit1, only(false)).score).toBe(60);
  });

  it('gives no score to a unit without data', () => {
    expect(scoreUnit(emptyMeasures(), DEFAULT_ASSESSMENT_CONFIG).score).toBeNull();
  });

  it('ranks within peer groups, ties sharing a rank', () => {
    const ranks = rankWithinGroups([
      { unitId: 1, peerGroup: 'department', score: 74 },
      { unitId: 2, peerGroup: 'district', score: 72.22 },
      { unitId: 3, peerGroup: 'department', score: 74 },
      { unitId: 4, peerGroup: 'department', score: 80 },
      { unitId: 5, peerGroup: 'department', score: null },
      { unitId: 6, peerGroup: 'department', score: 60 },
    ]);
    expect(Object.fromEntries(ranks)).toEqual({ 1: 2, 2: 1, 3: 2, 4: 1, 5: null, 6: 4 });
  });

  describe('validateAssessmentConfig', () => {
    const reasonOf = (config: AssessmentConfig) => {
      try {
        validateAssessmentConfig(config);
        return 'ok';
      } catch (err) {
        expect(err).toBeInstanceOf(AppError);
        expect((err as AppError).code).toBe('VALIDATION_FAILED');
        return ((err as AppError).details as { reason: string }).reason;
      }
    };
    const base = DEFAULT_ASSESSMENT_CONFIG;
    it('accepts the default scheme', () => expect(reasonOf(base)).toBe('ok'));
    it('rejects weights that do not sum to 100', () => {
      expect(
        reasonOf({
          ...base,
          indicators: [
            { id: 'satisfaction_rate', weight: 60 },
            { id: 'resolution_rate', weight: 30 },
          ],
        }),
      ).toBe('weights_not_100');
    });
    it('rejects counts, unknown and repeated indicators', () => {
      expect(reasonOf({ ...base, indicators: [{ id: 'contacts', weight: 100 }] })).toBe('indicator_not_assessable');
      expect(reasonOf({ ...base, indicators: [{ id: 'nope' as any, weight: 100 }] })).toBe('indicator_not_assessable');
      expect(
        reasonOf({
          ...base,
          indicators: [
            { id: 'return_rate', weight: 50 },
            { id: 'return_rate', weight: 50 },
          ],
        }),
      ).toBe('duplicate_indicator');
    });
    it('rejects negative weights and points, unknown and repeated deductions', () => {
      expect(
        reasonOf({
          ...base,
          indicators: [
            { id: 'return_rate', weight: 110 },
            { id: 'satisfaction_rate', weight: -10 },
          ],
        }),
      ).toBe('negative_weight');
      expect(reasonOf({ ...base, deductions: [{ kind: 'overdue', pointsEach: -1, maxPoints: 5 }] })).toBe('negative_points');
      expect(reasonOf({ ...base, deductions: [{ kind: 'late' as any, pointsEach: 1, maxPoints: 5 }] })).toBe('unknown_deduction');
      expect(
        reasonOf({
          ...base,
          deductions: [
            { kind: 'overdue', pointsEach: 1, maxPoints: 5 },
            { kind: 'overdue', pointsEach: 1, maxPoints: 5 },
          ],
        }),
      ).toBe('duplicate_deduction');
    });
  });
});
