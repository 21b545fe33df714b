/** 月度考核: compute, read, publish; appeals (考核申诉). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  appealBody,
  appealOut,
  appealsOut,
  assessmentMonthsOut,
  assessmentOut,
  assessmentQuery,
  computeBody,
  decideAppealBody,
  idParam,
  monthParam,
  unitAssessmentOut,
} from '../analytics.schemas.ts';
import { z } from 'zod';
import { LIMITS } from '../../../../common/limits.ts';

export const assessmentRoutes: FastifyPluginAsyncZod = async (r) => {
  const assessments = r.services.analytics.assessments;
  const tags = ['analytics'];

  r.post(
    '/api/v1/analytics/assessments/:month/compute',
    {
      schema: {
        tags,
        summary: "计算月度考核 Compute a month's unit assessment (new version)",
        params: monthParam,
        body: computeBody,
        response: { 200: assessmentOut },
      },
    },
    async (request) => assessments.compute(request.actor, request.params.month, request.body ?? {}),
  );

  r.get(
    '/api/v1/analytics/assessments/:month',
    {
      schema: {
        tags,
        summary: "月度考核结果 A month's assessment results",
        params: monthParam,
        querystring: assessmentQuery,
        response: { 200: assessmentOut },
      },
    },
    async (request) => assessments.get(request.actor, request.params.month, request.query),
  );

  r.get(
    '/api/v1/analytics/assessments',
    {
      schema: {
        tags,
        summary: '考核月份 Months with an assessment (latest version), newest first',
        response: { 200: assessmentMonthsOut },
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(24),
          to: monthParam.shape.month.optional(),
        }),
      },
    },
    async (request) => ({ items: await assessments.listMonths(request.actor, request.query) }),
  );

  r.get(
    '/api/v1/analytics/assessments/:month/unit',
    {
      schema: {
        tags,
        summary: "本单位考核结果（含公示中的草稿）A unit's own result in the latest version, draft included",
        params: monthParam,
        querystring: z.object({ unitId: z.coerce.number().int().positive().optional() }),
        response: { 200: unitAssessmentOut },
      },
    },
    async (request) => assessments.getForUnit(request.actor, request.params.month, request.query),
  );

  r.post(
    '/api/v1/analytics/assessments/:month/publish',
    {
      schema: { tags, summary: "发布月度考核 Publish (freeze) a month's assessment", params: monthParam, response: { 200: assessmentOut } },
    },
    async (request) => assessments.publish(request.actor, request.params.month),
  );

  r.post(
    '/api/v1/analytics/assessments/:month/appeals',
    {
      schema: { tags, summary: '提出考核申诉 Appeal deductions', params: monthParam, body: appealBody, response: { 200: appealOut } },
    },
    async (request) => assessments.fileAppeal(request.actor, request.params.month, request.body),
  );

  r.get(
    '/api/v1/analytics/assessments/:month/appeals',
    {
      schema: { tags, summary: '考核申诉列表 Appeals of a month', params: monthParam, response: { 200: appealsOut } },
    },
    async (request) => ({ items: await assessments.listAppeals(request.actor, request.params.month) }),
  );

  r.post(
    '/api/v1/analytics/appeals/:id/decide',
    {
      schema: {
        tags,
        summary: '处理考核申诉 Decide an appeal (approval recomputes the month)',
        params: idParam,
        body: decideAppealBody,
        response: { 200: appealOut },
      },
    },
    async (request) => assessments.decideAppeal(request.actor, request.params.id, request.body),
  );
};
