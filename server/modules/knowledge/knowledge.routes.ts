/** Knowledge base (知识库): search and read for everyone signed in; editing for admins, supervisors and unit admins (own units). */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams, knowledgeCreate, knowledgeItemOut, knowledgeListOut, knowledgeQuery, knowledgeUpdate } from './knowledge.schemas.ts';

const tags = ['knowledge'];

export const knowledgeRoutes: FastifyPluginAsyncZod = async (r) => {
  const knowledge = r.services.knowledge;

  r.get(
    '/api/v1/knowledge',
    {
      schema: { tags, summary: '知识库检索 Search knowledge items', querystring: knowledgeQuery, response: { 200: knowledgeListOut } },
    },
    async (request) => knowledge.search(request.actor, request.query),
  );

  r.get(
    '/api/v1/knowledge/:id',
    {
      schema: { tags, summary: '知识条目 Knowledge item', params: idParams, response: { 200: knowledgeItemOut } },
    },
    async (request) => knowledge.get(request.actor, request.params),
  );

  r.post(
    '/api/v1/knowledge',
    {
      schema: { tags, summary: '新建知识条目 Create knowledge item', body: knowledgeCreate, response: { 201: knowledgeItemOut } },
    },
    async (request, reply) => reply.status(201).send(await knowledge.create(request.actor, request.body)),
  );

  r.patch(
    '/api/v1/knowledge/:id',
    {
      schema: {
        tags,
        summary: '修改知识条目 Update knowledge item',
        params: idParams,
        body: knowledgeUpdate,
        response: { 200: knowledgeItemOut },
      },
    },
    async (request) => knowledge.update(request.actor, { ...request.body, id: request.params.id }),
  );

  r.delete(
    '/api/v1/knowledge/:id',
    {
      schema: { tags, summary: '删除知识条目 Delete knowledge item', params: idParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await knowledge.delete(request.actor, request.params);
      return reply.status(204).send(null);
    },
  );
};
