/** 日报/周报/月报/专报: generate, list, read (preview), download PDF or Excel. */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LIMITS } from '../../../../common/limits.ts';
import { day, idParam, reportParams } from '../analytics.schemas.ts';

const kind = z.enum(['daily', 'weekly', 'monthly', 'special']);
const generateBody = z.object({
  kind,
  date: day.optional(),
  from: day.optional(),
  to: day.optional(),
  title: z.string().trim().max(LIMITS.titleMax).optional(),
  categoryId: z.number().int().positive().optional(),
});
const reportOut = z.object({
  id: z.number(),
  kind,
  title: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  params: reportParams,
  renderMs: z.number().nullable(),
  createdAt: z.date(),
  pdfUrl: z.string(),
  xlsxUrl: z.string(),
});
const change = z.object({ delta: z.number().nullable(), relative: z.number().nullable() });
const headline = z.array(
  z.object({
    id: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    kind: z.string(),
    value: z.number().nullable(),
    previous: z.number().nullable(),
    yearAgo: z.number().nullable(),
    vsPrevious: change,
    vsYearAgo: change,
  }),
);
const period = z.object({ from: z.string(), to: z.string() });
const top = z.array(z.object({ name: z.string(), contacts: z.number(), share: z.number().nullable() }));
const contentOut = z.object({
  kind,
  title: z.string(),
  period,
  previous: period,
  yearAgo: period,
  generatedAt: z.string(),
  satisfactionCountsBasic: z.boolean(),
  headline,
  trend: z.array(z.object({ day: z.string(), contacts: z.number(), orders: z.number() })),
  topCategories: top,
  topRegions: top,
  units: z.array(
    z.object({
      rank: z.number().nullable(),
      unitId: z.number(),
      unitName: z.string(),
      peerGroup: z.string(),
      dispatches: z.number(),
      compositeScore: z.number().nullable(),
      onTimeCompletionRate: z.number().nullable(),
      satisfactionRate: z.number().nullable(),
      resolutionRate: z.number().nullable(),
    }),
  ),
  overdue: z.array(
    z.object({
      number: z.string(),
      title: z.string(),
      unitName: z.string().nullable(),
      category: z.string().nullable(),
      status: z.string(),
      handleDueAt: z.string().nullable(),
    }),
  ),
  focus: z.object({ name: z.string(), headline }).nullable(),
});

export const reportsRoutes: FastifyPluginAsyncZod = async (r) => {
  const reports = r.services.analytics.reports;
  const tags = ['analytics'];

  r.post(
    '/api/v1/analytics/reports',
    {
      schema: {
        tags,
        summary: '生成报表 Generate a daily, weekly, monthly or special report (PDF + Excel)',
        body: generateBody,
        response: { 201: reportOut },
      },
    },
    async (request, reply) => reply.status(201).send(await reports.generate(request.actor, request.body)),
  );

  r.get(
    '/api/v1/analytics/reports',
    {
      schema: {
        tags,
        summary: '报表列表 Reports, newest first',
        response: { 200: z.object({ items: z.array(reportOut) }) },
        querystring: z.object({ kind: kind.optional(), limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(50) }),
      },
    },
    async (request) => ({ items: await reports.list(request.actor, request.query) }),
  );

  r.get(
    '/api/v1/analytics/reports/:id',
    {
      schema: {
        tags,
        summary: '报表内容 A report with its figures (preview)',
        params: idParam,
        response: { 200: reportOut.extend({ content: contentOut }) },
      },
    },
    async (request) => reports.get(request.actor, request.params.id),
  );

  r.get(
    '/api/v1/analytics/reports/:id/:format',
    {
      schema: { tags, summary: '下载报表 Download a report as PDF or Excel', params: idParam.extend({ format: z.enum(['pdf', 'xlsx']) }) },
    },
    async (request, reply) => {
      const file = await reports.download(request.actor, request.params.id, request.params.format);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
        .header('x-content-type-options', 'nosniff')
        .send(file.content);
    },
  );
};
