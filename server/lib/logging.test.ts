import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { announceFirstTraining } from '../jobs/announce.ts';
import { loggerOptions, logRequestsAtDebug, quietRequests } from './logging.ts';

async function serve(config: Parameters<typeof loggerOptions>[0]) {
  const lines: string[] = [];
  const app = Fastify({ logger: loggerOptions(config, { write: (line: string) => lines.push(line) }), logController: quietRequests() });
  logRequestsAtDebug(app);
  app.get('/ping', async (request) => {
    request.log.warn('something to see');
    return { ok: true };
  });
  for (let i = 0; i < 5; i++) await app.inject({ method: 'GET', url: '/ping' });
  await app.close();
  return lines.map((l) => JSON.parse(l) as { msg: string; url?: string; level: number });
}

describe('server log after npm start', () => {
  it('keeps requests out of the terminal by default, and shows warnings', async () => {
    const lines = await serve({ LOG_LEVEL: 'info', LOG_FILE_LEVEL: 'debug' });
    expect(lines.filter((l) => l.msg === 'request')).toHaveLength(0);
    expect(lines.filter((l) => l.msg === 'something to see')).toHaveLength(5);
  });

  it('shows one line per request with LOG_LEVEL=debug', async () => {
    const lines = await serve({ LOG_LEVEL: 'debug', LOG_FILE_LEVEL: 'debug' });
    expect(lines.filter((l) => l.msg === 'request').map((l) => l.url)).toEqual(Array(5).fill('/ping'));
  });

  it('writes the requests to LOG_FILE while the terminal stays quiet', async () => {
    const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'lianxin-log-')), 'server.log');
    const terminal = await serve({ LOG_LEVEL: 'warn', LOG_FILE: file, LOG_FILE_LEVEL: 'debug' });
    expect(terminal.every((l) => l.level >= 40)).toBe(true);
    await expect
      .poll(async () => (await readFile(file, 'utf8').catch(() => '')).split('\n').filter((l) => l.includes('"msg":"request"')).length)
      .toBe(5);
  });
});

describe('announceFirstTraining', () => {
  it('says when the first training starts and ends, then stays quiet', () => {
    const printed: string[] = [];
    const listen = announceFirstTraining((line) => printed.push(line));
    listen({ phase: 'started', name: 'compute-hotspots', id: 1 });
    listen({ phase: 'started', name: 'train-dispatch-model', id: 2 });
    listen({
      phase: 'done',
      name: 'train-dispatch-model',
      id: 2,
      ms: 12_300,
      result: { models: [{ labelKind: 'category' }, { labelKind: 'unit' }] },
    });
    listen({ phase: 'started', name: 'train-dispatch-model', id: 3 });
    expect(printed).toHaveLength(2);
    expect(printed[0]).toContain('Training the dispatch models');
    expect(printed[1]).toContain('trained in 12.3 s (category, unit)');
  });
});
