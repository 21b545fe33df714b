/** Who may see a ticket and how an actor stands to it (center, the assigned unit, a co-handler, another unit). */
import { UNMASKED_PHONE_ROLES } from '../../../common/enums.ts';
import type { Relation } from '../../../common/ticket-lifecycle.ts';
import { isCenterActor, type Actor } from '../../lib/actor.ts';
import type { AssignmentRow } from './tickets.repository.ts';

/** `actorUnitIds`: the actor's unit, plus its sub-units for unit admins. */
export function relationOf(actor: Actor, actorUnitIds: number[], active: Pick<AssignmentRow, 'role' | 'unitId'>[]): Relation {
  if (actor.kind === 'public') return 'citizen';
  if (isCenterActor(actor)) return 'center';
  const lead = active.find((a) => a.role === 'lead');
  if (lead && actorUnitIds.includes(lead.unitId)) return 'assignee';
  if (active.some((a) => a.role === 'co' && actorUnitIds.includes(a.unitId))) return 'co_handler';
  return 'other_unit';
}

export function canRevealPhone(actor: Actor): boolean {
  return actor.role !== null && actor.kind !== 'public' && UNMASKED_PHONE_ROLES.includes(actor.role);
}

/** 举报人保密: a confidential citizen's identity is hidden from every unit. */
export function canSeeCitizenIdentity(actor: Actor, isConfidential: boolean): boolean {
  return !isConfidential || isCenterActor(actor);
}

/** Channels a citizen reaches without an account (portal, app, Open311 clients). */
const PUBLIC_CHANNELS = ['web', 'app', 'open311'];

/** Intake staff and integrations take in orders; citizens submit their own, through public channels and without dispatching. */
export function canCreate(actor: Actor, input: { channel: string; dispatch?: unknown }): boolean {
  if (actor.kind === 'public') return PUBLIC_CHANNELS.includes(input.channel) && !input.dispatch;
  if (actor.kind === 'api_key' || actor.kind === 'system') return true;
  return actor.role === 'agent' || actor.role === 'dispatcher' || actor.role === 'admin';
}

/** 答复模板: staff who write or review replies read them (units and the centre alike). */
export function canReadReplyTemplates(actor: Actor): boolean {
  return actor.kind !== 'public' && actor.role !== null;
}

/** Reply templates are the centre's wording: its admins keep them. */
export function canManageReplyTemplates(actor: Actor): boolean {
  return isCenterActor(actor) && actor.role === 'admin';
}
