import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { agentsOption, formatShare, halfHourLabel, halfHourOption, rateLevel, signedIn } from './wallboardModel.ts';

const t = ((key: string) => key) as unknown as TFunction;
const agents = { ready: 3, ringing: 1, talking: 5, wrap_up: 2, break: 1, signed_out: 7 };

describe('wallboard figures', () => {
  it('formats shares and judges them against 95 %', () => {
    expect(formatShare(0.9523)).toBe('95.2%');
    expect(formatShare(null)).toBe('—');
    expect(rateLevel(0.96)).toBe('good');
    expect(rateLevel(0.95)).toBe('good');
    expect(rateLevel(0.91)).toBe('warning');
    expect(rateLevel(0.5)).toBe('bad');
    expect(rateLevel(null)).toBe('none');
  });

  it('counts signed-in agents without those signed out', () => {
    expect(signedIn(agents)).toBe(12);
  });

  it('labels half hours in Beijing time', () => {
    expect(halfHourLabel('2026-12-06T01:30:00.000Z')).toBe('09:30');
    expect(halfHourLabel('2026-12-06T09:30:00+08:00')).toBe('09:30');
  });
});

describe('halfHourOption', () => {
  const halfHours = [
    { start: '2026-12-06T00:00:00Z', offered: 12, answered: 11, plannedAgents: 4 },
    { start: '2026-12-06T00:30:00Z', offered: 20, answered: 17, plannedAgents: 6 },
  ];

  it('draws offered and answered bars and the staffing plan on its own axis', () => {
    const option = halfHourOption(t, halfHours);
    expect(option.xAxis.data).toEqual(['08:00', '08:30']);
    expect(option.series.map((s) => s.name)).toEqual(['phone.wall.offered', 'phone.wall.answered', 'phone.wall.plannedAgents']);
    expect(option.series[0].data).toEqual([12, 20]);
    expect(option.series[1].data).toEqual([11, 17]);
    expect(option.series[2]).toMatchObject({ yAxisIndex: 1, data: [4, 6] });
    expect(option.yAxis).toHaveLength(2);
  });

  it('leaves the plan out when there is none', () => {
    const option = halfHourOption(
      t,
      halfHours.map((h) => ({ ...h, plannedAgents: null })),
    );
    expect(option.series).toHaveLength(2);
    expect(option.yAxis).toHaveLength(1);
  });
});

describe('agentsOption', () => {
  it('has one bar per signed-in state with its count', () => {
    const option = agentsOption(t, agents);
    expect(option.yAxis.data).toEqual([
      'phone.state.ready',
      'phone.state.ringing',
      'phone.state.talking',
      'phone.state.wrap_up',
      'phone.state.break',
    ]);
    expect(option.series[0].data.map((d) => d.value)).toEqual([3, 1, 5, 2, 1]);
  });
});
