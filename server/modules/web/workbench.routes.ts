/** Small read-only helpers the workbenches need that belong to no single domain screen. */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { TICKET_TYPES, URGENCIES } from '../../../common/enums.ts';

const previewQuery = z.object({
  type: z.enum(TICKET_TYPES),
  urgency: z.enum(URGENCIES).default('normal'),
  categoryId: z.coerce.number().int().positive().optional(),
});
const previewOut = z.object({ signDueAt: z.date(), handleDueAt: z.date(), policyId: z.number().int() });

export const workbenchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/sla/preview',
    {
      schema: {
        tags: ['sla'],
        summary: '派单时限预览 Deadlines an order would get if dispatched now',
        querystring: previewQuery,
        response: { 200: previewOut },
      },
    },
    async (request) =>
      app.services.sla.deadlinesFor(
        { type: request.query.type, urgency: request.query.urgency, categoryId: request.query.categoryId ?? null },
        app.services.clock.now(),
      ),
  );
};
