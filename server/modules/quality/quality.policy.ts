/** Who may read agent figures, inspect (sample and score), and manage the inspection forms. */
import type { Role } from '../../../common/enums.ts';
import type { Actor } from '../../lib/actor.ts';
import { forbidden } from '../../lib/errors.ts';

export type QualityAction =
  /** Every agent's figures and inspections. */
  | 'read_all'
  /** One agent's own figures and inspections (`agentUserId` must be the actor). */
  | 'read_own'
  /** Draw samples and score inspections. */
  | 'inspect'
  /** Create, edit and retire inspection forms. */
  | 'manage_forms'
  /** See the forms (an agent may read how they are scored). */
  | 'read_forms';

/** 回访质检员 (callback_agent) is the center's quality staff, so it reads and inspects like a supervisor. */
export const ALL_AGENTS_ROLES: readonly Role[] = ['supervisor', 'admin', 'leader', 'callback_agent'];
export const INSPECT_ROLES: readonly Role[] = ['supervisor', 'admin', 'callback_agent'];

const isUser = (actor: Actor) => actor.kind === 'user' || actor.kind === 'system';
const hasRole = (actor: Actor, roles: readonly Role[]) => actor.role !== null && roles.includes(actor.role);

export function can(actor: Actor, action: QualityAction, thing: { agentUserId?: number } = {}): boolean {
  if (!isUser(actor)) return false;
  switch (action) {
    case 'read_all':
      return hasRole(actor, ALL_AGENTS_ROLES);
    case 'read_own':
      return hasRole(actor, ALL_AGENTS_ROLES) || (actor.role === 'agent' && actor.userId !== null && actor.userId === thing.agentUserId);
    case 'inspect':
      return hasRole(actor, INSPECT_ROLES);
    case 'manage_forms':
      return actor.role === 'admin';
    case 'read_forms':
      return hasRole(actor, ALL_AGENTS_ROLES) || actor.role === 'agent';
  }
}

export function authorize(actor: Actor, action: QualityAction, thing: { agentUserId?: number } = {}): void {
  if (!can(actor, action, thing)) throw forbidden({ action });
}
