/** Builds the Fastify app from the modules; main.ts and the tests both call it. */
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
  jsonSchemaTransform,
  serializerCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import { readCredentials } from './lib/credentials.ts';
import { AppError, errorBody, isDatabaseUnavailable, thrownFacts } from './lib/errors.ts';
import { hygienicValidatorCompiler, validationSummary, withInputBounds } from './lib/input-hygiene.ts';
import { systemClock, type Actor, type Clock } from './lib/actor.ts';
import { LIMITS } from '../common/limits.ts';
import { buildServices, type Services } from './services.ts';
import { registerRoutes } from './routes.ts';
import { loggerOptions, logRequestsAtDebug, quietRequests, type LineSink } from './lib/logging.ts';

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
  interface FastifyRequest {
    actor: Actor;
  }
  interface FastifyContextConfig {
    /** Route needs no signed-in user (public portal, Open311 reads, sign-in). */
    isPublic?: boolean;
  }
}

export interface AppOptions {
  config: Config;
  database: Database;
  clock?: Clock;
  logger?: boolean;
  /** Where the terminal's log lines go when `logger` is on (default stdout); tests read them. */
  logTerminal?: LineSink;
}

export type App = FastifyInstance;

export async function buildApp(options: AppOptions): Promise<App> {
  const clock = options.clock ?? systemClock;
  const app = Fastify({
    logger: options.logger ? loggerOptions(options.config, options.logTerminal) : false,
    logController: quietRequests(),
    trustProxy: options.config.TRUST_PROXY,
    bodyLimit: 2 * 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();
  if (options.logger) logRequestsAtDebug(app);
  app.setValidatorCompiler(hygienicValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const services = buildServices({ db: options.database.db, clock, config: options.config });
  app.decorate('services', services);
  app.decorateRequest('actor', null as unknown as Actor);

  await app.register(helmet, { contentSecurityPolicy: { directives: contentSecurityPolicy(options.config) } });
  // API answers carry personal data (names, phones, addresses): never kept by a browser or shared cache.
  app.addHook('onSend', async (request, reply) => {
    if ((request.url.startsWith('/api/') || request.url.startsWith('/open311/')) && !reply.hasHeader('cache-control')) {
      reply.header('cache-control', 'no-store');
    }
  });
  await app.register(cookie);
  await app.register(formbody);
  await app.register(multipart, { limits: { fileSize: LIMITS.attachmentMaxBytes, files: LIMITS.attachmentsPerRequest } });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Lianxin 连心 API', version: '1', description: '12345 government service hotline platform' },
      components: {
        securitySchemes: { apiKey: { type: 'http', scheme: 'bearer' }, session: { type: 'apiKey', in: 'cookie', name: 'lx_session' } },
      },
    },
    transform: (route) => withInputBounds(jsonSchemaTransform(route), route.schema as Record<string, unknown> | undefined),
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/v1/openapi.json', { schema: { hide: true }, config: { isPublic: true } }, async () => app.swagger());

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof AppError) {
      const retryAfter = (error.details as { retryAfterSeconds?: number } | null)?.retryAfterSeconds;
      if (error.status === 429 && retryAfter) reply.header('retry-after', String(retryAfter));
      return reply.status(error.status).send(errorBody(error.code, error.message, error.messageEn, error.details));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const summary = validationSummary(error.validation, error.validationContext);
      return reply.status(400).send(errorBody('VALIDATION_FAILED', summary.message, summary.messageEn, summary.details));
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, 'response failed its schema');
      return reply.status(500).send(errorBody('INTERNAL', '服务器内部错误', 'Internal server error', { requestId: request.id }));
    }
    const { code, statusCode, message } = thrownFacts(error);
    if (statusCode === 429) {
      return reply.status(429).send(errorBody('RATE_LIMITED', '请求过于频繁，请稍后再试', 'Too many requests, try again later'));
    }
    if (code === 'FST_FILES_LIMIT') {
      const limit = LIMITS.attachmentsPerRequest;
      return reply
        .status(413)
        .send(
          errorBody(
            'TOO_MANY_FILES',
            `一次最多上传 ${limit} 个文件（照片），请删去多余的再提交`,
            `At most ${limit} files (photos) per submission; remove the extra ones and submit again`,
            { limit },
          ),
        );
    }
    if (code === 'FST_REQ_FILE_TOO_LARGE' || statusCode === 413) {
      return reply.status(413).send(errorBody('PAYLOAD_TOO_LARGE', '内容或文件过大', 'Request or file too large'));
    }
    if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || statusCode === 415) {
      return reply.status(415).send(errorBody('UNSUPPORTED_MEDIA_TYPE', '不支持的内容类型', 'Unsupported content type'));
    }
    if (statusCode && statusCode >= 400 && statusCode < 500) {
      return reply.status(400).send(errorBody('VALIDATION_FAILED', '请求格式不正确', message));
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, 'database unavailable');
      return reply
        .status(503)
        .header('retry-after', '2')
        .send(
          errorBody('DATABASE_UNAVAILABLE', '数据库暂时不可用，请稍后重试', 'The database is briefly unavailable; try again shortly', {
            requestId: request.id,
          }),
        );
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send(errorBody('INTERNAL', '服务器内部错误', 'Internal server error', { requestId: request.id }));
  });

  app.addHook('onRequest', async (request) => {
    request.actor = await services.auth.resolveActor(readCredentials(request));
  });
  app.addHook('preHandler', async (request) => {
    if (!request.url.startsWith('/api/v1/')) return;
    if (request.routeOptions.config?.isPublic) return;
    services.auth.requireSignedIn(request.actor);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      services.auth.checkCsrf(request.actor, readCredentials(request));
    }
  });

  await registerRoutes(app, options);
  return app;
}

/**
 * The web app loads only its own scripts; Ant Design writes its styles at run time (CSS-in-JS `<style>` tags and
 * `style` attributes), so styles allow 'unsafe-inline'. Pictures may be data:/blob: URLs (uploads being previewed).
 * With telephony on, the browser phone also connects to Kamailio's WebSocket (TELEPHONY_WS_URL).
 */
export function contentSecurityPolicy(config: Pick<Config, 'TELEPHONY_SECRET' | 'TELEPHONY_WS_URL'>) {
  const phone = config.TELEPHONY_SECRET ? [new URL(config.TELEPHONY_WS_URL).origin] : [];
  return { ...BASE_CONTENT_SECURITY_POLICY, connectSrc: ["'self'", ...phone] };
}

const BASE_CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  mediaSrc: ["'self'", 'blob:'],
  workerSrc: ["'self'", 'blob:'],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};
