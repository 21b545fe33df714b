/**
 * One-vs-rest linear support vector machines on sparse vectors, trained by dual coordinate
 * descent (Hsieh et al. 2008, the method of LIBLINEAR's default solver) with the squared hinge
 * loss and an unregularised-in-practice bias feature (value 1, as LIBLINEAR's -B 1). The result
 * has the same shape as the softmax model (feature-major weights, one column per class), so the
 * two can be blended into one linear model and predicted with the same code. Deterministic. Pure.
 */
import type { SparseVector } from '../text/features.ts';
import type { SoftmaxModel } from './classifier.ts';
import { seededRandom, shuffleInPlace } from '../../../lib/random.ts';

export interface SvmTrainOptions {
  /** Cost of a margin violation; LIBLINEAR's default 1 suits L2-normalised TF-IDF vectors. */
  c: number;
  /** Most passes over the data per class. */
  maxPasses: number;
  /** Stop a class when the projected gradient's spread falls below this (LIBLINEAR's 0.1). */
  tolerance: number;
  /**
   * Cap on coordinate updates (examples visited) over all classes, shared equally, but each class
   * gets at least one full pass: bounds training time on large sets and on many classes.
   */
  maxUpdates: number;
  seed: number;
  /** Per-class multipliers of c (e.g. balanced), by the example's own class; 1 when absent. */
  classWeights?: Float32Array;
  /** Per-example multipliers of c, above 0 (e.g. below 1 for weakly labelled examples); 1 when absent. */
  exampleWeights?: Float32Array;
  /**
   * NB-SVM (Wang & Manning 2012): each class's SVM sees the features scaled by their naive-Bayes
   * log-count ratio (class vs the rest, on feature presence with add-`nbSmoothing`), which lets
   * a few hundred examples say which words matter before the margin is fitted. 0 turns it off.
   */
  nbSmoothing?: number;
}

export const DEFAULT_SVM_OPTIONS: SvmTrainOptions = { c: 1, maxPasses: 50, tolerance: 0.1, maxUpdates: 1_400_000, seed: 42 };

export function trainLinearSvm(
  xs: SparseVector[],
  ys: Int32Array,
  numFeatures: number,
  numClasses: number,
  options: SvmTrainOptions,
): SoftmaxModel {
  const K = numClasses;
  const n = xs.length;
  const weights = new Float32Array(numFeatures * K);
  const bias = new Float32Array(K);
  // the examples flattened into one array each (better memory locality than one object per example)
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i] + xs[i].indices.length;
  const indices = new Int32Array(offsets[n]);
  const raw = new Float32Array(offsets[n]);
  for (let i = 0; i < n; i++) {
    indices.set(xs[i].indices, offsets[i]);
    raw.set(xs[i].values, offsets[i]);
  }
  const smoothing = options.nbSmoothing ?? 0;
  // with naive-Bayes scaling, each class sees its own copy of the values
  const values = smoothing > 0 ? new Float32Array(raw.length) : raw;
  const w = new Float64Array(numFeatures);
  const alpha = new Float64Array(n);
  const squaredNorm = new Float64Array(n);
  const order = new Int32Array(n);
  const ratio = new Float64Array(numFeatures);
  // documents containing each feature, in all and per class (counted once, not once per class)
  const documentFrequency = new Float64Array(numFeatures);
  const membersOf: number[][] = Array.from({ length: K }, () => []);
  for (let i = 0; i < n; i++) {
    membersOf[ys[i]]?.push(i);
    for (let j = offsets[i]; j < offsets[i + 1]; j++) documentFrequency[indices[j]]++;
  }
  const inClass = new Float64Array(numFeatures);
  let totalFrequency = 0;
  for (let f = 0; f < numFeatures; f++) totalFrequency += documentFrequency[f];

  const budget = Math.max(n, Math.floor(options.maxUpdates / Math.max(1, K)));
  for (let k = 0; k < K; k++) {
    const random = seededRandom(options.seed + k);
    for (let i = 0; i < n; i++) order[i] = i;
    w.fill(0);
    alpha.fill(0);
    let b = 0;
    if (smoothing > 0) {
      inClass.fill(0);
      let classFrequency = 0;
      for (const i of membersOf[k]) {
        for (let j = offsets[i]; j < offsets[i + 1]; j++) inClass[indices[j]]++;
        classFrequency += offsets[i + 1] - offsets[i];
      }
      const sumClass = classFrequency + smoothing * numFeatures;
      const sumRest = totalFrequency - classFrequency + smoothing * numFeatures;
      for (let f = 0; f < numFeatures; f++) {
        ratio[f] = Math.log((inClass[f] + smoothing) / sumClass) - Math.log((documentFrequency[f] - inClass[f] + smoothing) / sumRest);
      }
      for (let j = 0; j < raw.length; j++) values[j] = raw[j] * ratio[indices[j]];
    }
    for (let i = 0; i < n; i++) {
      let s = 1; // the bias feature
      for (let j = offsets[i]; j < offsets[i + 1]; j++) s += values[j] * values[j];
      squaredNorm[i] = s;
    }
    // LIBLINEAR's shrinking: an example at alpha = 0 whose gradient exceeds last pass's largest
    // projected gradient is left out until the reduced problem converges, then all are checked again
    let active = n;
    let largestBefore = Infinity;
    let updates = 0;
    for (let pass = 0; pass < options.maxPasses; pass++) {
      shuffleInPlace(order.subarray(0, active), random);
      let largest = -Infinity;
      let smallest = Infinity;
      for (let o = 0; o < active; o++) {
        const i = order[o];
        const y = ys[i] === k ? 1 : -1;
        const c =
          options.c * (options.classWeights ? options.classWeights[ys[i]] : 1) * (options.exampleWeights ? options.exampleWeights[i] : 1);
        // squared hinge: no upper bound on alpha, a diagonal 1 / (2C) instead
        const diagonal = 0.5 / c;
        const from = offsets[i];
        const to = offsets[i + 1];
        let margin = b;
        for (let j = from; j < to; j++) margin += w[indices[j]] * values[j];
        const gradient = y * margin - 1 + diagonal * alpha[i];
        let projected = gradient;
        if (alpha[i] === 0) {
          if (gradient > largestBefore) {
            active--;
            order[o] = order[active];
            order[active] = i;
            o--;
            continue;
          }
          if (gradient > 0) projected = 0;
        }
        if (projected > largest) largest = projected;
        if (projected < smallest) smallest = projected;
        if (Math.abs(projected) < 1e-12) continue;
        const old = alpha[i];
        alpha[i] = Math.max(old - gradient / (squaredNorm[i] + diagonal), 0);
        const step = (alpha[i] - old) * y;
        if (step === 0) continue;
        for (let j = from; j < to; j++) w[indices[j]] += step * values[j];
        b += step;
      }
      updates += active;
      const isConverged = largest - smallest < options.tolerance;
      if (isConverged && active === n) break;
      if (updates >= budget) break;
      if (isConverged) {
        active = n;
        largestBefore = Infinity;
      } else {
        largestBefore = largest > 0 ? largest : Infinity;
      }
    }
    // the SVM saw values × ratio: folding the ratio into the weights makes it a model of the raw vectors
    for (let f = 0; f < numFeatures; f++) weights[f * K + k] = smoothing > 0 ? w[f] * ratio[f] : w[f];
    bias[k] = b;
  }
  return { numFeatures, numClasses: K, weights, bias };
}
