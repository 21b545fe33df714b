import { describe, expect, it } from 'vitest';
import { erlangAFigures, erlangB, erlangC, erlangCFigures, requiredAgents, trafficErlangs } from './erlang.ts';

// The classic worked example: 100 calls in 30 minutes, AHT 180 s (10 erlangs), target 80 % in 20 s.
const example = { calls: 100, intervalSeconds: 1800, ahtSeconds: 180 };

/** P(X ≥ n) for X ~ Poisson(a). */
const poissonTail = (a: number, n: number) => {
  let p = Math.exp(-a);
  let cdf = 0;
  for (let k = 0; k < n; k++) {
    cdf += p;
    p *= a / (k + 1);
  }
  return 1 - cdf;
};

describe('Erlang C', () => {
  it('matches published Erlang B and C table values', () => {
    expect(erlangB(10, 10)).toBeCloseTo(0.2146, 4);
    expect(erlangB(5, 2)).toBeCloseTo(0.0367, 4);
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 12);
    expect(erlangC(3, 2)).toBeCloseTo(4 / 9, 12);
    expect(erlangC(11, 10)).toBeCloseTo(0.6821, 4);
    expect(erlangC(12, 10)).toBeCloseTo(0.4494, 4);
    expect(erlangC(13, 10)).toBeCloseTo(0.2853, 4);
    expect(erlangC(14, 10)).toBeCloseTo(0.1741, 4);
    expect(erlangC(10, 10)).toBe(1);
  });

  it('gives the published service level and speed of answer', () => {
    expect(trafficErlangs(example)).toBe(10);
    const rows = [11, 12, 13, 14, 15].map((n) => erlangCFigures(n, example, 20));
    expect(rows.map((r) => Number(r.serviceLevel.toFixed(4)))).toEqual([0.3896, 0.6402, 0.7956, 0.8884, 0.9415]);
    expect(rows[0].averageSpeedOfAnswer).toBeCloseTo(122.8, 1);
    expect(rows[3].averageSpeedOfAnswer).toBeCloseTo(7.8, 1);
    expect(rows[3].occupancy).toBeCloseTo(10 / 14, 12);
  });

  it('staffs the smallest floor meeting the target', () => {
    expect(requiredAgents(example, { serviceLevel: 0.8, targetSeconds: 20 }).agents).toBe(14);
    expect(requiredAgents(example, { serviceLevel: 0.9, targetSeconds: 20 }).agents).toBe(15);
    expect(requiredAgents({ ...example, calls: 0 }, { serviceLevel: 0.8, targetSeconds: 20 }).agents).toBe(0);
  });
});

describe('Erlang A', () => {
  it('becomes Erlang C when callers never give up', () => {
    for (const n of [11, 12, 14]) {
      const a = erlangAFigures(n, example, 20, 1e9);
      const c = erlangCFigures(n, example, 20);
      expect(a.probabilityWait).toBeCloseTo(c.probabilityWait, 5);
      expect(a.serviceLevel).toBeCloseTo(c.serviceLevel, 5);
    }
  });

  it('is the infinite-server queue when patience equals the handling time', () => {
    // with θ = μ every caller in the system leaves at rate μ: the number present is Poisson(A)
    for (const n of [8, 10, 12]) {
      expect(erlangAFigures(n, example, 20, 180).probabilityWait).toBeCloseTo(poissonTail(10, n), 10);
    }
  });

  it('needs fewer agents than Erlang C when callers abandon, and reports the abandonment', () => {
    const f = requiredAgents(example, { serviceLevel: 0.8, targetSeconds: 20, patienceSeconds: 120 });
    expect(f.agents).toBe(12);
    expect(f.serviceLevel).toBeGreaterThanOrEqual(0.8);
    expect(f.abandonRate).toBeGreaterThan(0.05);
    expect(f.abandonRate).toBeLessThan(0.07);
    expect(erlangAFigures(11, example, 20, 120).serviceLevel).toBeLessThan(0.8);
  });
});
