/**
 * The category classifier on real labelled messages: k-fold cross-validated macro-F1 and accuracy, from the text alone
 * and with the category tree as prior descriptions, repeated over several fold splits (seeds) and reported as
 * mean ± standard deviation over the seeds. This is the command behind the figures quoted in text-classifier.ts.
 *
 *   npx tsx scripts/evaluate-classifier.ts [--data ../shared/data] [--folds 5] [--seeds 1-7] [--learner svm+nbsvm]
 *
 * Each seed picks the stratified folds and seeds the learner, exactly as `lianxin classify evaluate --seed N` does.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { crossValidate } from '../server/modules/insight/classifier/cross-validate.ts';
import { pathsFromLevelRecords, priorsFromTaxonomy } from '../server/modules/insight/classifier/taxonomy.ts';
import {
  DEFAULT_TEXT_CLASSIFIER_OPTIONS,
  type TextClassifierOptions,
  type TextExample,
} from '../server/modules/insight/classifier/text-classifier.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: process.env.LIANXIN_DATA ?? '../shared/data' },
    folds: { type: 'string', default: '5' },
    seeds: { type: 'string', default: '1-7' },
    learner: { type: 'string', default: DEFAULT_TEXT_CLASSIFIER_OPTIONS.learner },
  },
});
const learners = ['softmax', 'svm', 'svm+nbsvm'] as const;
const learner = values.learner as (typeof learners)[number];
const [first, last = first] = values.seeds!.split('-').map(Number);
const folds = Number(values.folds);
if (!learners.includes(learner) || !Number.isInteger(first) || !Number.isInteger(last) || last < first || !(folds >= 2)) {
  process.stderr.write(
    `usage: npx tsx scripts/evaluate-classifier.ts [--data DIR] [--folds 5] [--seeds 1-7] [--learner ${learners.join('|')}]\n`,
  );
  process.exit(2);
}
const readJsonl = (name: string) =>
  readFileSync(join(values.data!, name), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);

const examples: TextExample[] = readJsonl('messages-labeled-dev.jsonl').map((r) => ({
  title: String(r.title ?? ''),
  body: String(r.body ?? ''),
  label: String(r.category),
}));
const priors = priorsFromTaxonomy(pathsFromLevelRecords(readJsonl('taxonomy.jsonl')), new Set(examples.map((e) => e.label as string)));

const round = (x: number) => Math.round(x * 1000) / 1000;
function summary(xs: number[]) {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  // sample standard deviation over the seeds: the spread a different fold split would show
  const sd = xs.length > 1 ? Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1)) : 0;
  return { mean: round(mean), sd: round(sd) };
}

const started = performance.now();
const result: Record<string, unknown> = {
  examples: examples.length,
  priors: priors.length,
  folds,
  seeds: `${first}-${last}`,
  learner,
};
for (const [name, withTree] of [
  ['text', false],
  ['withTree', true],
] as const) {
  const macroF1: number[] = [];
  const accuracy: number[] = [];
  for (let seed = first; seed <= last; seed++) {
    const overrides: Partial<TextClassifierOptions> = { learner, softmax: { ...DEFAULT_TEXT_CLASSIFIER_OPTIONS.softmax, seed } };
    const cv = crossValidate(examples, folds, overrides, { priors: withTree ? priors : undefined, seed });
    macroF1.push(cv.meanMacroF1);
    accuracy.push(cv.meanAccuracy);
  }
  result[name] = { macroF1: summary(macroF1), accuracy: summary(accuracy), macroF1BySeed: macroF1.map(round) };
}
result.seconds = round((performance.now() - started) / 1000);
result.loadAverage = loadavg().map((l) => Math.round(l * 10) / 10);
console.log(JSON.stringify(result));
