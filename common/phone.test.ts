import { describe, expect, it } from 'vitest';
import { normalizePhone, PHONE_PATTERN } from './limits.ts';

const stored = (raw: string) => {
  const phone = normalizePhone(raw);
  return PHONE_PATTERN.test(phone) ? phone : null;
};

describe('normalizePhone', () => {
  it('keeps mainland mobiles as 11 digits whatever the prefix', () => {
    expect(stored('13800138000')).toBe('13800138000');
    expect(stored('138 0013 8000')).toBe('13800138000');
    expect(stored('+86 138-0013-8000')).toBe('13800138000');
    expect(stored('8613800138000')).toBe('13800138000');
    expect(stored('008613800138000')).toBe('13800138000');
  });

  it('stores landlines with their 0 area code, from national and international forms alike', () => {
    expect(stored('0532-8888 1234')).toBe('053288881234');
    expect(stored('(0532) 8888-1234')).toBe('053288881234');
    expect(stored('+86 532 8888 1234')).toBe('053288881234');
    expect(stored('+86 (0)532 8888 1234')).toBe('053288881234');
    expect(stored('8653288881234')).toBe('053288881234');
    expect(stored('010-6512 3456')).toBe('01065123456');
    expect(stored('+86 10 6512 3456')).toBe('01065123456');
  });

  it('stores foreign numbers in E.164', () => {
    expect(stored('+82 10-1234-5678')).toBe('+821012345678');
    expect(stored('0082 10 1234 5678')).toBe('+821012345678');
    expect(stored('+81 3-1234-5678')).toBe('+81312345678');
    expect(stored('+1 (415) 555-0100')).toBe('+14155550100');
  });

  it('refuses what is no phone number', () => {
    expect(stored('12345')).toBeNull();
    expect(stored('1380013800')).toBeNull();
    expect(stored('+0 123')).toBeNull();
    expect(stored('+12')).toBeNull();
    expect(stored('+1234567890123456')).toBeNull();
    expect(stored('abc')).toBeNull();
  });
});
