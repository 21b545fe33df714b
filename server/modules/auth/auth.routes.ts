import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Actor } from '../../lib/actor.ts';
import { currentUser, signInBody } from './auth.schemas.ts';

const COOKIE = 'lx_session';

export const authRoutes: FastifyPluginAsyncZod = async (r) => {
  const auth = r.services.auth;

  r.post(
    '/api/v1/auth/sign-in',
    {
      config: { isPublic: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], summary: '登录 Sign in', body: signInBody, response: { 200: currentUser } },
    },
    async (request, reply) => {
      const session = await auth.signIn(request.body);
      reply.setCookie(COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: request.protocol === 'https',
        expires: session.expiresAt,
      });
      const actor = await auth.resolveActor({ sessionToken: session.token, apiKey: null, csrfToken: null, ip: request.ip });
      return presentActor(actor);
    },
  );

  r.post(
    '/api/v1/auth/sign-out',
    {
      config: { isPublic: true },
      schema: { tags: ['auth'], summary: '退出 Sign out', response: { 204: z.null() } },
    },
    async (request, reply) => {
      await auth.signOut(request.cookies.lx_session ?? null);
      reply.clearCookie(COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/v1/auth/me',
    {
      schema: { tags: ['auth'], summary: '当前用户 Current user', response: { 200: currentUser } },
    },
    async (request) => presentActor(request.actor),
  );
};

/** The actor as resolved for the request; a session's carries its CSRF token (auth.service's ResolvedActor). */
function presentActor(actor: Actor & { csrfToken?: string }) {
  return {
    kind: actor.kind,
    userId: actor.userId,
    displayName: actor.displayName,
    role: actor.role,
    unitId: actor.unitId,
    csrfToken: actor.csrfToken ?? null,
  };
}
