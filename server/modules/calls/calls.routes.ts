/** Call records: CTI import and answer-rate figures. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { importBody, importOut, statsOut, statsQuery } from './calls.schemas.ts';

export const callsRoutes: FastifyPluginAsyncZod = async (r) => {
  const calls = r.services.calls;
  const tags = ['calls'];

  r.post(
    '/api/v1/calls/import',
    {
      schema: {
        tags,
        summary: '导入话务记录 Push call records from the phone system (idempotent by source + externalId)',
        body: importBody,
        response: { 200: importOut },
      },
    },
    async (request) => calls.importCalls(request.actor, request.body),
  );

  r.get(
    '/api/v1/calls/stats',
    {
      schema: {
        tags,
        summary: '接通率 Answer rate and 15-second answer rate by day, week, month or half hour',
        querystring: statsQuery,
        response: { 200: statsOut },
      },
    },
    async (request) => calls.stats(request.actor, request.query),
  );
};
