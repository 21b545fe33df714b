/** Who may push call records and read the answer-rate figures. */
import type { Role } from '../../../common/enums.ts';
import type { Actor } from '../../lib/actor.ts';
import { forbidden } from '../../lib/errors.ts';
import { READ_ROLES } from '../analytics/analytics.policy.ts';

export type CallsAction =
  /** Push call records: the phone system's API key, or an admin / supervisor (manual import). */
  | 'import'
  /** Answer-rate figures: the center's readers (as analytics) and quality staff. */
  | 'read';

const IMPORT_ROLES: readonly Role[] = ['admin', 'supervisor'];
const READERS: readonly Role[] = [...READ_ROLES, 'callback_agent'];

export function can(actor: Actor, action: CallsAction): boolean {
  if (actor.kind === 'system') return true;
  if (action === 'import')
    return actor.kind === 'api_key' || (actor.kind === 'user' && actor.role !== null && IMPORT_ROLES.includes(actor.role));
  return (actor.kind === 'user' || actor.kind === 'api_key') && actor.role !== null && READERS.includes(actor.role);
}

export function authorize(actor: Actor, action: CallsAction): void {
  if (!can(actor, action)) throw forbidden({ action });
}
