import { CENTER_ROLES, UNIT_ROLES, type Role } from '../../../common/enums.ts';
import type { Actor } from '../../lib/actor.ts';
import type { LiveEvent } from '../../lib/live.ts';

/** Who is listening: the role, and for unit users the units whose orders they see. */
export interface Listener {
  role: Role | null;
  /** A handler's own unit; a unit admin's unit and its sub-units (as the ticket lists). */
  unitIds: number[];
}

/** Who may open the live stream at all: signed-in people and integrations with a role. */
export function canSubscribe(actor: Actor): boolean {
  return (actor.kind === 'user' || actor.kind === 'api_key') && actor.role !== null;
}

/** The center sees every event; a unit desk only events that concern one of its units. */
export function canReceive(listener: Listener, event: Pick<LiveEvent, 'unitIds'>): boolean {
  if (!listener.role) return false;
  if (CENTER_ROLES.includes(listener.role)) return true;
  if (UNIT_ROLES.includes(listener.role)) return event.unitIds.some((id) => listener.unitIds.includes(id));
  return false;
}
