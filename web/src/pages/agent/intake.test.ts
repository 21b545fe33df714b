import { describe, expect, it } from 'vitest';
import { buildCreateBody, fieldForServerPath, isValidPhone } from './intake.ts';

describe('agent intake', () => {
  describe('buildCreateBody', () => {
    it('normalises the phone and leaves dispatch out when only saving', () => {
      const body = buildCreateBody(
        { phone: '+86 138-0000-1234', name: ' 张三 ', type: 'complaint', content: ' 噪音扰民 ', leadUnitId: 5 },
        'save',
      );
      expect(body.citizen).toEqual({ phone: '13800001234', name: '张三' });
      expect(body.content).toBe('噪音扰民');
      expect(body.dispatch).toBeUndefined();
      expect(body.channel).toBe('phone');
      expect(body.urgency).toBe('normal');
    });
    it('dispatches to the lead unit without repeating it among co-handlers', () => {
      const body = buildCreateBody({ type: 'help', content: 'x', leadUnitId: 5, coUnitIds: [5, 7] }, 'dispatch');
      expect(body.dispatch).toEqual({ leadUnitId: 5, coUnitIds: [7] });
      expect(body.citizen).toBeNull();
    });
  });
  it('maps server field paths onto form fields', () => {
    expect(fieldForServerPath('citizen.phone')).toBe('phone');
    expect(fieldForServerPath('dispatch.leadUnitId')).toBe('leadUnitId');
    expect(fieldForServerPath('content')).toBe('content');
  });
  it('accepts mobiles and landlines with area code only', () => {
    expect(isValidPhone('13800001234')).toBe(true);
    expect(isValidPhone('0538-8123456')).toBe(true);
    expect(isValidPhone('12345')).toBe(false);
  });
});
