/** Turns rows into API shapes; masking and confidentiality are applied here and nowhere else. */
import { maskPhone } from '../../../common/limits.ts';
import { STATUS_LABELS, TRANSITIONS, type TicketAction, type TicketStatus } from '../../../common/ticket-lifecycle.ts';
import type { Actor } from '../../lib/actor.ts';
import type { citizens } from '../../db/schema.ts';
import { canSeeCitizenIdentity } from './tickets.policy.ts';
import type { DetailCollections, TicketRow } from './tickets.repository.ts';
import type { TicketDetail, TicketSummary } from './tickets.schemas.ts';

const SYSTEM_ACTION_LABELS: Record<string, { zh: string; en: string }> = {
  create: { zh: '受理', en: 'Taken in' },
  sla_at_risk: { zh: '即将超期', en: 'At risk of overdue' },
  sla_overdue: { zh: '已超期', en: 'Overdue' },
  auto_reminder: { zh: '自动提醒', en: 'Automatic reminder' },
  exclude_from_assessment: { zh: '不纳入考核', en: 'Excluded from assessment' },
  follow_up: { zh: '市民追加', en: 'Citizen follow-up' },
};

export function actionLabel(action: string) {
  return (
    (TRANSITIONS as Record<string, { label: { zh: string; en: string } }>)[action]?.label ??
    SYSTEM_ACTION_LABELS[action] ?? { zh: action, en: action }
  );
}

export function presentSummary(
  viewer: Actor,
  row: {
    ticket: TicketRow;
    categoryName: string | null;
    regionName: string | null;
    leadUnitName: string | null;
    citizenPhone: string | null;
  },
): TicketSummary {
  const t = row.ticket;
  const showIdentity = canSeeCitizenIdentity(viewer, t.isConfidential);
  return {
    id: t.id,
    number: t.number,
    channel: t.channel,
    type: t.type,
    urgency: t.urgency,
    title: t.title,
    status: t.status as TicketStatus,
    statusLabel: STATUS_LABELS[t.status as TicketStatus],
    categoryId: t.categoryId,
    categoryName: row.categoryName,
    regionId: t.regionId,
    regionName: row.regionName,
    leadUnitId: t.leadUnitId,
    leadUnitName: row.leadUnitName,
    citizenPhone: showIdentity ? maskPhone(row.citizenPhone) : null,
    slaState: t.slaState,
    signDueAt: t.signDueAt,
    handleDueAt: t.handleDueAt,
    callbackDueAt: t.callbackDueAt,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
    closedAt: t.closedAt,
    isRepeat: t.isRepeat,
    hasLeaderInstruction: t.hasLeaderInstruction,
    isSupervised: t.isSupervised,
    isConfidential: t.isConfidential,
    version: t.version,
  };
}

export interface DetailParts {
  summary: {
    ticket: TicketRow;
    categoryName: string | null;
    regionName: string | null;
    leadUnitName: string | null;
    citizen: typeof citizens.$inferSelect | null;
  };
  collections: DetailCollections;
  availableActions: TicketAction[];
}

export function presentDetail(viewer: Actor, p: DetailParts): TicketDetail {
  const t = p.summary.ticket;
  const citizen = p.summary.citizen;
  const showIdentity = canSeeCitizenIdentity(viewer, t.isConfidential);
  const { assignments, events, ...lists } = p.collections;
  return {
    ...presentSummary(viewer, { ...p.summary, citizenPhone: citizen?.phone ?? null }),
    content: t.content,
    address: t.address,
    lng: t.lng,
    lat: t.lat,
    language: t.language,
    citizen:
      citizen && showIdentity
        ? { id: citizen.id, name: t.citizenName ?? citizen.name, phone: maskPhone(citizen.phone), isConfidential: t.isConfidential }
        : null,
    assignments: assignments.map(({ ticketId: _ticketId, ...a }) => a),
    events: events.map((e) => ({ ...e, actionLabel: actionLabel(e.action), data: e.data ?? {} })),
    ...lists,
    mergedIntoId: t.mergedIntoId,
    satisfaction: t.satisfaction,
    citizenRating: t.citizenRating,
    reopenCount: t.reopenCount,
    returnCount: t.returnCount,
    resolution: t.resolution,
    availableActions: p.availableActions,
  };
}

/** Digit runs long enough to be a phone, ID card or account number, wherever they appear in free text. */
const LONG_DIGITS = /\d{7,}[\dXx]?/g;
const LIVE_TITLE_MAX = 40;

/**
 * The order as a live event carries it (实时推送): number, title, category, region, urgency and status, which every
 * desk that receives the event (the centre, and units the order names) sees in its lists anyway. No citizen
 * identity; long digit runs in the title are masked; a confidential report's (举报人保密) title stays out of the
 * stream, as do content and addresses. Event payloads also travel through NOTIFY, so they stay small.
 */
export function presentLiveTicket(row: {
  number: string;
  title: string;
  urgency: string;
  status: string;
  isConfidential: boolean;
  categoryName: string | null;
  regionName: string | null;
}) {
  const title = row.title
    .replace(/\s+/g, ' ')
    .trim()
    .replace(LONG_DIGITS, (d) => maskPhone(d) ?? '');
  return {
    number: row.number,
    title: row.isConfidential ? null : [...title].length > LIVE_TITLE_MAX ? `${[...title].slice(0, LIVE_TITLE_MAX).join('')}…` : title,
    categoryName: row.categoryName,
    regionName: row.regionName,
    urgency: row.urgency,
    status: row.status,
    isConfidential: row.isConfidential,
  };
}
