import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.ts';
import type { AssessmentConfig, UnitResult } from '../../api/analytics.ts';
import {
  appealable,
  checkPeriod,
  checkScheme,
  deductionTotal,
  excelValue,
  expectedAnswerRate,
  expectedServiceLevel,
  fieldOfError,
  formatValue,
  previousMonth,
  rankingByGroup,
  trendBuckets,
  weightTotal,
} from './analytics.ts';

const scheme = (weights: number[], kinds: string[] = ['overdue']): AssessmentConfig => ({
  indicators: weights.map((weight, i) => ({
    id: (['satisfaction_rate', 'resolution_rate', 'return_rate', 'on_time_sign_rate'] as const)[i],
    weight,
  })),
  deductions: kinds.map((kind) => ({ kind: kind as never, pointsEach: 0.5, maxPoints: 10 })),
  satisfactionCountsBasic: true,
});
const result = (unitName: string, peerGroup: string, rank: number | null): UnitResult => ({
  unitId: unitName.length,
  unitName,
  peerGroup,
  score: rank === null ? null : 100 - rank,
  rank,
  indicators: [],
  deductions: [],
});

describe('analytics helpers', () => {
  describe('formatValue', () => {
    it('shows each kind of figure as people read it and a dash when there is no data', () => {
      expect(formatValue(0.9234, 'rate')).toBe('92.3%');
      expect(formatValue(12.345, 'duration')).toBe('12.3');
      expect(formatValue(87.456, 'score')).toBe('87.46');
      expect(formatValue(51234, 'count')).toBe('51,234');
      expect(formatValue(null, 'rate')).toBe('—');
      expect(formatValue(Number.NaN, 'count')).toBe('—');
    });
    it('keeps Excel cells numeric: rates as percentages', () => {
      expect(excelValue(0.9234, 'rate')).toBe(92.3);
      expect(excelValue(3.14159, 'duration')).toBe(3.14);
      expect(excelValue(null, 'score')).toBeNull();
    });
  });

  describe('checkPeriod', () => {
    it('names the problem the server would reject', () => {
      expect(checkPeriod('2026-03-01', '2026-03-31', '2026-04-02')).toBeNull();
      expect(checkPeriod('2026-03-31', '2026-03-01', '2026-04-02')).toBe('reversed');
      expect(checkPeriod('2026-03-01', '2026-04-03', '2026-04-02')).toBe('future');
      expect(checkPeriod('2025-01-01', '2026-04-01', '2026-04-02')).toBe('tooLong');
      expect(checkPeriod('2025-03-01', '2026-04-03', '2026-04-02', 400)).toBe('future');
      expect(checkPeriod(null, '2026-04-01', '2026-04-02')).toBe('missing');
    });
    it('accepts a period of exactly the longest length and today', () => {
      expect(checkPeriod('2026-01-01', '2026-01-10', '2026-01-10', 10)).toBeNull();
      expect(checkPeriod('2026-01-01', '2026-01-11', '2026-01-11', 10)).toBe('tooLong');
    });
  });

  it('previousMonth crosses the year', () => {
    expect(previousMonth('2026-01-15')).toBe('2025-12');
    expect(previousMonth('2026-03-31')).toBe('2026-02');
  });

  describe('trendBuckets', () => {
    it('uses days for short periods', () => {
      const b = trendBuckets('2026-03-01', '2026-03-05');
      expect(b.map((x) => x.from)).toEqual(['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05']);
      expect(b.every((x) => x.from === x.to)).toBe(true);
    });
    it('uses weeks for a month, covering every day once', () => {
      const b = trendBuckets('2026-03-01', '2026-03-31');
      expect(b).toHaveLength(5);
      expect(b[0]).toMatchObject({ from: '2026-03-01', to: '2026-03-07' });
      expect(b.at(-1)).toMatchObject({ from: '2026-03-29', to: '2026-03-31' });
    });
    it('uses calendar months for long periods', () => {
      const b = trendBuckets('2025-11-15', '2026-04-10');
      expect(b.map((x) => x.label)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04']);
      expect(b[0]).toMatchObject({ from: '2025-11-15', to: '2025-11-30' });
      expect(b[2]).toMatchObject({ from: '2026-01-01', to: '2026-01-31' });
      expect(b.at(-1)).toMatchObject({ to: '2026-04-10' });
    });
    it('returns nothing for a reversed period', () => {
      expect(trendBuckets('2026-03-05', '2026-03-01')).toEqual([]);
    });
  });

  describe('checkScheme', () => {
    it('accepts weights summing to 100', () => {
      expect(checkScheme(scheme([40, 30, 30]))).toEqual([]);
      expect(weightTotal(scheme([33.3, 33.3, 33.4]))).toBe(100);
    });
    it('rejects weights that do not sum to 100, with the total', () => {
      expect(checkScheme(scheme([60, 30]))).toEqual([{ field: 'indicators', problem: 'weights', total: 90 }]);
    });
    it('rejects an empty scheme, repeated indicators and repeated or negative deductions', () => {
      expect(checkScheme({ ...scheme([]), deductions: [] })).toEqual([{ field: 'indicators', problem: 'empty' }]);
      const twice = scheme([50, 50]);
      twice.indicators[1].id = twice.indicators[0].id;
      expect(checkScheme(twice)).toContainEqual({ field: 'indicators', problem: 'duplicate' });
      expect(checkScheme(scheme([100], ['overdue', 'overdue']))).toContainEqual({ field: 'deductions', problem: 'duplicate' });
      const negative = scheme([100]);
      negative.deductions[0].pointsEach = -1;
      expect(checkScheme(negative)).toEqual([{ field: 'deductions', problem: 'negative' }]);
    });
  });

  it('fieldOfError places server refusals beside their field', () => {
    const e = (reason: string) => new ApiError(400, 'VALIDATION_FAILED', '中', 'en', { reason });
    expect(fieldOfError(e('future_period'))).toBe('period');
    expect(fieldOfError(e('reversed_period'))).toBe('period');
    expect(fieldOfError(e('weights_not_100'))).toBe('indicators');
    expect(fieldOfError(new ApiError(409, 'CONFLICT', '中', 'en', { reason: 'month_published' }))).toBe('month');
    expect(fieldOfError(e('appeal_exceeds_deductions'))).toBe('count');
    expect(fieldOfError(e('something_else'))).toBeNull();
    expect(fieldOfError(new Error('x'))).toBeNull();
  });

  it('rankingByGroup orders peer groups and ranks, unranked units last', () => {
    const groups = rankingByGroup([
      result('乙街道', 'street', 2),
      result('水务', 'utility', 1),
      result('甲局', 'department', null),
      result('乙局', 'department', 1),
      result('甲街道', 'street', 1),
      result('其他', 'custom', 1),
    ]);
    expect(groups.map((g) => g.peerGroup)).toEqual(['department', 'street', 'utility', 'custom']);
    expect(groups[0].rows.map((r) => r.unitName)).toEqual(['乙局', '甲局']);
    expect(groups[1].rows.map((r) => r.rank)).toEqual([1, 2]);
  });

  it('adds up deductions and what is left to appeal', () => {
    expect(
      deductionTotal({
        deductions: [
          { kind: 'overdue', count: 3, waived: 1, points: 1 },
          { kind: 'supervision', count: 1, waived: 0, points: 0.5 },
        ],
      }),
    ).toBe(1.5);
    expect(appealable({ count: 3, waived: 1 })).toBe(2);
    expect(appealable({ count: 1, waived: 1 })).toBe(0);
  });

  it("weights the expected answer rate and service level by each half hour's volume", () => {
    const slots = [
      { volume: 10, planned: { answerRate: 1, serviceLevel: 0.9 } },
      { volume: 30, planned: { answerRate: 0.8, serviceLevel: 0.5 } },
      { volume: 0, planned: { answerRate: 0, serviceLevel: 0 } },
    ];
    expect(expectedAnswerRate(slots)).toBeCloseTo(0.85, 10);
    expect(expectedServiceLevel(slots)).toBeCloseTo(0.6, 10);
    expect(expectedAnswerRate([{ volume: 5, planned: null }])).toBeNull();
    expect(expectedAnswerRate([{ volume: 0, planned: { answerRate: 1 } }])).toBeNull();
  });
});
