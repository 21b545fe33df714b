import { describe, expect, it } from 'vitest';
import { evaluate, stratifiedFolds, stratifiedHoldout } from './evaluate.ts';
import { expectedCalibrationError, fitTemperature, negativeLogLikelihood } from './calibration.ts';

describe('evaluate', () => {
  it('computes accuracy, per-class figures, macro-F1 and the confusion matrix', () => {
    const actual = ['a', 'a', 'a', 'b', 'b', 'c'];
    const predicted = ['a', 'a', 'b', 'b', 'c', 'c'];
    const e = evaluate(actual, predicted);
    expect(e.accuracy).toBeCloseTo(4 / 6, 4);
    expect(e.labels).toEqual(['a', 'b', 'c']);
    expect(e.confusion).toEqual([
      [2, 1, 0],
      [0, 1, 1],
      [0, 0, 1],
    ]);
    const [a, b, c] = e.perClass;
    expect(a).toMatchObject({ precision: 1, recall: 0.6667, support: 3 });
    expect(b).toMatchObject({ precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(c).toMatchObject({ precision: 0.5, recall: 1, f1: 0.6667 });
    expect(e.macroF1).toBeCloseTo((0.8 + 0.5 + 0.6667) / 3, 3);
  });

  it('leaves classes that never occur out of the macro average', () => {
    const e = evaluate(['a', 'b'], ['a', 'b'], ['a', 'b', 'z']);
    expect(e.macroF1).toBe(1);
    expect(e.perClass.find((c) => c.label === 'z')?.support).toBe(0);
  });

  it('rejects lists of different lengths', () => {
    expect(() => evaluate(['a'], [])).toThrow(/length/);
  });
});

describe('stratifiedFolds', () => {
  const labels = [...Array(20).fill('a'), ...Array(10).fill('b'), ...Array(3).fill('c')];

  it('spreads every class over the folds and is reproducible', () => {
    const folds = stratifiedFolds(labels, 5, 1);
    expect([...folds]).toEqual([...stratifiedFolds(labels, 5, 1)]);
    for (let f = 0; f < 5; f++) {
      const inFold = labels.filter((_, i) => folds[i] === f);
      expect(inFold.filter((l) => l === 'a').length).toBe(4);
      expect(inFold.filter((l) => l === 'b').length).toBe(2);
    }
    expect(new Set(labels.map((l, i) => (l === 'c' ? folds[i] : -1)).filter((f) => f >= 0)).size).toBe(3);
  });

  it('refuses fewer than two folds', () => {
    expect(() => stratifiedFolds(labels, 1)).toThrow();
  });
});

describe('stratifiedHoldout', () => {
  it('holds out about the share asked of each class but never a whole class', () => {
    const labels = [...Array(10).fill('a'), 'b'];
    const held = stratifiedHoldout(labels, 0.2, 3);
    expect(held.filter((h, i) => h && labels[i] === 'a').length).toBe(2);
    expect(held[10]).toBe(false);
  });
});

describe('calibration', () => {
  it('cools down an over-confident model', () => {
    // right only 60 % of the time, but with huge margins
    const logits = Array.from({ length: 50 }, () => Float64Array.from([10, 0]));
    const ys = Array.from({ length: 50 }, (_, i) => (i % 5 < 3 ? 0 : 1));
    const t = fitTemperature(logits, ys);
    expect(t).toBeGreaterThan(5);
    expect(negativeLogLikelihood(logits, ys, t)).toBeLessThan(negativeLogLikelihood(logits, ys, 1));
  });

  it('leaves the temperature at 1 when there is too little to fit on', () => {
    expect(fitTemperature([Float64Array.from([1, 0])], [0])).toBe(1);
  });

  it('measures calibration error', () => {
    expect(expectedCalibrationError([0.9, 0.9], [true, false])).toBeCloseTo(0.4, 5);
    expect(expectedCalibrationError([], [])).toBe(0);
  });
});
