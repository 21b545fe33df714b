import { readFileSync } from 'node:fs';
import { logits } from '../server/modules/insight/classifier.ts';
import { evaluate, stratifiedFolds } from '../server/modules/insight/evaluate.ts';
import { argmax, countAll, DEFAULT_TEXT_CLASSIFIER_OPTIONS, fitCounts, prepareExamples } from '../server/modules/insight/text-classifier.ts';
import { vectorize } from '../server/modules/insight/vectorizer.ts';
const rows = readFileSync('/work/shared/data/messages-labeled-dev.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const options = DEFAULT_TEXT_CLASSIFIER_OPTIONS;
const data = prepareExamples(rows.map((r) => ({ title: r.title, body: r.body, label: r.category })), options);
const classList = [...new Set(data.labels)].sort();
const counts = countAll(data.docs, options.features);
const K = classList.length;
const macro = (actual: string[], scores: number[][], b: number[]) => evaluate(actual, scores.map((s) => classList[argmax(s.map((v, k) => v + b[k]))]), classList).macroF1;

function tuneBias(idx: number[], seed: number): number[] {
  const inner = stratifiedFolds(idx.map((i) => data.labels[i]), 4, seed + 1);
  const scores: number[][] = new Array(idx.length);
  for (let f = 0; f < 4; f++) {
    const tr = idx.filter((_, j) => inner[j] !== f);
    const fitted = fitCounts(tr.map((i) => counts[i]), tr.map((i) => data.labels[i]), classList, options);
    idx.forEach((i, j) => { if (inner[j] === f) scores[j] = Array.from(logits(fitted.model, vectorize(fitted.vectorizer, counts[i]))); });
  }
  const actual = idx.map((i) => data.labels[i]);
  const spread = Math.sqrt(scores.flat().reduce((a, v) => a + v * v, 0) / (scores.length * K));
  const b = new Array(K).fill(0);
  let best = macro(actual, scores, b);
  for (let pass = 0; pass < 3; pass++) {
    for (let k = 0; k < K; k++) {
      for (let step = -10; step <= 10; step++) {
        const trial = [...b]; trial[k] = step * 0.05 * spread;
        const m = macro(actual, scores, trial);
        if (m > best + 1e-9) { best = m; b[k] = trial[k]; }
      }
    }
  }
  return b;
}

for (const useBias of [false, true]) {
  const res: number[] = [];
  for (const seed of [1, 2, 3, 4, 5, 6, 42]) {
    const folds = stratifiedFolds(data.labels, 5, seed);
    const f1s: number[] = [];
    for (let f = 0; f < 5; f++) {
      const tr: number[] = []; const te: number[] = [];
      folds.forEach((x, i) => (x === f ? te : tr).push(i));
      const b = useBias ? tuneBias(tr, seed * 10 + f) : new Array(K).fill(0);
      const fitted = fitCounts(tr.map((i) => counts[i]), tr.map((i) => data.labels[i]), classList, options);
      const scores = te.map((i) => Array.from(logits(fitted.model, vectorize(fitted.vectorizer, counts[i]))));
      f1s.push(macro(te.map((i) => data.labels[i]), scores, b));
    }
    res.push(f1s.reduce((a, c) => a + c) / 5);
  }
  console.log(useBias ? 'bias' : 'plain', (res.reduce((a, c) => a + c) / res.length).toFixed(4), res.map((r) => r.toFixed(3)).join(' '));
}
