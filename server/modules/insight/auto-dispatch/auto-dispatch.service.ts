/**
 * Auto-dispatch (自动派单, off by default) and the log of final dispatch choices.
 * - Rules: per category, a confidence threshold and an on/off switch, kept by administrators.
 * - autoDispatch: a 待派单 order whose suggestion meets an enabled rule is dispatched by the system through the
 *   tickets lifecycle; every judgement is logged as a suggestion, so accuracy and the auto-dispatch share can be reported.
 * - Outcomes: each dispatch of an order (heard on the live bus) records the order's lead unit and category against
 *   the latest suggestion for it, so the web need not report the human's choice.
 */
import type { Db } from '../../../db/client.ts';
import { SYSTEM_ACTOR, type Actor, type Clock } from '../../../lib/actor.ts';
import { AppError, notFound, unknownReference } from '../../../lib/errors.ts';
import type { LiveBus } from '../../../lib/live.ts';
import type { AuditService } from '../../audit/audit.service.ts';
import type { TicketsService } from '../../tickets/tickets.service.ts';
import { decideAutoDispatch, ruleFor, type AutoDispatchRule } from './auto-dispatch.ts';
import { AUTO_DISPATCH_SOURCE, createAutoDispatchRepository, type AutoDispatchRuleRow } from './auto-dispatch.repository.ts';
import { isUniqueViolation } from '../../orgs/db-errors.ts';
import { authorize } from '../insight.policy.ts';

/** Who dispatches automatically: the system, acting as a dispatcher (派单员) so the lifecycle's role checks apply. */
export const AUTO_DISPATCH_ACTOR: Actor = { ...SYSTEM_ACTOR, role: 'dispatcher', displayName: '自动派单' };

/** Live topics after which an order's lead unit may have been chosen anew (派单, 异议审核). */
const ROUTING_TOPICS = new Map([
  ['ticket.dispatch', 'dispatch'],
  ['ticket.decide_objection', 'decide_objection'],
]);
const ROUTING_ACTIONS = [...ROUTING_TOPICS.values()];
/** Errors that mean the order moved on meanwhile (a human dispatched it, a unit was deactivated): not job failures. */
const RACE_CODES = new Set(['CONFLICT', 'INVALID_TRANSITION', 'UNKNOWN_REFERENCE']);

/** What auto-dispatch needs from the suggestion engine (insight.service.ts). */
export interface SuggestionEngine {
  hasCategoryModel(): Promise<boolean>;
  compute(input: { title: string; content: string; regionId: number | null }): Promise<{
    categories: { categoryId: number; pathName: string; confidence: number }[];
    units: { unitId: number; name: string; categoryId: number; confidence: number | null }[];
    /** Units the catalogue allows per suggested category in the order's region. */
    allowedUnits: Map<number, number[]>;
  }>;
  log(
    s: Awaited<ReturnType<SuggestionEngine['compute']>>,
    entry: { ticketId: number; requestedById: number | null; extra: Record<string, unknown> },
  ): Promise<{ id: number }>;
}

export interface AutoDispatchDeps {
  db: Db;
  clock: Clock;
  audit: AuditService;
  live: Pick<LiveBus, 'subscribe'>;
  tickets: Pick<TicketsService, 'transition'>;
  engine: SuggestionEngine;
  log?: (message: string, details: Record<string, unknown>) => void;
}

const RULE = { zh: '自动派单规则', en: 'auto-dispatch rule' };

const roundConfidence = (x: number) => Math.round(x * 10_000) / 10_000;

function presentRule(rule: AutoDispatchRuleRow, categoryName: string) {
  return {
    id: rule.id,
    categoryId: rule.categoryId,
    categoryName,
    minConfidence: roundConfidence(rule.minConfidence),
    isEnabled: rule.isEnabled,
    updatedById: rule.updatedById,
    createdAt: rule.createdAt.toISOString(),
    updatedAt: rule.updatedAt.toISOString(),
  };
}

export function createAutoDispatchService(deps: AutoDispatchDeps) {
  const { db, clock, engine } = deps;
  const repo = createAutoDispatchRepository(db);
  const log = deps.log ?? ((message, details) => console.warn(`[insight] ${message}`, JSON.stringify(details)));

  /** Rules by category and the category tree, read once per run (the tree only when a rule is enabled). */
  async function context(options: { isTreeNeeded: boolean }) {
    const rules = await repo.findRules();
    const hasEnabled = rules.some((r) => r.rule.isEnabled);
    const parents = hasEnabled || options.isTreeNeeded ? await repo.findCategoryParents() : [];
    return {
      // real columns come back as 0.8500000238…: compare with the threshold as it was entered
      rules: new Map<number, AutoDispatchRule>(
        rules.map((r) => [r.rule.categoryId, { ...r.rule, minConfidence: roundConfidence(r.rule.minConfidence) }]),
      ),
      parentOf: new Map(parents.map((c) => [c.id, c.parentId])),
      names: new Map(parents.map((c) => [c.id, c.name])),
      hasEnabled,
    };
  }

  async function judge(ctx: Awaited<ReturnType<typeof context>>, ticketId: number) {
    const ticket = await repo.findTicket(ticketId);
    if (!ticket) throw notFound({ zh: '工单', en: 'ticket' }, { id: ticketId });
    const base = {
      ticketId,
      suggestionId: null as number | null,
      categoryId: null as number | null,
      unitId: null as number | null,
      confidence: null as number | null,
    };
    if (ticket.status !== 'pending_dispatch' || ticket.mergedIntoId !== null) {
      return {
        ...base,
        isDispatched: false,
        reason: 'not_pending',
        message: '工单不在待派单状态',
        messageEn: 'The order is not awaiting dispatch',
      };
    }
    const s = await engine.compute({ title: ticket.title, content: ticket.content, regionId: ticket.regionId });
    const top = s.categories[0];
    const decision = decideAutoDispatch({
      ticketCategoryId: ticket.categoryId,
      categories: s.categories,
      units: s.units,
      allowedUnitIds: top ? (s.allowedUnits.get(top.categoryId) ?? []) : [],
      rule: top ? ruleFor(top.categoryId, ctx.rules, ctx.parentOf) : null,
    });
    const saved = await engine.log(s, {
      ticketId,
      requestedById: null,
      extra: { source: AUTO_DISPATCH_SOURCE, decision: decision.isDispatch ? 'dispatch' : decision.reason, ruleId: decision.ruleId },
    });
    const judged = {
      ...base,
      suggestionId: saved.id,
      categoryId: top?.categoryId ?? null,
      unitId: s.units[0]?.unitId ?? null,
      confidence: top?.confidence ?? null,
    };
    if (!decision.isDispatch)
      return { ...judged, isDispatched: false, reason: decision.reason, message: decision.message, messageEn: decision.messageEn };

    const categoryName = ctx.names.get(decision.categoryId) ?? '';
    try {
      await deps.tickets.transition(AUTO_DISPATCH_ACTOR, ticketId, 'dispatch', {
        version: ticket.version,
        leadUnitId: decision.unitId,
        coUnitIds: [],
        note: `自动派单：${categoryName}（分类置信度 ${Math.round(decision.confidence * 100)}%，单位置信度 ${Math.round(decision.unitConfidence * 100)}%）`,
      });
    } catch (error) {
      if (!(error instanceof AppError) || !RACE_CODES.has(error.code)) throw error;
      return {
        ...judged,
        isDispatched: false,
        reason: 'dispatch_failed',
        message: `自动派单未成功：${error.message}`,
        messageEn: `Auto-dispatch did not go through: ${error.messageEn}`,
      };
    }
    await repo.markAutoDispatched(saved.id, { finalCategoryId: decision.categoryId, finalUnitId: decision.unitId, decidedAt: clock.now() });
    return {
      ...judged,
      categoryId: decision.categoryId,
      unitId: decision.unitId,
      isDispatched: true,
      reason: null,
      message: null,
      messageEn: null,
    };
  }

  async function getRule(id: number) {
    const rule = (await repo.findRules()).find((r) => r.rule.id === id);
    if (!rule) throw notFound(RULE, { id });
    return presentRule(rule.rule, rule.categoryName);
  }

  /** Records the order's current lead unit and category against its latest suggestion; quietly nothing when either is missing. */
  async function recordDispatchOutcome(ticketId: number) {
    const state = await repo.findDispatchState(ticketId);
    if (!state || state.leadUnitId === null) return null;
    const suggestionId = await repo.findLatestSuggestionId(ticketId);
    if (suggestionId === null) return null;
    const routing = await repo.findLatestRouting(ticketId, ROUTING_ACTIONS);
    return repo.recordOutcome(suggestionId, {
      finalUnitId: state.leadUnitId,
      finalCategoryId: state.categoryId,
      decidedById: routing?.actorUserId ?? null,
      decidedAt: routing?.createdAt ?? clock.now(),
    });
  }

  // Every process hears every dispatch (in server mode through LISTEN/NOTIFY as well): the update is idempotent.
  deps.live.subscribe((event) => {
    if (!ROUTING_TOPICS.has(event.topic) || typeof event.ticketId !== 'number') return;
    const ticketId = event.ticketId;
    recordDispatchOutcome(ticketId).catch((error) =>
      log('recording a dispatch outcome failed', { ticketId, error: error instanceof Error ? error.message : String(error) }),
    );
  });

  return {
    recordDispatchOutcome,

    async listAutoDispatchRules(actor: Actor) {
      authorize(actor, 'configure');
      return { items: (await repo.findRules()).map((r) => presentRule(r.rule, r.categoryName)) };
    },

    async createAutoDispatchRule(actor: Actor, input: { categoryId: number; minConfidence: number; isEnabled: boolean }) {
      authorize(actor, 'configure');
      if (!(await repo.categoryExists(input.categoryId)))
        throw unknownReference({ zh: '分类', en: 'category' }, { categoryId: input.categoryId });
      const now = clock.now();
      try {
        const rule = await db.transaction(async (tx) => {
          const created = await createAutoDispatchRepository(tx).createRule({
            ...input,
            updatedById: actor.userId,
            createdAt: now,
            updatedAt: now,
          });
          await deps.audit.record(
            actor,
            { action: 'auto_dispatch_rule.create', subjectType: 'auto_dispatch_rule', subjectId: created.id, details: { ...input } },
            tx,
          );
          return created;
        });
        return getRule(rule.id);
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new AppError('CONFLICT', {
            message: '该分类已有自动派单规则',
            messageEn: 'This category already has an auto-dispatch rule',
            details: { categoryId: input.categoryId },
          });
        }
        throw error;
      }
    },

    async updateAutoDispatchRule(actor: Actor, id: number, patch: { minConfidence?: number; isEnabled?: boolean }) {
      authorize(actor, 'configure');
      const updated = await db.transaction(async (tx) => {
        const row = await createAutoDispatchRepository(tx).updateRule(id, { ...patch, updatedById: actor.userId, updatedAt: clock.now() });
        if (row)
          await deps.audit.record(
            actor,
            { action: 'auto_dispatch_rule.update', subjectType: 'auto_dispatch_rule', subjectId: id, details: { ...patch } },
            tx,
          );
        return row;
      });
      if (!updated) throw notFound(RULE, { id });
      return getRule(id);
    },

    async deleteAutoDispatchRule(actor: Actor, id: number) {
      authorize(actor, 'configure');
      const deleted = await db.transaction(async (tx) => {
        const row = await createAutoDispatchRepository(tx).deleteRule(id);
        if (row)
          await deps.audit.record(actor, { action: 'auto_dispatch_rule.delete', subjectType: 'auto_dispatch_rule', subjectId: id }, tx);
        return row;
      });
      if (!deleted) throw notFound(RULE, { id });
    },

    /** Judges one 待派单 order and dispatches it when its suggestion meets an enabled rule; the judgement is logged. */
    async autoDispatch(actor: Actor, input: { ticketId: number }) {
      authorize(actor, 'configure');
      return judge(await context({ isTreeNeeded: true }), input.ticketId);
    },

    /**
     * The every-minute job: judges the 待派单 orders of the last `windowMinutes` not judged yet. Does nothing
     * (and logs nothing) while no rule is enabled or no model is trained.
     */
    async autoDispatchPending(actor: Actor, input: { windowMinutes: number; limit: number }) {
      authorize(actor, 'configure');
      const ctx = await context({ isTreeNeeded: false });
      const outcome = { judged: 0, dispatched: 0, skipped: {} as Record<string, number>, failed: 0 };
      if (!ctx.hasEnabled || !(await engine.hasCategoryModel())) return outcome;
      const now = clock.now();
      const ids = await repo.findPendingUnjudged(
        new Date(now.getTime() - input.windowMinutes * 60_000),
        new Date(now.getTime() + 1),
        input.limit,
      );
      for (const ticketId of ids) {
        try {
          const result = await judge(ctx, ticketId);
          outcome.judged++;
          if (result.isDispatched) outcome.dispatched++;
          else if (result.reason) outcome.skipped[result.reason] = (outcome.skipped[result.reason] ?? 0) + 1;
        } catch (error) {
          // one bad order must not hold up the others
          outcome.failed++;
          log('auto-dispatch of an order failed', { ticketId, error: error instanceof Error ? error.message : String(error) });
        }
      }
      return outcome;
    },
  };
}
export type AutoDispatchService = ReturnType<typeof createAutoDispatchService>;
