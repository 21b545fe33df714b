/**
 * Who may see and change citizens (诉求人). The screen pop shows full phone numbers and names, so only the
 * center roles allowed unmasked phones (common/enums UNMASKED_PHONE_ROLES) may look citizens up; units never do.
 * Lifting a whistleblower's confidentiality (举报人保密) takes a supervisor or an admin.
 */
import { UNMASKED_PHONE_ROLES } from '../../../common/enums.ts';
import type { Actor } from '../../lib/actor.ts';
import { forbidden } from '../../lib/errors.ts';

export type CitizensAction = 'lookup' | 'update' | 'clear_confidentiality';

export function can(actor: Actor, action: CitizensAction): boolean {
  if (actor.kind !== 'user' && actor.kind !== 'api_key' && actor.kind !== 'system') return false;
  if (actor.role === null) return false;
  if (action === 'clear_confidentiality') return actor.role === 'supervisor' || actor.role === 'admin';
  return UNMASKED_PHONE_ROLES.includes(actor.role);
}

export function authorize(actor: Actor, action: CitizensAction): void {
  if (!can(actor, action)) throw forbidden({ action });
}
