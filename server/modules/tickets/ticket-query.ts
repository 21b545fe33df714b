/**
 * What the one search box of a ticket list was given: an order number (whole or its start), a citizen's phone
 * number, or words of the title, content and address. Pure, so the list, its count and the tests agree.
 */
import { normalizePhone, PHONE_PATTERN } from '../../../common/limits.ts';

export type TicketQuery =
  { kind: 'number'; number: string; isPrefix: boolean } | { kind: 'phone'; phone: string } | { kind: 'text'; text: string };

/** 20261204-00005; its start (20261204-000) finds the day's orders from there. */
const WHOLE_NUMBER = /^\d{8}-\d{5,}$/;
const NUMBER_START = /^\d{8}-\d*$/;

export function parseTicketQuery(raw: string): TicketQuery {
  const q = raw.trim();
  // typed without the dash, as numbers are read out on the phone: 2026120400005
  const undashed = /^\d{13,}$/.test(q) && /^20\d{6}/.test(q) ? `${q.slice(0, 8)}-${q.slice(8)}` : q;
  if (WHOLE_NUMBER.test(undashed)) return { kind: 'number', number: undashed, isPrefix: false };
  if (NUMBER_START.test(undashed)) return { kind: 'number', number: undashed, isPrefix: true };
  const phone = normalizePhone(q);
  if (/^[\d\s\-()+]+$/.test(q) && PHONE_PATTERN.test(phone)) return { kind: 'phone', phone };
  return { kind: 'text', text: q };
}
