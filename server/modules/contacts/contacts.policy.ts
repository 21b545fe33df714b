/** Who works the written-contact queue. */
import type { Role } from '../../../common/enums.ts';
import type { Actor } from '../../lib/actor.ts';
import { forbidden } from '../../lib/errors.ts';

export type ContactsAction =
  /** See the queue, claim, reply, turn into an order or attach: the center's front-line staff. */
  | 'work'
  /** Release a contact someone else claimed. */
  | 'release_any'
  /** 确认为该市民: link the sender's channel identity to the citizen whose number the message gives (staff who speak to citizens). */
  | 'confirm_citizen';

const WORKERS: readonly Role[] = ['agent', 'dispatcher', 'supervisor', 'callback_agent', 'admin'];
const RELEASERS: readonly Role[] = ['supervisor', 'admin'];
const CONFIRMERS: readonly Role[] = ['agent', 'callback_agent', 'supervisor', 'admin'];
const ROLES_OF: Record<ContactsAction, readonly Role[]> = { work: WORKERS, release_any: RELEASERS, confirm_citizen: CONFIRMERS };

export function can(actor: Actor, action: ContactsAction): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind !== 'user' || actor.role === null) return false;
  return ROLES_OF[action].includes(actor.role);
}

export function authorize(actor: Actor, action: ContactsAction): void {
  if (!can(actor, action)) throw forbidden({ action });
}
