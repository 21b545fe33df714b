import { describe, expect, it } from 'vitest';
import { parsePhone, requirePhone } from './citizens.phone.ts';

describe('citizen phone numbers', () => {
  it('normalises spacing, dashes and the +86 prefix of mobiles', () => {
    expect(parsePhone('138 0013 8000')).toBe('13800138000');
    expect(parsePhone('+86 138-0013-8000')).toBe('13800138000');
    expect(parsePhone('8613800138000')).toBe('13800138000');
    expect(parsePhone('(0571) 8888-6666')).toBe('057188886666');
  });

  it('refuses what is not a mainland mobile or landline', () => {
    expect(parsePhone('12345')).toBeNull();
    expect(parsePhone('1380013800')).toBeNull();
    expect(parsePhone('23800138000')).toBeNull();
    expect(parsePhone('abc')).toBeNull();
  });

  it('throws a bilingual VALIDATION_FAILED error naming the field', () => {
    expect(() => requirePhone('12', 'citizenPhone')).toThrowError(expect.objectContaining({
      code: 'VALIDATION_FAILED', messageEn: 'The phone number is not valid', details: { path: 'citizenPhone', value: '12' },
    }));
  });
});
