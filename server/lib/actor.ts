import { CENTER_ROLES, type Role } from '../../common/enums.ts';

/** Who is calling a service: a signed-in user, an integration's API key, or the public. */
export interface Actor {
  kind: 'user' | 'api_key' | 'public' | 'system';
  userId: number | null;
  apiKeyId: number | null;
  role: Role | null;
  unitId: number | null;
  displayName: string;
  ip: string | null;
}

export const SYSTEM_ACTOR: Actor = {
  kind: 'system',
  userId: null,
  apiKeyId: null,
  role: 'admin',
  unitId: null,
  displayName: '系统',
  ip: null,
};

export function publicActor(ip: string | null): Actor {
  return { kind: 'public', userId: null, apiKeyId: null, role: null, unitId: null, displayName: '市民', ip };
}

/** Center staff and integrations without a unit act for the hotline center. */
export function isCenterActor(actor: Actor): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind === 'public' || actor.role === null) return false;
  if (actor.kind === 'api_key' && actor.unitId !== null && !CENTER_ROLES.includes(actor.role)) return false;
  return CENTER_ROLES.includes(actor.role);
}

/**
 * The one data-scoping rule: whose work an actor sees. null = every unit's (center roles, center integrations,
 * the system); otherwise a unit admin's unit and its sub-units, anyone else's own unit (none without a unit).
 * `subtreeOf` gives a unit and its descendants (the orgs service's cached tree).
 */
export async function unitScopeOf(actor: Actor, subtreeOf: (unitId: number) => Promise<number[]>): Promise<number[] | null> {
  if (isCenterActor(actor)) return null;
  if (actor.unitId === null) return [];
  return actor.role === 'unit_admin' ? subtreeOf(actor.unitId) : [actor.unitId];
}

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };
