/**
 * Serves the built web app (web/dist) from the API's own port: real files by path,
 * and index.html for client-side routes so a reload on /unit or /portal works.
 * /api and /open311 never fall back to the page: an unknown API path is a JSON 404.
 */
import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';
import { errorBody } from '../../lib/errors.ts';
import { projectPath } from '../../lib/paths.ts';

const defaultDistDir = projectPath('web/dist');
const API_PREFIXES = ['/api/', '/open311/'];

export interface WebRoutesOptions {
  /** Where the built app lives; tests may point elsewhere. */
  distDir?: string;
}

export const webRoutes: FastifyPluginAsync<WebRoutesOptions> = async (app, options) => {
  const distDir = options.distDir ?? defaultDistDir;
  await app.register(fastifyStatic, { root: distDir, serve: false });

  app.get('/*', { schema: { hide: true }, config: { isPublic: true } }, async (request, reply) => {
    const urlPath = decodeURIComponent(request.url.split('?')[0]);
    if (isApiPath(urlPath)) {
      return reply.status(404).send(errorBody('NOT_FOUND', '接口不存在', 'No such API endpoint', { path: urlPath }));
    }
    if (!fs.existsSync(path.join(distDir, 'index.html'))) {
      return reply
        .status(503)
        .type('text/plain; charset=utf-8')
        .send(
          '连心 Web 端尚未构建：请先运行 npm run build:web（npm start 会自动构建）。\n' +
            'The web app is not built yet: run `npm run build:web` (npm start builds it automatically).\n',
        );
    }
    const file = resolveFile(distDir, urlPath);
    if (file) {
      // Vite puts content hashes in asset names, so they can be cached for good.
      const isHashed = file.startsWith('assets/');
      return reply.sendFile(file, distDir, { maxAge: isHashed ? 365 * 24 * 3600_000 : 0, immutable: isHashed });
    }
    if (path.extname(urlPath)) {
      return reply.status(404).type('text/plain; charset=utf-8').send('Not found');
    }
    // The page names the current asset files, so browsers must check it every time.
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html', distDir, { cacheControl: false });
  });
};

function isApiPath(urlPath: string) {
  return urlPath === '/api' || urlPath === '/open311' || API_PREFIXES.some((p) => urlPath.startsWith(p));
}

/** A file under distDir for this path, relative to distDir, or null (never escapes the folder). */
function resolveFile(distDir: string, urlPath: string): string | null {
  const relative = path.normalize(urlPath).replace(/^([/\\])+/, '');
  if (!relative || relative.startsWith('..')) return null;
  const absolute = path.join(distDir, relative);
  if (!absolute.startsWith(distDir + path.sep)) return null;
  try {
    return fs.statSync(absolute).isFile() ? relative.split(path.sep).join('/') : null;
  } catch {
    return null;
  }
}
