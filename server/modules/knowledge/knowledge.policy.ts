/**
 * Who may read and edit the knowledge base (知识库).
 *
 * Everyone signed in reads published items: agents answer from them, handlers and integrations look things up.
 * Editors: admins and supervisors (督办员, who in a 12345 center also run quality and the knowledge base — there is
 * no separate "agent lead" role) edit any item; a unit admin edits the items owned by their own unit or its
 * sub-units, since departments are the source of the policy answers. Editors may also list drafts and expired items.
 */
import type { Actor } from '../../lib/actor.ts';
import { forbidden } from '../../lib/errors.ts';

export type KnowledgeAction = 'read' | 'edit';

export function isSignedIn(actor: Actor): boolean {
  return actor.kind === 'user' || actor.kind === 'api_key' || actor.kind === 'system';
}

/** Edits any item, whoever owns it. */
export function isCenterEditor(actor: Actor): boolean {
  return isSignedIn(actor) && (actor.role === 'admin' || actor.role === 'supervisor');
}

/** Edits only items owned by its unit subtree. */
export function isUnitEditor(actor: Actor): boolean {
  return isSignedIn(actor) && actor.role === 'unit_admin' && actor.unitId !== null;
}

/**
 * `ownerInSubtree` says whether the item's owning unit is in the actor's unit subtree (needed for unit admins only).
 */
export function can(actor: Actor, action: KnowledgeAction, item?: { ownerInSubtree: boolean }): boolean {
  if (!isSignedIn(actor)) return false;
  if (action === 'read') return true;
  if (isCenterEditor(actor)) return true;
  return isUnitEditor(actor) && (item === undefined || item.ownerInSubtree);
}

export function authorize(actor: Actor, action: KnowledgeAction, item?: { ownerInSubtree: boolean }): void {
  if (!can(actor, action, item)) throw forbidden({ action });
}
