import { afterEach, describe, expect, it } from 'vitest';
import { CHINA_HOLIDAYS, holidayMap } from '../modules/sla/holidays.ts';
import {
  WorkingCalendar,
  dayIndexOf,
  dayKindOf,
  localDayIndex,
  shanghaiDay,
  shanghaiHour,
  shanghaiIsoString,
  shanghaiMinuteOfDay,
  shanghaiWeekday,
} from './calendar.ts';

const cal = new WorkingCalendar(holidayMap());
/** A Beijing wall-clock time. */
const at = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);
/** Formats an instant as Beijing wall-clock time. */
const fmt = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
const HOUR = 3_600_000;

describe('WorkingCalendar', () => {
  describe('isWorkingDay', () => {
    it('works Monday to Friday and rests at weekends without exceptions', () => {
      const plain = new WorkingCalendar();
      expect(['2024-03-04', '2024-03-05', '2024-03-06', '2024-03-07', '2024-03-08'].map((d) => plain.isWorkingDay(d))).toEqual([
        true,
        true,
        true,
        true,
        true,
      ]);
      expect(plain.isWorkingDay('2024-03-09')).toBe(false);
      expect(plain.isWorkingDay('2024-03-10')).toBe(false);
    });

    it('rests on the Spring Festival 2026 holiday and works on its adjusted Saturdays', () => {
      expect(cal.isWorkingDay('2026-02-13')).toBe(true); // Friday
      expect(cal.isWorkingDay('2026-02-14')).toBe(true); // Saturday, 调休
      for (let d = 15; d <= 23; d++) expect(cal.isWorkingDay(`2026-02-${d}`)).toBe(false);
      expect(cal.isWorkingDay('2026-02-24')).toBe(true);
      expect(cal.isWorkingDay('2026-02-28')).toBe(true); // Saturday, 调休
      expect(cal.isWorkingDay('2026-03-01')).toBe(false); // ordinary Sunday
      expect(cal.exceptionFor('2026-02-14')).toEqual({ isWorkday: true, name: '春节调休上班' });
    });

    it('knows the adjusted working Sundays', () => {
      for (const day of ['2025-01-26', '2025-04-27', '2025-09-28', '2026-01-04', '2026-09-20']) {
        expect(new Date(`${day}T12:00:00+08:00`).getUTCDay()).toBe(0);
        expect(cal.isWorkingDay(day)).toBe(true);
      }
    });

    it('rests through National Day 2025 (Oct 1–8) and 2026 (Oct 1–7)', () => {
      for (let d = 1; d <= 8; d++) expect(cal.isWorkingDay(`2025-10-0${d}`)).toBe(false);
      expect(cal.isWorkingDay('2025-10-09')).toBe(true);
      expect(cal.isWorkingDay('2025-10-11')).toBe(true); // Saturday, 调休
      for (let d = 1; d <= 7; d++) expect(cal.isWorkingDay(`2026-10-0${d}`)).toBe(false);
      expect(cal.isWorkingDay('2026-10-08')).toBe(true);
      expect(cal.isWorkingDay('2026-10-10')).toBe(true);
      expect(cal.isWorkingDay('2026-09-25')).toBe(false); // 中秋, a Friday
    });

    it('has the published number of days off and adjusted working days', () => {
      const in2025 = CHINA_HOLIDAYS.filter((r) => r.day.startsWith('2025'));
      const in2026 = CHINA_HOLIDAYS.filter((r) => r.day.startsWith('2026'));
      expect([in2025.filter((r) => !r.isWorkday).length, in2025.filter((r) => r.isWorkday).length]).toEqual([28, 5]);
      expect([in2026.filter((r) => !r.isWorkday).length, in2026.filter((r) => r.isWorkday).length]).toEqual([33, 6]);
      // Every adjusted working day falls on a weekend.
      for (const r of CHINA_HOLIDAYS.filter((x) => x.isWorkday)) expect([0, 6]).toContain(new Date(`${r.day}T00:00:00Z`).getUTCDay());
    });

    it('rejects a malformed or impossible day', () => {
      expect(() => cal.isWorkingDay('2026-2-1')).toThrow(RangeError);
      expect(() => cal.isWorkingDay('2026-02-30')).toThrow(RangeError);
      expect(() => new WorkingCalendar(new Map([['2026-13-01', { isWorkday: false, name: 'x' }]]))).toThrow(RangeError);
    });
  });

  describe('time zone', () => {
    const saved = process.env.TZ;
    afterEach(() => {
      process.env.TZ = saved;
    });

    it('uses Beijing time whatever the machine time zone is', () => {
      for (const tz of ['America/Los_Angeles', 'UTC', 'Pacific/Kiritimati']) {
        process.env.TZ = tz;
        // 2026-02-13 23:30 in Beijing is still the Friday there, though already Saturday in Kiritimati and Friday morning in LA.
        expect(shanghaiDay(at('2026-02-13 23:30'))).toBe('2026-02-13');
        expect(fmt(cal.addWorkingHours(at('2026-02-13 17:00'), 1))).toBe('2026-02-14 09:30');
      }
    });

    it('maps instants to Beijing days with a fixed +08:00 offset', () => {
      expect(localDayIndex(new Date('2026-02-13T15:59:59.999Z'))).toBe(dayIndexOf('2026-02-13'));
      expect(localDayIndex(new Date('2026-02-13T16:00:00Z'))).toBe(dayIndexOf('2026-02-14'));
    });
  });

  describe('isWorkingTime and nextWorkingInstant', () => {
    it('treats the lunch break and the evening as non-working', () => {
      expect(cal.isWorkingTime(at('2026-03-02 09:00'))).toBe(true);
      expect(cal.isWorkingTime(at('2026-03-02 12:00'))).toBe(false);
      expect(cal.isWorkingTime(at('2026-03-02 13:29'))).toBe(false);
      expect(cal.isWorkingTime(at('2026-03-02 17:29'))).toBe(true);
      expect(cal.isWorkingTime(at('2026-03-02 17:30'))).toBe(false);
      expect(fmt(cal.nextWorkingInstant(at('2026-03-02 12:10')))).toBe('2026-03-02 13:30');
      expect(fmt(cal.nextWorkingInstant(at('2026-03-02 10:10')))).toBe('2026-03-02 10:10');
      expect(fmt(cal.nextWorkingInstant(at('2026-02-14 18:00')))).toBe('2026-02-24 09:00');
    });
  });

  describe('addWorkingHours', () => {
    it('adds within one period', () => {
      expect(fmt(cal.addWorkingHours(at('2026-03-02 09:30'), 2))).toBe('2026-03-02 11:30');
    });

    it('skips the lunch break', () => {
      expect(fmt(cal.addWorkingHours(at('2026-03-02 11:00'), 2))).toBe('2026-03-02 14:30');
    });

    it('returns the period end when the budget runs out exactly there', () => {
      expect(fmt(cal.addWorkingHours(at('2026-03-02 15:30'), 2))).toBe('2026-03-02 17:30');
      expect(fmt(cal.addWorkingHours(at('2026-03-02 10:00'), 2))).toBe('2026-03-02 12:00');
    });

    it('starts counting at the next working period when called outside working time', () => {
      expect(fmt(cal.addWorkingHours(at('2026-03-02 07:00'), 2))).toBe('2026-03-02 11:00');
      expect(fmt(cal.addWorkingHours(at('2026-03-02 12:45'), 2))).toBe('2026-03-02 15:30');
      expect(fmt(cal.addWorkingHours(at('2026-03-06 20:00'), 2))).toBe('2026-03-09 11:00'); // Friday night → Monday
    });

    it('carries over the Spring Festival 2026 holiday from the adjusted Saturday', () => {
      expect(fmt(cal.addWorkingHours(at('2026-02-14 16:30'), 2))).toBe('2026-02-24 10:00');
    });

    it('runs through an adjusted working Sunday', () => {
      expect(fmt(cal.addWorkingHours(at('2025-09-26 17:00'), 2))).toBe('2025-09-28 10:30'); // Fri → Sun 28 Sep (调休)
    });

    it('handles fractions and zero', () => {
      expect(fmt(cal.addWorkingHours(at('2026-03-02 09:00'), 0.5))).toBe('2026-03-02 09:30');
      expect(cal.addWorkingHours(at('2026-03-07 10:00'), 0).getTime()).toBe(at('2026-03-07 10:00').getTime());
      expect(() => cal.addWorkingHours(at('2026-03-02 09:00'), -1)).toThrow(RangeError);
      expect(() => cal.addWorkingHours(at('2026-03-02 09:00'), Number.NaN)).toThrow(RangeError);
    });
  });

  describe('addWorkingDays', () => {
    it('keeps the clock time on the n-th following working day', () => {
      expect(fmt(cal.addWorkingDays(at('2026-03-02 10:15'), 1))).toBe('2026-03-03 10:15');
      expect(fmt(cal.addWorkingDays(at('2026-03-04 14:00'), 5))).toBe('2026-03-11 14:00');
    });

    it('crosses the Spring Festival 2026 holiday and its adjusted Saturdays', () => {
      expect(fmt(cal.addWorkingDays(at('2026-02-13 10:00'), 1))).toBe('2026-02-14 10:00'); // 调休 Saturday
      expect(fmt(cal.addWorkingDays(at('2026-02-14 10:00'), 1))).toBe('2026-02-24 10:00');
      expect(fmt(cal.addWorkingDays(at('2026-02-13 10:00'), 5))).toBe('2026-02-27 10:00');
      expect(fmt(cal.addWorkingDays(at('2026-02-13 10:00'), 6))).toBe('2026-02-28 10:00'); // 调休 Saturday
      expect(fmt(cal.addWorkingDays(at('2026-02-13 10:00'), 7))).toBe('2026-03-02 10:00');
    });

    it('crosses National Day and Mid-Autumn 2025', () => {
      expect(fmt(cal.addWorkingDays(at('2025-09-26 15:00'), 1))).toBe('2025-09-28 15:00'); // adjusted Sunday
      expect(fmt(cal.addWorkingDays(at('2025-09-30 15:00'), 1))).toBe('2025-10-09 15:00');
      expect(fmt(cal.addWorkingDays(at('2025-09-30 15:00'), 3))).toBe('2025-10-11 15:00'); // adjusted Saturday
      expect(fmt(cal.addWorkingDays(at('2025-09-30 15:00'), 4))).toBe('2025-10-13 15:00');
    });

    it('crosses Mid-Autumn and National Day 2026', () => {
      expect(fmt(cal.addWorkingDays(at('2026-09-18 09:30'), 1))).toBe('2026-09-20 09:30'); // adjusted Sunday
      expect(fmt(cal.addWorkingDays(at('2026-09-24 11:00'), 1))).toBe('2026-09-28 11:00'); // 中秋 Fri–Sun off
      expect(fmt(cal.addWorkingDays(at('2026-09-28 16:00'), 5))).toBe('2026-10-10 16:00'); // 29, 30, 8, 9, 10 (调休 Sat)
    });

    it('crosses New Year 2026 with its adjusted Sunday', () => {
      expect(fmt(cal.addWorkingDays(at('2025-12-31 09:00'), 1))).toBe('2026-01-04 09:00');
      expect(fmt(cal.addWorkingDays(at('2025-12-31 09:00'), 2))).toBe('2026-01-05 09:00');
    });

    it('starts from the next working period when called outside working time', () => {
      expect(fmt(cal.addWorkingDays(at('2026-03-02 18:00'), 1))).toBe('2026-03-04 09:00'); // Mon evening
      expect(fmt(cal.addWorkingDays(at('2026-03-02 12:30'), 1))).toBe('2026-03-03 13:30'); // lunch break
      expect(fmt(cal.addWorkingDays(at('2026-03-02 07:00'), 1))).toBe('2026-03-03 09:00'); // early morning
      expect(fmt(cal.addWorkingDays(at('2026-03-07 11:00'), 1))).toBe('2026-03-10 09:00'); // Saturday
      expect(fmt(cal.addWorkingDays(at('2026-02-17 10:00'), 1))).toBe('2026-02-25 09:00'); // inside the holiday
    });

    it('treats the end of a period as inside it', () => {
      expect(fmt(cal.addWorkingDays(at('2026-03-06 17:30'), 1))).toBe('2026-03-09 17:30');
      expect(fmt(cal.addWorkingDays(at('2026-03-02 12:00'), 1))).toBe('2026-03-03 12:00');
    });

    it('returns the normalised start for zero days and adds fractions as working time', () => {
      expect(fmt(cal.addWorkingDays(at('2026-03-07 11:00'), 0))).toBe('2026-03-09 09:00');
      expect(fmt(cal.addWorkingDays(at('2026-03-02 10:00'), 0))).toBe('2026-03-02 10:00');
      expect(fmt(cal.addWorkingDays(at('2026-03-02 09:00'), 1.5))).toBe('2026-03-03 14:00'); // +1 day, then 3.5 h over lunch
      expect(() => cal.addWorkingDays(at('2026-03-02 09:00'), -1)).toThrow(RangeError);
    });

    it('adds exactly n working days of working time from inside working time', () => {
      for (const from of ['2026-02-12 09:00', '2026-02-13 11:59', '2026-09-29 14:10', '2025-09-30 17:29']) {
        for (const n of [1, 3, 5, 10]) {
          expect(cal.workingMsBetween(at(from), cal.addWorkingDays(at(from), n))).toBe(n * 7 * HOUR);
        }
      }
    });
  });

  describe('workingMsBetween', () => {
    it('counts only working periods of working days', () => {
      expect(cal.workingMsBetween(at('2026-03-02 08:00'), at('2026-03-02 18:00'))).toBe(7 * HOUR);
      expect(cal.workingMsBetween(at('2026-03-02 11:00'), at('2026-03-02 14:30'))).toBe(2 * HOUR);
      expect(cal.workingMsBetween(at('2026-03-06 17:00'), at('2026-03-09 10:00'))).toBe(1.5 * HOUR); // over a weekend
      expect(cal.workingMsBetween(at('2026-02-14 00:00'), at('2026-02-25 00:00'))).toBe(14 * HOUR); // Feb 14 + Feb 24
    });

    it('is zero for an empty range and negative for a reversed one', () => {
      expect(cal.workingMsBetween(at('2026-03-02 10:00'), at('2026-03-02 10:00'))).toBe(0);
      expect(cal.workingMsBetween(at('2026-03-02 11:00'), at('2026-03-02 10:00'))).toBe(-HOUR);
    });

    it('counts a whole year: 2025 and 2026 have 248 working days each (13 statutory holidays)', () => {
      expect(cal.workingMsBetween(at('2026-01-01 00:00'), at('2027-01-01 00:00'))).toBe(248 * 7 * HOUR);
      expect(cal.workingMsBetween(at('2025-01-01 00:00'), at('2026-01-01 00:00'))).toBe(248 * 7 * HOUR);
    });

    it('is the inverse of addWorkingMs (seeded random instants)', () => {
      let seed = 42;
      const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
      const origin = at('2025-01-01 00:00').getTime();
      for (let i = 0; i < 500; i++) {
        const from = new Date(origin + Math.floor(random() * 700) * 86_400_000 + Math.floor(random() * 96) * 900_000);
        const ms = Math.floor((random() * 40 * HOUR) / 60_000) * 60_000;
        const to = cal.addWorkingMs(from, ms);
        expect(cal.workingMsBetween(from, to)).toBe(ms);
        if (ms > 0) expect(cal.isWorkingTime(new Date(to.getTime() - 1))).toBe(true);
      }
    });
  });

  describe('workingMsPrefix', () => {
    it('accumulates working time per day', () => {
      const prefix = cal.workingMsPrefix(dayIndexOf('2026-02-13'), 4); // Fri, Sat (调休), Sun (holiday), Mon (holiday)
      expect(prefix).toEqual([0, 7 * HOUR, 14 * HOUR, 14 * HOUR, 14 * HOUR]);
    });
  });

  describe('custom working periods', () => {
    it('accepts other hours and rejects overlapping ones', () => {
      const summer = new WorkingCalendar(new Map(), [
        ['08:30', '12:00'],
        ['14:30', '18:00'],
      ]);
      expect(summer.workingMsPerDay).toBe(7 * HOUR);
      expect(fmt(summer.addWorkingHours(at('2026-06-01 11:00'), 2))).toBe('2026-06-01 15:30');
      expect(
        () =>
          new WorkingCalendar(new Map(), [
            ['09:00', '12:00'],
            ['11:00', '13:00'],
          ]),
      ).toThrow(RangeError);
      expect(() => new WorkingCalendar(new Map(), [['09:00', '25:00']])).toThrow(RangeError);
    });
  });
});

describe('day helpers', () => {
  it('tells working days, weekends, holidays and 调休 working days apart', () => {
    const exceptions = new Map([
      ['2026-10-01', { isWorkday: false }],
      ['2026-10-10', { isWorkday: true }],
    ]);
    expect(dayKindOf('2026-11-23', exceptions)).toBe('workday'); // Monday
    expect(dayKindOf('2026-11-22', exceptions)).toBe('weekend'); // Sunday
    expect(dayKindOf('2026-10-01', exceptions)).toBe('holiday'); // 国庆节, a Thursday
    expect(dayKindOf('2026-10-10', exceptions)).toBe('workday'); // 调休 Saturday
  });

  it('reads the local hour, minute, weekday and ISO string of an instant in +08:00', () => {
    const lateSunday = new Date('2026-11-22T16:30:00Z'); // Monday 00:30 in Shanghai
    expect([shanghaiDay(lateSunday), shanghaiHour(lateSunday), shanghaiMinuteOfDay(lateSunday), shanghaiWeekday(lateSunday)]).toEqual([
      '2026-11-23',
      0,
      30,
      1,
    ]);
    expect(shanghaiIsoString(new Date('2026-03-02T02:00:00.250Z'))).toBe('2026-03-02T10:00:00+08:00');
  });
});
