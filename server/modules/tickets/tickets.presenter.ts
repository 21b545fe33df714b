/** Turns rows into API shapes; masking and confidentiality are applied here and nowhere else. */
import { maskPhone } from '../../../common/limits.ts';
import { STATUS_LABELS, TRANSITIONS, type TicketAction, type TicketStatus } from '../../../common/ticket-lifecycle.ts';
import type { Actor } from '../../lib/actor.ts';
import type { citizens } from '../../db/schema.ts';
import { canSeeCitizenIdentity } from './tickets.policy.ts';
import type { TicketRow } from './tickets.repository.ts';
import type { TicketDetail, TicketSummary } from './tickets.schemas.ts';

const SYSTEM_ACTION_LABELS: Record<string, { zh: string; en: string }> = {
  create: { zh: '受理', en: 'Taken in' },
  sla_at_risk: { zh: '即将超期', en: 'At risk of overdue' },
  sla_overdue: { zh: '已超期', en: 'Overdue' },
  auto_reminder: { zh: '自动提醒', en: 'Automatic reminder' },
  exclude_from_assessment: { zh: '不纳入考核', en: 'Excluded from assessment' },
};

export function actionLabel(action: string) {
  return (TRANSITIONS as Record<string, { label: { zh: string; en: string } }>)[action]?.label ?? SYSTEM_ACTION_LABELS[action] ?? { zh: action, en: action };
}

export function presentSummary(
  viewer: Actor,
  row: { ticket: TicketRow; categoryName: string | null; regionName: string | null; leadUnitName: string | null; citizenPhone: string | null },
): TicketSummary {
  const t = row.ticket;
  const showIdentity = canSeeCitizenIdentity(viewer, t.isConfidential);
  return {
    id: t.id, number: t.number, channel: t.channel, type: t.type, urgency: t.urgency, title: t.title,
    status: t.status as TicketStatus, statusLabel: STATUS_LABELS[t.status as TicketStatus],
    categoryId: t.categoryId, categoryName: row.categoryName, regionId: t.regionId, regionName: row.regionName,
    leadUnitId: t.leadUnitId, leadUnitName: row.leadUnitName,
    citizenPhone: showIdentity ? maskPhone(row.citizenPhone) : null,
    slaState: t.slaState, signDueAt: t.signDueAt, handleDueAt: t.handleDueAt, callbackDueAt: t.callbackDueAt,
    createdAt: t.createdAt, updatedAt: t.updatedAt, closedAt: t.closedAt,
    isRepeat: t.isRepeat, hasLeaderInstruction: t.hasLeaderInstruction, isConfidential: t.isConfidential, version: t.version,
  };
}

export interface DetailParts {
  summary: { ticket: TicketRow; categoryName: string | null; regionName: string | null; leadUnitName: string | null; citizen: typeof citizens.$inferSelect | null };
  assignments: Awaited<ReturnType<import('./tickets.repository.ts').TicketsRepository['findAssignments']>>;
  events: Awaited<ReturnType<import('./tickets.repository.ts').TicketsRepository['findEvents']>>;
  replies: Awaited<ReturnType<import('./tickets.repository.ts').TicketsRepository['findReplies']>>;
  callbacks: Awaited<ReturnType<import('./tickets.repository.ts').TicketsRepository['findCallbacks']>>;
  extensions: Awaited<ReturnType<import('./tickets.repository.ts').TicketsRepository['findExtensions']>>;
  objections: Awaited<ReturnType<import('./tickets.repository.ts').TicketsRepository['findObjections']>>;
  supervisions: Awaited<ReturnType<import('./tickets.repository.ts').TicketsRepository['findSupervisions']>>;
  attachments: Awaited<ReturnType<import('./tickets.repository.ts').TicketsRepository['findAttachments']>>;
  knowledgeItemIds: number[];
  mergedTicketIds: number[];
  availableActions: TicketAction[];
}

export function presentDetail(viewer: Actor, p: DetailParts): TicketDetail {
  const t = p.summary.ticket;
  const citizen = p.summary.citizen;
  const showIdentity = canSeeCitizenIdentity(viewer, t.isConfidential);
  return {
    ...presentSummary(viewer, { ...p.summary, citizenPhone: citizen?.phone ?? null }),
    content: t.content, address: t.address, lng: t.lng, lat: t.lat,
    citizen: citizen && showIdentity
      ? { id: citizen.id, name: t.citizenName ?? citizen.name, phone: maskPhone(citizen.phone), isConfidential: t.isConfidential }
      : null,
    assignments: p.assignments.map(({ assignment: a, unitName }) => ({
      id: a.id, unitId: a.unitId, unitName, role: a.role, status: a.status, parentAssignmentId: a.parentAssignmentId,
      signDueAt: a.signDueAt, handleDueAt: a.handleDueAt, signedAt: a.signedAt, reason: a.reason, createdAt: a.createdAt,
    })),
    events: p.events.map(({ event: e, actorName, actorUnitName, unitName }) => ({
      id: e.id, action: e.action, actionLabel: actionLabel(e.action), fromStatus: e.fromStatus, toStatus: e.toStatus,
      actorName, actorUnitName, unitName, note: e.note, data: (e.data ?? {}) as Record<string, unknown>, createdAt: e.createdAt,
    })),
    replies: p.replies.map(({ reply: r, unitName }) => ({ id: r.id, unitId: r.unitId, unitName, content: r.content, status: r.status, reviewNote: r.reviewNote, createdAt: r.createdAt })),
    callbacks: p.callbacks.map((c) => ({ id: c.id, result: c.result, isResolved: c.isResolved, note: c.note, createdAt: c.createdAt })),
    extensions: p.extensions.map((x) => ({ id: x.id, requestedDays: x.requestedDays, reason: x.reason, status: x.status, decisionNote: x.decisionNote, createdAt: x.createdAt })),
    objections: p.objections.map((o) => ({ id: o.id, reason: o.reason, suggestedUnitId: o.suggestedUnitId, status: o.status, decisionNote: o.decisionNote, createdAt: o.createdAt })),
    supervisions: p.supervisions.map((s) => ({ id: s.id, kind: s.kind, unitId: s.unitId, content: s.content, dueAt: s.dueAt, createdAt: s.createdAt })),
    attachments: p.attachments,
    knowledgeItemIds: p.knowledgeItemIds,
    mergedIntoId: t.mergedIntoId,
    mergedTicketIds: p.mergedTicketIds,
    satisfaction: t.satisfaction, citizenRating: t.citizenRating,
    reopenCount: t.reopenCount, returnCount: t.returnCount, resolution: t.resolution,
    availableActions: p.availableActions,
  };
}
