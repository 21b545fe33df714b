/**
 * Smart dispatch and insight: category and unit suggestions (kept within the dispatch catalogue),
 * region extraction, duplicate and repeat checks, hotspots, model training, the suggestion log and
 * the reply quality check; surge alerts (alerts.service.ts) and auto-dispatch with the log of final
 * choices (auto-dispatch.service.ts) are composed in. Wires the pure functions of this module to the
 * database; no HTTP here.
 */
import { createHash } from 'node:crypto';
import { OPEN_STATUSES, type TicketStatus } from '../../../common/ticket-lifecycle.ts';
import type { Db } from '../../db/client.ts';
import type { Actor, Clock } from '../../lib/actor.ts';
import { AppError, notFound, validation } from '../../lib/errors.ts';
import type { LiveBus } from '../../lib/live.ts';
import { segmenter } from '../../lib/text.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { TicketsService } from '../tickets/tickets.service.ts';
import { createAlertsService, type AlertsDeps } from './alerts/alerts.service.ts';
import { createAutoDispatchService } from './auto-dispatch/auto-dispatch.service.ts';
import { createInsightReportsService } from './reports/insight-reports.service.ts';
import { rankDuplicates } from './duplicates/duplicates.ts';
import { ancestors, locate, type Gazetteer } from './places/gazetteer.ts';
import { createGazetteerCache } from './places/gazetteer.service.ts';
import { createHotspotsService } from './hotspots/hotspots.service.ts';
import { trainDispatchModels } from './classifier/insight-training.ts';
import { authorize } from './insight.policy.ts';
import { createInsightRepository, type LabelKind } from './insight.repository.ts';
import type { DuplicatesInput, SuggestInput } from './insight.schemas.ts';
import { deserializeClassifier } from './classifier/model-io.ts';
import { ACCEPTABLE_SCORE, checkReplyQuality, explainReplyQuality } from './reply-quality/reply-quality.ts';
import { predictText, type Prediction, type TextClassifier } from './classifier/text-classifier.ts';
import { shanghaiDay } from '../../lib/calendar.ts';
import { parseTime } from '../../lib/parse-time.ts';

const DAY_MS = 86_400_000;
/** Candidates ranked in full per look-up: enough for the best ts_rank matches and the caller's own orders. */
const DUPLICATE_CANDIDATE_LIMIT = 200;
const SUGGESTION = { zh: '派单建议', en: 'dispatch suggestion' };

export interface InsightDeps {
  db: Db;
  clock: Clock;
  live: LiveBus;
  /** The working calendar, for surge alerts' holiday-aware baseline. */
  sla: AlertsDeps['sla'];
  /** Auto-dispatch goes through the lifecycle like any dispatcher. */
  tickets: Pick<TicketsService, 'transition'>;
  audit: AuditService;
}

export function createInsightService(deps: InsightDeps) {
  const { clock } = deps;
  const repo = createInsightRepository(deps.db);
  const models = new Map<LabelKind, { id: number; version: number; classifier: TextClassifier }>();
  const gazetteerCache = createGazetteerCache(repo, clock);

  /** The latest model of a kind, deserialised once per version. */
  async function loadModel(kind: LabelKind) {
    const header = await repo.findLatestModelHeader(kind);
    if (!header) return null;
    const cached = models.get(kind);
    if (cached?.id === header.id) return cached;
    const body = await repo.getModelBody(header.id);
    if (!body) return null;
    const loaded = { id: header.id, version: header.version, classifier: deserializeClassifier(body) };
    models.set(kind, loaded);
    return loaded;
  }

  /** Region names and short forms plus places mined from past orders' addresses (gazetteer.service.ts). */
  function gazetteer(): Promise<Gazetteer> {
    return gazetteerCache.gazetteer();
  }

  /**
   * Units for the category candidates: the catalogue's units for each category in the region (the
   * most specific region rows win over city-wide ones), weighted by the unit model within each
   * allowed set and by the category's own probability.
   */
  async function suggestUnits(
    categories: { categoryId: number; confidence: number }[],
    regionId: number | null,
    unitPrediction: Prediction | null,
  ) {
    const allowedUnits = new Map<number, number[]>();
    if (categories.length === 0) return { units: [], allowedUnits };
    const gaz = await gazetteer();
    const regionPath = regionId === null ? [] : ancestors(gaz, regionId).map((r) => r.id);
    if (regionId !== null && !regionPath.includes(regionId)) regionPath.push(regionId);
    const depthOf = (r: number | null) => (r === null ? 0 : regionPath.indexOf(r) + 1);
    const rows = await repo.findCatalogue(
      categories.map((c) => c.categoryId),
      regionPath,
    );
    const unitProbability = new Map((unitPrediction?.top ?? []).map((t) => [Number(t.label), t.confidence]));
    const totalCategory = categories.reduce((a, c) => a + c.confidence, 0) || 1;
    const scores = new Map<number, { score: number; categoryId: number; best: number }>();
    for (const c of categories) {
      const ofCategory = rows.filter((r) => r.categoryId === c.categoryId);
      const deepest = Math.max(-1, ...ofCategory.map((r) => depthOf(r.regionId)));
      const allowed = [...new Set(ofCategory.filter((r) => depthOf(r.regionId) === deepest).map((r) => r.unitId))];
      allowedUnits.set(c.categoryId, allowed);
      if (allowed.length === 0) continue;
      const mass = allowed.reduce((a, u) => a + (unitProbability.get(u) ?? 0), 0);
      for (const unitId of allowed) {
        const withinCategory = mass > 0 ? (unitProbability.get(unitId) ?? 0) / mass : 1 / allowed.length;
        const contribution = (c.confidence / totalCategory) * withinCategory;
        const entry = scores.get(unitId) ?? { score: 0, categoryId: c.categoryId, best: 0 };
        entry.score += contribution;
        if (contribution > entry.best) Object.assign(entry, { best: contribution, categoryId: c.categoryId });
        scores.set(unitId, entry);
      }
    }
    const ranked = [...scores].sort((a, b) => b[1].score - a[1].score || a[0] - b[0]).slice(0, 3);
    const names = new Map((await repo.findUnitsByIds(ranked.map(([id]) => id))).map((u) => [u.id, u.name]));
    const units = ranked.map(([unitId, s]) => ({
      unitId,
      name: names.get(unitId) ?? '',
      categoryId: s.categoryId,
      confidence: unitPrediction ? Math.round(s.score * 10_000) / 10_000 : null,
    }));
    return { units, allowedUnits };
  }

  function keyWords(text: string, limit: number): string[] {
    const counts = new Map<string, number>();
    for (const w of segmenter().cut(text, true)) {
      if ([...w].length < 2 || !/^[\p{Script=Han}A-Za-z0-9]+$/u.test(w)) continue;
      counts.set(w, (counts.get(w) ?? 0) + 1);
    }
    return [...counts]
      .sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1))
      .slice(0, limit)
      .map(([w]) => w);
  }

  /** China-day bounds: `to` includes the whole day. */
  function period(from: string | undefined, to: string | undefined, defaultDays: number) {
    const end = to ? parseTime(to)!.getTime() + DAY_MS : parseTime(shanghaiDay(clock.now()))!.getTime() + DAY_MS;
    const start = from ? parseTime(from)!.getTime() : end - defaultDays * DAY_MS;
    if (start >= end) throw validation('开始日期必须早于结束日期', 'from must be before to', { path: 'from' });
    return { start: new Date(start), end: new Date(end) };
  }

  /** Category and unit suggestions for an order's text, within the catalogue for its region; nothing is stored. */
  async function computeSuggestion(input: { title: string; content: string; regionId: number | null }) {
    const doc = { title: input.title, body: input.content };
    const [categoryModel, unitModel] = [await loadModel('category'), await loadModel('unit')];
    const found = locate(`${doc.title} ${doc.body}`, await gazetteer());
    const evidence = found.evidence.map(({ text, start, end, kind, regionId }) => ({ text, start, end, kind, regionId }));
    const location = input.regionId
      ? {
          regionId: input.regionId,
          regionPath: ancestors(await gazetteer(), input.regionId).map((r) => r.name),
          address: found.address,
          confidence: 1,
          evidence,
        }
      : { regionId: found.regionId, regionPath: found.regionPath, address: found.address, confidence: found.confidence, evidence };

    let reason: { code: string; message: string; messageEn: string } | null;
    let categoryPrediction: Prediction | null = null;
    if (!categoryModel) {
      reason = {
        code: 'no_model',
        message: '尚无分类模型：系统每天从已办结工单自动训练，管理员也可在“系统管理 › 派单模型”立即训练',
        messageEn:
          'No category model yet: one is trained from closed orders every day, and an admin can train one now under Administration › Dispatch models',
      };
    } else {
      categoryPrediction = predictText(categoryModel.classifier, doc, { topK: 3 });
      reason = categoryPrediction.reason;
    }
    const categoryRows = await repo.findCategoriesByIds((categoryPrediction?.top ?? []).map((t) => Number(t.label)));
    const byId = new Map(categoryRows.map((c) => [c.id, c]));
    const categories = (categoryPrediction?.top ?? [])
      .filter((t) => byId.has(Number(t.label)))
      .map((t) => ({
        categoryId: Number(t.label),
        name: byId.get(Number(t.label))!.name,
        pathName: byId.get(Number(t.label))!.pathName,
        confidence: t.confidence,
      }));
    const unitPrediction =
      unitModel && categories.length
        ? predictText(unitModel.classifier, doc, { topK: unitModel.classifier.labels.length, minConfidence: 0, explain: 0 })
        : null;
    const suggested = await suggestUnits(categories, location.regionId, unitPrediction);

    return {
      categoryModel,
      unitModel,
      categoryPrediction,
      categories,
      units: suggested.units,
      allowedUnits: suggested.allowedUnits,
      location,
      reason,
    };
  }

  type ComputedSuggestion = Awaited<ReturnType<typeof computeSuggestion>>;

  /**
   * Logs a suggestion as shown (派单建议), for the final choice to be recorded against it; `extra` joins the candidates.
   * With a `requestKey` (a person asking), the same undecided request returns the suggestion already logged.
   */
  function logSuggestion(
    s: ComputedSuggestion,
    entry: { ticketId: number | null; requestedById: number | null; requestKey?: string; extra?: Record<string, unknown> },
  ) {
    const row = {
      ticketId: entry.ticketId,
      categoryModelId: s.categoryModel?.id ?? null,
      unitModelId: s.unitModel?.id ?? null,
      suggestedCategoryId: s.categories[0]?.categoryId ?? null,
      suggestedUnitId: s.units[0]?.unitId ?? null,
      confidence: s.categories[0]?.confidence ?? null,
      candidates: {
        categories: s.categories.map((c) => ({ id: c.categoryId, confidence: c.confidence })),
        units: s.units.map((u) => ({ id: u.unitId, confidence: u.confidence })),
        reason: s.reason?.code ?? null,
        ...entry.extra,
      },
      requestedById: entry.requestedById,
      createdAt: clock.now(),
    };
    return entry.requestKey && entry.requestedById !== null
      ? repo.createOrFindOpenSuggestion({ ...row, requestedById: entry.requestedById, requestKey: entry.requestKey })
      : repo.createSuggestion(row);
  }

  /** What identifies one request for a suggestion: the same text, region and order under the same models. */
  function requestKeyOf(
    input: { title: string; content: string; regionId: number | null; ticketId: number | null },
    s: ComputedSuggestion,
  ) {
    return createHash('sha256')
      .update(
        JSON.stringify([input.ticketId, input.regionId, input.title, input.content, s.categoryModel?.id ?? null, s.unitModel?.id ?? null]),
      )
      .digest('base64url');
  }

  const alerts = createAlertsService({ db: deps.db, clock, live: deps.live, sla: deps.sla });
  const autoDispatch = createAutoDispatchService({
    db: deps.db,
    clock,
    audit: deps.audit,
    live: deps.live,
    tickets: deps.tickets,
    engine: {
      hasCategoryModel: async () => (await repo.findLatestModelHeader('category')) !== null,
      compute: computeSuggestion,
      log: (s, entry) => logSuggestion(s as ComputedSuggestion, entry),
    },
  });

  const reports = createInsightReportsService({ db: deps.db });
  const hotspots = createHotspotsService({ db: deps.db, clock, gazetteer });

  return {
    ...alerts,
    ...autoDispatch,
    ...reports,
    ...hotspots,

    async suggest(actor: Actor, input: SuggestInput) {
      authorize(actor, 'suggest');
      if (input.ticketId && !(await repo.findTicketById(input.ticketId)))
        throw notFound({ zh: '工单', en: 'ticket' }, { id: input.ticketId });
      const request = {
        title: input.title ?? '',
        content: input.content,
        regionId: input.regionId ?? null,
        ticketId: input.ticketId ?? null,
      };
      const computed = await computeSuggestion(request);
      const saved = await logSuggestion(computed, {
        ticketId: request.ticketId,
        requestedById: actor.userId,
        requestKey: requestKeyOf(request, computed),
      });
      const { categoryModel, unitModel, categoryPrediction, categories, units, location, reason } = computed;
      return {
        suggestionId: saved.id,
        categories,
        units,
        terms: (categoryPrediction?.terms ?? []).map((t) => t.term),
        location,
        reason,
        models: { categoryVersion: categoryModel?.version ?? null, unitVersion: unitModel?.version ?? null },
      };
    },

    /** The human's final choice for a suggestion, for 派单准确率 and the auto-dispatch share. */
    async recordDecision(
      actor: Actor,
      input: { id: number; ticketId?: number; categoryId: number | null; unitId: number | null; isAutoDispatched: boolean },
    ) {
      authorize(actor, 'suggest');
      const suggestion = await repo.findSuggestionById(input.id);
      if (!suggestion) throw notFound(SUGGESTION, { id: input.id });
      // a suggestion shown for one order cannot be scored against another one's choice
      if (input.ticketId !== undefined && suggestion.ticketId !== null && suggestion.ticketId !== input.ticketId) {
        throw new AppError('CONFLICT', {
          message: '该派单建议属于另一张工单',
          messageEn: 'This suggestion was made for another order',
          details: { suggestionId: input.id, ticketId: suggestion.ticketId },
        });
      }
      const updated = await repo.recordDecision(input.id, {
        ticketId: input.ticketId ?? suggestion.ticketId,
        finalCategoryId: input.categoryId,
        finalUnitId: input.unitId,
        decidedById: actor.userId,
        decidedAt: clock.now(),
        isAutoDispatched: input.isAutoDispatched,
      });
      // one decision per shown suggestion: a second one (a reused cached suggestion, another order) would count twice;
      // the same decision sent again (a retried request) is answered as before
      const isSameDecision =
        suggestion.decidedAt !== null &&
        suggestion.decidedById === actor.userId &&
        suggestion.finalCategoryId === input.categoryId &&
        suggestion.finalUnitId === input.unitId &&
        (input.ticketId === undefined || suggestion.ticketId === input.ticketId);
      if (!updated && !isSameDecision) {
        throw new AppError('CONFLICT', {
          message: '该派单建议已记录最终选择',
          messageEn: 'The final choice for this suggestion is already recorded',
          details: { suggestionId: input.id, ticketId: suggestion.ticketId },
        });
      }
      const hit = (suggested: number | null, final: number | null) => (suggested === null || final === null ? null : suggested === final);
      return {
        suggestionId: input.id,
        ticketId: updated?.ticketId ?? suggestion.ticketId,
        isCategoryHit: hit(suggestion.suggestedCategoryId, input.categoryId),
        isUnitHit: hit(suggestion.suggestedUnitId, input.unitId),
      };
    },

    /** 派单准确率 and the auto-dispatch share of a period, in all and week by week. */
    async accuracy(actor: Actor, input: { from: string; to: string }) {
      authorize(actor, 'hotspots');
      const { start, end } = period(input.from, input.to, 30);
      const weeks = await repo.summariseDecisionsByWeek(start, end);
      const rate = (n: number, of: number) => (of ? Math.round((n / of) * 10_000) / 10_000 : null);
      const present = (w: Omit<(typeof weeks)[number], 'weekStart'>) => ({
        decided: w.decided,
        autoDispatched: w.autoDispatched,
        categoryAccuracy: rate(w.categoryHits, w.categoryDecided),
        unitAccuracy: rate(w.unitHits, w.unitDecided),
        autoDispatchShare: rate(w.autoDispatched, w.decided),
      });
      const total = weeks.reduce(
        (a, w) => ({
          decided: a.decided + w.decided,
          categoryDecided: a.categoryDecided + w.categoryDecided,
          categoryHits: a.categoryHits + w.categoryHits,
          unitDecided: a.unitDecided + w.unitDecided,
          unitHits: a.unitHits + w.unitHits,
          autoDispatched: a.autoDispatched + w.autoDispatched,
        }),
        { decided: 0, categoryDecided: 0, categoryHits: 0, unitDecided: 0, unitHits: 0, autoDispatched: 0 },
      );
      return { from: input.from, to: input.to, ...present(total), series: weeks.map((w) => ({ weekStart: w.weekStart, ...present(w) })) };
    },

    /** 答复质量 for the reviewer: the ticket's reply awaiting review (else its latest) scored against the request, with reasons. */
    async replyQuality(actor: Actor, input: { ticketId: number }) {
      authorize(actor, 'review');
      const ticket = await repo.findTicketById(input.ticketId);
      if (!ticket) throw notFound({ zh: '工单', en: 'ticket' }, { id: input.ticketId });
      const reply = await repo.findReplyForReview(input.ticketId);
      if (!reply)
        throw new AppError('NOT_FOUND', {
          message: '该工单还没有答复',
          messageEn: 'This ticket has no reply yet',
          details: { ticketId: input.ticketId },
        });
      const quality = checkReplyQuality({ title: ticket.title, content: ticket.content }, reply.content);
      const { summary, subScores } = explainReplyQuality(quality);
      return {
        ticketId: ticket.id,
        reply: {
          id: reply.id,
          status: reply.status,
          unitId: reply.unitId,
          unitName: reply.unitName,
          createdAt: reply.createdAt.toISOString(),
        },
        score: quality.score,
        threshold: ACCEPTABLE_SCORE,
        isAcceptable: quality.isAcceptable,
        relevance: quality.relevance,
        completeness: quality.completeness,
        form: quality.form,
        checks: quality.checks,
        matchedTerms: quality.matchedTerms,
        problems: quality.problems,
        summary,
        subScores,
      };
    },

    /** Open or recent orders about the same problem: same citizen, or same place and similar text, within the window. */
    async findDuplicates(actor: Actor, input: DuplicatesInput) {
      authorize(actor, 'suggest');
      const existing = input.ticketId ? await repo.findTicketById(input.ticketId) : null;
      if (input.ticketId && !existing) throw notFound({ zh: '工单', en: 'ticket' }, { id: input.ticketId });
      const at = existing?.createdAt ?? clock.now();
      const regionId = input.regionId ?? existing?.regionId ?? null;
      const citizenId = input.citizenId ?? existing?.citizenId ?? null;
      const title = input.title ?? existing?.title ?? '';
      const windowMs = input.windowDays * DAY_MS;
      const rows = await repo.findDuplicateCandidates({
        from: new Date(at.getTime() - windowMs),
        to: new Date(at.getTime() + windowMs),
        regionId,
        citizenId,
        words: keyWords(`${title} ${title} ${input.content}`, 8),
        excludeTicketId: input.ticketId ?? null,
        limit: DUPLICATE_CANDIDATE_LIMIT,
      });
      const ranked = rankDuplicates(
        { id: input.ticketId ?? -1, title, content: input.content, at, citizenKey: citizenId, regionId },
        rows.map((r) => ({
          id: r.id,
          title: r.title,
          content: r.content,
          at: r.createdAt,
          citizenKey: r.citizenId,
          regionId: r.regionId,
          isOpen: OPEN_STATUSES.includes(r.status as TicketStatus) && r.mergedIntoId === null,
        })),
        { windowDays: input.windowDays },
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      const items = ranked.map(({ id, ...d }) => {
        const row = byId.get(id as number)!;
        return { ticketId: row.id, number: row.number, title: row.title, status: row.status, createdAt: row.createdAt.toISOString(), ...d };
      });
      return { items, isRepeat: items.some((i) => i.isRepeat) };
    },

    /** Trains new model versions from closed orders; kinds without enough data are reported, not failed. */
    async train(actor: Actor, input: { labelKind: 'category' | 'unit' | 'both' }) {
      authorize(actor, 'train');
      const kinds: LabelKind[] = input.labelKind === 'both' ? ['category', 'unit'] : [input.labelKind];
      const outcome = await trainDispatchModels(repo, kinds, actor.userId, clock.now());
      for (const m of outcome.models) models.delete(m.labelKind);
      // orders closed since the last run may name new estates and roads: re-mine with the models
      await gazetteerCache.refresh();
      return outcome;
    },
  };
}
export type InsightService = ReturnType<typeof createInsightService>;
