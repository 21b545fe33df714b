/**
 * The insight screens' reading side: model versions with their holdout evaluation (accuracy, macro-F1,
 * per-class figures, confusion matrix, labels named), and the orders behind a hotspot or a surge alert
 * (drill-down). Composed into the insight service; no HTTP here.
 */
import type { Db } from '../../../db/client.ts';
import type { Actor } from '../../../lib/actor.ts';
import { notFound } from '../../../lib/errors.ts';
import { authorize } from '../insight.policy.ts';
import { createInsightReportsRepository } from './insight-reports.repository.ts';

const MODEL = { zh: '模型版本', en: 'model version' };
const MODEL_LIST_LIMIT = 100;
/** The confusion matrix is shown for at most this many classes (the most frequent); the rest fold into "other". */
const CONFUSION_MAX_CLASSES = 30;

/** The stored training report (text-classifier.ts TrainingReport + trainedOn); read defensively, older versions may lack fields. */
interface StoredEvaluation {
  examples?: number;
  warnings?: string[];
  droppedClasses?: string[];
  priors?: number;
  temperature?: number;
  trainedOn?: unknown;
  /** Share of the training orders the demo city generated; absent on versions trained before it was recorded. */
  syntheticShare?: number;
  isRefitted?: boolean;
  holdout?: {
    count: number;
    accuracy: number;
    macroF1: number;
    weightedF1: number;
    expectedCalibrationError?: number;
    perClass: { label: string; precision: number; recall: number; f1: number; support: number }[];
    labels: string[];
    confusion: number[][];
  } | null;
}

type ModelRow = {
  id: number;
  labelKind: string;
  version: number;
  examples: number;
  evaluation: unknown;
  createdAt: Date;
  trainedByName: string | null;
};

function header(row: ModelRow, latestIds: number[]) {
  const e = (row.evaluation ?? {}) as StoredEvaluation;
  const holdout = e.holdout ?? null;
  return {
    id: row.id,
    labelKind: row.labelKind as 'category' | 'unit',
    version: row.version,
    examples: row.examples,
    classes: holdout?.labels.length ?? null,
    holdoutCount: holdout?.count ?? null,
    accuracy: holdout?.accuracy ?? null,
    macroF1: holdout?.macroF1 ?? null,
    weightedF1: holdout?.weightedF1 ?? null,
    expectedCalibrationError: holdout?.expectedCalibrationError ?? null,
    warnings: e.warnings ?? [],
    syntheticShare: e.syntheticShare ?? null,
    isRefitted: e.isRefitted ?? null,
    isInUse: latestIds.includes(row.id),
    trainedByName: row.trainedByName,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The most frequent `max - 1` classes keep their rows and columns; the rest are summed into one "other" class ('*'). */
export function foldConfusion(labels: string[], confusion: number[][], support: number[], max: number) {
  if (labels.length <= max) return { labels, confusion };
  const keep = labels
    .map((_, i) => i)
    .sort((a, b) => support[b] - support[a] || a - b)
    .slice(0, max - 1)
    .sort((a, b) => a - b);
  const slot = new Map(keep.map((i, k) => [i, k]));
  const other = keep.length;
  const folded = Array.from({ length: max }, () => new Array<number>(max).fill(0));
  confusion.forEach((row, i) =>
    row.forEach((n, j) => {
      folded[slot.get(i) ?? other][slot.get(j) ?? other] += n;
    }),
  );
  return { labels: [...keep.map((i) => labels[i]), '*'], confusion: folded };
}

export function createInsightReportsService(deps: { db: Db }) {
  const repo = createInsightReportsRepository(deps.db);

  async function labelNames(kind: string, labels: string[]) {
    const ids = labels.map(Number).filter((n) => Number.isInteger(n) && n > 0);
    const rows = kind === 'category' ? await repo.findCategoryNames(ids) : await repo.findUnitNames(ids);
    return new Map(rows.map((r) => [String(r.id), r.name]));
  }

  return {
    /** Model versions (模型版本), newest first per kind, with their holdout figures; the newest of each kind is in use. */
    async listModels(actor: Actor, input: { labelKind?: 'category' | 'unit' }) {
      authorize(actor, 'train');
      const [rows, latestIds] = await Promise.all([repo.findModels(input.labelKind ?? null, MODEL_LIST_LIMIT), repo.findLatestModelIds()]);
      return { items: rows.map((r) => header(r, latestIds)) };
    },

    /** One version's evaluation: per-class precision, recall, F1 and support, and the confusion matrix, labels named. */
    async getModel(actor: Actor, id: number) {
      authorize(actor, 'train');
      const row = await repo.findModel(id);
      if (!row) throw notFound(MODEL, { id });
      const latestIds = await repo.findLatestModelIds();
      const holdout = ((row.evaluation ?? {}) as StoredEvaluation).holdout ?? null;
      const names = await labelNames(row.labelKind, holdout?.labels ?? []);
      const name = (label: string) => (label === '*' ? null : (names.get(label) ?? null));
      const support = (holdout?.labels ?? []).map((l) => holdout!.perClass.find((c) => c.label === l)?.support ?? 0);
      const folded = holdout ? foldConfusion(holdout.labels, holdout.confusion, support, CONFUSION_MAX_CLASSES) : null;
      return {
        ...header(row, latestIds),
        perClass: (holdout?.perClass ?? [])
          .map((c) => ({ ...c, name: name(c.label) }))
          .sort((a, b) => b.support - a.support || a.label.localeCompare(b.label)),
        confusion: folded
          ? { labels: folded.labels.map((l) => ({ label: l, name: name(l), isOther: l === '*' })), matrix: folded.confusion }
          : null,
      };
    },

    /** 下钻: the orders behind a hotspot or an alert, as summaries without citizen data. */
    async drillDown(actor: Actor, input: { ids: number[] }) {
      authorize(actor, 'hotspots');
      const rows = await repo.findOrderSummaries([...new Set(input.ids)]);
      return {
        items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
      };
    },
  };
}
