/** GET /api/v1/events: the domain event feed (outbox) for integrations, read by cursor. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { eventsOut, eventsQuery } from './events.schemas.ts';

export const eventsRoutes: FastifyPluginAsyncZod = async (r) => {
  r.get(
    '/api/v1/events',
    {
      schema: {
        tags: ['events'],
        summary: '领域事件订阅 Domain events for integrations',
        description:
          'Committed events in id order: ticket.created, then ticket.<action> for every step of an order (ticket.dispatch, ticket.sign, ticket.reply, ticket.close, …). ' +
          'Poll with `after` set to the last `next`; an event is listed only once every transaction before it has ended, so none is skipped. ' +
          'API keys in a unit role (handler, unit_admin) receive only events naming their unit; admins and centre-role keys receive all.',
        querystring: eventsQuery,
        response: { 200: eventsOut },
      },
    },
    async (request) => r.services.events.list(request.actor, request.query),
  );
};
