import { describe, expect, it } from 'vitest';
import { logits } from './classifier.ts';
import type { SparseVector } from '../text/features.ts';
import { DEFAULT_SVM_OPTIONS, trainLinearSvm } from './linear-svm.ts';
import { seededRandom } from '../../../lib/random.ts';
import { blendModels, fitCounts, DEFAULT_TEXT_CLASSIFIER_OPTIONS, countAll, predictText, trainTextClassifier } from './text-classifier.ts';
import { buildMessages } from '../insight.fixtures.ts';
import { vectorize } from '../text/vectorizer.ts';

const vec = (pairs: [number, number][]): SparseVector => ({
  indices: Int32Array.from(pairs.map((p) => p[0])),
  values: Float32Array.from(pairs.map((p) => p[1])),
});

/** Class k lights up features 3k..3k+2, plus shared noise on feature 9; `sizes` examples per class. */
function toyData(sizes: number[], seed: number) {
  const random = seededRandom(seed);
  const xs: SparseVector[] = [];
  const ys: number[] = [];
  sizes.forEach((n, k) => {
    for (let i = 0; i < n; i++) {
      xs.push(
        vec([
          [3 * k + Math.floor(random() * 3), 0.9],
          [9, 0.3 + 0.1 * random()],
        ]),
      );
      ys.push(k);
    }
  });
  return { xs, ys: Int32Array.from(ys) };
}
const argmax = (z: Float64Array) => z.indexOf(Math.max(...z));

describe('trainLinearSvm', () => {
  it('learns a separable problem, with and without naive-Bayes scaling', () => {
    const { xs, ys } = toyData([30, 30, 30], 1);
    const test = toyData([10, 10, 10], 2);
    for (const nbSmoothing of [0, 1]) {
      const model = trainLinearSvm(xs, ys, 10, 3, { ...DEFAULT_SVM_OPTIONS, nbSmoothing });
      expect(test.xs.map((x) => argmax(logits(model, x)))).toEqual([...test.ys]);
    }
  });

  it('gives positive margins to its own class and negative ones to the rest', () => {
    const { xs, ys } = toyData([20, 20, 20], 3);
    const model = trainLinearSvm(xs, ys, 10, 3, DEFAULT_SVM_OPTIONS);
    const z = logits(
      model,
      vec([
        [4, 0.9],
        [9, 0.3],
      ]),
    );
    expect(z[1]).toBeGreaterThan(0.5);
    expect(z[0]).toBeLessThan(-0.5);
    expect(z[2]).toBeLessThan(-0.5);
  });

  it('is deterministic for a seed', () => {
    const { xs, ys } = toyData([20, 20, 20], 1);
    const a = trainLinearSvm(xs, ys, 10, 3, DEFAULT_SVM_OPTIONS);
    const b = trainLinearSvm(xs, ys, 10, 3, DEFAULT_SVM_OPTIONS);
    expect([...a.weights]).toEqual([...b.weights]);
    expect([...a.bias]).toEqual([...b.bias]);
  });

  it('reaches the same solution with an update cap as without, when the cap is not hit', () => {
    const { xs, ys } = toyData([20, 20, 20], 1);
    const free = trainLinearSvm(xs, ys, 10, 3, { ...DEFAULT_SVM_OPTIONS, tolerance: 1e-6, maxPasses: 1000, maxUpdates: 1e9 });
    const capped = trainLinearSvm(xs, ys, 10, 3, { ...DEFAULT_SVM_OPTIONS, tolerance: 1e-6, maxPasses: 1000, maxUpdates: 1e7 });
    free.weights.forEach((w, i) => expect(capped.weights[i]).toBeCloseTo(w, 4));
  });

  it('stops early on many examples when the update cap is reached', () => {
    const { xs, ys } = toyData([2000, 2000, 2000], 4);
    const started = performance.now();
    const model = trainLinearSvm(xs, ys, 10, 3, { ...DEFAULT_SVM_OPTIONS, tolerance: 0, maxUpdates: 6000 });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(
      argmax(
        logits(
          model,
          vec([
            [7, 0.9],
            [9, 0.3],
          ]),
        ),
      ),
    ).toBe(2);
  });

  it('weighs a small class up when asked, moving its boundary outwards', () => {
    const { xs, ys } = toyData([60, 60, 6], 5);
    // a shared, ambiguous point between class 0 and the small class 2
    const between = vec([
      [0, 0.6],
      [6, 0.6],
      [9, 0.3],
    ]);
    const plain = logits(trainLinearSvm(xs, ys, 10, 3, DEFAULT_SVM_OPTIONS), between);
    const weighted = logits(
      trainLinearSvm(xs, ys, 10, 3, { ...DEFAULT_SVM_OPTIONS, classWeights: Float32Array.from([1, 1, 10]) }),
      between,
    );
    expect(weighted[2] - weighted[0]).toBeGreaterThan(plain[2] - plain[0]);
  });

  it('treats an example weighted 2 as two copies of it (squared hinge: the same objective)', () => {
    const { xs, ys } = toyData([20, 20, 20], 6);
    const options = { ...DEFAULT_SVM_OPTIONS, tolerance: 1e-4, maxPasses: 2000 };
    const weighted = trainLinearSvm(xs, ys, 10, 3, { ...options, exampleWeights: Float32Array.from(xs, (_, i) => (i < 5 ? 2 : 1)) });
    const copied = trainLinearSvm([...xs.slice(0, 5), ...xs], Int32Array.from([...ys.slice(0, 5), ...ys]), 10, 3, options);
    for (let i = 0; i < weighted.weights.length; i++) expect(weighted.weights[i]).toBeCloseTo(copied.weights[i], 2);
    for (let k = 0; k < 3; k++) expect(weighted.bias[k]).toBeCloseTo(copied.bias[k], 2);
  });
});

describe('blendModels', () => {
  it('adds the models’ logits, each scaled to unit spread, into one linear model', () => {
    const { xs, ys } = toyData([20, 20, 20], 1);
    const a = trainLinearSvm(xs, ys, 10, 3, DEFAULT_SVM_OPTIONS);
    const b = { ...a, weights: a.weights.map((w) => w * 10), bias: a.bias.map((w) => w * 10) };
    const blended = blendModels([a, b], xs);
    const single = blendModels([a], xs);
    // b is a scaled by 10: after scaling to unit spread both count the same
    const x = xs[5];
    logits(blended, x).forEach((z, k) => expect(z).toBeCloseTo(2 * logits(single, x)[k], 4));
    const spread = Math.sqrt(
      xs.reduce((s, v) => {
        const z = logits(single, v);
        const m = (z[0] + z[1] + z[2]) / 3;
        return s + z.reduce((q, y) => q + (y - m) ** 2, 0);
      }, 0) /
        (xs.length * 3),
    );
    expect(spread).toBeCloseTo(1, 4);
  });
});

describe('text classifier learners', () => {
  const messages = buildMessages(15, 3).map((m) => ({ title: m.title, body: m.body, label: m.category }));
  const test = buildMessages(5, 99);

  it('trains each learner to a useful model and defaults to the SVM blend', () => {
    expect(DEFAULT_TEXT_CLASSIFIER_OPTIONS.learner).toBe('svm+nbsvm');
    for (const learner of ['softmax', 'svm', 'svm+nbsvm'] as const) {
      const { classifier, report } = trainTextClassifier(messages, { learner });
      expect(report.holdout!.accuracy).toBeGreaterThan(0.8);
      const right = test.filter((m) => predictText(classifier, m).top[0]?.label === m.category).length;
      expect(right / test.length).toBeGreaterThan(0.8);
    }
  });

  it('treats a model saved before learners existed as softmax', () => {
    const options = { ...DEFAULT_TEXT_CLASSIFIER_OPTIONS, learner: undefined };
    const counts = countAll(messages, options.features);
    const labels = messages.map((m) => m.label);
    const old = fitCounts(counts, labels, [...new Set(labels)].sort(), options);
    const softmax = fitCounts(counts, labels, [...new Set(labels)].sort(), { ...options, learner: 'softmax' });
    expect([...old.model.weights]).toEqual([...softmax.model.weights]);
    expect(vectorize(old.vectorizer, counts[0]).indices.length).toBeGreaterThan(0);
  });
});
