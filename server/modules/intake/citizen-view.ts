/**
 * What the public sees of a ticket's history (pure): the citizen's tracking page and Open311's
 * service request updates both show lifecycle steps, never staff names, internal notes of returns
 * and disputes, supervision or SLA bookkeeping.
 */
import { LABELS_ZH, type CallbackResult } from '../../../common/enums.ts';
import { actionLabel } from '../tickets/tickets.presenter.ts';

export interface HistoryEvent {
  id: number;
  action: string;
  toStatus: string | null;
  data: Record<string, unknown>;
  note: string | null;
  createdAt: Date;
  unitName: string | null;
  /** Content of the reply a review event decided on, when it was accepted. */
  acceptedReply?: string | null;
}

/** Steps a citizen may follow; everything else (co-handler notes, 督办/催办, SLA marks) stays inside. */
const CITIZEN_ACTIONS = new Set([
  'create',
  'direct_answer',
  'dispatch',
  'sign',
  'return',
  'object',
  'decide_objection',
  'subdispatch',
  'request_extension',
  'decide_extension',
  'reply',
  'review',
  'callback',
  'reopen',
  'close',
  'merge',
  'invalidate',
  'transfer_emergency',
  'rate',
]);

/** A review that sent the reply back is quality control, not progress the citizen needs to see. */
export function isCitizenVisible(event: Pick<HistoryEvent, 'action' | 'data'>): boolean {
  if (!CITIZEN_ACTIONS.has(event.action)) return false;
  if (event.action === 'review') return event.data?.decision === 'accept';
  return true;
}

/** Status updates for Open311 clients: the visible steps after intake, without the citizen's own rating. */
export function isPublicUpdate(event: Pick<HistoryEvent, 'action' | 'data'>): boolean {
  return event.action !== 'create' && event.action !== 'rate' && isCitizenVisible(event);
}

/** Actions that can make an Open311 update (a review only when it accepted the reply). */
export const PUBLIC_UPDATE_ACTIONS = [...CITIZEN_ACTIONS].filter((a) => a !== 'create' && a !== 'rate');

const CITIZEN_LABELS: Record<string, { zh: string; en: string }> = {
  review: { zh: '答复审核通过', en: 'Reply approved' },
  close: { zh: '办结', en: 'Completed' },
};

export function citizenLabel(action: string): { zh: string; en: string } {
  return CITIZEN_LABELS[action] ?? actionLabel(action);
}

/** Steps that carry a unit worth naming to the citizen (who has the order now, who answered). */
const UNIT_ACTIONS = new Set([
  'dispatch',
  'subdispatch',
  'sign',
  'reply',
  'review',
  'decide_objection',
  'reopen',
  'return',
  'object',
  'request_extension',
]);

/**
 * The steps a citizen follows. A satisfied callback closes the order in the same event, so the closing is shown
 * as its own 办结 step after whichever event reached 'closed', as the citizen waits to read that word.
 */
export function citizenTimeline(events: HistoryEvent[]) {
  let status: string | null = null;
  return events.flatMap((e) => {
    const closesHere = e.toStatus === 'closed' && status !== 'closed' && e.action !== 'close' && e.action !== 'direct_answer';
    status = e.toStatus ?? status;
    if (!isCitizenVisible(e)) return [];
    const step = {
      action: e.action,
      label: citizenLabel(e.action),
      at: e.createdAt,
      unitName: UNIT_ACTIONS.has(e.action) ? e.unitName : null,
    };
    return closesHere ? [step, { action: 'close', label: citizenLabel('close'), at: e.createdAt, unitName: null }] : [step];
  });
}

/** One line of progress in Chinese for an Open311 update: the step, the unit, and any official answer. */
export function updateDescription(event: HistoryEvent): string {
  const label = citizenLabel(event.action).zh;
  const unit = UNIT_ACTIONS.has(event.action) && event.unitName ? event.unitName : null;
  if (event.action === 'direct_answer' && event.note) return `${label}：${event.note}`;
  if (event.action === 'review' && event.acceptedReply) return `办理结果${unit ? `（${unit}）` : ''}：${event.acceptedReply}`;
  if (event.action === 'callback' && typeof event.data?.result === 'string') {
    return `${label}：${LABELS_ZH.callback[event.data.result as CallbackResult] ?? event.data.result}`;
  }
  return unit ? `${label}（${unit}）` : label;
}
