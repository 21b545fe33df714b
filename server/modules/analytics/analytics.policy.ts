/** Who may read figures, run the assessment, appeal, and change analytics settings. */
import type { Role } from '../../../common/enums.ts';
import type { Actor } from '../../lib/actor.ts';
import { forbidden } from '../../lib/errors.ts';

export type AnalyticsAction =
  /** Indicators, summaries, dashboards, staffing, reports, assessment results: the center's readers. */
  | 'read'
  /** Compute and publish a month, mark orders 不纳入考核, decide appeals. */
  | 'manage_assessment'
  /** Generate reports. */
  | 'generate_report'
  /** File an appeal for `unitId` (a unit admin for their own unit, or the center on its behalf). */
  | 'file_appeal'
  /** Read a published month's results: also the units themselves. */
  | 'read_published'
  /** Settings, rollup maintenance. */
  | 'admin';

export const READ_ROLES: readonly Role[] = ['supervisor', 'leader', 'admin', 'dispatcher'];
const MANAGE_ROLES: readonly Role[] = ['supervisor', 'admin'];

const signedIn = (actor: Actor) => actor.kind === 'user' || actor.kind === 'api_key' || actor.kind === 'system';
const hasRole = (actor: Actor, roles: readonly Role[]) => actor.role !== null && roles.includes(actor.role);

export function can(actor: Actor, action: AnalyticsAction, thing: { unitId?: number } = {}): boolean {
  if (!signedIn(actor)) return false;
  switch (action) {
    case 'read':
    case 'generate_report':
      return hasRole(actor, READ_ROLES);
    case 'manage_assessment':
      return hasRole(actor, MANAGE_ROLES);
    case 'file_appeal':
      return hasRole(actor, MANAGE_ROLES) || (actor.role === 'unit_admin' && actor.unitId !== null && actor.unitId === thing.unitId);
    case 'read_published':
      return hasRole(actor, READ_ROLES) || hasRole(actor, ['unit_admin', 'handler']);
    case 'admin':
      return actor.role === 'admin';
  }
}

export function authorize(actor: Actor, action: AnalyticsAction, thing: { unitId?: number } = {}): void {
  if (!can(actor, action, thing)) throw forbidden({ action });
}
