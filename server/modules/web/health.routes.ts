/**
 * GET /api/v1/health — the load balancer's check (deploy/ha/haproxy.cfg.tmpl): is this process up and serving HTTP.
 * It does not ask the database, so a database failover does not take every app process out of the balancer at once;
 * requests during the failover are answered by the app (and retried by clients) instead of by HAProxy's 503.
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/health',
    {
      config: { isPublic: true },
      // Asked every second by each balancer: not worth a log line.
      logLevel: 'warn',
      schema: {
        tags: ['web'],
        summary: '健康检查 Health check (load balancer)',
        response: { 200: z.object({ status: z.literal('ok'), mode: z.enum(['embedded', 'server']), pid: z.number().int() }) },
      },
    },
    async (_request, reply) =>
      reply.header('cache-control', 'no-store').send({ status: 'ok' as const, mode: app.services.config.mode, pid: process.pid }),
  );
};
