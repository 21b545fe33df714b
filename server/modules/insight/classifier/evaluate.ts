/** Classification metrics and stratified splits. Pure. */
import { seededRandom, shuffleInPlace } from '../../../lib/random.ts';

export interface ClassFigures {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  /** Examples of this class in the evaluated set. */
  support: number;
}

export interface Evaluation {
  count: number;
  accuracy: number;
  macroF1: number;
  weightedF1: number;
  perClass: ClassFigures[];
  labels: string[];
  /** confusion[actual][predicted], in `labels` order. */
  confusion: number[][];
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

/** Accuracy, macro-F1 (mean over classes present in actual or predicted labels), per-class figures, confusion matrix. */
export function evaluate(actual: string[], predicted: string[], labelOrder?: string[]): Evaluation {
  if (actual.length !== predicted.length) throw new Error('actual and predicted differ in length');
  const labels = labelOrder ? [...labelOrder] : [...new Set([...actual, ...predicted])].sort();
  for (const l of [...actual, ...predicted]) if (!labels.includes(l)) labels.push(l);
  const index = new Map(labels.map((l, i) => [l, i]));
  const confusion = labels.map(() => labels.map(() => 0));
  let correct = 0;
  for (let i = 0; i < actual.length; i++) {
    confusion[index.get(actual[i])!][index.get(predicted[i])!]++;
    if (actual[i] === predicted[i]) correct++;
  }
  const perClass: ClassFigures[] = labels.map((label, k) => {
    const tp = confusion[k][k];
    const support = confusion[k].reduce((a, b) => a + b, 0);
    const predictedCount = confusion.reduce((a, row) => a + row[k], 0);
    const precision = predictedCount ? tp / predictedCount : 0;
    const recall = support ? tp / support : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { label, precision: round(precision), recall: round(recall), f1: round(f1), support };
  });
  const scored = perClass.filter((c, k) => c.support > 0 || confusion.some((row) => row[k] > 0));
  const macroF1 = scored.length ? scored.reduce((a, c) => a + c.f1, 0) / scored.length : 0;
  const weightedF1 = actual.length ? perClass.reduce((a, c) => a + c.f1 * c.support, 0) / actual.length : 0;
  return {
    count: actual.length,
    accuracy: round(actual.length ? correct / actual.length : 0),
    macroF1: round(macroF1),
    weightedF1: round(weightedF1),
    perClass,
    labels,
    confusion,
  };
}

/**
 * Assigns each example to one of k folds so every class is spread evenly (stratified), reproducibly.
 * Returns the fold number of each example.
 */
export function stratifiedFolds(labels: string[], k: number, seed = 42): Int32Array {
  if (k < 2) throw new Error('k-fold needs at least 2 folds');
  const folds = new Int32Array(labels.length);
  const byClass = new Map<string, number[]>();
  labels.forEach((l, i) => {
    const list = byClass.get(l);
    if (list) list.push(i);
    else byClass.set(l, [i]);
  });
  const random = seededRandom(seed);
  let offset = 0;
  for (const label of [...byClass.keys()].sort()) {
    const members = byClass.get(label)!;
    shuffleInPlace(members, random);
    // continue the round-robin where the previous class stopped, so small classes do not all land in fold 0
    members.forEach((i, n) => {
      folds[i] = (offset + n) % k;
    });
    offset = (offset + members.length) % k;
  }
  return folds;
}

/** A stratified holdout: true for examples held out (about `share` of each class, at least one member left to train). */
export function stratifiedHoldout(labels: string[], share: number, seed = 42): boolean[] {
  const isHeldOut = labels.map(() => false);
  const byClass = new Map<string, number[]>();
  labels.forEach((l, i) => {
    const list = byClass.get(l);
    if (list) list.push(i);
    else byClass.set(l, [i]);
  });
  const random = seededRandom(seed);
  for (const label of [...byClass.keys()].sort()) {
    const members = byClass.get(label)!;
    shuffleInPlace(members, random);
    const take = Math.min(members.length - 1, Math.round(members.length * share));
    for (let n = 0; n < take; n++) isHeldOut[members[n]] = true;
  }
  return isHeldOut;
}
