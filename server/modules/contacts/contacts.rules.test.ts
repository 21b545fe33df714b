import { describe, expect, it } from 'vitest';
import {
  afterQuietHours,
  findMobileIn,
  findOrderNumbersIn,
  maskAddress,
  parseResponseStandards,
  parseSurveyAnswer,
  respondByOf,
  slaClock,
} from './contacts.rules.ts';

describe('contacts rules', () => {
  describe('parseResponseStandards', () => {
    it('reads minutes and hours per channel', () => {
      expect(parseResponseStandards('sms=3m, mailbox=24h,wechat=0.5h')).toEqual({ sms: 180_000, mailbox: 86_400_000, wechat: 1_800_000 });
    });
    it('refuses a malformed entry', () => {
      expect(() => parseResponseStandards('sms=3 minutes')).toThrow(/sms=3 minutes/);
    });
  });

  describe('slaClock', () => {
    const receivedAt = new Date('2026-12-01T02:00:00Z');
    const respondBy = respondByOf({ sms: 180_000 }, 'sms', receivedAt);
    it('counts the wait against the channel standard', () => {
      expect(respondBy.toISOString()).toBe('2026-12-01T02:03:00.000Z');
      expect(slaClock({ receivedAt, respondBy, respondedAt: null }, new Date('2026-12-01T02:01:00Z'))).toEqual({
        waitedSeconds: 60,
        remainingSeconds: 120,
        state: 'normal',
      });
      expect(slaClock({ receivedAt, respondBy, respondedAt: null }, new Date('2026-12-01T02:02:30Z')).state).toBe('at_risk');
      expect(slaClock({ receivedAt, respondBy, respondedAt: null }, new Date('2026-12-01T02:04:00Z'))).toEqual({
        waitedSeconds: 240,
        remainingSeconds: -60,
        state: 'overdue',
      });
    });
    it('stops the clock at the first answer', () => {
      expect(
        slaClock({ receivedAt, respondBy, respondedAt: new Date('2026-12-01T02:02:50Z') }, new Date('2026-12-02T00:00:00Z')).state,
      ).toBe('normal');
      expect(
        slaClock({ receivedAt, respondBy, respondedAt: new Date('2026-12-01T02:03:01Z') }, new Date('2026-12-02T00:00:00Z')).state,
      ).toBe('overdue');
    });
    it('gives unknown channels a day', () => {
      expect(respondByOf({}, 'app', receivedAt).toISOString()).toBe('2026-12-02T02:00:00.000Z');
    });
  });

  describe('afterQuietHours', () => {
    it('moves a notice at 23:00 Beijing time to 08:00 the next morning', () => {
      expect(afterQuietHours('22:00-08:00', new Date('2026-12-01T15:00:00Z')).toISOString()).toBe('2026-12-02T00:00:00.000Z');
    });
    it('moves one at 06:00 to 08:00 the same day', () => {
      expect(afterQuietHours('22:00-08:00', new Date('2026-12-01T22:00:00Z')).toISOString()).toBe('2026-12-02T00:00:00.000Z');
    });
    it('leaves daytime and an empty setting alone', () => {
      const noon = new Date('2026-12-01T04:00:00Z');
      expect(afterQuietHours('22:00-08:00', noon)).toBe(noon);
      expect(afterQuietHours('', new Date('2026-12-01T15:00:00Z')).toISOString()).toBe('2026-12-01T15:00:00.000Z');
    });
    it('handles quiet hours within one day', () => {
      expect(afterQuietHours('12:00-14:00', new Date('2026-12-01T04:30:00Z')).toISOString()).toBe('2026-12-01T06:00:00.000Z');
    });
  });

  it('reads survey answers, full-width digits included, and nothing else', () => {
    expect(parseSurveyAnswer(' 1 ')).toBe('satisfied');
    expect(parseSurveyAnswer('２')).toBe('basically_satisfied');
    expect(parseSurveyAnswer('3。')).toBe('unsatisfied');
    expect(parseSurveyAnswer('4')).toBeNull();
    expect(parseSurveyAnswer('1 路灯还是不亮')).toBeNull();
  });

  it('finds a mobile number in a message', () => {
    expect(findMobileIn('我的电话是138-0013-8000，请回电')).toBe('13800138000');
    expect(findMobileIn('订单号 202612010001234')).toBeNull();
  });

  it('masks addresses', () => {
    expect(maskAddress('13800138000')).toBe('138****8000');
    expect(maskAddress('+821012345678')).toBe('+8210****5678');
    expect(maskAddress('zhang@example.com')).toBe('z***@example.com');
  });
  describe('findOrderNumbersIn', () => {
    it('reads an order number with or without its hyphen, in half- or full-width digits', () => {
      expect(findOrderNumbersIn('我的工单20261204-00014还没人处理')).toEqual(['20261204-00014']);
      expect(findOrderNumbersIn('工单号2026120400014')).toEqual(['20261204-00014']);
      expect(findOrderNumbersIn('工单号：２０２６１２０４－０００１４，请尽快')).toEqual(['20261204-00014']);
      expect(findOrderNumbersIn('工单号２０２６１２０４０００１４')).toEqual(['20261204-00014']);
      expect(findOrderNumbersIn('order 20261204 – 00014 please')).toEqual(['20261204-00014']);
    });
    it('lists each number once, in the order written', () => {
      expect(findOrderNumbersIn('20261205-00002 和 20261204-00014，还有 2026120500002')).toEqual(['20261205-00002', '20261204-00014']);
    });
    it('ignores phone numbers, longer digit runs and dates that are no calendar date', () => {
      expect(findOrderNumbersIn('电话 13912345678，身份证 370202198001011234')).toEqual([]);
      expect(findOrderNumbersIn('120261204-00014')).toEqual([]);
      expect(findOrderNumbersIn('20261204-000145')).toEqual([]);
      expect(findOrderNumbersIn('20261332-00014 20261200-00014')).toEqual([]);
    });
  });
});
