/**
 * GET /api/v1/live — Server-Sent Events for the desks. One bus subscription per process fans
 * events out to the open streams the actor may see (live.policy.ts); comments keep proxies and
 * browsers from timing the stream out.
 */
import type { ServerResponse } from 'node:http';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/client.ts';
import { forbidden } from '../../lib/errors.ts';
import type { LiveEvent } from '../../lib/live.ts';
import { bridgeLiveBus } from './live.bridge.ts';
import { canReceive, canSubscribe, eventKind, type Listener } from './live.policy.ts';

export interface LiveRoutesOptions {
  database: Database;
  heartbeatMs?: number;
}

interface Client {
  listener: Listener;
  res: ServerResponse;
}

/** A client that cannot keep up (more than this much unsent) is dropped; its browser reconnects. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

export const liveRoutes: FastifyPluginAsyncZod<LiveRoutesOptions> = async (app, options) => {
  const clients = new Set<Client>();
  const heartbeatMs = options.heartbeatMs ?? 20_000;

  if (app.services.config.mode === 'server') {
    await bridgeLiveBus({
      bus: app.services.live,
      database: options.database,
      db: app.services.db,
      log: (err) => app.log.error({ err }, 'live notify failed'),
    });
  }

  const unsubscribe = app.services.live.subscribe((event: LiveEvent) => {
    const frame = `event: ${eventKind(event)}\ndata: ${JSON.stringify(event)}\n\n`;
    for (const client of clients) {
      if (canReceive(client.listener, event)) send(client, frame);
    }
  });
  const heartbeat = setInterval(() => {
    const frame = `: heartbeat ${Date.now()}\n\n`;
    for (const client of clients) send(client, frame);
  }, heartbeatMs);
  heartbeat.unref();

  function send(client: Client, frame: string) {
    if (client.res.writableLength > MAX_BUFFERED_BYTES) {
      clients.delete(client);
      client.res.destroy();
      return;
    }
    client.res.write(frame);
  }

  app.addHook('preClose', async () => {
    clearInterval(heartbeat);
    unsubscribe();
    for (const client of clients) client.res.end();
    clients.clear();
    app.services.live.setForwarder(null);
  });

  app.get(
    '/api/v1/live',
    {
      schema: {
        tags: ['live'],
        summary: '实时推送（SSE） Live updates (Server-Sent Events)',
        description:
          'text/event-stream of `ticket` events {topic, ticketId, unitIds, payload: {number, title, categoryName, regionName, urgency, status}, at} and `alert` events (surge alerts, topic alert.raised, for dispatchers, supervisors, leaders, admins); unit users receive only ticket events naming their unit.',
      },
    },
    async (request, reply) => {
      const actor = request.actor;
      if (!canSubscribe(actor)) throw forbidden();
      // Unit admins follow their sub-units too, like their ticket lists; center roles receive by role.
      const unitIds = (await app.services.orgs.scopeOf(actor)) ?? [];
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      res.socket?.setNoDelay(true);
      res.socket?.setTimeout(0);
      const client: Client = { listener: { role: actor.role, unitIds, userId: actor.userId }, res };
      clients.add(client);
      res.write(`retry: 3000\nevent: ready\ndata: ${JSON.stringify({ at: new Date().toISOString() })}\n\n`);
      request.raw.on('close', () => clients.delete(client));
    },
  );
};
