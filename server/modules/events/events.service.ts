/** The outbox as a feed for integrations: committed domain events in order, scoped to what the reader may see. */
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { createEventsRepository, type OutboxEvent } from './events.repository.ts';
import { authorizeRead } from './events.policy.ts';
import type { EventsQuery } from './events.schemas.ts';

export function presentEvent(e: OutboxEvent) {
  return { id: e.id, topic: e.topic, ticketId: e.ticketId, unitIds: e.unitIds, payload: e.payload, at: e.createdAt.toISOString() };
}

export function createEventsService(deps: { db: Db; orgs: { scopeOf(actor: Actor): Promise<number[] | null> } }) {
  const repo = createEventsRepository(deps.db);
  return {
    async list(actor: Actor, query: EventsQuery) {
      authorizeRead(actor);
      const unitIds = await deps.orgs.scopeOf(actor);
      const events = await repo.readAfter({ after: query.after, limit: query.limit, topicPrefixes: query.topics?.split(','), unitIds });
      return { items: events.map(presentEvent), next: events.at(-1)?.id ?? query.after };
    },
  };
}
export type EventsService = ReturnType<typeof createEventsService>;
