import { describe, expect, it } from 'vitest';
import { AppError } from '../../lib/errors.ts';
import { monthPeriod, periodFor, previousPeriod, shiftMonth, validateMonth, validatePeriod, weekStart, yearAgoPeriod } from './periods.ts';

const reason = (fn: () => unknown) => {
  try {
    fn();
    return 'ok';
  } catch (err) {
    return ((err as AppError).details as any).reason;
  }
};

describe('periods', () => {
  it('knows months, weeks and their neighbours', () => {
    expect(monthPeriod('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(weekStart('2026-11-22')).toBe('2026-11-16');
    expect(periodFor('weekly', '2026-11-18')).toEqual({ from: '2026-11-16', to: '2026-11-22' });
    expect(periodFor('monthly', '2026-03-15')).toEqual({ from: '2026-03-01', to: '2026-03-31' });
  });

  it('computes 环比 and 同比', () => {
    expect(previousPeriod({ from: '2026-03-01', to: '2026-03-31' })).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(previousPeriod({ from: '2026-03-10', to: '2026-03-16' })).toEqual({ from: '2026-03-03', to: '2026-03-09' });
    expect(previousPeriod({ from: '2026-03-01', to: '2026-03-01' })).toEqual({ from: '2026-02-28', to: '2026-02-28' });
    expect(yearAgoPeriod({ from: '2024-02-01', to: '2024-02-29' })).toEqual({ from: '2023-02-01', to: '2023-02-28' });
    expect(yearAgoPeriod({ from: '2024-02-29', to: '2024-03-02' })).toEqual({ from: '2023-02-28', to: '2023-03-02' });
  });

  it('rejects reversed, future, malformed and over-long periods', () => {
    expect(reason(() => validatePeriod({ from: '2026-03-01', to: '2026-03-31' }, '2026-11-22'))).toBe('ok');
    expect(reason(() => validatePeriod({ from: '2026-03-31', to: '2026-03-01' }, '2026-11-22'))).toBe('reversed_period');
    expect(reason(() => validatePeriod({ from: '2026-11-01', to: '2026-11-23' }, '2026-11-22'))).toBe('future_period');
    expect(reason(() => validatePeriod({ from: '2026-02-30', to: '2026-03-01' }, '2026-11-22'))).toBe('bad_date');
    expect(reason(() => validatePeriod({ from: '2020-01-01', to: '2026-01-01' }, '2026-11-22'))).toBe('period_too_long');
    expect(reason(() => validateMonth('2026-12', '2026-11-22'))).toBe('future_period');
    expect(reason(() => validateMonth('2026-11', '2026-11-22'))).toBe('ok');
  });
});
