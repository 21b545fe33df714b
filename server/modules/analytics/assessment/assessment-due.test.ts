import { describe, expect, it } from 'vitest';
import { isAssessmentDue } from './assessment.service.ts';

const run = (over: Partial<{ status: string; computedById: number | null; computedAt: Date }> = {}) => ({
  status: 'draft',
  computedById: null,
  computedAt: new Date('2026-11-20T10:00:00+08:00'),
  ...over,
});

describe('isAssessmentDue', () => {
  it('computes a month that has no version', () => {
    expect(isAssessmentDue('2026-11', null, '2026-11-20')).toBe(true);
  });

  it("leaves this month's automatic draft alone until the month is over, then computes the final figures once", () => {
    expect(isAssessmentDue('2026-11', run(), '2026-11-30')).toBe(false);
    expect(isAssessmentDue('2026-11', run(), '2026-12-01')).toBe(true);
    // computed after midnight on the 1st (Beijing time): already final
    expect(isAssessmentDue('2026-11', run({ computedAt: new Date('2026-11-30T16:30:00Z') }), '2026-12-02')).toBe(false);
  });

  it('never recomputes a version a person computed, or a published month', () => {
    expect(isAssessmentDue('2026-11', run({ computedById: 7 }), '2026-12-05')).toBe(false);
    expect(isAssessmentDue('2026-11', run({ status: 'published' }), '2026-12-05')).toBe(false);
  });
});
