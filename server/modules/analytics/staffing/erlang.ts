/**
 * Queueing formulas for staffing the call floor.
 *
 * Erlang C (M/M/N): callers wait without giving up. Traffic A = arrivals × AHT / interval (erlangs).
 *   P(wait) = C(N, A);  service level SL(t) = 1 − C · e^(−(N − A) t / AHT);  ASA = C · AHT / (N − A).
 * Erlang A (M/M/N+M, Palm): callers abandon after an exponential patience with mean `patienceSeconds`.
 *   Solved exactly from its birth–death chain; SL(t) = share of all callers answered within t
 *   (callers who abandon count as not answered), found by uniformisation of the tagged caller's wait.
 */

export interface TrafficInput {
  /** Calls arriving in the interval. */
  calls: number;
  intervalSeconds: number;
  ahtSeconds: number;
}

export const trafficErlangs = (t: TrafficInput) => (t.calls * t.ahtSeconds) / t.intervalSeconds;

/** Erlang B blocking probability, by the stable recursion B(n) = A·B(n−1) / (n + A·B(n−1)). */
export function erlangB(agents: number, traffic: number): number {
  let b = 1;
  for (let n = 1; n <= agents; n++) b = (traffic * b) / (n + traffic * b);
  return b;
}

/** Erlang C: probability an arriving call waits; 1 when the floor cannot keep up (N ≤ A). */
export function erlangC(agents: number, traffic: number): number {
  if (traffic <= 0) return 0;
  if (agents <= traffic) return 1;
  const b = erlangB(agents, traffic);
  return (agents * b) / (agents - traffic * (1 - b));
}

export interface QueueFigures {
  agents: number;
  trafficErlangs: number;
  /** Probability a call has to wait at all. */
  probabilityWait: number;
  /** Share of all calls answered within the target time. */
  serviceLevel: number;
  /** Average speed of answer, seconds (answered and waiting calls). */
  averageSpeedOfAnswer: number;
  /** Share of calls that hang up before being answered (0 in Erlang C). */
  abandonRate: number;
  occupancy: number;
}

export function erlangCFigures(agents: number, input: TrafficInput, targetSeconds: number): QueueFigures {
  const a = trafficErlangs(input);
  if (agents <= a && a > 0) {
    return { agents, trafficErlangs: a, probabilityWait: 1, serviceLevel: 0, averageSpeedOfAnswer: Infinity, abandonRate: 0, occupancy: 1 };
  }
  const c = erlangC(agents, a);
  const aht = input.ahtSeconds;
  return {
    agents,
    trafficErlangs: a,
    probabilityWait: c,
    serviceLevel: a === 0 ? 1 : 1 - c * Math.exp((-(agents - a) * targetSeconds) / aht),
    averageSpeedOfAnswer: a === 0 ? 0 : (c * aht) / (agents - a),
    abandonRate: 0,
    occupancy: agents > 0 ? a / agents : 0,
  };
}

/** Stationary distribution of the Erlang A chain (number of callers in the system), truncated where negligible. */
export function erlangADistribution(agents: number, lambda: number, mu: number, theta: number): number[] {
  const logs = [0];
  let n = 0;
  let maxLog = 0;
  const limit = agents + 100_000;
  while (n < limit) {
    n++;
    const rate = Math.min(n, agents) * mu + Math.max(0, n - agents) * theta;
    if (rate <= 0) throw new RangeError('Erlang A needs agents > 0 or patience');
    const next = logs[n - 1] + Math.log(lambda / rate);
    logs.push(next);
    maxLog = Math.max(maxLog, next);
    // past the mode and 40 nats below it: the rest of the tail is negligible
    if (n > agents && lambda < rate && next < maxLog - 40) break;
  }
  const weights = logs.map((l) => Math.exp(l - maxLog));
  const total = weights.reduce((s, w) => s + w, 0);
  return weights.map((w) => w / total);
}

export function erlangAFigures(agents: number, input: TrafficInput, targetSeconds: number, patienceSeconds: number): QueueFigures {
  const lambda = input.calls / input.intervalSeconds;
  const mu = 1 / input.ahtSeconds;
  const theta = 1 / patienceSeconds;
  const a = lambda / mu;
  if (lambda === 0)
    return { agents, trafficErlangs: 0, probabilityWait: 0, serviceLevel: 1, averageSpeedOfAnswer: 0, abandonRate: 0, occupancy: 0 };
  const pi = erlangADistribution(agents, lambda, mu, theta);
  let pWait = 0;
  let queue = 0;
  let busy = 0;
  for (let n = 0; n < pi.length; n++) {
    if (n >= agents) pWait += pi[n];
    queue += Math.max(0, n - agents) * pi[n];
    busy += Math.min(n, agents) * pi[n];
  }
  const abandonRate = (theta * queue) / lambda;
  const waiting = pi.slice(agents);
  return {
    agents,
    trafficErlangs: a,
    probabilityWait: pWait,
    serviceLevel: 1 - pWait + servedWithin(waiting, agents * mu, theta, targetSeconds),
    // Little's law over the queue: mean wait of all callers
    averageSpeedOfAnswer: queue / lambda,
    abandonRate,
    occupancy: agents > 0 ? busy / agents : 0,
  };
}

/**
 * Probability mass of callers who arrive to find j = 0, 1, … others queued (weights[j]) and are
 * answered within t: each waits through stages with rate nμ + iθ (i = j … 0) while their own
 * patience (rate θ) runs; computed by uniformisation.
 */
function servedWithin(weights: number[], serviceRate: number, theta: number, t: number): number {
  if (t <= 0 || weights.length === 0) return 0;
  const k = weights.length - 1;
  const lambdaU = serviceRate + k * theta + theta;
  let v = weights.slice();
  let served = 0;
  const mean = lambdaU * t;
  // Poisson(mean) weights computed iteratively in log space
  let logP = -mean;
  let total = 0;
  const maxSteps = Math.ceil(mean + 12 * Math.sqrt(mean) + 30);
  for (let step = 0; step <= maxSteps; step++) {
    total += Math.exp(logP) * served;
    const next = new Array<number>(v.length).fill(0);
    for (let j = 0; j < v.length; j++) {
      if (v[j] === 0) continue;
      const down = (serviceRate + j * theta) / lambdaU;
      const stay = 1 - down - theta / lambdaU;
      next[j] += v[j] * stay;
      if (j === 0) served += v[j] * down;
      else next[j - 1] += v[j] * down;
    }
    v = next;
    logP += Math.log(mean) - Math.log(step + 1);
  }
  return total;
}

export interface StaffingTarget {
  /** Share of calls to answer within targetSeconds, e.g. 0.8. */
  serviceLevel: number;
  targetSeconds: number;
  /** When known, use Erlang A with this mean patience; otherwise Erlang C. */
  patienceSeconds?: number | null;
}

/** The fewest agents that meet the target, with the figures they achieve. */
export function requiredAgents(input: TrafficInput, target: StaffingTarget): QueueFigures {
  const a = trafficErlangs(input);
  const figures = (n: number) =>
    target.patienceSeconds
      ? erlangAFigures(n, input, target.targetSeconds, target.patienceSeconds)
      : erlangCFigures(n, input, target.targetSeconds);
  if (a === 0) return figures(0);
  let n = target.patienceSeconds ? Math.max(1, Math.floor(a * 0.5)) : Math.floor(a) + 1;
  // service level grows with agents: from a start that already meets the target, step down to the fewest
  if (target.patienceSeconds) while (n > 1 && figures(n - 1).serviceLevel >= target.serviceLevel) n--;
  const cap = Math.ceil(a) + 10_000;
  for (; n < cap; n++) {
    const f = figures(n);
    if (f.serviceLevel >= target.serviceLevel) return f;
  }
  throw new RangeError('service level not reachable');
}
