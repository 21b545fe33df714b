import { describe, expect, it } from 'vitest';
import { featureContributions, logits, softmaxInPlace, trainSoftmax } from './classifier.ts';
import type { SparseVector } from '../text/features.ts';
import { seededRandom } from '../../../lib/random.ts';

const vec = (pairs: [number, number][]): SparseVector => ({
  indices: Int32Array.from(pairs.map((p) => p[0])),
  values: Float32Array.from(pairs.map((p) => p[1])),
});

/** Class k lights up features 3k..3k+2, plus shared noise on feature 9. */
function toyData(n: number, seed: number) {
  const random = seededRandom(seed);
  const xs: SparseVector[] = [];
  const ys: number[] = [];
  for (let i = 0; i < n; i++) {
    const k = i % 3;
    xs.push(
      vec([
        [3 * k + Math.floor(random() * 3), 0.9],
        [9, 0.3],
      ]),
    );
    ys.push(k);
  }
  return { xs, ys: Int32Array.from(ys) };
}

const options = { epochs: 20, lambda: 1e-4, learningRate: 0.5, decay: 0.1, seed: 7, maxUpdates: 1e6, minEpochs: 1 };

describe('trainSoftmax', () => {
  it('learns a separable problem', () => {
    const { xs, ys } = toyData(90, 1);
    const model = trainSoftmax(xs, ys, 10, 3, options);
    const test = toyData(30, 2);
    test.xs.forEach((x, i) => {
      const p = logits(model, x);
      expect(p.indexOf(Math.max(...p))).toBe(test.ys[i]);
    });
  });

  it('gives identical weights for the same seed and different ones for another', () => {
    const { xs, ys } = toyData(60, 1);
    const a = trainSoftmax(xs, ys, 10, 3, options);
    const b = trainSoftmax(xs, ys, 10, 3, options);
    const c = trainSoftmax(xs, ys, 10, 3, { ...options, seed: 8 });
    expect([...a.weights]).toEqual([...b.weights]);
    expect([...a.weights]).not.toEqual([...c.weights]);
  });

  it('shrinks weights harder with a stronger L2 penalty', () => {
    const { xs, ys } = toyData(60, 1);
    const norm = (w: Float32Array) => Math.sqrt(w.reduce((s, x) => s + x * x, 0));
    const weak = trainSoftmax(xs, ys, 10, 3, { ...options, lambda: 1e-5 });
    const strong = trainSoftmax(xs, ys, 10, 3, { ...options, lambda: 1e-1 });
    expect(norm(strong.weights)).toBeLessThan(norm(weak.weights) / 2);
  });

  it('reports a falling training loss', () => {
    const { xs, ys } = toyData(60, 1);
    const losses: number[] = [];
    trainSoftmax(xs, ys, 10, 3, { ...options, onEpoch: (_, loss) => losses.push(loss) });
    expect(losses).toHaveLength(20);
    expect(losses[19]).toBeLessThan(losses[0]);
  });

  it('names the features that pushed a class up', () => {
    const { xs, ys } = toyData(90, 1);
    const model = trainSoftmax(xs, ys, 10, 3, options);
    const top = featureContributions(
      model,
      vec([
        [4, 0.9],
        [9, 0.3],
      ]),
      1,
    )[0];
    expect(top.feature).toBe(4);
    expect(top.weight).toBeGreaterThan(0);
  });
});

describe('softmaxInPlace', () => {
  it('gives probabilities that sum to one, flatter at a higher temperature', () => {
    const cold = Float64Array.from([2, 1, 0]);
    const hot = Float64Array.from([2, 1, 0]);
    softmaxInPlace(cold);
    softmaxInPlace(hot, 5);
    expect(cold.reduce((a, b) => a + b)).toBeCloseTo(1, 10);
    expect(hot[0]).toBeLessThan(cold[0]);
    const huge = Float64Array.from([1000, 0]);
    softmaxInPlace(huge);
    expect(huge[0]).toBeCloseTo(1, 10);
  });
});

describe('trainSoftmax on many examples', () => {
  it('stops after maxUpdates / n epochs, but not before minEpochs', () => {
    const { xs, ys } = toyData(300, 1);
    const epochs: number[] = [];
    trainSoftmax(xs, ys, 10, 3, { ...options, maxUpdates: 900, minEpochs: 2, onEpoch: (e) => epochs.push(e) });
    expect(epochs).toEqual([0, 1, 2]);
    const few: number[] = [];
    trainSoftmax(xs, ys, 10, 3, { ...options, maxUpdates: 10, minEpochs: 2, onEpoch: (e) => few.push(e) });
    expect(few).toEqual([0, 1]);
  });
});
