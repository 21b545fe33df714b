/** 质检 and agent performance: forms, samples, inspections and scores, per-agent figures. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  agentOut,
  agentParam,
  agentsOut,
  deleteFormOut,
  formBody,
  formOut,
  formsOut,
  formsQuery,
  idParam,
  inspectionDetailOut,
  inspectionsOut,
  inspectionsQuery,
  periodQuery,
  sampleBody,
  sampleOut,
  scoreBody,
} from './quality.schemas.ts';

export const qualityRoutes: FastifyPluginAsyncZod = async (r) => {
  const quality = r.services.quality;
  const tags = ['quality'];

  r.get(
    '/api/v1/quality/forms',
    {
      schema: { tags, summary: '质检评分表 Inspection forms', querystring: formsQuery, response: { 200: formsOut } },
    },
    async (request) => ({ items: await quality.listForms(request.actor, request.query) }),
  );

  r.post(
    '/api/v1/quality/forms',
    {
      schema: { tags, summary: '新建评分表 Create an inspection form', body: formBody, response: { 200: formOut } },
    },
    async (request) => quality.createForm(request.actor, request.body),
  );

  r.put(
    '/api/v1/quality/forms/:id',
    {
      schema: {
        tags,
        summary: '修改评分表 Edit a form (a used form is saved as a new version)',
        params: idParam,
        body: formBody,
        response: { 200: formOut },
      },
    },
    async (request) => quality.updateForm(request.actor, request.params.id, request.body),
  );

  r.delete(
    '/api/v1/quality/forms/:id',
    {
      schema: {
        tags,
        summary: '删除评分表 Delete an unused form, or retire a used one',
        params: idParam,
        response: { 200: deleteFormOut },
      },
    },
    async (request) => quality.deleteForm(request.actor, request.params.id),
  );

  r.post(
    '/api/v1/quality/samples',
    {
      schema: {
        tags,
        summary: "抽检 Draw a seeded sample of agents' orders and calls to inspect",
        body: sampleBody,
        response: { 200: sampleOut },
      },
    },
    async (request) => quality.sample(request.actor, request.body),
  );

  r.get(
    '/api/v1/quality/inspections',
    {
      schema: { tags, summary: '质检记录 Inspections of a period', querystring: inspectionsQuery, response: { 200: inspectionsOut } },
    },
    async (request) => ({ items: await quality.listInspections(request.actor, request.query) }),
  );

  r.get(
    '/api/v1/quality/inspections/:id',
    {
      schema: { tags, summary: '质检记录详情 One inspection with its form', params: idParam, response: { 200: inspectionDetailOut } },
    },
    async (request) => quality.getInspection(request.actor, request.params.id),
  );

  r.post(
    '/api/v1/quality/inspections/:id/score',
    {
      schema: {
        tags,
        summary: '质检评分 Score an inspection against its form',
        params: idParam,
        body: scoreBody,
        response: { 200: inspectionDetailOut },
      },
    },
    async (request) => quality.score(request.actor, request.params.id, request.body),
  );

  r.get(
    '/api/v1/quality/agents',
    {
      schema: {
        tags,
        summary: '坐席绩效 Agent performance for a period (an agent sees only their own)',
        querystring: periodQuery,
        response: { 200: agentsOut },
      },
    },
    async (request) => quality.agents.list(request.actor, request.query),
  );

  r.get(
    '/api/v1/quality/agents/:userId',
    {
      schema: {
        tags,
        summary: "单个坐席绩效 One agent's performance record",
        params: agentParam,
        querystring: periodQuery,
        response: { 200: agentOut },
      },
    },
    async (request) => quality.agents.get(request.actor, request.params.userId, request.query),
  );
};
