/**
 * What each lifecycle action does besides changing the status: assignments, deadlines,
 * replies, callbacks… The state machine (common/ticket-lifecycle.ts) has already said it is allowed.
 */
import type { TicketStatus } from '../../../common/ticket-lifecycle.ts';
import type { Actor } from '../../lib/actor.ts';
import { AppError, unknownReference, validation } from '../../lib/errors.ts';
import type { tickets } from '../../db/schema.ts';
import type { DeadlineCalculator } from '../sla/sla.service.ts';
import type { AssignmentRow, TicketRow, TicketsRepository } from './tickets.repository.ts';
import type { TransitionBodies, StaffAction } from './tickets.schemas.ts';

export interface TransitionContext<A extends StaffAction> {
  repo: TicketsRepository;
  ticket: TicketRow;
  actor: Actor;
  body: TransitionBodies[A];
  now: Date;
  to: TicketStatus;
  active: AssignmentRow[];
  /** Resolved before the transaction: no query may run on the database handle inside it. */
  sla: DeadlineCalculator;
  /** The lead unit and its sub-units, when the action passes the order down. */
  leadSubtreeIds: number[];
}

export interface Effect {
  changes?: Partial<typeof tickets.$inferInsert>;
  /** The unit the event concerns (see the event contract). */
  unitId?: number | null;
  note?: string | null;
  data?: Record<string, unknown>;
  /** Units whose desks get a live update. */
  notifyUnitIds?: number[];
}

type Handler<A extends StaffAction> = (ctx: TransitionContext<A>) => Promise<Effect>;

const lead = (active: AssignmentRow[]) => active.find((a) => a.role === 'lead') ?? null;

function requireLead(active: AssignmentRow[]): AssignmentRow {
  const found = lead(active);
  if (!found) throw new AppError('INVALID_TRANSITION', { message: '工单当前没有主办单位', messageEn: 'The ticket has no lead unit' });
  return found;
}

async function requireUnits(repo: TicketsRepository, ids: number[]) {
  const unique = [...new Set(ids)];
  const found = await repo.findActiveUnits(unique);
  if (found.length !== unique.length) {
    const missing = unique.filter((id) => !found.some((u) => u.id === id));
    throw unknownReference({ zh: '承办单位', en: 'unit' }, { unitIds: missing });
  }
}

/** Creates the lead (and co-handler) assignments with fresh deadlines and returns the ticket changes. */
async function assign(
  ctx: TransitionContext<StaffAction>,
  leadUnitId: number,
  coUnitIds: number[],
  isRedispatch: boolean,
): Promise<Effect> {
  const { repo, ticket, now, actor } = ctx;
  const co = coUnitIds.filter((id) => id !== leadUnitId);
  await requireUnits(repo, [leadUnitId, ...co]);
  const deadlines = { ...ctx.sla.deadlines(now), policyId: ctx.sla.policyId };
  // `active` was read under the ticket's lock: nothing to withdraw on a first dispatch.
  if (ctx.active.length > 0) await repo.withdrawActiveAssignments(ticket.id, now);
  await repo.createAssignments([
    {
      ticketId: ticket.id,
      unitId: leadUnitId,
      role: 'lead',
      status: 'pending_sign',
      signDueAt: deadlines.signDueAt,
      handleDueAt: deadlines.handleDueAt,
      createdById: actor.userId,
    },
    ...co.map((unitId) => ({
      ticketId: ticket.id,
      unitId,
      role: 'co',
      status: 'pending_sign',
      signDueAt: deadlines.signDueAt,
      handleDueAt: deadlines.handleDueAt,
      createdById: actor.userId,
    })),
  ]);
  return {
    changes: {
      leadUnitId,
      signDueAt: deadlines.signDueAt,
      handleDueAt: deadlines.handleDueAt,
      pausedAt: null,
      slaState: 'normal',
      dispatchedAt: ticket.dispatchedAt ?? now,
    },
    unitId: leadUnitId,
    data: {
      leadUnitId,
      coUnitIds: co,
      signDueAt: deadlines.signDueAt.toISOString(),
      handleDueAt: deadlines.handleDueAt.toISOString(),
      isRedispatch,
      policyId: deadlines.policyId,
    },
    notifyUnitIds: [leadUnitId, ...co],
  };
}

/** Deadline after a pause (extension pending, dispute) ends. */
async function resumed(ctx: TransitionContext<StaffAction>): Promise<Date | null> {
  const { ticket, now } = ctx;
  if (!ticket.handleDueAt) return null;
  if (!ticket.pausedAt) return ticket.handleDueAt;
  return ctx.sla.resume(ticket.handleDueAt, ticket.pausedAt, now);
}

export const HANDLERS: { [A in StaffAction]: Handler<A> } = {
  async direct_answer({ repo, ticket, body, now }) {
    const ids = [...new Set(body.knowledgeItemIds)];
    if ((await repo.countExistingKnowledgeItems(ids)) !== ids.length)
      throw unknownReference({ zh: '知识库条目', en: 'knowledge item' }, { knowledgeItemIds: ids });
    await repo.addKnowledgeCitations(ticket.id, ids);
    return { changes: { closedAt: now, resolution: 'direct_answer' }, note: body.answer, data: { knowledgeItemIds: ids } };
  },

  async dispatch(ctx) {
    const effect = await assign(ctx, ctx.body.leadUnitId, ctx.body.coUnitIds, ctx.ticket.status === 'returned');
    const offCatalogueReason = ctx.body.offCatalogueReason ?? null;
    return { ...effect, note: ctx.body.note ?? null, data: offCatalogueReason ? { ...effect.data, offCatalogueReason } : effect.data };
  },

  async classify({ repo, body, ticket }) {
    const missing = await repo.findMissingClassification(body.categoryId ?? null, body.regionId ?? null);
    if (missing.categoryId) throw unknownReference({ zh: '分类', en: 'category' }, { categoryId: body.categoryId });
    if (missing.regionId) throw unknownReference({ zh: '区域', en: 'region' }, { regionId: body.regionId });
    const changes = {
      categoryId: body.categoryId ?? ticket.categoryId,
      regionId: body.regionId ?? ticket.regionId,
      type: body.type ?? ticket.type,
    };
    return { changes, data: { from: { categoryId: ticket.categoryId, regionId: ticket.regionId, type: ticket.type }, to: changes } };
  },

  async sign({ repo, active, now, body }) {
    const a = requireLead(active);
    await repo.updateAssignment(a.id, { status: 'signed', signedAt: now });
    return { unitId: a.unitId, note: body.note ?? null, data: { isOnTime: !a.signDueAt || now <= a.signDueAt } };
  },

  async return({ repo, active, now, body, ticket }) {
    const a = requireLead(active);
    await repo.withdrawActiveAssignments(ticket.id, now);
    await repo.updateAssignment(a.id, { status: 'returned', reason: body.reason, finishedAt: now });
    return { changes: { pausedAt: now, returnCount: ticket.returnCount + 1, slaState: 'normal' }, unitId: a.unitId, note: body.reason };
  },

  async object({ repo, active, now, body, actor }) {
    const a = requireLead(active);
    if (body.suggestedUnitId) await requireUnits(repo, [body.suggestedUnitId]);
    await repo.updateAssignment(a.id, { status: 'objected', reason: body.reason });
    await repo.createObjection({
      ticketId: a.ticketId,
      assignmentId: a.id,
      reason: body.reason,
      suggestedUnitId: body.suggestedUnitId ?? null,
      requestedById: actor.userId,
    });
    return { changes: { pausedAt: now }, unitId: a.unitId, note: body.reason, data: { suggestedUnitId: body.suggestedUnitId ?? null } };
  },

  async decide_objection(ctx) {
    const { repo, ticket, body, now, actor, active } = ctx;
    const objection = await repo.findPendingObjection(ticket.id);
    const a = requireLead(active);
    if (!objection) throw new AppError('INVALID_TRANSITION', { message: '没有待审核的派单异议', messageEn: 'No pending dispatch dispute' });
    await repo.updateObjection(objection.id, {
      status: body.decision === 'approve' ? 'approved' : 'denied',
      decidedById: actor.userId,
      decidedAt: now,
      decisionNote: body.note ?? null,
    });
    if (body.decision === 'approve') {
      const newUnitId = body.unitId ?? objection.suggestedUnitId;
      if (!newUnitId) throw validation('同意异议时必须指定新的承办单位', 'Approving a dispute needs the new lead unit', { path: 'unitId' });
      if (newUnitId === a.unitId)
        throw validation('新的承办单位不能是原单位', 'The new lead unit must differ from the disputing unit', { path: 'unitId' });
      const effect = await assign(ctx, newUnitId, [], true);
      return {
        ...effect,
        note: body.note ?? null,
        data: { ...effect.data, decision: 'approve', newUnitId },
        notifyUnitIds: [a.unitId, newUnitId],
      };
    }
    await repo.updateAssignment(a.id, { status: a.signedAt ? 'signed' : 'pending_sign' });
    return {
      changes: { handleDueAt: await resumed(ctx), pausedAt: null },
      unitId: a.unitId,
      note: body.note ?? null,
      data: { decision: 'deny', newUnitId: null },
      notifyUnitIds: [a.unitId],
    };
  },

  async subdispatch(ctx) {
    const { repo, ticket, body, now, actor, active } = ctx;
    const parent = requireLead(active);
    if (body.unitId === parent.unitId || !ctx.leadSubtreeIds.includes(body.unitId)) {
      throw validation('只能下派给本单位的下级单位', 'Orders can only be passed down to a sub-unit of the lead unit', { path: 'unitId' });
    }
    await requireUnits(repo, [body.unitId]);
    const { signDueAt } = ctx.sla.deadlines(now);
    await repo.updateAssignment(parent.id, { status: 'withdrawn', finishedAt: now });
    await repo.createAssignments([
      {
        ticketId: ticket.id,
        unitId: body.unitId,
        role: 'lead',
        status: 'pending_sign',
        parentAssignmentId: parent.id,
        signDueAt,
        handleDueAt: ticket.handleDueAt,
        createdById: actor.userId,
      },
    ]);
    return {
      changes: { leadUnitId: body.unitId, signDueAt },
      unitId: body.unitId,
      note: body.note ?? null,
      data: { parentUnitId: parent.unitId },
      notifyUnitIds: [body.unitId, parent.unitId],
    };
  },

  async request_extension({ repo, active, now, body, actor, ticket }) {
    const a = requireLead(active);
    await repo.createExtension({
      ticketId: ticket.id,
      assignmentId: a.id,
      requestedDays: body.days,
      reason: body.reason,
      requestedById: actor.userId,
    });
    return { changes: { pausedAt: now }, unitId: a.unitId, note: body.reason, data: { days: body.days } };
  },

  async decide_extension(ctx) {
    const { repo, ticket, body, now, actor, active } = ctx;
    const request = await repo.findPendingExtension(ticket.id);
    if (!request) throw new AppError('INVALID_TRANSITION', { message: '没有待审批的延期申请', messageEn: 'No pending extension request' });
    const a = requireLead(active);
    const isApproved = body.decision === 'approve';
    await repo.updateExtension(request.id, {
      status: isApproved ? 'approved' : 'denied',
      decidedById: actor.userId,
      decidedAt: now,
      decisionNote: body.note ?? null,
    });
    const base = await resumed(ctx);
    const handleDueAt = base && isApproved ? ctx.sla.extend(base, request.requestedDays) : base;
    if (handleDueAt) await repo.updateAssignment(a.id, { handleDueAt });
    return {
      changes: { handleDueAt, pausedAt: null, ...(handleDueAt && handleDueAt > now ? { slaState: 'normal' } : {}) },
      unitId: a.unitId,
      note: body.note ?? null,
      data: { decision: body.decision, days: isApproved ? request.requestedDays : 0 },
      notifyUnitIds: [a.unitId],
    };
  },

  async reply({ repo, active, now, body, actor, ticket }) {
    const a = requireLead(active);
    const reply = await repo.createReply({
      ticketId: ticket.id,
      assignmentId: a.id,
      unitId: a.unitId,
      authorId: actor.userId,
      content: body.content,
    });
    const linked = await repo.linkAttachments(body.attachmentIds, { ticketId: ticket.id, replyId: reply.id }, actor.userId);
    if (linked !== new Set(body.attachmentIds).size)
      throw unknownReference({ zh: '附件', en: 'attachment' }, { attachmentIds: body.attachmentIds });
    await repo.updateAssignment(a.id, { status: 'signed' });
    return {
      changes: { repliedAt: now },
      unitId: a.unitId,
      data: { replyId: reply.id, isOnTime: !ticket.handleDueAt || now <= ticket.handleDueAt },
    };
  },

  async co_reply({ repo, active, actor, body, now }) {
    const co = active.find((x) => x.role === 'co' && x.unitId === actor.unitId) ?? active.find((x) => x.role === 'co');
    // 协办意见 given: the co-handler's part is finished (signing it first is implied).
    if (co) await repo.updateAssignment(co.id, { status: 'replied', signedAt: co.signedAt ?? now, finishedAt: now });
    return { unitId: co?.unitId ?? actor.unitId, note: body.content };
  },

  async review({ repo, ticket, body, now, actor, active, sla }) {
    const reply = await repo.findLatestSubmittedReply(ticket.id);
    if (!reply) throw new AppError('INVALID_TRANSITION', { message: '没有待审核的答复', messageEn: 'No reply waiting for review' });
    const isAccepted = body.decision === 'accept';
    await repo.updateReply(reply.id, {
      status: isAccepted ? 'accepted' : 'rejected',
      reviewNote: body.note ?? null,
      reviewedById: actor.userId,
      reviewedAt: now,
    });
    const a = lead(active);
    if (isAccepted) {
      if (a) await repo.updateAssignment(a.id, { status: 'replied', finishedAt: now });
      return {
        changes: { callbackDueAt: sla.callbackDue(now) },
        unitId: reply.unitId,
        note: body.note ?? null,
        data: { decision: 'accept', replyId: reply.id },
      };
    }
    return {
      unitId: reply.unitId,
      note: body.note ?? null,
      data: { decision: 'reject', replyId: reply.id },
      notifyUnitIds: [reply.unitId],
    };
  },

  async callback({ repo, ticket, body, now, actor, to }) {
    await repo.createCallback({
      ticketId: ticket.id,
      result: body.result,
      isResolved: body.isResolved ?? null,
      note: body.note ?? null,
      agentId: actor.userId,
    });
    const changes: Effect['changes'] = body.result === 'unreachable' ? {} : { satisfaction: body.result };
    if (to === 'closed') Object.assign(changes, { closedAt: now, resolution: 'handled' });
    return {
      changes,
      unitId: ticket.leadUnitId,
      note: body.note ?? null,
      data: { result: body.result, isResolved: body.isResolved ?? null },
    };
  },

  async reopen(ctx) {
    const leadUnitId = ctx.ticket.leadUnitId;
    if (!leadUnitId)
      throw new AppError('INVALID_TRANSITION', { message: '工单没有可重办的承办单位', messageEn: 'No unit to reopen the order with' });
    const effect = await assign(ctx, leadUnitId, [], true);
    return {
      ...effect,
      changes: { ...effect.changes, reopenCount: ctx.ticket.reopenCount + 1, satisfaction: null, callbackDueAt: null },
      note: ctx.body.note ?? null,
    };
  },

  async close({ now, body, ticket }) {
    return { changes: { closedAt: now, resolution: 'handled' }, unitId: ticket.leadUnitId, note: body.note ?? null };
  },

  async merge({ repo, ticket, body, now }) {
    if (body.mainTicketId === ticket.id)
      throw validation('不能与自身并单', 'A ticket cannot be merged into itself', { path: 'mainTicketId' });
    let main = await repo.getById(body.mainTicketId).catch(() => {
      throw unknownReference({ zh: '主工单', en: 'main ticket' }, { mainTicketId: body.mainTicketId });
    });
    // A main order that was itself merged stands for its final main order (chains are resolved, never stored).
    for (let hops = 0; main.status === 'merged' && main.mergedIntoId !== null && main.id !== ticket.id && hops < 50; hops++) {
      main = await repo.getById(main.mergedIntoId);
    }
    if (main.id === ticket.id) {
      throw validation('主工单已并入本工单，不能反向并单', 'The main ticket was already merged into this one', {
        path: 'mainTicketId',
        finalMainTicketId: main.id,
      });
    }
    if (['merged', 'invalid', 'transferred'].includes(main.status)) {
      throw validation('主工单已并单或已作废，不能作为主单', 'The main ticket is itself merged or void', { path: 'mainTicketId' });
    }
    if (main.id !== body.mainTicketId) await repo.lockInIdOrder([main.id]);
    await repo.withdrawActiveAssignments(ticket.id, now);
    await repo.repointMerged(ticket.id, main.id, now);
    return {
      changes: { mergedIntoId: main.id, isRepeat: true, closedAt: now, resolution: 'merged', pausedAt: null },
      note: body.note ?? null,
      data: { mainTicketId: main.id, mainNumber: main.number },
    };
  },

  async invalidate({ now, body }) {
    return { changes: { closedAt: now, resolution: 'invalid' }, note: body.reason };
  },

  async transfer_emergency({ now, body }) {
    return { changes: { closedAt: now, resolution: 'transferred' }, note: body.note ?? null, data: { line: body.line } };
  },

  async supervise({ repo, ticket, body, actor }) {
    await repo.createSupervision({
      ticketId: ticket.id,
      kind: 'supervise',
      unitId: ticket.leadUnitId,
      content: body.content,
      dueAt: body.dueAt ?? null,
      issuedById: actor.userId,
    });
    return {
      changes: { isSupervised: true },
      unitId: ticket.leadUnitId,
      note: body.content,
      notifyUnitIds: ticket.leadUnitId ? [ticket.leadUnitId] : [],
    };
  },

  async urge({ repo, ticket, body, actor }) {
    await repo.createSupervision({
      ticketId: ticket.id,
      kind: 'urge',
      unitId: ticket.leadUnitId,
      content: body.content,
      issuedById: actor.userId,
    });
    return { unitId: ticket.leadUnitId, note: body.content, notifyUnitIds: ticket.leadUnitId ? [ticket.leadUnitId] : [] };
  },

  async leader_instruction({ repo, ticket, body, actor }) {
    await repo.createSupervision({
      ticketId: ticket.id,
      kind: 'leader_instruction',
      unitId: ticket.leadUnitId,
      content: body.content,
      issuedById: actor.userId,
    });
    return {
      changes: { hasLeaderInstruction: true },
      unitId: ticket.leadUnitId,
      note: body.content,
      notifyUnitIds: ticket.leadUnitId ? [ticket.leadUnitId] : [],
    };
  },
};
