/**
 * Multinomial logistic regression (softmax) on sparse vectors, trained by SGD with exact L2
 * regularisation (weights kept as scale × W so a step only touches the example's features).
 * Weights are feature-major (w[f * K + k]) so a sparse dot product reads contiguous memory.
 * Deterministic for a given seed. Pure.
 */
import type { SparseVector } from '../text/features.ts';
import { seededRandom, shuffleInPlace } from '../../../lib/random.ts';

export interface SoftmaxModel {
  numFeatures: number;
  numClasses: number;
  weights: Float32Array;
  bias: Float32Array;
}

export interface SoftmaxTrainOptions {
  epochs: number;
  /** L2 strength per example. */
  lambda: number;
  learningRate: number;
  /** Learning rate is learningRate / (1 + decay × epoch). */
  decay: number;
  seed: number;
  /**
   * Cap on example updates: large training sets stop after max(minEpochs, maxUpdates / n) epochs,
   * since SGD on many examples converges in fewer passes (keeps 100,000 orders well under a minute).
   */
  maxUpdates: number;
  minEpochs: number;
  /** Per-class loss weights (e.g. balanced); 1 when absent. */
  classWeights?: Float32Array;
  onEpoch?: (epoch: number, meanLoss: number) => void;
}

export const DEFAULT_SOFTMAX_OPTIONS: SoftmaxTrainOptions = {
  epochs: 30,
  lambda: 1e-3,
  learningRate: 0.5,
  decay: 0.2,
  seed: 42,
  maxUpdates: 200_000,
  minEpochs: 3,
};

export function trainSoftmax(
  xs: SparseVector[],
  ys: Int32Array,
  numFeatures: number,
  numClasses: number,
  options: SoftmaxTrainOptions,
): SoftmaxModel {
  const K = numClasses;
  const w = new Float32Array(numFeatures * K);
  const bias = new Float32Array(K);
  const scores = new Float64Array(K);
  const order = new Int32Array(xs.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  const random = seededRandom(options.seed);
  let scale = 1;

  const epochs = Math.min(options.epochs, Math.max(options.minEpochs, Math.ceil(options.maxUpdates / Math.max(1, xs.length))));
  const gradient = new Float64Array(K);
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffleInPlace(order, random);
    const eta = options.learningRate / (1 + options.decay * epoch);
    const shrink = 1 - eta * options.lambda;
    let loss = 0;
    for (let o = 0; o < order.length; o++) {
      const i = order[o];
      const x = xs[i];
      const y = ys[i];
      computeScores(w, bias, scale, K, x, scores);
      softmaxInPlace(scores);
      loss -= Math.log(Math.max(scores[y], 1e-12));
      const cw = options.classWeights ? options.classWeights[y] : 1;
      scale *= shrink;
      if (scale < 1e-6) {
        for (let j = 0; j < w.length; j++) w[j] *= scale;
        scale = 1;
      }
      const step = (eta * cw) / scale;
      let largest = 0;
      for (let k = 0; k < K; k++) {
        const g = scores[k] - (k === y ? 1 : 0);
        bias[k] -= eta * cw * g;
        gradient[k] = step * g;
        if (Math.abs(g) > largest) largest = Math.abs(g);
      }
      // an example the model already gets right with near certainty would move nothing: skip the sparse update
      if (largest < 1e-3) continue;
      const indices = x.indices;
      const values = x.values;
      for (let n = 0; n < indices.length; n++) {
        const base = indices[n] * K;
        const v = values[n];
        for (let k = 0; k < K; k++) w[base + k] -= gradient[k] * v;
      }
    }
    options.onEpoch?.(epoch, loss / Math.max(1, order.length));
  }
  if (scale !== 1) for (let j = 0; j < w.length; j++) w[j] *= scale;
  return { numFeatures, numClasses: K, weights: w, bias };
}

function computeScores(w: Float32Array, bias: Float32Array, scale: number, K: number, x: SparseVector, out: Float64Array) {
  for (let k = 0; k < K; k++) out[k] = 0;
  for (let n = 0; n < x.indices.length; n++) {
    const base = x.indices[n] * K;
    const v = x.values[n];
    for (let k = 0; k < K; k++) out[k] += w[base + k] * v;
  }
  for (let k = 0; k < K; k++) out[k] = out[k] * scale + bias[k];
}

/** Turns scores into probabilities in place; returns log of the partition function. */
export function softmaxInPlace(scores: Float64Array, temperature = 1): number {
  let max = -Infinity;
  for (let k = 0; k < scores.length; k++) if (scores[k] > max) max = scores[k];
  let sum = 0;
  for (let k = 0; k < scores.length; k++) {
    scores[k] = Math.exp((scores[k] - max) / temperature);
    sum += scores[k];
  }
  for (let k = 0; k < scores.length; k++) scores[k] /= sum;
  return max / temperature + Math.log(sum);
}

/** Raw class scores (logits) of one vector. */
export function logits(model: SoftmaxModel, x: SparseVector): Float64Array {
  const out = new Float64Array(model.numClasses);
  computeScores(model.weights, model.bias, 1, model.numClasses, x, out);
  return out;
}

/** How much each feature of `x` pushed class k above the average class: (w[f,k] − mean_j w[f,j]) × x_f. */
export function featureContributions(model: SoftmaxModel, x: SparseVector, k: number): Array<{ feature: number; weight: number }> {
  const K = model.numClasses;
  const out: Array<{ feature: number; weight: number }> = [];
  for (let n = 0; n < x.indices.length; n++) {
    const base = x.indices[n] * K;
    let mean = 0;
    for (let j = 0; j < K; j++) mean += model.weights[base + j];
    mean /= K;
    out.push({ feature: x.indices[n], weight: (model.weights[base + k] - mean) * x.values[n] });
  }
  return out.sort((a, b) => b.weight - a.weight || a.feature - b.feature);
}
