/** Who may use the phone, see the wallboard, work callbacks, play recordings. */
import type { Role } from '../../../common/enums.ts';
import type { Actor } from '../../lib/actor.ts';
import { forbidden } from '../../lib/errors.ts';

export type TelephonyAction =
  /** Have a browser phone and an agent state: the people who answer or place calls. */
  | 'phone'
  /** The wallboard, every agent's state. */
  | 'wallboard'
  /** Set agents' skills. */
  | 'manage_agents'
  /** The missed-call callback worklist. */
  | 'callbacks'
  /** Any call's screen pop and recording (not only one's own calls). */
  | 'any_call';

const PHONE_ROLES: readonly Role[] = ['agent', 'callback_agent', 'supervisor', 'dispatcher'];
const WALLBOARD_ROLES: readonly Role[] = ['supervisor', 'leader', 'admin'];
const MANAGER_ROLES: readonly Role[] = ['supervisor', 'admin'];
const CALLBACK_ROLES: readonly Role[] = ['agent', 'callback_agent', 'supervisor', 'admin'];
const ANY_CALL_ROLES: readonly Role[] = ['supervisor', 'callback_agent', 'admin'];

const ROLES_FOR: Record<TelephonyAction, readonly Role[]> = {
  phone: PHONE_ROLES,
  wallboard: WALLBOARD_ROLES,
  manage_agents: MANAGER_ROLES,
  callbacks: CALLBACK_ROLES,
  any_call: ANY_CALL_ROLES,
};

export function can(actor: Actor, action: TelephonyAction): boolean {
  if (actor.kind === 'system') return true;
  return actor.kind === 'user' && actor.userId !== null && actor.role !== null && ROLES_FOR[action].includes(actor.role);
}

export function authorize(actor: Actor, action: TelephonyAction): void {
  if (!can(actor, action)) throw forbidden({ action });
}

/** Roles that receive the live `wallboard` event. */
export const WALLBOARD_LISTENER_ROLES = WALLBOARD_ROLES;
