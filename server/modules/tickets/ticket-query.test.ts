import { describe, expect, it } from 'vitest';
import { parseTicketQuery } from './ticket-query.ts';

describe('parseTicketQuery', () => {
  it('reads a whole order number, with or without its dash', () => {
    expect(parseTicketQuery(' 20261204-00005 ')).toEqual({ kind: 'number', number: '20261204-00005', isPrefix: false });
    expect(parseTicketQuery('2026120400005')).toEqual({ kind: 'number', number: '20261204-00005', isPrefix: false });
  });

  it('reads the start of a number as a prefix', () => {
    expect(parseTicketQuery('20261204-000')).toEqual({ kind: 'number', number: '20261204-000', isPrefix: true });
  });

  it('reads mobile and landline numbers as a phone, normalised', () => {
    expect(parseTicketQuery('138 0013 8000')).toEqual({ kind: 'phone', phone: '13800138000' });
    expect(parseTicketQuery('+86 13800138000')).toEqual({ kind: 'phone', phone: '13800138000' });
    expect(parseTicketQuery('0531-88889999')).toEqual({ kind: 'phone', phone: '053188889999' });
  });

  it('takes anything else as words', () => {
    expect(parseTicketQuery('解放路126号')).toEqual({ kind: 'text', text: '解放路126号' });
    expect(parseTicketQuery('12345')).toEqual({ kind: 'text', text: '12345' });
  });
});
