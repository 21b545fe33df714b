/** Citizens' portal endpoints: no account, rate-limited per client address. */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { validation } from '../../lib/errors.ts';
import { parseHygienic, summariseIssues } from '../../lib/input-hygiene.ts';
import type { PublicFile } from './public.service.ts';
import {
  idempotencyHeaders,
  nearbyQuery,
  nearbyReports,
  numberParams,
  portalCategories,
  publicRequestBody,
  publicRequestCreated,
  ratingBody,
  ratingResult,
  replyPhotoBody,
  trackBody,
  trackedRequest,
  type PublicRequestInput,
} from './public.schemas.ts';

const tags = ['public'];

export const publicRoutes: FastifyPluginAsyncZod = async (app) => {
  const portal = app.services.intake.portal;
  const config = { isPublic: true, rateLimit: { max: app.services.config.PUBLIC_RATE_LIMIT, timeWindow: '1 minute' } };

  app.post(
    '/api/v1/public/requests',
    {
      config,
      schema: {
        tags,
        summary: '市民提交诉求 Submit a request (JSON, or multipart fields plus up to 9 photos)',
        consumes: ['application/json', 'multipart/form-data'],
        headers: idempotencyHeaders,
        // Multipart bodies are read and checked in the handler; JSON is checked here.
        body: publicRequestBody.nullish(),
        response: { 201: publicRequestCreated },
      },
    },
    async (request, reply) => {
      const { input, files } = request.isMultipart() ? await readMultipart(request) : { input: request.body, files: [] };
      if (!input) throw validation('请求内容为空', 'The request has no body');
      const created = await portal.submit(request.actor, input, files, { idempotencyKey: request.headers['idempotency-key'] });
      return reply.status(201).send(created);
    },
  );

  app.post(
    '/api/v1/public/requests/track',
    {
      config,
      schema: {
        tags,
        summary: '查询办理进度 Follow an order by its number and the last four digits of the phone (or its token), sent in the body',
        body: trackBody,
        response: { 200: trackedRequest },
      },
    },
    async (request) => portal.track(request.actor, request.body),
  );

  app.post(
    '/api/v1/public/requests/reply-photo',
    {
      config,
      schema: { tags, summary: "答复照片 A photo of the accepted reply, for the order's citizen", body: replyPhotoBody },
    },
    async (request, reply) => {
      const photo = await portal.replyPhoto(request.actor, request.body);
      return reply.header('content-type', photo.mimeType).header('cache-control', 'private, no-store').send(photo.content);
    },
  );

  app.get(
    '/api/v1/public/nearby',
    {
      config,
      schema: {
        tags,
        summary: '附近的诉求 Open reports near a point or of a category (no personal data)',
        querystring: nearbyQuery,
        response: { 200: nearbyReports },
      },
    },
    async (request) => portal.nearby(request.actor, request.query),
  );

  app.post(
    '/api/v1/public/requests/:number/rating',
    {
      config,
      schema: {
        tags,
        summary: '市民评价 Rate a closed order (1–5, once)',
        params: numberParams,
        body: ratingBody,
        response: { 200: ratingResult },
      },
    },
    async (request) => portal.rate(request.actor, request.params.number, request.body),
  );

  app.get(
    '/api/v1/public/categories',
    {
      config,
      schema: { tags, summary: '诉求分类（前两级）Categories for the portal form (first two levels)', response: { 200: portalCategories } },
    },
    async () => portal.listCategories(),
  );
};

/** Form fields and photo files of a multipart submission; an empty file input is skipped. */
async function readMultipart(request: FastifyRequest): Promise<{ input: PublicRequestInput; files: PublicFile[] }> {
  const fields: Record<string, unknown> = {};
  const files: PublicFile[] = [];
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      const content = await part.toBuffer();
      if (!part.filename && content.length === 0) continue;
      files.push({ filename: part.filename, mimeType: part.mimetype, content });
    } else {
      fields[part.fieldname] = part.value;
    }
  }
  const parsed = parseHygienic(publicRequestBody, fields);
  if (!parsed.success) {
    const summary = summariseIssues(parsed.issues, 'body');
    throw validation(summary.message, summary.messageEn, summary.details);
  }
  return { input: parsed.data, files };
}
