/** What a request presents to prove who it is: the session cookie, an API key, the CSRF token. */
import type { FastifyRequest } from 'fastify';

export interface Credentials {
  sessionToken: string | null;
  apiKey: string | null;
  csrfToken: string | null;
  ip: string | null;
}

export function readCredentials(request: FastifyRequest): Credentials {
  const auth = request.headers.authorization;
  const bearer = auth?.startsWith('Bearer ') ? auth.slice(7).trim() : null;
  const headerKey = request.headers['x-api-key'];
  return {
    sessionToken: request.cookies?.lx_session ?? null,
    apiKey: bearer ?? (typeof headerKey === 'string' ? headerKey : null),
    csrfToken: (request.headers['x-csrf-token'] as string | undefined) ?? null,
    ip: request.ip ?? null,
  };
}
