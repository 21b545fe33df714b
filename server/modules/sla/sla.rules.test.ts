import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../../lib/calendar.ts';
import { CHINA_HOLIDAYS, holidayMap } from './holidays.ts';
import { buildSlaPolicy } from '../../../test/factories/sla.ts';
import { checkCalendarImport, computeDeadlines, defaultPolicy, resumedDeadline, selectPolicy } from './sla.rules.ts';

const cal = new WorkingCalendar(holidayMap());
const at = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);
const fmt = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

const p = buildSlaPolicy;
/** The seeded defaults. */
const defaults = [
  p(1),
  p(2, { urgency: 'urgent', handleUnit: 'clock_hours', handleAmount: 24 }),
  p(3, { ticketType: 'inquiry', handleAmount: 3 }),
  p(4, { ticketType: 'inquiry', urgency: 'urgent', handleUnit: 'clock_hours', handleAmount: 24 }),
];

describe('selectPolicy', () => {
  it('applies the defaults: 5 working days, 3 for inquiries, 24 clock hours when urgent', () => {
    expect(selectPolicy(defaults, { type: 'complaint', urgency: 'normal', categoryId: null }, [])?.id).toBe(1);
    expect(selectPolicy(defaults, { type: 'inquiry', urgency: 'normal', categoryId: null }, [])?.id).toBe(3);
    expect(selectPolicy(defaults, { type: 'help', urgency: 'urgent', categoryId: null }, [])?.id).toBe(2);
    expect(selectPolicy(defaults, { type: 'inquiry', urgency: 'urgent', categoryId: null }, [])?.id).toBe(4);
  });

  it('ranks category above type above urgency', () => {
    const policies = [...defaults, p(10, { categoryId: 7 }), p(11, { ticketType: 'complaint', urgency: 'urgent' })];
    // The category policy wins over a type+urgency policy that also matches.
    expect(selectPolicy(policies, { type: 'complaint', urgency: 'urgent', categoryId: 7 }, [7])?.id).toBe(10);
    // Without the category, type+urgency beats urgency alone.
    expect(selectPolicy(policies, { type: 'complaint', urgency: 'urgent', categoryId: 8 }, [8])?.id).toBe(11);
    // Type alone beats urgency alone.
    const typeVsUrgency = [p(1), p(20, { urgency: 'urgent' }), p(21, { ticketType: 'report' })];
    expect(selectPolicy(typeVsUrgency, { type: 'report', urgency: 'urgent', categoryId: null }, [])?.id).toBe(21);
  });

  it('lets a category policy cover sub-categories, the nearest one winning', () => {
    const policies = [p(1), p(30, { categoryId: 100 }), p(31, { categoryId: 110 })];
    // Chain: 111 (leaf) → 110 (parent) → 100 (root).
    expect(selectPolicy(policies, { type: 'help', urgency: 'normal', categoryId: 111 }, [111, 110, 100])?.id).toBe(31);
    expect(selectPolicy(policies, { type: 'help', urgency: 'normal', categoryId: 120 }, [120, 100])?.id).toBe(30);
    expect(selectPolicy(policies, { type: 'help', urgency: 'normal', categoryId: 200 }, [200])?.id).toBe(1);
  });

  it('ignores inactive policies, breaks ties by lowest id and returns null when nothing matches', () => {
    expect(selectPolicy([p(5, { isActive: false }), p(6), p(2)], { type: 'help', urgency: 'normal', categoryId: null }, [])?.id).toBe(2);
    expect(selectPolicy([p(5, { urgency: 'urgent' })], { type: 'help', urgency: 'normal', categoryId: null }, [])).toBeNull();
  });

  it('finds the catch-all policy for callbacks', () => {
    expect(defaultPolicy([p(9, { urgency: 'urgent' }), p(7), p(8)])?.id).toBe(7);
    expect(defaultPolicy([p(9, { urgency: 'urgent' })])).toBeNull();
  });
});

describe('computeDeadlines', () => {
  it('signs within 2 working hours and handles within 5 working days', () => {
    const d = computeDeadlines(cal, defaults[0], at('2026-02-12 16:00')); // Thursday before Spring Festival
    expect(fmt(d.signDueAt)).toBe('2026-02-13 09:30');
    expect(fmt(d.handleDueAt)).toBe('2026-02-26 16:00'); // 13, 14 (调休), 24, 25, 26
  });

  it('gives urgent orders 24 clock hours even across a holiday', () => {
    const d = computeDeadlines(cal, defaults[1], at('2025-09-30 20:00'));
    expect(fmt(d.handleDueAt)).toBe('2025-10-01 20:00');
    // An urgent order is signed within the same hours on the clock: never after the handling deadline.
    expect(fmt(d.signDueAt)).toBe('2025-09-30 22:00');
  });

  it('never sets the sign-by time after the handle-by time', () => {
    const tight = p(9, { signWorkingHours: 8, handleUnit: 'clock_hours', handleAmount: 4 });
    const d = computeDeadlines(cal, tight, at('2026-03-06 16:00'));
    expect(fmt(d.handleDueAt)).toBe('2026-03-06 20:00');
    expect(fmt(d.signDueAt)).toBe('2026-03-06 20:00');
  });

  it('gives inquiries 3 working days across National Day 2026', () => {
    expect(fmt(computeDeadlines(cal, defaults[2], at('2026-09-30 10:00')).handleDueAt)).toBe('2026-10-10 10:00'); // 8, 9, 10 (调休)
  });
});

describe('resumedDeadline', () => {
  it('moves a working-day deadline by the working time spent paused', () => {
    // Paused Friday 16:00 → resumed Monday 10:00 = 2.5 working hours.
    expect(fmt(resumedDeadline(cal, at('2026-03-11 17:00'), at('2026-03-06 16:00'), at('2026-03-09 10:00'), false))).toBe(
      '2026-03-12 11:00',
    );
  });

  it('moves a clock-hour deadline by the clock time spent paused', () => {
    expect(fmt(resumedDeadline(cal, at('2026-03-07 10:00'), at('2026-03-06 16:00'), at('2026-03-09 10:00'), true))).toBe(
      '2026-03-10 04:00',
    );
  });

  it('leaves the deadline alone when the pause took no time or only non-working time', () => {
    expect(fmt(resumedDeadline(cal, at('2026-03-11 17:00'), at('2026-03-06 18:00'), at('2026-03-09 08:00'), false))).toBe(
      '2026-03-11 17:00',
    );
    expect(fmt(resumedDeadline(cal, at('2026-03-11 17:00'), at('2026-03-06 18:00'), at('2026-03-06 17:00'), true))).toBe(
      '2026-03-11 17:00',
    );
  });
});

describe('checkCalendarImport', () => {
  it('accepts one year of unique days and rejects mixed years and duplicates', () => {
    expect(checkCalendarImport([{ day: '2027-01-01' }, { day: '2027-02-06' }])).toEqual({ year: 2027 });
    expect(checkCalendarImport([{ day: '2027-01-01' }, { day: '2028-01-01' }])).toMatchObject({ problem: { day: '2028-01-01' } });
    expect(checkCalendarImport([{ day: '2027-01-01' }, { day: '2027-01-01' }])).toMatchObject({ problem: { en: 'A day appears twice' } });
    expect(checkCalendarImport([])).toHaveProperty('problem');
  });
});

describe('holiday data', () => {
  it('is loaded by the seed migration exactly as the TypeScript constant lists it', () => {
    const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../db/migrations');
    const file = readdirSync(dir).find((f) => f.endsWith('_seed_calendar_and_sla_policies.sql'))!;
    const text = readFileSync(path.join(dir, file), 'utf8');
    const rows = [...text.matchAll(/\('(\d{4}-\d{2}-\d{2})', (true|false), '([^']+)'\)/g)].map((m) => ({
      day: m[1],
      isWorkday: m[2] === 'true',
      name: m[3],
    }));
    expect(rows).toEqual(CHINA_HOLIDAYS);
  });
});
