/**
 * The category classifier on real labelled messages: k-fold cross-validated macro-F1 and accuracy, from the text alone
 * and with the category tree as prior descriptions, repeated over several fold splits (seeds) and reported as
 * mean ± standard deviation over the seeds. This is the command behind the figures quoted in text-classifier.ts.
 *
 *   npx tsx scripts/evaluate-classifier.ts [--data ../shared/data] [--folds 5] [--seeds 1-7] [--learner svm+nbsvm]
 *     [--weak-replies ../shared/data/messages-with-replies.jsonl [--weak-weight 0.5]]
 *
 * --weak-replies adds distant supervision: the messages of that file whose official reply names the departments of
 * exactly one category (reply-departments.ts), minus any near-duplicate of a labelled message, join every fold's
 * training at --weak-weight times a labelled example's cost; the tests stay the labelled folds.
 *
 * Each seed picks the stratified folds and seeds the learner, exactly as `lianxin classify evaluate --seed N` does.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { crossValidate } from '../server/modules/insight/classifier/cross-validate.ts';
import { categoryFromReply } from '../server/modules/insight/classifier/reply-departments.ts';
import { checkText } from '../server/modules/insight/text/features.ts';
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
    'weak-replies': { type: 'string' },
    'weak-weight': { type: 'string', default: '1' },
  },
});
const learners = ['softmax', 'svm', 'svm+nbsvm'] as const;
const learner = values.learner as (typeof learners)[number];
const [first, last = first] = values.seeds!.split('-').map(Number);
const folds = Number(values.folds);
const weakWeight = Number(values['weak-weight']);
const isWeakUsable = !values['weak-replies'] || (learner !== 'softmax' && weakWeight > 0);
if (!learners.includes(learner) || !Number.isInteger(first) || !Number.isInteger(last) || last < first || !(folds >= 2) || !isWeakUsable) {
  process.stderr.write(
    `usage: npx tsx scripts/evaluate-classifier.ts [--data DIR] [--folds 5] [--seeds 1-7] [--learner ${learners.join('|')}]` +
      ' [--weak-replies FILE [--weak-weight W > 0, not with softmax]]\n',
  );
  process.exit(2);
}
const readJsonl = (name: string, path = join(values.data!, name)) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);

const examples: TextExample[] = readJsonl('messages-labeled-dev.jsonl').map((r) => ({
  title: String(r.title ?? ''),
  body: String(r.body ?? ''),
  label: String(r.category),
}));

/** Character 5-grams: two texts sharing 30 % of them (Jaccard) are the same message, reposted or reworded. */
const shingles = (text: string) => {
  const out = new Set<string>();
  for (let i = 0; i + 5 <= text.length; i++) out.add(text.slice(i, i + 5));
  return out;
};
const isNearDuplicate = (a: Set<string>, b: Set<string>) => {
  let shared = 0;
  for (const s of a) if (b.has(s)) shared++;
  return shared > 0.3 * (a.size + b.size - shared);
};
let weak: TextExample[] | undefined;
const weakReport: Record<string, unknown> = {};
if (values['weak-replies']) {
  const labelledShingles = examples.map((e) => shingles(`${e.title ?? ''}${e.body ?? ''}`));
  const candidates = readJsonl('', values['weak-replies']).map((r) => ({
    title: String(r.title ?? ''),
    body: String(r.body ?? ''),
    label: categoryFromReply(String(r.reply ?? '')),
  }));
  const named = candidates.filter((c) => c.label && !checkText(c));
  weak = named.filter((c) => {
    const own = shingles(c.title + c.body);
    return !labelledShingles.some((l) => isNearDuplicate(own, l));
  });
  const perClass: Record<string, number> = {};
  for (const w of weak) perClass[w.label!] = (perClass[w.label!] ?? 0) + 1;
  Object.assign(weakReport, {
    replies: candidates.length,
    named: named.length,
    nearDuplicates: named.length - weak.length,
    weak: weak.length,
    weakWeight,
    perClass,
  });
}
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
  ...(weak ? { weak: weakReport } : {}),
};
for (const [name, withTree] of [
  ['text', false],
  ['withTree', true],
] as const) {
  const macroF1: number[] = [];
  const accuracy: number[] = [];
  for (let seed = first; seed <= last; seed++) {
    const overrides: Partial<TextClassifierOptions> = { learner, softmax: { ...DEFAULT_TEXT_CLASSIFIER_OPTIONS.softmax, seed } };
    const cv = crossValidate(examples, folds, overrides, { priors: withTree ? priors : undefined, weak, weakWeight, seed });
    macroF1.push(cv.meanMacroF1);
    accuracy.push(cv.meanAccuracy);
  }
  result[name] = { macroF1: summary(macroF1), accuracy: summary(accuracy), macroF1BySeed: macroF1.map(round) };
}
result.seconds = round((performance.now() - started) / 1000);
result.loadAverage = loadavg().map((l) => Math.round(l * 10) / 10);
console.log(JSON.stringify(result));
