/** Citizens: the agent's screen pop (来电弹屏) and corrections. Center roles only. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { citizenOut, citizenUpdate, idParams, lookupOut, lookupQuery } from './citizens.schemas.ts';

const tags = ['citizens'];

export const citizensRoutes: FastifyPluginAsyncZod = async (r) => {
  const citizens = r.services.citizens;

  r.get(
    '/api/v1/citizens/lookup',
    {
      schema: {
        tags,
        summary: '来电弹屏 Look up a caller by phone, with earlier tickets',
        querystring: lookupQuery,
        response: { 200: lookupOut },
      },
    },
    async (request) => citizens.lookup(request.actor, request.query),
  );

  r.patch(
    '/api/v1/citizens/:id',
    {
      schema: {
        tags,
        summary: '修改诉求人 Update citizen (name, language, confidentiality)',
        params: idParams,
        body: citizenUpdate,
        response: { 200: citizenOut },
      },
    },
    async (request) => citizens.update(request.actor, { ...request.body, id: request.params.id }),
  );
};
