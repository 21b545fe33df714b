/**
 * Who may read the event feed: integrations (API keys) and admins. An API key bound to a unit (a utility's or a
 * district's own system) reads only the events that concern its unit, as a unit desk sees only its orders.
 */
import type { Actor } from '../../lib/actor.ts';
import { forbidden } from '../../lib/errors.ts';

/** null: every event; a number: only events naming that unit. */
export type EventScope = { unitId: number | null };

export function eventScope(actor: Actor): EventScope | null {
  if (actor.kind === 'system') return { unitId: null };
  if (actor.kind === 'api_key' && actor.role !== null) return { unitId: actor.unitId };
  if (actor.kind === 'user' && actor.role === 'admin') return { unitId: null };
  return null;
}

export function authorizeRead(actor: Actor): EventScope {
  const scope = eventScope(actor);
  if (!scope) throw forbidden({ action: 'read_events' });
  return scope;
}
