/**
 * Who may read the event feed: integrations (API keys) and admins. A key acting in a unit role (a utility's or a
 * district's own system) reads only the events that concern its units, as a unit desk sees only its orders (a unit
 * admin's key: its unit and sub-units); a key acting in a centre role (gateways, the phone system) reads every event,
 * as the centre's desks do. Which units is the one scoping rule, orgs' scopeOf.
 */
import { CENTER_ROLES, UNIT_ROLES } from '../../../common/enums.ts';
import type { Actor } from '../../lib/actor.ts';
import { forbidden } from '../../lib/errors.ts';

export function mayReadEvents(actor: Actor): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind === 'user') return actor.role === 'admin';
  if (actor.kind !== 'api_key' || actor.role === null) return false;
  return CENTER_ROLES.includes(actor.role) || (UNIT_ROLES.includes(actor.role) && actor.unitId !== null);
}

export function authorizeRead(actor: Actor): void {
  if (!mayReadEvents(actor)) throw forbidden({ action: 'read_events' });
}
