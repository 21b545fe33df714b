import { describe, expect, it } from 'vitest';
import { chinaDate, isOrderedRange, isValidOn } from './knowledge.validity.ts';

describe('knowledge validity', () => {
  describe('chinaDate', () => {
    it('uses the day in Beijing time, not UTC', () => {
      expect(chinaDate(new Date('2026-03-01T15:59:59Z'))).toBe('2026-03-01');
      expect(chinaDate(new Date('2026-03-01T16:00:00Z'))).toBe('2026-03-02');
    });
  });

  describe('isValidOn', () => {
    it('includes both end days', () => {
      const item = { validFrom: '2026-01-01', validTo: '2026-06-30' };
      expect(isValidOn(item, '2026-01-01')).toBe(true);
      expect(isValidOn(item, '2026-06-30')).toBe(true);
      expect(isValidOn(item, '2025-12-31')).toBe(false);
      expect(isValidOn(item, '2026-07-01')).toBe(false);
    });
    it('treats missing bounds as open', () => {
      expect(isValidOn({ validFrom: null, validTo: null }, '1999-01-01')).toBe(true);
      expect(isValidOn({ validFrom: '2026-05-01', validTo: null }, '2030-01-01')).toBe(true);
      expect(isValidOn({ validFrom: null, validTo: '2026-05-01' }, '2026-05-02')).toBe(false);
    });
  });

  describe('isOrderedRange', () => {
    it('refuses an end before the start', () => {
      expect(isOrderedRange('2026-05-02', '2026-05-01')).toBe(false);
      expect(isOrderedRange('2026-05-01', '2026-05-01')).toBe(true);
      expect(isOrderedRange(null, '2026-05-01')).toBe(true);
    });
  });
});
