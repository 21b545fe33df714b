/** Pure rules of written contacts: response standards, the SLA clock, quiet hours, survey answers, numbers in messages. */
import type { CallbackResult } from '../../../common/enums.ts';
import { DAY_MS, dayStartMs, localDayIndex, shanghaiMinuteOfDay } from '../../lib/calendar.ts';

/**
 * 领取 lasts while the contact is open (waiting or claimed): the write that takes it out of the queue (answered,
 * converted, attached) lets go of the claim too, so a finished contact blocks nobody and shows as nobody's.
 */
export const NO_CLAIM = { claimedById: null, claimedAt: null } as const;

/** Response standard per channel in milliseconds. */
export type ResponseStandards = Record<string, number>;

/** `sms=3m,mailbox=24h` → { sms: 180000, mailbox: 86400000 }. Throws on a malformed entry, so a bad setting stops start-up. */
export function parseResponseStandards(setting: string): ResponseStandards {
  const out: ResponseStandards = {};
  for (const entry of setting
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = /^([a-z_]+)=(\d+(?:\.\d+)?)([mh])$/.exec(entry);
    if (!m) throw new Error(`CHANNEL_RESPONSE_STANDARDS: cannot read "${entry}" (expected channel=amount followed by m or h)`);
    out[m[1]] = Number(m[2]) * (m[3] === 'h' ? 3_600_000 : 60_000);
  }
  return out;
}

/** Channels without a configured standard answer within a day. */
export const DEFAULT_RESPONSE_MS = 24 * 3_600_000;

export function respondByOf(standards: ResponseStandards, channel: string, receivedAt: Date): Date {
  return new Date(receivedAt.getTime() + (standards[channel] ?? DEFAULT_RESPONSE_MS));
}

/** Share of the response time after which a waiting contact shows as at risk. */
export const AT_RISK_SHARE = 0.8;

/** Where a contact stands against its response standard; answered ones by when they were answered (in time or late). */
export function slaClock(c: { receivedAt: Date; respondBy: Date; respondedAt: Date | null }, now: Date) {
  const end = c.respondedAt ?? now;
  const allowedMs = c.respondBy.getTime() - c.receivedAt.getTime();
  const waitedMs = Math.max(0, end.getTime() - c.receivedAt.getTime());
  const state: 'normal' | 'at_risk' | 'overdue' =
    waitedMs > allowedMs ? 'overdue' : !c.respondedAt && waitedMs >= allowedMs * AT_RISK_SHARE ? 'at_risk' : 'normal';
  return {
    waitedSeconds: Math.floor(waitedMs / 1000),
    remainingSeconds: Math.floor((c.respondBy.getTime() - end.getTime()) / 1000),
    state,
  };
}

/**
 * The first moment at or after `at` outside quiet hours (`22:00-08:00`, Asia/Shanghai; may span midnight).
 * An empty setting means no quiet hours.
 */
export function afterQuietHours(setting: string, at: Date): Date {
  if (!setting) return at;
  const [from, to] = setting.split('-').map((hm) => {
    const [h, m] = hm.split(':').map(Number);
    return h * 60 + m;
  });
  const minute = shanghaiMinuteOfDay(at);
  const isQuiet = from <= to ? minute >= from && minute < to : minute >= from || minute < to;
  if (!isQuiet) return at;
  const endToday = dayStartMs(localDayIndex(at)) + to * 60_000;
  return new Date(endToday > at.getTime() ? endToday : endToday + DAY_MS);
}

/** The callback survey's answers by SMS or WeChat: 1 满意, 2 基本满意, 3 不满意. */
const SURVEY_ANSWERS: Record<string, CallbackResult> = { '1': 'satisfied', '2': 'basically_satisfied', '3': 'unsatisfied' };

/** A message that is only a survey answer (full-width digits too), or null. */
export function parseSurveyAnswer(text: string): CallbackResult | null {
  const t = text
    .normalize('NFKC')
    .trim()
    .replace(/[。.!！]$/, '');
  return SURVEY_ANSWERS[t] ?? null;
}

/** A mainland mobile number written in a message (a WeChat user giving their number), or null. */
export function findMobileIn(text: string): string | null {
  const m = /(?<!\d)(1[3-9]\d{9})(?!\d)/.exec(text.normalize('NFKC').replace(/[\s-]/g, ''));
  return m ? m[1] : null;
}

/**
 * Order numbers (`20261204-00014`) a citizen wrote in a message, in the stored form, first mention first: full-width
 * digits, any dash or none, and a space between the parts are read too; a date part that is no calendar date is not a number.
 */
export function findOrderNumbersIn(text: string): string[] {
  const found: string[] = [];
  for (const m of text
    .normalize('NFKC')
    .matchAll(/(?<!\d)(20\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\s?[-‐‑‒–—―−ー]?\s?(\d{5})(?!\d)/g)) {
    const number = `${m[1]}${m[2]}${m[3]}-${m[4]}`;
    if (!found.includes(number)) found.push(number);
  }
  return found;
}

/** 138****8000, z***@example.com, oAbc…xyz: enough to tell contacts apart in the queue, not to reach the person. */
export function maskAddress(address: string): string {
  if (/^\+?\d{7,}$/.test(address)) return address.slice(0, address.length - 8) + '****' + address.slice(-4);
  const at = address.indexOf('@');
  if (at > 0) return `${address[0]}***${address.slice(at)}`;
  return address.length > 8 ? `${address.slice(0, 4)}…${address.slice(-3)}` : address;
}
