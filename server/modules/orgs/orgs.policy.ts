/** Who may read and change the organisation and reference data. */
import type { Actor } from '../../lib/actor.ts';
import { forbidden } from '../../lib/errors.ts';

export type OrgsAction =
  /** Regions, units, categories, roles, catalogue look-up: every signed-in user and integration needs them for forms. */
  | 'read_reference'
  /** Create, change or delete regions, units, categories and catalogue rows. */
  | 'manage_reference'
  /** List accounts: admins all of them, unit admins those of their own unit subtree. */
  | 'list_users'
  | 'manage_users'
  | 'manage_api_keys';

export function isSignedIn(actor: Actor): boolean {
  return actor.kind === 'user' || actor.kind === 'api_key' || actor.kind === 'system';
}

export function can(actor: Actor, action: OrgsAction): boolean {
  if (!isSignedIn(actor)) return false;
  switch (action) {
    case 'read_reference':
      return true;
    case 'list_users':
      return actor.role === 'admin' || (actor.role === 'unit_admin' && actor.unitId !== null);
    case 'manage_reference':
    case 'manage_users':
    case 'manage_api_keys':
      return actor.role === 'admin';
  }
}

export function authorize(actor: Actor, action: OrgsAction): void {
  if (!can(actor, action)) throw forbidden({ action });
}
