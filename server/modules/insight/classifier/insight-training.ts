/**
 * Training the dispatch models from the centre's own closed orders (办结工单): a category model
 * (with the category tree as prior descriptions) and a lead-unit model, each stored as a new
 * version with its holdout evaluation. Used by the admin route and the train-dispatch-model job.
 */
import { priorsFromTaxonomy, type TaxonomyPath } from './taxonomy.ts';
import { TrainingDataError, type TextExample } from './text-classifier.ts';
import { trainClassifierInThread } from './training-thread.ts';
import type { InsightRepository, LabelKind } from '../insight.repository.ts';
import { countInRanges } from '../../../db/seed/marker.ts';

/** Most recent closed orders a model learns from, closed within the window: older ones describe an organisation that has changed. */
export const MAX_TRAINING_ORDERS = 200_000;
export const TRAINING_WINDOW_DAYS = 730;

export interface TrainedModelSummary {
  labelKind: LabelKind;
  modelId: number;
  version: number;
  examples: number;
  classes: number;
  priors: number;
  accuracy: number | null;
  macroF1: number | null;
  /** Share of the training orders the demo city generated (0–1): figures measured on them say nothing about real orders. */
  syntheticShare: number;
  warnings: string[];
}

export interface TrainingOutcome {
  models: TrainedModelSummary[];
  skipped: { labelKind: LabelKind; message: string; messageEn: string }[];
}

/** Root-first category paths with ids as labels, for the prior descriptions. */
export function categoryPaths(rows: { id: number; name: string; parentId: number | null }[]): TaxonomyPath[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return rows.map((row) => {
    const chain: typeof rows = [];
    const seen = new Set<number>();
    for (let c: (typeof rows)[number] | undefined = row; c && !seen.has(c.id); c = c.parentId == null ? undefined : byId.get(c.parentId)) {
      seen.add(c.id);
      chain.unshift(c);
    }
    return { names: chain.map((c) => c.name), labels: chain.map((c) => String(c.id)) };
  });
}

export async function trainDispatchModels(
  repo: InsightRepository,
  kinds: LabelKind[],
  trainedById: number | null,
  now: Date,
): Promise<TrainingOutcome> {
  const orders = await repo.findTrainingOrders(new Date(now.getTime() - TRAINING_WINDOW_DAYS * 86_400_000), now, MAX_TRAINING_ORDERS);
  const outcome: TrainingOutcome = { models: [], skipped: [] };
  const ranges = await repo.findDemoTicketRanges();
  const syntheticShare = orders.length
    ? Math.round(
        (countInRanges(
          orders.map((o) => o.id),
          ranges,
        ) /
          orders.length) *
          1000,
      ) / 1000
    : 0;
  for (const labelKind of kinds) {
    const examples: TextExample[] = orders.map((o) => ({
      title: o.title,
      body: o.content,
      label: String(labelKind === 'category' ? o.categoryId : o.leadUnitId),
    }));
    const priors =
      labelKind === 'category'
        ? priorsFromTaxonomy(categoryPaths(await repo.findActiveCategories()), new Set(examples.map((e) => e.label as string)))
        : undefined;
    try {
      const { model, report, labelCount, trainedOn } = await trainClassifierInThread(examples, priors);
      const evaluation = { ...report, trainedOn, syntheticShare };
      const saved = await repo.createModel({ labelKind, examples: report.examples, evaluation, model, trainedById });
      outcome.models.push({
        labelKind,
        modelId: saved.id,
        version: saved.version,
        examples: report.examples,
        classes: labelCount,
        priors: report.priors,
        accuracy: report.holdout?.accuracy ?? null,
        macroF1: report.holdout?.macroF1 ?? null,
        syntheticShare,
        warnings: report.warnings,
      });
    } catch (error) {
      if (!(error instanceof TrainingDataError)) throw error;
      outcome.skipped.push({ labelKind, message: error.message, messageEn: error.messageEn });
    }
  }
  return outcome;
}
