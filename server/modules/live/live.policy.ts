import { CENTER_ROLES, UNIT_ROLES } from '../../../common/enums.ts';
import type { Actor } from '../../lib/actor.ts';
import type { LiveEvent } from '../../lib/live.ts';

/** Who may open the live stream at all: signed-in people and integrations with a role. */
export function canSubscribe(actor: Actor): boolean {
  return (actor.kind === 'user' || actor.kind === 'api_key') && actor.role !== null;
}

/** The center sees every event; a unit desk only events that concern its own unit. */
export function canReceive(actor: Pick<Actor, 'role' | 'unitId'>, event: Pick<LiveEvent, 'unitIds'>): boolean {
  if (!actor.role) return false;
  if (CENTER_ROLES.includes(actor.role)) return true;
  if (UNIT_ROLES.includes(actor.role)) return actor.unitId !== null && event.unitIds.includes(actor.unitId);
  return false;
}
