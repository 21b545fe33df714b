/** `lianxin classify train | predict | evaluate`: the text classifier on JSON Lines files. */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { crossValidate } from '../modules/insight/classifier/cross-validate.ts';
import { deserializeClassifier, serializeClassifier } from '../modules/insight/classifier/model-io.ts';
import { pathsFromLevelRecords, priorsFromTaxonomy } from '../modules/insight/classifier/taxonomy.ts';
import {
  DEFAULT_TEXT_CLASSIFIER_OPTIONS,
  predictText,
  TrainingDataError,
  trainTextClassifier,
  type TextClassifier,
  type TextExample,
} from '../modules/insight/classifier/text-classifier.ts';
import {
  parseInteger,
  parseNumber,
  parseOptions,
  progress,
  readJsonl,
  requireString,
  textField,
  UsageError,
  writeJsonLine,
  type CliCommand,
  type CliIo,
  type JsonlRecord,
} from './io.ts';

const USAGE = `Usage:
  lianxin classify train    --input FILE.jsonl --label FIELD --model DIR [--taxonomy FILE.jsonl] [--seed N]
  lianxin classify predict  --model DIR --input FILE.jsonl [--top 3] [--min-confidence 0.3]
  lianxin classify evaluate --input FILE.jsonl --label FIELD [--folds 5] [--taxonomy FILE.jsonl] [--seed N]

Records are JSON objects with "id", "title", "body" (or "content") and, for train/evaluate, the label field.
--taxonomy adds the category tree (records {"l1","l2","l3"} whose names are label values) as descriptions
of each class. predict writes one JSON line per record: {"id","label","confidence","top","terms"}; label is
null, with a "reason", when the model has no trustworthy suggestion.`;

const MODEL_FILE = 'model.json';
const REPORT_FILE = 'report.json';

export const classifyCommand: CliCommand = {
  summary: 'train, apply and evaluate the category / unit classifier',
  usage: USAGE,
  async run(args, io) {
    const [sub, ...rest] = args;
    if (!sub || sub === '--help' || sub === '-h') {
      io.stdout.write(`${USAGE}\n`);
      return sub ? 0 : 2;
    }
    if (sub === 'train') return train(rest, io);
    if (sub === 'predict') return predict(rest, io);
    if (sub === 'evaluate') return evaluateCommand(rest, io);
    throw new UsageError(`unknown subcommand '${sub}'`);
  },
};

function toExamples(records: JsonlRecord[], label: string): TextExample[] {
  // a mistyped --label would otherwise read as "no usable examples"
  if (records.length > 0 && !records.some(({ value }) => value[label] !== undefined && value[label] !== null)) {
    const seen = [...new Set(records.slice(0, 100).flatMap(({ value }) => Object.keys(value)))].slice(0, 20);
    throw new Error(`no record has a value in the label field "${label}"; fields seen: ${seen.join(', ') || '(none)'}`);
  }
  return records.map(({ value }) => ({
    title: textField(value, 'title'),
    body: textField(value, 'body', 'content'),
    label: typeof value[label] === 'string' || typeof value[label] === 'number' ? String(value[label]) : null,
  }));
}

async function loadPriors(path: string | undefined, io: CliIo, examples: TextExample[]) {
  if (!path) return undefined;
  const paths = pathsFromLevelRecords((await readJsonl(path, io)).map((r) => r.value));
  const classes = new Set(examples.map((e) => e.label).filter((l): l is string => !!l));
  const priors = priorsFromTaxonomy(paths, classes);
  if (priors.length === 0) io.stderr.write(`warning: no taxonomy name in ${path} matches a label value; taxonomy ignored\n`);
  return priors;
}

function explainTrainingError(error: unknown): never {
  if (error instanceof TrainingDataError) throw new Error(`${error.messageEn} (${error.message})`);
  throw error;
}

async function train(args: string[], io: CliIo): Promise<number> {
  const values = parseOptions(
    args,
    {
      input: { type: 'string' },
      label: { type: 'string' },
      model: { type: 'string' },
      taxonomy: { type: 'string' },
      seed: { type: 'string' },
    },
    USAGE,
  );
  if (values.help) return (io.stdout.write(`${USAGE}\n`), 0);
  const input = requireString(values, 'input', USAGE);
  const label = requireString(values, 'label', USAGE);
  const dir = requireString(values, 'model', USAGE);
  const seed = parseInteger(values.seed, 'seed', USAGE, 0, 42);
  const examples = toExamples(await readJsonl(input, io), label);
  const priors = await loadPriors(values.taxonomy as string | undefined, io, examples);
  const bar = progress(io, 'features', examples.length);
  const started = Date.now();
  let result: ReturnType<typeof trainTextClassifier>;
  try {
    result = trainTextClassifier(
      examples,
      { softmax: { ...DEFAULT_TEXT_CLASSIFIER_OPTIONS.softmax, seed } },
      {
        priors,
        // the feature stage counts usable examples; later stages just keep the bar full
        onProgress: (stage, done, total) => (stage === 'features' ? bar.update(done, total) : undefined),
      },
    );
  } catch (error) {
    explainTrainingError(error);
  } finally {
    bar.stop();
  }
  const { classifier, report } = result;
  for (const w of report.warnings) io.stderr.write(`warning: ${w}\n`);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, MODEL_FILE), serializeClassifier(classifier));
  const summary = {
    model: join(dir, MODEL_FILE),
    label,
    examples: report.examples,
    priors: report.priors,
    classes: classifier.labels.length,
    features: classifier.model.numFeatures,
    trainingSeconds: Math.round((Date.now() - started) / 100) / 10,
    holdout: report.holdout && {
      count: report.holdout.count,
      accuracy: report.holdout.accuracy,
      macroF1: report.holdout.macroF1,
      expectedCalibrationError: report.holdout.expectedCalibrationError,
    },
    temperature: Math.round(report.temperature * 1000) / 1000,
    skipped: report.skipped,
    droppedClasses: report.droppedClasses,
  };
  await writeFile(
    join(dir, REPORT_FILE),
    `${JSON.stringify({ ...summary, trainedAt: new Date().toISOString(), input, holdout: report.holdout, warnings: report.warnings }, null, 2)}\n`,
  );
  io.stdout.write(`${JSON.stringify(summary)}\n`);
  return 0;
}

async function loadModel(path: string): Promise<TextClassifier> {
  let file = path;
  try {
    if ((await stat(path)).isDirectory()) file = join(path, MODEL_FILE);
  } catch {
    throw new Error(`no model at ${path}; train one with 'lianxin classify train'`);
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new Error(`no model at ${file}; train one with 'lianxin classify train'`);
  }
  try {
    return deserializeClassifier(text);
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`, { cause: error });
  }
}

async function predict(args: string[], io: CliIo): Promise<number> {
  const values = parseOptions(
    args,
    { model: { type: 'string' }, input: { type: 'string' }, top: { type: 'string' }, 'min-confidence': { type: 'string' } },
    USAGE,
  );
  if (values.help) return (io.stdout.write(`${USAGE}\n`), 0);
  const classifier = await loadModel(requireString(values, 'model', USAGE));
  const records = await readJsonl(requireString(values, 'input', USAGE), io);
  const topK = parseInteger(values.top, 'top', USAGE, 1, 3);
  const minConfidence = parseNumber(values['min-confidence'], 'min-confidence', USAGE, 0, 1, classifier.options.minConfidence);
  const bar = progress(io, 'predict', records.length);
  let withoutSuggestion = 0;
  records.forEach(({ line, value }, i) => {
    const p = predictText(
      classifier,
      { title: textField(value, 'title'), body: textField(value, 'body', 'content') },
      { topK, minConfidence, explain: 5 },
    );
    if (!p.label) withoutSuggestion++;
    const out: Record<string, unknown> = {
      id: value.id ?? line,
      label: p.label,
      confidence: p.confidence,
      top: p.top,
      terms: p.terms.map((t) => t.term),
    };
    if (p.reason) out.reason = { code: p.reason.code, message: p.reason.messageEn };
    writeJsonLine(io, out);
    if ((i + 1) % 200 === 0) bar.update(i + 1);
  });
  bar.update(records.length);
  bar.stop();
  if (withoutSuggestion) io.stderr.write(`${withoutSuggestion} of ${records.length} records got no suggestion (see "reason")\n`);
  return 0;
}

async function evaluateCommand(args: string[], io: CliIo): Promise<number> {
  const values = parseOptions(
    args,
    {
      input: { type: 'string' },
      label: { type: 'string' },
      folds: { type: 'string' },
      taxonomy: { type: 'string' },
      seed: { type: 'string' },
    },
    USAGE,
  );
  if (values.help) return (io.stdout.write(`${USAGE}\n`), 0);
  const input = requireString(values, 'input', USAGE);
  const label = requireString(values, 'label', USAGE);
  const folds = parseInteger(values.folds, 'folds', USAGE, 2, 5);
  const seed = parseInteger(values.seed, 'seed', USAGE, 0, 42);
  const examples = toExamples(await readJsonl(input, io), label);
  const priors = await loadPriors(values.taxonomy as string | undefined, io, examples);
  const bar = progress(io, 'folds', folds);
  let cv: ReturnType<typeof crossValidate>;
  try {
    cv = crossValidate(
      examples,
      folds,
      { softmax: { ...DEFAULT_TEXT_CLASSIFIER_OPTIONS.softmax, seed } },
      { priors, seed, onFold: (done) => bar.update(done) },
    );
  } catch (error) {
    explainTrainingError(error);
  } finally {
    bar.stop();
  }
  for (const w of cv.data.warnings) io.stderr.write(`warning: ${w}\n`);
  io.stdout.write(
    `${JSON.stringify({
      input,
      label,
      folds,
      seed,
      examples: cv.data.examples,
      priors: cv.priors,
      /** Mean over folds, as k-fold results are usually quoted. */
      accuracy: cv.meanAccuracy,
      macroF1: cv.meanMacroF1,
      /** Every example predicted once by the fold model that did not see it. */
      pooled: { accuracy: cv.pooled.accuracy, macroF1: cv.pooled.macroF1, weightedF1: cv.pooled.weightedF1 },
      perFold: cv.perFold,
      perClass: cv.pooled.perClass,
      labels: cv.pooled.labels,
      confusion: cv.pooled.confusion,
      skipped: cv.data.skipped,
      droppedClasses: cv.data.droppedClasses,
    })}\n`,
  );
  return 0;
}
