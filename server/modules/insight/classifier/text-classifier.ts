/**
 * The text classifier used for both category and unit suggestions: features → TF-IDF →
 * softmax regression, evaluated on a stratified holdout, calibrated by temperature scaling,
 * then refitted on every example. Predictions come with top-k calibrated confidences and the
 * terms that drove them, or with a reason why there is no suggestion. Pure and deterministic.
 */
import {
  checkText,
  DEFAULT_FEATURE_OPTIONS,
  listTerms,
  type Doc,
  type FeatureOptions,
  type SparseVector,
  type TextProblem,
} from '../text/features.ts';
import {
  DEFAULT_VECTORIZER_OPTIONS,
  docCounts,
  fitVectorizer,
  vectorize,
  type BucketCounts,
  type Vectorizer,
  type VectorizerOptions,
} from '../text/vectorizer.ts';
import {
  DEFAULT_SOFTMAX_OPTIONS,
  featureContributions,
  logits,
  softmaxInPlace,
  trainSoftmax,
  type SoftmaxModel,
  type SoftmaxTrainOptions,
} from './classifier.ts';
import { crossFittedCalibrationError, fitTemperature } from './calibration.ts';
import { DEFAULT_SVM_OPTIONS, trainLinearSvm, type SvmTrainOptions } from './linear-svm.ts';
import { evaluate, stratifiedHoldout, type Evaluation } from './evaluate.ts';

export interface TextExample extends Doc {
  label: string | null | undefined;
}

export interface TextClassifierOptions {
  features: FeatureOptions;
  vectorizer: VectorizerOptions;
  softmax: SoftmaxTrainOptions;
  /**
   * Which linear model learns the weights. 'svm+nbsvm' (default): one-vs-rest linear SVMs on the
   * TF-IDF vectors and on the same vectors scaled by naive-Bayes log-count ratios, their margins
   * each divided by their spread on the training set and summed (one linear model, so predicting
   * costs the same). On the 291 public labelled messages, 5-fold CV macro-F1, mean ± sd over the
   * fold splits of seeds 1–7 (`npx tsx scripts/evaluate-classifier.ts --learner …`), text alone /
   * with the category tree as priors: softmax 0.815 ± 0.017 / 0.895 ± 0.011, svm 0.831 ± 0.022 /
   * 0.908 ± 0.014, svm+nbsvm 0.836 ± 0.021 / 0.901 ± 0.015. C is LIBLINEAR's default 1 (the
   * figure is flat from C = 1 to 10) and the smoothing 1 is Wang & Manning's, not tuned on these
   * folds. Tried on the same folds and not kept, none better on both figures by more than the
   * spread: n-grams 1–2, 1–4 or 2–3, no words, word pairs, title weight 3 or 10, sublinear TF,
   * minDf 1, no maxDf, C 0.3 or 3, smoothing 0.25, no class balance, fewer features, blends with
   * word-only or character-only models or softmax, the tree's paths repeated or per sub-category,
   * and distant supervision from official replies (`--weak-replies`: 880 of the 2,816 public
   * messages with a reply, labelled by the one category whose department the reply names, see
   * reply-departments.ts; about 41–47 of a read sample of 50 right; added to the training folds
   * only, at a cost weight w). Seeds 1–5, against 0.837 ± 0.019 / 0.900 ± 0.016 without: w = 1
   * 0.823 ± 0.014 / 0.884 ± 0.006, 0.5 0.830 / 0.894, 0.25 0.841 / 0.902, 0.1 0.840 / 0.904,
   * 0.05 0.848 ± 0.012 / 0.911 ± 0.010, 0.02 0.845 / 0.906, 0.01 0.841 / 0.903: within the
   * spread, and best where the weak labels barely count (the vocabulary, IDF and naive-Bayes
   * ratios still see the weak texts in full).
   * 'softmax': the earlier SGD softmax regression. Absent in models saved before, which were all
   * softmax.
   */
  learner?: 'softmax' | 'svm' | 'svm+nbsvm';
  /** Settings of the SVMs (LIBLINEAR's defaults: C = 1, tolerance 0.1). */
  svm?: SvmTrainOptions;
  /** Weigh classes inversely to their size so small categories are not drowned out. */
  balanceClasses: boolean;
  /** Fewest usable examples for a model at all. */
  minExamples: number;
  /** Classes with fewer examples are left out (and reported) rather than guessed from one or two. */
  minPerClass: number;
  /** Share held out for the evaluation and the calibration; 0 skips both. */
  holdoutShare: number;
  /**
   * From this many examples on, the evaluated model (trained without the holdout) is the one
   * shipped, instead of refitting on everything: a fifth more data changes little at that size,
   * the evaluation then describes exactly the model in use, and training takes half the time.
   */
  refitBelow: number;
  /** Below this top confidence there is no suggestion (the candidates are still listed). */
  minConfidence: number;
  /** Fewest of the text's terms the model must know before it may suggest anything. */
  minKnownTerms: number;
  topK: number;
}

export const DEFAULT_TEXT_CLASSIFIER_OPTIONS: TextClassifierOptions = {
  features: DEFAULT_FEATURE_OPTIONS,
  vectorizer: DEFAULT_VECTORIZER_OPTIONS,
  softmax: DEFAULT_SOFTMAX_OPTIONS,
  learner: 'svm+nbsvm',
  svm: DEFAULT_SVM_OPTIONS,
  balanceClasses: true,
  minExamples: 20,
  minPerClass: 3,
  holdoutShare: 0.2,
  refitBelow: 20_000,
  minConfidence: 0.3,
  minKnownTerms: 3,
  topK: 3,
};

export interface TextClassifier {
  format: 'lianxin-text-classifier';
  version: 1;
  labels: string[];
  vectorizer: Vectorizer;
  model: SoftmaxModel;
  temperature: number;
  options: TextClassifierOptions;
  trainedOn: { examples: number; priors: number; perClass: Record<string, number> };
}

export interface TrainingReport {
  examples: number;
  skipped: { missingLabel: number; unusableText: number; rareClass: number };
  /** Classes left out for having fewer than minPerClass examples. */
  droppedClasses: string[];
  warnings: string[];
  /** On the stratified holdout, by a model that did not see it; null when there was too little data to hold any out. */
  holdout: (Evaluation & { expectedCalibrationError: number }) | null;
  temperature: number;
  /** Prior examples used (category descriptions). */
  priors: number;
  /** false: the shipped model is the evaluated one, trained without the holdout (see refitBelow). */
  isRefitted: boolean;
}

/** Training data the classifier cannot learn from; message in Chinese, messageEn in English. */
export class TrainingDataError extends Error {
  constructor(
    readonly code: 'too_few_examples' | 'too_few_classes',
    message: string,
    readonly messageEn: string,
  ) {
    super(message);
  }
}

export interface PreparedData {
  docs: Doc[];
  labels: string[];
  report: Pick<TrainingReport, 'examples' | 'skipped' | 'droppedClasses' | 'warnings'>;
}

/** Drops unlabelled, unusable and too-rare examples, saying how many and why; throws when too little remains. */
export function prepareExamples(examples: TextExample[], options: TextClassifierOptions): PreparedData {
  const skipped = { missingLabel: 0, unusableText: 0, rareClass: 0 };
  const kept: { doc: Doc; label: string }[] = [];
  for (const e of examples) {
    const label = typeof e.label === 'string' ? e.label.trim() : e.label == null ? '' : String(e.label).trim();
    if (!label) {
      skipped.missingLabel++;
      continue;
    }
    if (checkText(e)) {
      skipped.unusableText++;
      continue;
    }
    kept.push({ doc: { title: e.title ?? '', body: e.body ?? '' }, label });
  }
  const counts = new Map<string, number>();
  for (const k of kept) counts.set(k.label, (counts.get(k.label) ?? 0) + 1);
  const droppedClasses = [...counts]
    .filter(([, n]) => n < options.minPerClass)
    .map(([l]) => l)
    .sort();
  const usable = kept.filter((k) => (counts.get(k.label) ?? 0) >= options.minPerClass);
  skipped.rareClass = kept.length - usable.length;
  const warnings: string[] = [];
  if (skipped.missingLabel) warnings.push(`${skipped.missingLabel} records have no label and were skipped`);
  if (skipped.unusableText) warnings.push(`${skipped.unusableText} records have empty, too short or non-Chinese text and were skipped`);
  if (droppedClasses.length) {
    const named = droppedClasses.slice(0, 10).join(', ') + (droppedClasses.length > 10 ? ' …' : '');
    warnings.push(`${droppedClasses.length} classes have fewer than ${options.minPerClass} examples and will not be suggested: ${named}`);
  }
  const classes = new Set(usable.map((u) => u.label));
  if (usable.length < options.minExamples) {
    // say where the rest went: a wrong label field or non-Chinese data reads very differently from too little data
    const why: [number, string, string][] = [
      [skipped.missingLabel, `${skipped.missingLabel} 条没有标签`, `${skipped.missingLabel} without a label`],
      [
        skipped.unusableText,
        `${skipped.unusableText} 条内容为空、过短或不是中文`,
        `${skipped.unusableText} with empty, too short or non-Chinese text`,
      ],
      [
        skipped.rareClass,
        `${skipped.rareClass} 条所属类别样本不足 ${options.minPerClass} 条`,
        `${skipped.rareClass} in classes with fewer than ${options.minPerClass} examples`,
      ],
    ];
    const given = why.filter(([n]) => n > 0);
    const whyZh = given.length ? `（共 ${examples.length} 条，其中 ${given.map((w) => w[1]).join('，')}）` : '';
    const whyEn = given.length ? ` (of ${examples.length} records: ${given.map((w) => w[2]).join(', ')})` : '';
    throw new TrainingDataError(
      'too_few_examples',
      `可用的训练样本只有 ${usable.length} 条，至少需要 ${options.minExamples} 条${whyZh}`,
      `Only ${usable.length} usable training examples; at least ${options.minExamples} are needed${whyEn}`,
    );
  }
  if (classes.size < 2) {
    throw new TrainingDataError(
      'too_few_classes',
      `至少需要两个类别（每类不少于 ${options.minPerClass} 条样本）`,
      `At least two classes with ${options.minPerClass} or more examples each are needed`,
    );
  }
  return {
    docs: usable.map((u) => u.doc),
    labels: usable.map((u) => u.label),
    report: { examples: usable.length, skipped, droppedClasses, warnings },
  };
}

interface Fitted {
  vectorizer: Vectorizer;
  model: SoftmaxModel;
}

/**
 * Fits vectorizer and model on already counted documents. `exampleWeights` (SVM learners only) scale each example's cost,
 * and its share in the class balance.
 */
export function fitCounts(
  counts: BucketCounts[],
  labels: string[],
  classList: string[],
  options: TextClassifierOptions,
  exampleWeights?: Float32Array,
): Fitted {
  const vectorizer = fitVectorizer(counts, options.features, options.vectorizer);
  const xs = counts.map((c) => vectorize(vectorizer, c));
  const index = new Map(classList.map((l, i) => [l, i]));
  const ys = Int32Array.from(labels, (l) => index.get(l)!);
  let classWeights: Float32Array | undefined;
  if (options.balanceClasses) {
    const n = new Float64Array(classList.length);
    let total = 0;
    ys.forEach((y, i) => {
      const weight = exampleWeights ? exampleWeights[i] : 1;
      n[y] += weight;
      total += weight;
    });
    classWeights = Float32Array.from(n, (c) => (c ? total / (classList.length * c) : 0));
  }
  const learner = options.learner ?? 'softmax';
  const numFeatures = vectorizer.buckets.length;
  const K = classList.length;
  if (learner === 'softmax') {
    if (exampleWeights) throw new Error('example weights need an SVM learner');
    return { vectorizer, model: trainSoftmax(xs, ys, numFeatures, K, { ...options.softmax, classWeights }) };
  }
  const svmOptions = { ...DEFAULT_SVM_OPTIONS, ...options.svm, seed: options.softmax.seed, classWeights, exampleWeights };
  const svm = trainLinearSvm(xs, ys, numFeatures, K, { ...svmOptions, nbSmoothing: 0 });
  if (learner === 'svm') return { vectorizer, model: svm };
  const nbsvm = trainLinearSvm(xs, ys, numFeatures, K, { ...svmOptions, nbSmoothing: svmOptions.nbSmoothing || 1 });
  return { vectorizer, model: blendModels([svm, nbsvm], xs) };
}

const BLEND_SAMPLE = 4000;

/**
 * One linear model whose logits are the sum of the given models' logits, each divided by its
 * spread (root mean square deviation from the example's mean logit) on `xs`, so that models on
 * different scales count equally. Linear models add up, so the blend predicts as fast as one.
 */
export function blendModels(models: SoftmaxModel[], xs: SparseVector[]): SoftmaxModel {
  const { numFeatures, numClasses: K } = models[0];
  // a spread is well estimated from a few thousand examples: an even sample keeps many classes cheap
  const step = Math.max(1, Math.floor(xs.length / BLEND_SAMPLE));
  xs = xs.filter((_, i) => i % step === 0);
  const weights = new Float32Array(numFeatures * K);
  const bias = new Float32Array(K);
  for (const model of models) {
    let sum = 0;
    let count = 0;
    for (const x of xs) {
      const z = logits(model, x);
      let mean = 0;
      for (let k = 0; k < K; k++) mean += z[k];
      mean /= K;
      for (let k = 0; k < K; k++) sum += (z[k] - mean) ** 2;
      count += K;
    }
    const scale = count && sum > 0 ? 1 / Math.sqrt(sum / count) : 1;
    for (let i = 0; i < weights.length; i++) weights[i] += model.weights[i] * scale;
    for (let k = 0; k < K; k++) bias[k] += model.bias[k] * scale;
  }
  return { numFeatures, numClasses: K, weights, bias };
}

export function countAll(docs: Doc[], features: FeatureOptions, onProgress?: (done: number) => void): BucketCounts[] {
  return docs.map((d, i) => {
    const c = docCounts(d, features);
    if (onProgress && (i + 1) % 500 === 0) onProgress(i + 1);
    return c;
  });
}

export interface TrainExtras {
  /**
   * Prior knowledge added to every fit but never evaluated: e.g. descriptions of each category
   * built from the category tree (see taxonomy.ts). Labels outside the learnt classes are ignored.
   */
  priors?: TextExample[];
  onProgress?: (stage: 'features' | 'holdout' | 'final', done: number, total: number) => void;
}

/** Counts of the prior examples whose label is among `classList`. */
export function countPriors(priors: TextExample[] | undefined, classList: string[], features: FeatureOptions) {
  const usable = (priors ?? []).filter((p) => typeof p.label === 'string' && classList.includes(p.label));
  return { counts: countAll(usable, features), labels: usable.map((p) => p.label as string) };
}

/** Trains a classifier and reports how it did on a held-out share it never saw. */
export function trainTextClassifier(
  examples: TextExample[],
  overrides: Partial<TextClassifierOptions> = {},
  extras: TrainExtras = {},
): { classifier: TextClassifier; report: TrainingReport } {
  const { onProgress } = extras;
  const options = { ...DEFAULT_TEXT_CLASSIFIER_OPTIONS, ...overrides };
  const data = prepareExamples(examples, options);
  const classList = [...new Set(data.labels)].sort();
  const counts = countAll(data.docs, options.features, (done) => onProgress?.('features', done, data.docs.length));
  const priors = countPriors(extras.priors, classList, options.features);
  onProgress?.('features', data.docs.length, data.docs.length);

  let holdout: TrainingReport['holdout'] = null;
  let temperature = 1;
  let evaluated: Fitted | null = null;
  const isHeldOut = options.holdoutShare > 0 ? stratifiedHoldout(data.labels, options.holdoutShare, options.softmax.seed) : [];
  const heldCount = isHeldOut.filter(Boolean).length;
  if (heldCount >= Math.max(5, classList.length)) {
    const train = [...counts.filter((_, i) => !isHeldOut[i]), ...priors.counts];
    const trainLabels = [...data.labels.filter((_, i) => !isHeldOut[i]), ...priors.labels];
    const fitted = fitCounts(train, trainLabels, classList, options);
    evaluated = fitted;
    onProgress?.('holdout', 1, 1);
    const heldLogits: Float64Array[] = [];
    const heldYs: number[] = [];
    counts.forEach((c, i) => {
      if (!isHeldOut[i]) return;
      heldLogits.push(logits(fitted.model, vectorize(fitted.vectorizer, c)));
      heldYs.push(classList.indexOf(data.labels[i]));
    });
    temperature = fitTemperature(heldLogits, heldYs);
    const predicted = heldLogits.map((z) => classList[argmax(z)]);
    const actual = heldYs.map((y) => classList[y]);
    // measured on orders that did not fit the temperature (cross-fitted halves of the holdout); the model ships with the
    // temperature fitted on the whole holdout
    const calibrationError = crossFittedCalibrationError(heldLogits, heldYs);
    holdout = {
      ...evaluate(actual, predicted, classList),
      expectedCalibrationError: Math.round(calibrationError * 10_000) / 10_000,
    };
  } else {
    data.report.warnings.push('too few examples to hold some out: no evaluation and no calibration');
  }

  const isRefitted = !evaluated || data.docs.length < options.refitBelow;
  const final = isRefitted ? fitCounts([...counts, ...priors.counts], [...data.labels, ...priors.labels], classList, options) : evaluated!;
  onProgress?.('final', 1, 1);
  const perClass: Record<string, number> = {};
  for (const l of data.labels) perClass[l] = (perClass[l] ?? 0) + 1;
  return {
    classifier: {
      format: 'lianxin-text-classifier',
      version: 1,
      labels: classList,
      vectorizer: final.vectorizer,
      model: final.model,
      temperature,
      options,
      trainedOn: { examples: data.docs.length, priors: priors.labels.length, perClass },
    },
    report: { ...data.report, holdout, temperature, priors: priors.labels.length, isRefitted },
  };
}

export function argmax(xs: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < xs.length; i++) if (xs[i] > xs[best]) best = i;
  return best;
}

export interface Candidate {
  label: string;
  confidence: number;
}

export type NoSuggestionCode = TextProblem['code'] | 'unknown_terms' | 'low_confidence';

export interface Prediction {
  /** The suggestion, or null when there is none (see `reason`). */
  label: string | null;
  confidence: number | null;
  top: Candidate[];
  /** Terms that pushed the top candidate up, strongest first. */
  terms: { term: string; weight: number }[];
  reason: { code: NoSuggestionCode; message: string; messageEn: string } | null;
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

/** Top-k labels with calibrated confidence and the driving terms, or no suggestion with a reason. */
export function predictText(
  classifier: TextClassifier,
  doc: Doc,
  overrides: { topK?: number; minConfidence?: number; explain?: number } = {},
): Prediction {
  const topK = overrides.topK ?? classifier.options.topK;
  const minConfidence = overrides.minConfidence ?? classifier.options.minConfidence;
  const problem = checkText(doc);
  if (problem) return { label: null, confidence: null, top: [], terms: [], reason: problem };
  const x = vectorize(classifier.vectorizer, docCounts(doc, classifier.vectorizer.features));
  if (x.indices.length < classifier.options.minKnownTerms) {
    return {
      label: null,
      confidence: null,
      top: [],
      terms: [],
      reason: {
        code: 'unknown_terms',
        message: '文本中几乎没有模型认识的词语，无法给出建议',
        messageEn: 'The model knows too few of the words in this text to suggest anything',
      },
    };
  }
  const p = logits(classifier.model, x);
  softmaxInPlace(p, classifier.temperature);
  const order = [...p.keys()].sort((a, b) => p[b] - p[a] || a - b);
  const top = order.slice(0, topK).map((k) => ({ label: classifier.labels[k], confidence: round4(p[k]) }));
  const explainCount = overrides.explain ?? 8;
  const terms = explainCount > 0 ? explain(classifier, doc, x, order[0], explainCount) : [];
  if (p[order[0]] < minConfidence) {
    return {
      label: null,
      confidence: null,
      top,
      terms,
      reason: {
        code: 'low_confidence',
        message: '模型把握不足，请人工判断',
        messageEn: 'The model is not confident enough; decide by hand',
      },
    };
  }
  return { label: top[0].label, confidence: top[0].confidence, top, terms, reason: null };
}

/**
 * Terms that pushed class k up, readable first: words and n-grams of two or more characters,
 * skipping ones inside an already chosen term (幼儿 after 幼儿园); single characters only when
 * nothing longer remains. An n-gram that cuts through words (取公 of 提取公积金) reads as noise
 * to an agent and is not shown.
 */
function explain(classifier: TextClassifier, doc: Doc, x: ReturnType<typeof vectorize>, k: number, count: number) {
  const termsByBucket = listTerms(doc, classifier.vectorizer.features, { readableOnly: true });
  const candidates: { term: string; weight: number }[] = [];
  for (const c of featureContributions(classifier.model, x, k)) {
    if (c.weight <= 0 || candidates.length >= count * 6) break;
    const names = termsByBucket.get(classifier.vectorizer.buckets[c.feature]) ?? [];
    // a bucket may hold several terms (hash collisions, a word equal to an n-gram): the longest reads best
    const term = [...names].sort((a, b) => b.length - a.length || (a < b ? -1 : 1))[0];
    if (term) candidates.push({ term, weight: round4(c.weight) });
  }
  const out: { term: string; weight: number }[] = [];
  for (const pass of [2, 1]) {
    for (const c of candidates) {
      if (out.length >= count) break;
      if ([...c.term].length < pass || out.some((o) => o.term.includes(c.term) || c.term.includes(o.term))) continue;
      out.push(c);
    }
  }
  return out;
}
