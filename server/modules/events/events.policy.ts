/**
 * Who may read the event feed: integrations (API keys) and admins. A key acting in a unit role (a utility's or a
 * district's own system) reads only the events that concern its unit, as a unit desk sees only its orders; a key
 * acting in a centre role (gateways, the phone system) reads every event, as the centre's desks do.
 */
import { CENTER_ROLES, UNIT_ROLES } from '../../../common/enums.ts';
import type { Actor } from '../../lib/actor.ts';
import { forbidden } from '../../lib/errors.ts';

/** unitId null: every event; a number: only events naming that unit. */
export type EventScope = { unitId: number | null };

export function eventScope(actor: Actor): EventScope | null {
  if (actor.kind === 'system') return { unitId: null };
  if (actor.kind === 'user') return actor.role === 'admin' ? { unitId: null } : null;
  if (actor.kind !== 'api_key' || actor.role === null) return null;
  if (CENTER_ROLES.includes(actor.role)) return { unitId: null };
  if (UNIT_ROLES.includes(actor.role) && actor.unitId !== null) return { unitId: actor.unitId };
  return null;
}

export function authorizeRead(actor: Actor): EventScope {
  const scope = eventScope(actor);
  if (!scope) throw forbidden({ action: 'read_events' });
  return scope;
}
