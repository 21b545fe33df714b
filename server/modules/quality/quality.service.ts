/**
 * 质检: inspection forms (admin), seeded samples of agents' orders and calls, and scoring by the center's
 * quality staff. Scores count in the agent's record for the period of the inspected order or call.
 */
import { maskPhone } from '../../../common/limits.ts';
import type { Db } from '../../db/client.ts';
import type { qualityForms } from '../../db/schema.ts';
import type { Actor, Clock } from '../../lib/actor.ts';
import { AppError, notFound, unknownReference, validation } from '../../lib/errors.ts';
import { today, validatePeriod } from '../analytics/periods.ts';
import { periodInstants } from '../calls/calls.service.ts';
import { isRecordingKept } from '../telephony/acd.ts';
import { authorize, can } from './quality.policy.ts';
import { createQualityRepository, type QualityRepository } from './quality.repository.ts';
import { drawSample, scoreInspection, validateFormItems, type FormItem, type ItemScore } from './quality-scoring.ts';

const FORM = { zh: '质检评分表', en: 'inspection form' };
const INSPECTION = { zh: '质检记录', en: 'inspection' };
const AGENT = { zh: '坐席', en: 'agent' };

export interface FormInput {
  name: string;
  description?: string | null;
  items: FormItem[];
  isActive: boolean;
}

type FormRow = typeof qualityForms.$inferSelect;
const presentForm = (f: FormRow, usedCount: number) => ({
  id: f.id,
  name: f.name,
  description: f.description,
  version: f.version,
  previousVersionId: f.previousVersionId,
  items: f.items as FormItem[],
  isActive: f.isActive,
  usedCount,
  isFrozen: usedCount > 0,
  createdAt: f.createdAt,
  updatedAt: f.updatedAt,
});

type InspectionRow = Awaited<ReturnType<QualityRepository['findInspections']>>[number];
/** `now` and `recordingRetentionDays` decide whether the call's recording still plays (else no player is offered). */
function presentInspection(r: InspectionRow, now: Date, recordingRetentionDays: number) {
  const i = r.inspection;
  return {
    id: i.id,
    formId: i.formId,
    formName: r.formName,
    formVersion: r.formVersion,
    agentUserId: i.agentUserId,
    agentName: r.agentName,
    subjectKind: i.subjectKind as 'ticket' | 'call',
    ticketId: i.ticketId,
    ticketNumber: r.ticketNumber,
    ticketTitle: r.ticketTitle,
    ticketChannel: r.ticketChannel,
    callRecordId: i.callRecordId,
    callPhone: maskPhone(r.callPhone),
    callTalkSeconds: r.callTalkSeconds,
    callQueue: r.callQueue,
    recordedCallId:
      r.recordedCallId && r.recordedCallOfferedAt && isRecordingKept(r.recordedCallOfferedAt, now, recordingRetentionDays)
        ? r.recordedCallId
        : null,
    subjectAt: i.subjectAt,
    sampleSeed: i.sampleSeed,
    status: i.status as 'pending' | 'scored',
    score: i.score,
    hasFatal: i.hasFatal,
    scores: (i.scores as { key: string; points: number | null; isViolated: boolean | null }[] | null) ?? null,
    comment: i.comment,
    inspectorName: r.inspectorName,
    createdAt: i.createdAt,
    scoredAt: i.scoredAt,
  };
}

export function createQualityService(deps: { db: Db; clock: Clock; recordingRetentionDays: number }) {
  const { db, clock } = deps;
  const present = (r: InspectionRow) => presentInspection(r, clock.now(), deps.recordingRetentionDays);
  const repo = createQualityRepository(db);
  const period = (from: string, to: string) => {
    const p = validatePeriod({ from, to }, today(clock.now()));
    return { ...p, ...periodInstants(p.from, p.to) };
  };

  async function formById(id: number) {
    const form = await repo.getForm(id);
    if (!form) throw notFound(FORM, { formId: id });
    return presentForm(form, await repo.countUses(id));
  }

  async function inspectionsByIds(ids: number[]) {
    const rows = await repo.findInspections({ ids, fromAt: new Date(0), toAt: new Date(0), limit: Math.max(ids.length, 1) });
    return rows.map(present);
  }

  return {
    async listForms(actor: Actor, input: { includeInactive: boolean }) {
      authorize(actor, 'read_forms');
      return (await repo.findForms(input.includeInactive)).map((r) => presentForm(r.form, Number(r.usedCount)));
    },

    async createForm(actor: Actor, input: FormInput) {
      authorize(actor, 'manage_forms');
      const items = validateFormItems(input.items);
      const now = clock.now();
      const row = await repo.insertForm({
        name: input.name,
        description: input.description ?? null,
        items,
        isActive: input.isActive,
        createdById: actor.userId,
        createdAt: now,
        updatedAt: now,
      });
      return presentForm(row, 0);
    },

    /**
     * Edits a form. A form no inspection used yet is changed in place; a used one is frozen, so the edit is
     * saved as a new version (version + 1) and the old version is retired (inactive), keeping old scores readable.
     */
    async updateForm(actor: Actor, id: number, input: FormInput) {
      authorize(actor, 'manage_forms');
      const items = validateFormItems(input.items);
      const now = clock.now();
      const savedId = await db.transaction(async (tx) => {
        const r = createQualityRepository(tx);
        if (!(await r.lockForm(id))) throw notFound(FORM, { formId: id });
        const current = (await r.getForm(id))!;
        if ((await r.countUses(id)) === 0) {
          await r.updateForm(id, {
            name: input.name,
            description: input.description ?? null,
            items,
            isActive: input.isActive,
            updatedAt: now,
          });
          return id;
        }
        if (!current.isActive) {
          throw new AppError('CONFLICT', {
            message: '该评分表已停用并已有新版本，请编辑最新版本',
            messageEn: 'This form was retired; edit its latest version',
            details: { reason: 'form_retired', formId: id },
          });
        }
        await r.updateForm(id, { isActive: false, updatedAt: now });
        const next = await r.insertForm({
          name: input.name,
          description: input.description ?? null,
          items,
          isActive: input.isActive,
          version: current.version + 1,
          previousVersionId: id,
          createdById: actor.userId,
          createdAt: now,
          updatedAt: now,
        });
        return next.id;
      });
      return formById(savedId);
    },

    /** Deletes a form nobody used; a used form is retired (made inactive) instead, as its scores refer to it. */
    async deleteForm(actor: Actor, id: number) {
      authorize(actor, 'manage_forms');
      return db.transaction(async (tx) => {
        const r = createQualityRepository(tx);
        if (!(await r.lockForm(id))) throw notFound(FORM, { formId: id });
        if ((await r.countUses(id)) === 0) {
          await r.deleteForm(id);
          return { id, isDeleted: true, isActive: false };
        }
        await r.updateForm(id, { isActive: false, updatedAt: clock.now() });
        return { id, isDeleted: false, isActive: false };
      });
    },

    /**
     * 抽检: for each agent, draws up to N orders they took in and M calls they answered in the period that were
     * never inspected, with a seeded shuffle (same seed and candidates → same draw), as pending inspections.
     */
    async sample(
      actor: Actor,
      input: {
        formId: number;
        from: string;
        to: string;
        agentUserIds?: number[];
        ordersPerAgent: number;
        callsPerAgent: number;
        seed?: number;
      },
    ) {
      authorize(actor, 'inspect');
      const p = period(input.from, input.to);
      if (input.ordersPerAgent + input.callsPerAgent === 0) {
        throw validation('请至少抽取一件工单或一个通话', 'Ask for at least one order or call per agent', { reason: 'empty_sample' });
      }
      const form = await repo.getForm(input.formId);
      if (!form) throw unknownReference(FORM, { formId: input.formId });
      if (!form.isActive) throw validation('该评分表已停用', 'This form is retired', { reason: 'form_inactive', formId: input.formId });
      let agentIds = input.agentUserIds ? [...new Set(input.agentUserIds)] : await repo.findActiveAgentIds(p.fromAt, p.toAt);
      if (input.agentUserIds) {
        const found = await repo.findAgents(agentIds);
        const unknown = agentIds.filter((id) => !found.some((u) => u.id === id && u.role === 'agent'));
        if (unknown.length) throw unknownReference(AGENT, { reason: 'unknown_agent', agentUserIds: unknown });
      }
      agentIds = agentIds.sort((a, b) => a - b);
      const seed = input.seed ?? Math.floor(Math.random() * 2_147_483_647);
      const now = clock.now();
      const { ids, agents } = await db.transaction(async (tx) => {
        const r = createQualityRepository(tx);
        const values: Parameters<QualityRepository['insertInspections']>[0] = [];
        const agents = [];
        for (const agentUserId of agentIds) {
          const [orders, calls] = [
            await r.findOrderCandidates(agentUserId, p.fromAt, p.toAt),
            await r.findCallCandidates(agentUserId, p.fromAt, p.toAt),
          ];
          const orderAt = new Map(orders.map((o) => [o.id, o.at]));
          const callAt = new Map(calls.map((c) => [c.id, c.at]));
          const pickedOrders = drawSample(
            orders.map((o) => o.id),
            input.ordersPerAgent,
            seed,
            agentUserId,
          );
          const pickedCalls = drawSample(
            calls.map((c) => c.id),
            input.callsPerAgent,
            seed,
            agentUserId ^ 0x5a5a5a5a,
          );
          const base = { formId: form.id, agentUserId, sampleSeed: seed, status: 'pending', sampledById: actor.userId, createdAt: now };
          for (const id of pickedOrders) values.push({ ...base, subjectKind: 'ticket', ticketId: id, subjectAt: orderAt.get(id)! });
          for (const id of pickedCalls) values.push({ ...base, subjectKind: 'call', callRecordId: id, subjectAt: callAt.get(id)! });
          agents.push({
            agentUserId,
            orderCandidates: orders.length,
            callCandidates: calls.length,
            orders: pickedOrders.length,
            calls: pickedCalls.length,
          });
        }
        return { ids: await r.insertInspections(values), agents };
      });
      return { seed, agents, items: await inspectionsByIds(ids) };
    },

    /** Inspections of subjects in the period; an agent sees only their own. */
    async listInspections(
      actor: Actor,
      input: { from: string; to: string; agentUserId?: number; status?: 'pending' | 'scored'; limit: number },
    ) {
      const agentUserId = can(actor, 'read_all') ? input.agentUserId : (input.agentUserId ?? actor.userId ?? undefined);
      authorize(actor, 'read_own', { agentUserId });
      const p = period(input.from, input.to);
      const rows = await repo.findInspections({ fromAt: p.fromAt, toAt: p.toAt, agentUserId, status: input.status, limit: input.limit });
      return rows.map(present);
    },

    async getInspection(actor: Actor, id: number) {
      authorize(actor, 'read_forms');
      const row = await repo.getInspection(id);
      if (!row) throw notFound(INSPECTION, { inspectionId: id });
      authorize(actor, 'read_own', { agentUserId: row.agentUserId });
      const [inspection] = await inspectionsByIds([id]);
      return { ...inspection, form: await formById(row.formId) };
    },

    /** 评分: every item of the inspection's form, checked against it; a fatal violation zeroes the score. Scored once. */
    async score(actor: Actor, id: number, input: { scores: ItemScore[]; comment?: string | null }) {
      authorize(actor, 'inspect');
      const now = clock.now();
      await db.transaction(async (tx) => {
        const r = createQualityRepository(tx);
        const row = await r.lockInspection(id);
        if (!row) throw notFound(INSPECTION, { inspectionId: id });
        if (row.status !== 'pending') {
          throw new AppError('CONFLICT', {
            message: '该质检记录已评分',
            messageEn: 'This inspection is already scored',
            details: { reason: 'already_scored', inspectionId: id },
          });
        }
        if (actor.userId !== null && actor.userId === Number(row.agent_user_id)) {
          throw validation('不能给自己的工作评分', 'You cannot score your own work', { reason: 'self_inspection' });
        }
        const form = (await r.getForm(Number(row.form_id)))!;
        const result = scoreInspection(form.items as FormItem[], input.scores);
        await r.scoreInspection(id, {
          status: 'scored',
          score: result.score,
          hasFatal: result.hasFatal,
          scores: result.scores,
          comment: input.comment ?? null,
          inspectorId: actor.userId,
          scoredAt: now,
        });
      });
      const [inspection] = await inspectionsByIds([id]);
      return { ...inspection, form: await formById(inspection.formId) };
    },
  };
}
export type QualityService = ReturnType<typeof createQualityService>;
