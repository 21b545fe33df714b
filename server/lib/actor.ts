import type { Role } from '../../common/enums.ts';

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

export const SYSTEM_ACTOR: Actor = { kind: 'system', userId: null, apiKeyId: null, role: 'admin', unitId: null, displayName: '系统', ip: null };

export function publicActor(ip: string | null): Actor {
  return { kind: 'public', userId: null, apiKeyId: null, role: null, unitId: null, displayName: '市民', ip };
}

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };
