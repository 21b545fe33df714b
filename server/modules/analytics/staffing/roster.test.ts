import { describe, expect, it } from 'vitest';
import { agentsPerSlot, parseRoster } from './roster.ts';

describe('parseRoster', () => {
  it('reads shifts in the usual forms, overlapping and past midnight', () => {
    const parsed = parseRoster('08:00-17:00*20，12:30-21:00x15; 21:00-08:00×4');
    expect(parsed).toEqual({
      shifts: [
        { startSlot: 16, endSlot: 34, agents: 20 },
        { startSlot: 25, endSlot: 42, agents: 15 },
        { startSlot: 42, endSlot: 16, agents: 4 },
      ],
    });
    const onDuty = agentsPerSlot((parsed as { shifts: any[] }).shifts);
    expect(onDuty[0]).toBe(4); // 00:00 night shift
    expect(onDuty[16]).toBe(20); // 08:00
    expect(onDuty[24]).toBe(20); // 12:00
    expect(onDuty[25]).toBe(35); // 12:30 both day shifts
    expect(onDuty[34]).toBe(15); // 17:00 the first shift has left
    expect(onDuty[42]).toBe(4); // 21:00
    expect(onDuty.reduce((a, b) => a + b, 0) / 2).toBe(20 * 9 + 15 * 8.5 + 4 * 11); // agent-hours
  });

  it('counts a shift ending at 24:00 to the end of the day', () => {
    const parsed = parseRoster('18:00-24:00*3') as { shifts: any[] };
    expect(agentsPerSlot(parsed.shifts).slice(35, 48)).toEqual([0, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3]);
  });

  it('refuses what it cannot read, naming the part', () => {
    expect(parseRoster('')).toMatchObject({ problem: { en: 'The roster is empty' } });
    expect(parseRoster('08:00-17:00*20, 9点到5点')).toMatchObject({ problem: { part: '9点到5点' } });
    expect(parseRoster('08:15-17:00*2')).toMatchObject({ problem: { part: '08:15-17:00*2' } });
    expect(parseRoster('25:00-26:00*2')).toHaveProperty('problem');
    expect(parseRoster('08:00-08:00*2')).toMatchObject({ problem: { en: expect.stringContaining('no length') } });
  });
});
