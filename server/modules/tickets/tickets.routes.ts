import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { TRANSITIONS } from '../../../common/ticket-lifecycle.ts';
import {
  createTicketBody,
  listTicketsQuery,
  ticketCreated,
  ticketDetail,
  ticketSummary,
  transitionBodies,
  type StaffAction,
} from './tickets.schemas.ts';

const params = z.object({ id: z.coerce.number().int().positive() });
const intakeHeaders = z.object({
  'idempotency-key': z.string().min(8).max(200).optional(),
  /** RFC 7240: "return=minimal" answers only the new order's id and number, saving the detail read (gateways, CTI) */
  prefer: z.string().max(200).optional(),
});

export const ticketsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tickets = app.services.tickets;

  app.post(
    '/api/v1/tickets',
    {
      schema: {
        tags: ['tickets'],
        summary: '受理新工单 Take in a new order',
        headers: intakeHeaders,
        body: createTicketBody,
        response: { 201: z.union([ticketDetail, ticketCreated]) },
      },
    },
    async (request, reply) => {
      const options = { idempotencyKey: request.headers['idempotency-key'] };
      if (/\breturn=minimal\b/.test(request.headers.prefer ?? '')) {
        const created = await tickets.intake(request.actor, request.body, options);
        return reply
          .status(201)
          .header('preference-applied', 'return=minimal')
          .header('location', `/api/v1/tickets/${created.ticketId}`)
          .send({ id: created.ticketId, number: created.number });
      }
      const detail = await tickets.create(request.actor, request.body, options);
      return reply.status(201).header('location', `/api/v1/tickets/${detail.id}`).send(detail);
    },
  );

  app.get(
    '/api/v1/tickets',
    {
      schema: {
        tags: ['tickets'],
        summary: '工单列表 List orders',
        querystring: listTicketsQuery,
        response: {
          200: z.object({ items: z.array(ticketSummary), nextCursor: z.string().nullable(), total: z.number().int().optional() }),
        },
      },
    },
    async (request) => tickets.list(request.actor, request.query),
  );

  app.get(
    '/api/v1/tickets/:id',
    {
      schema: { tags: ['tickets'], summary: '工单详情 Order with its full history', params, response: { 200: ticketDetail } },
    },
    async (request) => tickets.get(request.actor, request.params.id),
  );

  app.get(
    '/api/v1/tickets/by-number/:number',
    {
      schema: {
        tags: ['tickets'],
        summary: '按工单号查询 Order by number',
        params: z.object({ number: z.string().max(40) }),
        response: { 200: ticketDetail },
      },
    },
    async (request) => tickets.getByNumber(request.actor, request.params.number),
  );

  app.post(
    '/api/v1/tickets/:id/reveal-phone',
    {
      schema: {
        tags: ['tickets'],
        summary: '查看完整号码（留痕）Reveal the full phone number (audited)',
        params,
        response: { 200: z.object({ phone: z.string().nullable() }) },
      },
    },
    async (request) => tickets.revealPhone(request.actor, request.params.id),
  );

  for (const action of Object.keys(transitionBodies) as StaffAction[]) {
    const label = TRANSITIONS[action].label;
    app.post(
      `/api/v1/tickets/:id/${action.replace(/_/g, '-')}`,
      {
        schema: {
          tags: ['ticket lifecycle'],
          summary: `${label.zh} ${label.en}`,
          params,
          body: transitionBodies[action],
          response: { 200: ticketDetail },
        },
      },
      async (request) => tickets.transition(request.actor, request.params.id, action, request.body as never),
    );
  }
};
