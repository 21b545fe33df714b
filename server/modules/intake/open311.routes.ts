/**
 * Open311 GeoReport v2 at /open311/v2 (register with that prefix): every endpoint in .json and .xml,
 * with the spec's error lists instead of the JSON API's error shape.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, thrownFacts } from '../../lib/errors.ts';
import { validationSummary } from '../../lib/input-hygiene.ts';
import { CONTENT_TYPES, OPEN311_FORMATS, XML_DOCUMENTS, formatOfUrl, type Open311Format } from './open311.format.ts';
import { idempotencyHeaders } from './public.schemas.ts';
import {
  codeParams,
  discoveryJson,
  jurisdictionQuery,
  postRequestBody,
  postResponseJson,
  requestIdParams,
  requestJson,
  requestsQuery,
  serviceDefinitionJson,
  serviceJson,
  tokenJson,
  tokenParams,
  updateJson,
  updatesQuery,
} from './open311.schemas.ts';

const tags = ['open311'];

export const open311Routes: FastifyPluginAsyncZod = async (app) => {
  const open311 = app.services.intake.open311;
  // Integrations are counted per API key (given as api_key, Authorization: Bearer or X-Api-Key) at a machine
  // client's rate; callers without a valid key share the portal's tight per-address limit. The count runs after
  // the body is parsed, so a form-encoded api_key counts too.
  const { PUBLIC_RATE_LIMIT, OPEN311_KEY_RATE_LIMIT } = app.services.config;
  const config = {
    isPublic: true,
    rateLimit: {
      hook: 'preHandler' as const,
      timeWindow: '1 minute',
      keyGenerator: async (request: FastifyRequest) => {
        const keyId = await apiKeyIdOf(request);
        return keyId ? `open311-key:${keyId}` : `open311-ip:${request.ip}`;
      },
      max: async (_request: FastifyRequest, key: string) => (key.startsWith('open311-key:') ? OPEN311_KEY_RATE_LIMIT : PUBLIC_RATE_LIMIT),
    },
  };
  async function apiKeyIdOf(request: FastifyRequest): Promise<number | null> {
    if (request.actor?.kind === 'api_key') return request.actor.apiKeyId;
    const given =
      (request.body as { api_key?: unknown } | undefined)?.api_key ?? (request.query as { api_key?: unknown } | undefined)?.api_key;
    if (typeof given !== 'string' || !given) return null;
    const actor = await app.services.auth.resolveActor({ apiKey: given, sessionToken: null, csrfToken: null, ip: request.ip });
    return actor.kind === 'api_key' ? actor.apiKeyId : null;
  }

  app.setErrorHandler((error, request, reply) => {
    const { status, description } = open311Error(error, request);
    return sendAs(reply.status(status), formatOfUrl(request.url), [{ code: status, description }], XML_DOCUMENTS.errors);
  });

  for (const format of OPEN311_FORMATS) {
    const json = format === 'json';
    const ok = <T>(schema: T) => (json ? { 200: schema } : undefined);

    app.get(
      `/discovery.${format}`,
      {
        config,
        schema: { tags, summary: `服务发现 Service discovery (${format})`, response: ok(discoveryJson) },
      },
      async (request, reply) => sendAs(reply, format, open311.discovery(baseUrl(request)), XML_DOCUMENTS.discovery),
    );

    app.get(
      `/services.${format}`,
      {
        config,
        schema: { tags, summary: `服务列表 Service list (${format})`, querystring: jurisdictionQuery, response: ok(serviceJson.array()) },
      },
      async (request, reply) => sendAs(reply, format, await open311.listServices(request.query), XML_DOCUMENTS.services),
    );

    app.get(
      `/services/:code.${format}`,
      {
        config,
        schema: {
          tags,
          summary: `服务定义 Service definition (${format})`,
          params: codeParams,
          querystring: jurisdictionQuery,
          response: ok(serviceDefinitionJson),
        },
      },
      async (request, reply) =>
        sendAs(reply, format, await open311.getServiceDefinition(request.params.code, request.query), XML_DOCUMENTS.serviceDefinition),
    );

    app.post(
      `/requests.${format}`,
      {
        config,
        schema: {
          tags,
          summary: `提交诉求 POST service request, form-encoded, api_key required (${format})`,
          consumes: ['application/x-www-form-urlencoded'],
          querystring: jurisdictionQuery,
          headers: idempotencyHeaders,
          body: postRequestBody,
          response: ok(postResponseJson),
        },
      },
      async (request, reply) => {
        const body = { ...request.body, api_key: request.body.api_key ?? request.query.api_key };
        const receipt = await open311.createRequest(request.actor, body, { idempotencyKey: request.headers['idempotency-key'] });
        return sendAs(reply, format, receipt, XML_DOCUMENTS.serviceRequests);
      },
    );

    app.get(
      `/requests.${format}`,
      {
        config,
        schema: { tags, summary: `诉求列表 Service requests (${format})`, querystring: requestsQuery, response: ok(requestJson.array()) },
      },
      async (request, reply) => sendAs(reply, format, await open311.listRequests(request.query), XML_DOCUMENTS.serviceRequests),
    );

    app.get(
      `/requests/:id.${format}`,
      {
        config,
        schema: {
          tags,
          summary: `单个诉求 One service request (${format})`,
          params: requestIdParams,
          querystring: jurisdictionQuery,
          response: ok(requestJson.array()),
        },
      },
      async (request, reply) =>
        sendAs(reply, format, await open311.getRequest(request.params.id, request.query), XML_DOCUMENTS.serviceRequests),
    );

    app.get(
      `/tokens/:token.${format}`,
      {
        config,
        schema: {
          tags,
          summary: `凭 token 查工单号 service_request_id from a token (${format})`,
          params: tokenParams,
          querystring: jurisdictionQuery,
          response: ok(tokenJson),
        },
      },
      async (request, reply) =>
        sendAs(reply, format, await open311.getToken(request.params.token, request.query), XML_DOCUMENTS.serviceRequests),
    );

    app.get(
      `/servicerequestupdates.${format}`,
      {
        config,
        schema: {
          tags,
          summary: `办理进展 Service request updates, FixMyStreet extension (${format})`,
          querystring: updatesQuery,
          response: ok(updateJson.array()),
        },
      },
      async (request, reply) => sendAs(reply, format, await open311.listUpdates(request.query), XML_DOCUMENTS.updates),
    );
  }

  // Anything else under /open311/v2 (an unknown method or format) answers in the spec's error format, not the web page.
  app.all('/*', { config, schema: { hide: true } }, async (request) => {
    throw new AppError('NOT_FOUND', {
      message: '接口不存在',
      messageEn: `No such Open311 method: ${request.method} ${request.url.split('?')[0]}`,
    });
  });
};

function sendAs<T>(reply: FastifyReply, format: Open311Format, data: T, toXml: (data: T) => string) {
  if (format === 'json') return reply.type(CONTENT_TYPES.json).send(data);
  return reply.type(CONTENT_TYPES.xml).send(toXml(data));
}

function baseUrl(request: FastifyRequest) {
  return `${request.protocol}://${request.host}`;
}

const FORBIDDEN_CODES = new Set(['FORBIDDEN', 'UNAUTHENTICATED', 'SESSION_EXPIRED', 'INVALID_CREDENTIALS', 'CSRF_FAILED']);

/** The spec's statuses: 400 for bad input, 403 for a missing or bad api_key, 404 for what does not exist. */
function open311Error(error: unknown, request: FastifyRequest): { status: number; description: string } {
  if (error instanceof AppError) {
    if (error.code === 'INTERNAL') return internal(error, request);
    const status = error.code === 'NOT_FOUND' ? 404 : FORBIDDEN_CODES.has(error.code) ? 403 : error.code === 'RATE_LIMITED' ? 429 : 400;
    return { status, description: `${error.message} / ${error.messageEn}` };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const { details } = validationSummary(error.validation, error.validationContext);
    const zh = details.map((d) => (d.path ? `${d.path}：${d.message}` : d.message)).join('；');
    const en = details.map((d) => (d.path ? `${d.path}: ${d.message_en}` : d.message_en)).join('; ');
    return { status: 400, description: `请求参数不正确：${zh} / Invalid request: ${en}` };
  }
  const { statusCode, message } = thrownFacts(error);
  if (statusCode === 429) return { status: 429, description: '请求过于频繁，请稍后再试 / Too many requests, try again later' };
  if (statusCode === 413) return { status: 413, description: '请求内容过大 / Request too large' };
  if (statusCode && statusCode >= 400 && statusCode < 500) return { status: 400, description: `请求格式不正确 / ${message}` };
  return internal(error, request);
}

function internal(error: unknown, request: FastifyRequest) {
  request.log.error({ err: error }, 'open311 request failed');
  return { status: 500, description: `服务器内部错误 / Internal server error (request ${request.id})` };
}
