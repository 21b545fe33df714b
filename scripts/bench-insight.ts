/**
 * Insight benchmarks: classification time per order, training time on 100,000 synthetic orders, hotspots on the
 * public messages. Duplicate look-up is measured on its production path by scripts/bench-duplicates.ts.
 *
 *   npx tsx scripts/bench-insight.ts [--data ../shared/data] [--train 100000] [--only classify,train,hotspots]
 *
 * Synthetic orders are recombined from the public messages (title of one message of a class,
 * sentences of others of the same class), so vocabulary and lengths stay realistic.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { findHotspots } from '../server/modules/insight/hotspots/hotspots.ts';
import { seededRandom, type Random } from '../server/lib/random.ts';
import { pathsFromLevelRecords, priorsFromTaxonomy } from '../server/modules/insight/classifier/taxonomy.ts';
import { predictText, trainTextClassifier } from '../server/modules/insight/classifier/text-classifier.ts';
import { parseTime } from '../server/lib/parse-time.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: process.env.LIANXIN_DATA ?? '../shared/data' },
    train: { type: 'string', default: '100000' },
    only: { type: 'string', default: 'classify,train,hotspots' },
  },
});
const only = new Set(values.only!.split(','));
const readJsonl = (name: string) =>
  readFileSync(join(values.data!, name), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));

interface Message {
  id: number;
  user: string;
  title: string;
  time: string;
  body: string;
  category?: string;
}
const labelled: Message[] = readJsonl('messages-labeled-dev.jsonl');
const replies: Message[] = readJsonl('messages-with-replies.jsonl');
const taxonomy = readJsonl('taxonomy.jsonl');
const results: Record<string, unknown> = {};
const log = (line: string) => process.stderr.write(`${line}\n`);
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
const round = (x: number, digits = 3) => Number(x.toFixed(digits));

const sentencesOf = (text: string) =>
  text
    .split(/(?<=[。！？!?；;])/)
    .map((s) => s.trim())
    .filter((s) => s.length >= 6);

/** Orders recombined from real messages: title of one, two to four sentences of others of the same class. */
function orderGenerator(source: Message[], random: Random, labelOf: (m: Message) => string) {
  const byClass = new Map<string, { titles: string[]; sentences: string[] }>();
  for (const m of source) {
    const label = labelOf(m);
    const c = byClass.get(label) ?? { titles: [], sentences: [] };
    c.titles.push(m.title);
    c.sentences.push(...sentencesOf(m.body));
    byClass.set(label, c);
  }
  const classes = [...byClass.keys()].sort();
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
  let id = 0;
  return () => {
    const label = pick(classes);
    const c = byClass.get(label)!;
    const n = 2 + Math.floor(random() * 3);
    return { id: id++, title: pick(c.titles), body: Array.from({ length: n }, () => pick(c.sentences)).join(''), label };
  };
}

function synthesise(count: number, source: Message[], random: Random, labelOf: (m: Message) => string) {
  const next = orderGenerator(source, random, labelOf);
  return Array.from({ length: count }, next);
}

if (only.has('classify')) {
  const priors = priorsFromTaxonomy(pathsFromLevelRecords(taxonomy), new Set(labelled.map((m) => m.category!)));
  const { classifier } = trainTextClassifier(
    labelled.map((m) => ({ title: m.title, body: m.body, label: m.category })),
    {},
    { priors },
  );
  const docs = replies.map((m) => ({ title: m.title, body: m.body }));
  for (const d of docs.slice(0, 50)) predictText(classifier, d); // warm up
  const timings: number[] = [];
  let start = process.hrtime.bigint();
  for (const d of docs) {
    const t = process.hrtime.bigint();
    predictText(classifier, d);
    timings.push(ms(t));
  }
  const total = ms(start);
  start = process.hrtime.bigint();
  for (const d of docs) predictText(classifier, d, { explain: 0 });
  const withoutExplanation = ms(start);
  const meanChars = docs.reduce((a, d) => a + d.title.length + d.body.length, 0) / docs.length;
  results.classification = {
    orders: docs.length,
    meanCharacters: Math.round(meanChars),
    msPerOrder: round(total / docs.length),
    p95Ms: round(percentile(timings, 0.95)),
    maxMs: round(Math.max(...timings)),
    msPerOrderWithoutExplanation: round(withoutExplanation / docs.length),
  };
  log(`classification: ${JSON.stringify(results.classification)}`);
}

if (only.has('train')) {
  const count = Number(values.train);
  const random = seededRandom(11);
  let start = process.hrtime.bigint();
  const orders = synthesise(count, labelled, random, (m) => m.category!);
  log(`synthesised ${count} orders in ${round(ms(start) / 1000, 1)} s`);
  start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  const stages: Record<string, number> = {};
  const { classifier, report } = trainTextClassifier(
    orders,
    {},
    {
      onProgress: (stage, done, total) => {
        if (done === total) stages[stage] = round(ms(start) / 1000, 1);
      },
    },
  );
  const seconds = ms(start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const meanChars = orders.reduce((a, d) => a + d.title.length + d.body.length, 0) / orders.length;
  results.training = {
    orders: count,
    classes: classifier.labels.length,
    meanCharacters: Math.round(meanChars),
    features: classifier.model.numFeatures,
    seconds: round(seconds, 1),
    cpuSeconds: round((cpu.user + cpu.system) / 1e6, 1),
    stagesDoneAtSeconds: stages,
    note: 'features + fit on 80 % + evaluation and calibration on the 20 % holdout (at this size the evaluated model is the shipped one)',
    isRefitted: report.isRefitted,
    holdoutAccuracy: report.holdout?.accuracy,
    holdoutMacroF1: report.holdout?.macroF1,
  };
  log(`training: ${JSON.stringify(results.training)}`);
}

if (only.has('hotspots')) {
  const orders = replies.map((m) => ({ id: m.id, title: m.title, body: m.body, at: parseTime(m.time)!, citizen: m.user }));
  const start = process.hrtime.bigint();
  const hotspots = findHotspots(orders, { top: 10 });
  results.hotspots = {
    orders: orders.length,
    seconds: round(ms(start) / 1000, 2),
    top: hotspots.map((h) => ({
      rank: h.rank,
      heat: h.heat,
      title: h.title,
      region: h.region,
      place: h.place,
      count: h.count,
      citizens: h.citizens,
      ids: h.ids,
    })),
  };
  log(`hotspots: ${orders.length} orders in ${round(ms(start) / 1000, 2)} s`);
}

process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
