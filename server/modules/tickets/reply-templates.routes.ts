/** 答复模板 Reply templates: listed for the unit's reply, kept by centre admins (retire with isActive: false). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  replyTemplateCreate,
  replyTemplateListOut,
  replyTemplateOut,
  replyTemplateParams,
  replyTemplatesQuery,
  replyTemplateUpdate,
} from './reply-templates.schemas.ts';

const tags = ['reply templates'];

export const replyTemplatesRoutes: FastifyPluginAsyncZod = async (app) => {
  const templates = app.services.replyTemplates;

  app.get(
    '/api/v1/reply-templates',
    {
      schema: { tags, summary: '答复模板 Reply templates', querystring: replyTemplatesQuery, response: { 200: replyTemplateListOut } },
    },
    async (request) => templates.list(request.actor, request.query),
  );

  app.post(
    '/api/v1/reply-templates',
    {
      schema: { tags, summary: '新建答复模板 Create a reply template', body: replyTemplateCreate, response: { 201: replyTemplateOut } },
    },
    async (request, reply) => reply.status(201).send(await templates.create(request.actor, request.body)),
  );

  app.patch(
    '/api/v1/reply-templates/:id',
    {
      schema: {
        tags,
        summary: '修改或停用答复模板 Change or retire a reply template',
        params: replyTemplateParams,
        body: replyTemplateUpdate,
        response: { 200: replyTemplateOut },
      },
    },
    async (request) => templates.update(request.actor, request.params.id, request.body),
  );
};
