/**
 * Who may use the insight functions.
 * Suggestions and duplicate checks serve intake and dispatch: agents, dispatchers, supervisors, admins (and
 * integrations acting as agents). Hotspots and surge alerts serve the supervisor and leader views. The reply
 * quality check serves the centre's reviewers. Training, auto-dispatch rules and alert runs are for admins (and jobs).
 */
import { CENTER_ROLES, type Role } from '../../../common/enums.ts';
import type { Actor } from '../../lib/actor.ts';
import { forbidden } from '../../lib/errors.ts';

export type InsightAction = 'suggest' | 'hotspots' | 'train' | 'review' | 'alerts' | 'configure';

const ROLES: Record<InsightAction, readonly Role[]> = {
  suggest: ['agent', 'dispatcher', 'supervisor', 'admin'],
  hotspots: ['dispatcher', 'supervisor', 'leader', 'admin'],
  train: ['admin'],
  review: CENTER_ROLES,
  alerts: ['dispatcher', 'supervisor', 'leader', 'admin'],
  configure: ['admin'],
};

/** Who receives surge alerts (预警) on the live stream: the roles that may list them. */
export const ALERT_ROLES: readonly Role[] = ROLES.alerts;

export function can(actor: Actor, action: InsightAction): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind !== 'user' && actor.kind !== 'api_key') return false;
  return actor.role !== null && ROLES[action].includes(actor.role);
}

export function authorize(actor: Actor, action: InsightAction): void {
  if (!can(actor, action)) throw forbidden({ action });
}
