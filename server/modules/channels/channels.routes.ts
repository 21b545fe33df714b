/** Endpoints the outside calls: one plugin per channel adapter. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { smsRoutes } from './sms/sms.routes.ts';
import { wechatRoutes } from './wechat/wechat.routes.ts';
import { boardsRoutes } from './boards/boards.routes.ts';

export const channelsRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(smsRoutes);
  await app.register(wechatRoutes);
  await app.register(boardsRoutes);
};
