import { CENTER_ROLES, UNIT_ROLES, type Role } from '../../../common/enums.ts';
import type { Actor } from '../../lib/actor.ts';
import type { LiveEvent } from '../../lib/live.ts';
import { ALERT_ROLES } from '../insight/insight.policy.ts';

/** Who is listening: the role, and for unit users the units whose orders they see. */
export interface Listener {
  role: Role | null;
  /** A handler's own unit; a unit admin's unit and its sub-units (as the ticket lists). */
  unitIds: number[];
  /** Telephony events name the users they are for. */
  userId?: number | null;
}

/** Telephony events (agent.state, call.*, wallboard): for the users they name, the wallboard for the roles that watch it. */
const isTelephonyTopic = (topic: string) => topic.startsWith('agent.') || topic.startsWith('call.') || topic === 'wallboard';
const WALLBOARD_ROLES: readonly Role[] = ['supervisor', 'leader', 'admin'];

/** Who may open the live stream at all: signed-in people and integrations with a role. */
export function canSubscribe(actor: Actor): boolean {
  return (actor.kind === 'user' || actor.kind === 'api_key') && actor.role !== null;
}

/** The SSE event name: `alert` for surge alerts (预警, topics alert.*), `ticket` for everything about orders. */
export function eventKind(event: Pick<LiveEvent, 'topic'>): 'ticket' | 'alert' | 'telephony' {
  if (isTelephonyTopic(event.topic)) return 'telephony';
  return event.topic.startsWith('alert.') ? 'alert' : 'ticket';
}

/** The center sees every event; a unit desk only events that concern one of its units; alerts go to the roles that watch them. */
export function canReceive(listener: Listener, event: Pick<LiveEvent, 'unitIds' | 'userIds'> & { topic?: string }): boolean {
  if (!listener.role) return false;
  if (event.topic !== undefined && isTelephonyTopic(event.topic)) {
    if (event.topic === 'wallboard') return WALLBOARD_ROLES.includes(listener.role);
    return listener.userId != null && (event.userIds ?? []).includes(listener.userId);
  }
  if (event.topic !== undefined && eventKind({ topic: event.topic }) === 'alert') return ALERT_ROLES.includes(listener.role);
  if (CENTER_ROLES.includes(listener.role)) return true;
  if (UNIT_ROLES.includes(listener.role)) return event.unitIds.some((id) => listener.unitIds.includes(id));
  return false;
}
