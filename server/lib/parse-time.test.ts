import { describe, expect, it } from 'vitest';
import { shanghaiDay, shanghaiHour, shanghaiWeekday } from './calendar.ts';
import { parseBound, parseTime, shanghaiDayRange } from './parse-time.ts';

describe('parseTime', () => {
  it('reads the source formats as China time', () => {
    expect(parseTime('2019/4/25 9:32:09')?.toISOString()).toBe('2019-04-25T01:32:09.000Z');
    expect(parseTime('2019/04/05 19:02:00')?.toISOString()).toBe('2019-04-05T11:02:00.000Z');
    expect(parseTime('2019-04-25 09:32')?.toISOString()).toBe('2019-04-25T01:32:00.000Z');
    expect(parseTime('2019/4/25')?.toISOString()).toBe('2019-04-24T16:00:00.000Z');
    expect(parseTime('2019年4月25日 9时32分')?.toISOString()).toBe('2019-04-25T01:32:00.000Z');
    expect(parseTime('２０１９/４/２５ ９:３２:０９')?.toISOString()).toBe('2019-04-25T01:32:09.000Z');
  });

  it('honours an explicit zone', () => {
    expect(parseTime('2019-04-08T08:37:20Z')?.toISOString()).toBe('2019-04-08T08:37:20.000Z');
    expect(parseTime('2019-04-08T16:37:20+08:00')?.toISOString()).toBe('2019-04-08T08:37:20.000Z');
    expect(parseTime('2019-04-08T16:37:20')?.toISOString()).toBe('2019-04-08T08:37:20.000Z');
  });

  it('returns null for nonsense instead of throwing', () => {
    for (const bad of ['', 'yesterday', '2019/13/1', '2019/2/30', '2019/4/25 25:00', null, undefined, {}, Number.NaN]) {
      expect(parseTime(bad)).toBeNull();
    }
    expect(parseTime(1556155929000)?.toISOString()).toBe('2019-04-25T01:32:09.000Z');
  });
});

describe('parsed times and bounds', () => {
  it('fall on the China day, not the UTC day', () => {
    const lateEvening = parseTime('2019/4/25 23:30:00')!;
    expect(shanghaiDay(lateEvening)).toBe('2019-04-25');
    expect(shanghaiWeekday(lateEvening)).toBe(4);
    expect(shanghaiHour(lateEvening)).toBe(23);
  });

  it('reads an end bound as the whole day', () => {
    expect(parseBound('2019-04-30', true)?.toISOString()).toBe('2019-04-30T16:00:00.000Z');
    expect(parseBound('2019-04-30 12:00', true)?.toISOString()).toBe('2019-04-30T04:00:00.000Z');
  });
});

describe('shanghaiDayRange', () => {
  /** China time on a day of March 2026. */
  const cst = (day: number, hour: number) => new Date(Date.UTC(2026, 2, day, hour - 8));
  const now = cst(4, 10);
  it('covers whole China days, `to` included, defaulting to the last days up to today', () => {
    expect(shanghaiDayRange('2026-03-01', '2026-03-02', 7, now)).toEqual({ start: cst(1, 0), end: cst(3, 0) });
    expect(shanghaiDayRange(undefined, undefined, 7, now)).toEqual({ start: cst(-2, 0), end: cst(5, 0) });
  });
  it('refuses an empty range or an unreadable day', () => {
    expect(shanghaiDayRange('2026-03-03', '2026-03-02', 7, now)).toBeNull();
    expect(shanghaiDayRange('2026-02-30', undefined, 7, now)).toBeNull();
  });
});
