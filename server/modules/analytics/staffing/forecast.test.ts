import { describe, expect, it } from 'vitest';
import { forecastHalfHours } from './forecast.ts';

const exceptions = new Map([
  ['2026-10-01', { isWorkday: false }], // 国庆节 (Thursday)
  ['2026-10-02', { isWorkday: false }],
  ['2026-10-10', { isWorkday: true }], // 调休 Saturday
  ['2026-05-01', { isWorkday: false }],
]);
const flat = (v: number) => new Array(48).fill(v);
const at = (slot: number, v: number) => {
  const a = flat(0);
  a[slot] = v;
  return a;
};

describe('forecast', () => {
  it('averages the same weekday of recent weeks, slot by slot, counting quiet days as zero', () => {
    // Mondays 2026-11-02, 09, 16 have 10, 20 and nothing in slot 18 (09:00–09:30)
    const history = new Map([
      ['2026-11-02', at(18, 10)],
      ['2026-11-09', at(18, 20)],
      ['2026-11-10', at(18, 99)],
    ]);
    const [monday] = forecastHalfHours({
      history,
      historyFrom: '2026-11-01',
      historyTo: '2026-11-21',
      targetDays: ['2026-11-23'],
      exceptions,
      weeks: 8,
    });
    expect(monday.kind).toBe('workday');
    expect(monday.referenceDays).toEqual(['2026-11-16', '2026-11-09', '2026-11-02']);
    expect(monday.slots[18]).toBe(10);
    expect(monday.slots[19]).toBe(0);
  });

  it('uses only the most recent `weeks` reference days', () => {
    const history = new Map([
      ['2026-11-02', flat(30)],
      ['2026-11-09', flat(6)],
      ['2026-11-16', flat(3)],
    ]);
    const [d] = forecastHalfHours({
      history,
      historyFrom: '2026-11-01',
      historyTo: '2026-11-21',
      targetDays: ['2026-11-23'],
      exceptions,
      weeks: 2,
    });
    expect(d.slots[0]).toBe(4.5);
  });

  it('forecasts a holiday from past holidays, not from its weekday', () => {
    const history = new Map([
      ['2026-05-01', flat(50)],
      ['2026-09-24', flat(7)],
    ]); // 2026-09-24 is a normal Thursday
    const [d] = forecastHalfHours({
      history,
      historyFrom: '2026-04-20',
      historyTo: '2026-09-30',
      targetDays: ['2026-10-01'],
      exceptions,
      weeks: 8,
    });
    expect(d.kind).toBe('holiday');
    expect(d.referenceDays).toEqual(['2026-05-01']);
    expect(d.slots[10]).toBe(50);
  });

  it('falls back to weekends for a holiday when the history has none, and to workdays for a 调休 Saturday', () => {
    const history = new Map([
      ['2026-09-26', flat(8)],
      ['2026-09-27', flat(4)],
      ['2026-09-25', flat(20)],
    ]);
    const [holiday, adjusted] = forecastHalfHours({
      history,
      historyFrom: '2026-09-21',
      historyTo: '2026-09-27',
      targetDays: ['2026-10-02', '2026-10-10'],
      exceptions,
      weeks: 8,
    });
    expect(holiday.referenceDays).toEqual(['2026-09-27', '2026-09-26']);
    expect(holiday.slots[0]).toBe(6);
    expect(adjusted.kind).toBe('workday');
    expect(adjusted.referenceDays).toEqual(['2026-09-25', '2026-09-24', '2026-09-23', '2026-09-22', '2026-09-21']);
    expect(adjusted.slots[0]).toBe(4);
  });
});
