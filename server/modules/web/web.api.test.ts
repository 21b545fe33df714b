import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { setupApp } from '../../../test/app.ts';
import { webRoutes } from './web.routes.ts';

const { app } = await setupApp();

async function appWithDist(distDir: string) {
  const bare = Fastify();
  await bare.register(webRoutes, { distDir });
  await bare.ready();
  return bare;
}

describe('web app serving', () => {
  it('serves files, and index.html for client routes, with the right caching', async () => {
    const dist = await mkdtemp(path.join(os.tmpdir(), 'lianxin-dist-'));
    await mkdir(path.join(dist, 'assets'));
    await writeFile(path.join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
    await writeFile(path.join(dist, 'assets/app-abc123.js'), 'console.log(1)');
    const web = await appWithDist(dist);

    const page = await web.inject({ method: 'GET', url: '/unit?tab=toSign' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.body).toContain('id="root"');

    const asset = await web.inject({ method: 'GET', url: '/assets/app-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');

    expect((await web.inject({ method: 'GET', url: '/assets/missing.js' })).statusCode).toBe(404);
    expect((await web.inject({ method: 'GET', url: '/../../etc/passwd' })).body).not.toContain('root:');
    await web.close();
  });

  it('says how to build the app when web/dist is missing', async () => {
    const web = await appWithDist(path.join(os.tmpdir(), 'lianxin-no-such-dist'));
    const res = await web.inject({ method: 'GET', url: '/agent' });
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain('npm run build:web');
    await web.close();
  });

  it('answers an unknown API path with a JSON 404, never the page', async () => {
    for (const url of ['/api/v1/no-such-thing', '/api']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
    // Open311 answers in its own error format, but never with the web page.
    const open311 = await app.inject({ method: 'GET', url: '/open311/v2/no-such-thing.json' });
    expect(open311.statusCode).toBe(404);
    expect(open311.headers['content-type']).toContain('json');
  });
});
