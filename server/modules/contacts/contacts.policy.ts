/** Who works the written-contact queue. */
import type { Role } from '../../../common/enums.ts';
import type { Actor } from '../../lib/actor.ts';
import { forbidden } from '../../lib/errors.ts';

export type ContactsAction =
  /** See the queue, claim, reply, turn into an order or attach: the center's front-line staff. */
  | 'work'
  /** Release a contact someone else claimed. */
  | 'release_any';

const WORKERS: readonly Role[] = ['agent', 'dispatcher', 'supervisor', 'callback_agent', 'admin'];
const RELEASERS: readonly Role[] = ['supervisor', 'admin'];

export function can(actor: Actor, action: ContactsAction): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind !== 'user' || actor.role === null) return false;
  return (action === 'work' ? WORKERS : RELEASERS).includes(actor.role);
}

export function authorize(actor: Actor, action: ContactsAction): void {
  if (!can(actor, action)) throw forbidden({ action });
}
