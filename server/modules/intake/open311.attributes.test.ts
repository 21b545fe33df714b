import { describe, expect, it } from 'vitest';
import { SERVICE_ATTRIBUTES, readAttributes } from './open311.attributes.ts';

describe('open311 attributes', () => {
  it('defines attributes in order with string keys', () => {
    expect(SERVICE_ATTRIBUTES.map((a) => a.order)).toEqual([1, 2, 3]);
    expect(SERVICE_ATTRIBUTES.find((a) => a.code === 'urgency')?.values.map((v) => v.key)).toEqual(['normal', 'urgent']);
  });

  it('reads attribute[code] fields with defaults for what is missing', () => {
    const result = readAttributes({
      service_code: '1',
      'attribute[urgency]': 'urgent',
      'attribute[address_detail]': ' 3号楼2单元 ',
      'attribute[colour]': 'red',
    });
    expect(result).toEqual({
      ok: true,
      value: { urgency: 'urgent', type: 'help', addressDetail: '3号楼2单元', raw: { urgency: 'urgent', address_detail: '3号楼2单元' } },
    });
    expect(readAttributes({})).toMatchObject({ ok: true, value: { urgency: 'normal', type: 'help', addressDetail: null } });
  });

  it('refuses a value outside a list', () => {
    expect(readAttributes({ 'attribute[urgency]': 'asap' })).toEqual({ ok: false, code: 'urgency', reason: 'not_allowed' });
    expect(readAttributes({ 'attribute[request_type]': 'praise' })).toEqual({ ok: false, code: 'request_type', reason: 'not_allowed' });
    expect(readAttributes({ 'attribute[address_detail]': 'x'.repeat(400) })).toEqual({
      ok: false,
      code: 'address_detail',
      reason: 'too_long',
    });
  });
});
