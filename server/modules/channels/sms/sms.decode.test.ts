import { describe, expect, it } from 'vitest';
import { concatPartOf, decodeSmsText, deliveryStatusOf, rawQueryBytes } from './sms.decode.ts';

describe('Kannel SMS decoding', () => {
  it('reads raw bytes from the query string, + as space and %2B as plus', () => {
    const q = rawQueryBytes('/in?text=%4F%60%59%7D&from=%2B8613800138000&note=a+b&empty=');
    expect(q.get('text')).toEqual(Buffer.from([0x4f, 0x60, 0x59, 0x7d]));
    expect(q.get('from')!.toString()).toBe('+8613800138000');
    expect(q.get('note')!.toString()).toBe('a b');
    expect(q.get('empty')!.length).toBe(0);
  });

  it('decodes UCS-2 that smsbox did not recode, and UTF-8 that it did', () => {
    expect(decodeSmsText(Buffer.from([0x4f, 0x60, 0x59, 0x7d]), 2, '')).toEqual({ text: '你好', problem: null });
    expect(decodeSmsText(Buffer.from([0x4f, 0x60, 0x59, 0x7d]), 2, 'UTF-16BE')).toEqual({ text: '你好', problem: null });
    expect(decodeSmsText(Buffer.from('你好', 'utf8'), 0, 'UTF-8')).toEqual({ text: '你好', problem: null });
  });

  it('keeps what it can of malformed text and says why', () => {
    const odd = decodeSmsText(Buffer.from([0x4f, 0x60, 0x59]), 2, '');
    expect(odd.text).toBe('你\ufffd');
    expect(odd.problem).toMatch(/odd length/);
    const bad = decodeSmsText(Buffer.from([0xe4, 0xbd, 0x41]), 0, 'UTF-8');
    expect(bad.text).toContain('A');
    expect(bad.problem).toMatch(/invalid in UTF-8/);
  });

  it('decodes GB18030 and Latin-1 charsets', () => {
    expect(decodeSmsText(Buffer.from([0xc4, 0xe3, 0xba, 0xc3]), 0, 'GB2312').text).toBe('你好');
    expect(decodeSmsText(Buffer.from([0xe9]), 0, 'ISO-8859-1').text).toBe('é');
  });

  it('reads the concatenation header of a long message part (8- and 16-bit references)', () => {
    expect(concatPartOf(Buffer.from([0x05, 0x00, 0x03, 0x07, 0x02, 0x01]))).toEqual({ reference: 7, total: 2, sequence: 1 });
    expect(concatPartOf(Buffer.from([0x06, 0x08, 0x04, 0x01, 0x02, 0x03, 0x02]))).toEqual({ reference: 258, total: 3, sequence: 2 });
    expect(concatPartOf(Buffer.from([0x03, 0x24, 0x01, 0x01]))).toBeNull();
    expect(concatPartOf(Buffer.alloc(0))).toBeNull();
  });

  it('maps DLR types to delivery status', () => {
    expect([1, 2, 4, 8, 16].map(deliveryStatusOf)).toEqual(['delivered', 'failed', 'pending', 'pending', 'failed']);
  });
});

describe('splitForSms', async () => {
  const { splitForSms } = await import('./sms.kannel.ts');
  it('keeps a short message whole and cuts long ones into concatenation-sized parts', () => {
    expect(splitForSms('你好')).toEqual(['你好']);
    expect(splitForSms('字'.repeat(70))).toHaveLength(1);
    const parts = splitForSms('字'.repeat(140));
    expect(parts.map((p) => p.length)).toEqual([67, 67, 6]);
    expect(splitForSms('a'.repeat(160))).toHaveLength(1);
    expect(splitForSms('a'.repeat(200)).map((p) => p.length)).toEqual([153, 47]);
  });
  it('never cuts a surrogate pair', () => {
    const parts = splitForSms(`${'字'.repeat(66)}😀${'字'.repeat(10)}`);
    expect(parts[0]).toBe('字'.repeat(66));
    expect(parts.join('')).toBe(`${'字'.repeat(66)}😀${'字'.repeat(10)}`);
  });
});
