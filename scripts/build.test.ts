/**
 * Production runs the compiled server (`npm start` → node dist/server/main.js): built once by scripts/build.ts (again
 * only when a source is newer), then started by plain node on a fresh PGlite data directory and asked over HTTP.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServerIfNeeded, serverEntry } from './build.ts';

const distDir = path.dirname(path.dirname(serverEntry));
let dataDir: string;
let server: ChildProcess | undefined;

beforeAll(async () => {
  await buildServerIfNeeded({ quiet: true });
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'lianxin-compiled-'));
}, 300_000);

afterAll(async () => {
  if (server?.exitCode === null) {
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  await rm(dataDir, { recursive: true, force: true });
});

/** Starts node on the compiled entry and resolves with the URL and demo API key it prints once it listens. */
function startCompiled(env: Record<string, string>): Promise<{ url: string; apiKey: string }> {
  const { DATABASE_URL: _db, NATS_URL: _nats, ...inherited } = process.env;
  server = spawn(process.execPath, ['--enable-source-maps', serverEntry], {
    env: { ...inherited, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /running at (http:\/\/\S+)/.exec(output)?.[1];
      const apiKey = /Authorization: Bearer …\): (\S+)/.exec(output)?.[1];
      if (url && apiKey) resolve({ url, apiKey });
    };
    server!.stdout!.on('data', onData);
    server!.stderr!.on('data', onData);
    server!.once('exit', (code) => reject(new Error(`compiled server exited with ${code}:\n${output}`)));
  });
}

describe('compiled server (dist/)', () => {
  it('starts on PGlite with plain node and answers the health check and the API', async () => {
    const { url, apiKey } = await startCompiled({
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DEMO_TICKETS: '20',
      JOBS_ENABLED: 'false',
      LOG_LEVEL: 'warn',
    });
    const health = await fetch(`${url}/api/v1/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', mode: 'embedded', pid: server!.pid });

    const headers = { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' };
    const created = await fetch(`${url}/api/v1/tickets`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ channel: 'phone', type: 'help', content: '小区门口路灯不亮已经一周', citizen: { phone: '13800138000' } }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const read = await fetch(`${url}/api/v1/tickets/${id}`, { headers });
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({ id, content: '小区门口路灯不亮已经一周' });
  }, 120_000);

  it('runs a corpus job on a worker thread from the compiled module', () => {
    const threadModule = pathToFileURL(path.join(distDir, 'server/modules/insight/hotspots/hotspots-thread.js')).href;
    const orders = Array.from({ length: 6 }, (_, i) => ({
      id: i,
      title: '幸福小区垃圾清运不及时',
      body: `幸福小区垃圾桶满了没人清运 ${i}`,
      at: new Date(Date.UTC(2026, 10, 2, i)),
      citizen: `c${i}`,
      region: '城东区',
    }));
    const script = `const { findHotspotsInThread } = await import(${JSON.stringify(threadModule)});
      const hotspots = await findHotspotsInThread(${JSON.stringify(orders)}.map((o) => ({ ...o, at: new Date(o.at) })), {});
      console.log(JSON.stringify(hotspots.map((h) => h.ids.length)));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual([6]);
  }, 90_000);
});
