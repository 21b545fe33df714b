/** k-fold cross-validation of the text classifier, on the same code path as training. Pure. */
import { logits } from './classifier.ts';
import { evaluate, stratifiedFolds, type Evaluation } from './evaluate.ts';
import {
  argmax,
  countAll,
  countPriors,
  DEFAULT_TEXT_CLASSIFIER_OPTIONS,
  fitCounts,
  prepareExamples,
  type TextClassifierOptions,
  type TextExample,
  type TrainingReport,
} from './text-classifier.ts';
import { vectorize } from '../text/vectorizer.ts';

export interface CrossValidation {
  folds: number;
  /** Every example predicted once by the model that did not see it. */
  pooled: Evaluation;
  perFold: { fold: number; count: number; accuracy: number; macroF1: number }[];
  meanAccuracy: number;
  meanMacroF1: number;
  data: Pick<TrainingReport, 'examples' | 'skipped' | 'droppedClasses' | 'warnings'>;
  /** Prior examples added to every fold's training (never evaluated). */
  priors: number;
  /** Weakly labelled examples added to every fold's training (never evaluated). */
  weak: number;
}

export function crossValidate(
  examples: TextExample[],
  k: number,
  overrides: Partial<TextClassifierOptions> = {},
  extras: {
    priors?: TextExample[];
    /**
     * Weakly labelled examples (e.g. labelled by the department that answered them, see reply-departments.ts) added to
     * every fold's training at `weakWeight` times an example's cost, never tested. SVM learners only. The weight scales
     * the SVMs' cost alone: the vocabulary, IDF and naive-Bayes ratios count the weak texts in full.
     */
    weak?: TextExample[];
    weakWeight?: number;
    seed?: number;
    onFold?: (done: number, total: number) => void;
  } = {},
): CrossValidation {
  const options = { ...DEFAULT_TEXT_CLASSIFIER_OPTIONS, ...overrides };
  const data = prepareExamples(examples, options);
  const classList = [...new Set(data.labels)].sort();
  const counts = countAll(data.docs, options.features);
  const priors = countPriors(extras.priors, classList, options.features);
  const weak = countPriors(extras.weak, classList, options.features);
  const weakWeight = extras.weakWeight ?? 1;
  const folds = stratifiedFolds(data.labels, k, extras.seed ?? options.softmax.seed);
  const predicted: string[] = new Array(data.labels.length);
  const perFold: CrossValidation['perFold'] = [];
  for (let f = 0; f < k; f++) {
    const trainIdx: number[] = [];
    const testIdx: number[] = [];
    folds.forEach((fold, i) => (fold === f ? testIdx : trainIdx).push(i));
    if (testIdx.length === 0) continue;
    const exampleWeights = weak.labels.length
      ? Float32Array.from({ length: trainIdx.length + priors.labels.length + weak.labels.length }, (_, i) =>
          i < trainIdx.length + priors.labels.length ? 1 : weakWeight,
        )
      : undefined;
    const fitted = fitCounts(
      [...trainIdx.map((i) => counts[i]), ...priors.counts, ...weak.counts],
      [...trainIdx.map((i) => data.labels[i]), ...priors.labels, ...weak.labels],
      classList,
      options,
      exampleWeights,
    );
    for (const i of testIdx) predicted[i] = classList[argmax(logits(fitted.model, vectorize(fitted.vectorizer, counts[i])))];
    const e = evaluate(
      testIdx.map((i) => data.labels[i]),
      testIdx.map((i) => predicted[i]),
      classList,
    );
    perFold.push({ fold: f, count: testIdx.length, accuracy: e.accuracy, macroF1: e.macroF1 });
    extras.onFold?.(f + 1, k);
  }
  const mean = (xs: number[]) => Math.round((xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length)) * 10_000) / 10_000;
  return {
    folds: k,
    pooled: evaluate(data.labels, predicted, classList),
    perFold,
    meanAccuracy: mean(perFold.map((p) => p.accuracy)),
    meanMacroF1: mean(perFold.map((p) => p.macroF1)),
    data: data.report,
    priors: priors.labels.length,
    weak: weak.labels.length,
  };
}
