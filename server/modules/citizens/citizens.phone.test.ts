import { describe, expect, it } from 'vitest';
import { parsePhone, requirePhone } from './citizens.phone.ts';

describe('citizen phone numbers', () => {
  // the forms themselves are common/limits.ts normalizePhone's (common/phone.test.ts); here: it is the one used
  it('stores what the common normaliser makes of a number', () => {
    expect(parsePhone(' +86 138-0013-8000 ')).toBe('13800138000');
  });

  it('refuses what is no phone number', () => {
    expect(parsePhone('12345')).toBeNull();
    expect(parsePhone('1380013800')).toBeNull();
    expect(parsePhone('23800138000')).toBeNull();
    expect(parsePhone('abc')).toBeNull();
  });

  it('throws a bilingual VALIDATION_FAILED error naming the field', () => {
    expect(() => requirePhone('12', 'citizenPhone')).toThrowError(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        messageEn: 'The phone number is not valid',
        details: { path: 'citizenPhone', value: '12' },
      }),
    );
  });
});
