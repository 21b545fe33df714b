/**
 * Intake benchmark: creates orders through the HTTP API at a chosen concurrency and prints throughput and latency.
 *
 *   npx tsx scripts/bench-intake.ts [--requests 5000] [--concurrency 32] [--dispatch] [--minimal]
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench npx tsx scripts/bench-intake.ts   # server mode
 *
 * The server runs in a child process (so the load generator does not share its event loop); embedded mode uses a
 * fresh PGlite directory under /tmp. Server mode uses a separate app process per core when --processes > 1.
 * --minimal sends `Prefer: return=minimal` (answer {id, number} instead of the order's full detail), as a gateway would.
 * Besides throughput and latency it prints the CPU each order cost the app, PostgreSQL and the load generator (from
 * /proc), which stays comparable when something else is using the machine. BENCH_PROF=1 writes V8 CPU profiles of
 * the app to /tmp/cpuprof.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    requests: { type: 'string', default: '5000' },
    concurrency: { type: 'string', default: '32' },
    processes: { type: 'string', default: '1' },
    dispatch: { type: 'boolean', default: false },
    minimal: { type: 'boolean', default: false },
    serve: { type: 'boolean', default: false },
    port: { type: 'string', default: '0' },
  },
});

if (args.serve) await serve();
else await run();

/** Child: an app with a unit, a category and an API key, listening; prints {url, apiKey, unitId, categoryId}. */
async function serve() {
  if (process.env.BENCH_PROF) process.on('SIGTERM', () => process.exit(0));
  const { buildApp } = await import('../server/app.ts');
  const { loadConfig } = await import('../server/config.ts');
  const { openDatabase } = await import('../server/db/client.ts');
  const { categories, units } = await import('../server/db/schema.ts');
  const config = loadConfig({ ...process.env, SEED_DEMO: 'false', JOBS_ENABLED: 'false', PORT: args.port, HOST: '127.0.0.1' });
  const database = await openDatabase(config);
  const app = await buildApp({ config, database });
  const suffix = `${process.pid}-${Date.now()}`;
  let setup: { apiKey: string; unitId: number; categoryId: number } | undefined;
  if (process.env.BENCH_SETUP) setup = JSON.parse(process.env.BENCH_SETUP);
  else {
    const [unit] = await database.db
      .insert(units)
      .values({ code: `BENCH-${suffix}`, name: `压测单位${suffix}`, kind: 'department' })
      .returning();
    const [category] = await database.db
      .insert(categories)
      .values({ code: `BENCH-${suffix}`, name: '压测分类', level: 1, pathName: '压测分类' })
      .returning();
    const key = await app.services.auth.createApiKey({ name: `bench ${suffix}`, role: 'agent' });
    setup = { apiKey: key.plainKey, unitId: unit.id, categoryId: category.id };
  }
  const url = await app.listen({ port: Number(args.port), host: '127.0.0.1' });
  process.send?.({ url, ...setup });
}

async function run() {
  const requests = Number(args.requests);
  const concurrency = Number(args.concurrency);
  const processes = Number(args.processes);
  const mode = process.env.DATABASE_URL ? 'server (PostgreSQL)' : 'embedded (PGlite)';
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (!env.DATABASE_URL) env.DATA_DIR = await mkdtemp(path.join(os.tmpdir(), 'lianxin-bench-'));
  if (processes > 1 && !env.DATABASE_URL) throw new Error('--processes > 1 needs DATABASE_URL (PGlite is single-process)');

  const children: ChildProcess[] = [];
  const start = (extraEnv: NodeJS.ProcessEnv) =>
    new Promise<{ url: string; apiKey: string; unitId: number; categoryId: number }>((resolve, reject) => {
      const child = fork(fileURLToPath(import.meta.url), ['--serve'], {
        env: { ...env, ...extraEnv },
        execArgv: ['--import', 'tsx', ...(process.env.BENCH_PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/cpuprof'] : [])],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      children.push(child);
      child.once('message', (m) => resolve(m as never));
      child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    });
  const first = await start({});
  const targets = [first.url];
  for (let i = 1; i < processes; i++) {
    targets.push(
      (await start({ BENCH_SETUP: JSON.stringify({ apiKey: first.apiKey, unitId: first.unitId, categoryId: first.categoryId }) })).url,
    );
  }

  const body = (i: number) =>
    JSON.stringify({
      channel: 'phone',
      type: i % 5 === 0 ? 'inquiry' : 'complaint',
      categoryId: first.categoryId,
      content: `第${i}号压测诉求：小区${i % 97}号楼下水管破裂，路面积水严重，影响居民出行，请尽快处理。`,
      citizen: { phone: `139${String(10_000_000 + (i % 90_000_000)).padStart(8, '0')}` },
      ...(args.dispatch ? { dispatch: { leadUnitId: first.unitId } } : {}),
    });
  // node:http with keep-alive rather than fetch: fetch costs the load generator about 1 ms of CPU per request, CPU
  // that the server on the same two cores would otherwise have.
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const headers = {
    'content-type': 'application/json',
    authorization: `Bearer ${first.apiKey}`,
    ...(args.minimal ? { prefer: 'return=minimal' } : {}),
  };
  const post = (i: number) =>
    new Promise<number>((resolve, reject) => {
      const t0 = performance.now();
      const payload = body(i);
      const req = http.request(
        `${targets[i % targets.length]}/api/v1/tickets`,
        {
          method: 'POST',
          agent,
          headers: { ...headers, 'content-length': Buffer.byteLength(payload) },
        },
        (res) => {
          res.resume();
          res.on('end', () => (res.statusCode === 201 ? resolve(performance.now() - t0) : reject(new Error(`HTTP ${res.statusCode}`))));
        },
      );
      req.on('error', reject);
      req.end(payload);
    });

  for (let i = 0; i < Math.min(200, requests); i++) await post(requests + i); // warm-up: JIT, caches, connections
  const cpuBefore = { app: cpuMs(children.map((c) => c.pid!)), database: cpuMs(postgresPids()), client: process.cpuUsage() };
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        const i = next++;
        try {
          latencies.push(await post(i));
        } catch {
          failures++;
        }
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const clientCpu = process.cpuUsage(cpuBefore.client);
  const perOrder = (ms: number | null) => (ms === null ? null : Number((ms / requests).toFixed(2)));
  const cpuMsPerOrder = {
    app: perOrder(subtract(cpuMs(children.map((c) => c.pid!)), cpuBefore.app)),
    database: process.env.DATABASE_URL ? perOrder(subtract(cpuMs(postgresPids()), cpuBefore.database)) : null,
    client: perOrder((clientCpu.user + clientCpu.system) / 1000),
  };
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(1);
  console.log(
    JSON.stringify(
      {
        mode,
        processes,
        requests,
        concurrency,
        dispatch: args.dispatch,
        minimal: args.minimal,
        failures,
        ordersPerSecond: Math.round(latencies.length / seconds),
        p50Ms: Number(pct(50)),
        p99Ms: Number(pct(99)),
        maxMs: Number(latencies.at(-1)!.toFixed(1)),
        cpuMsPerOrder,
      },
      null,
      2,
    ),
  );
  for (const child of children) child.kill();
  process.exit(0);
}

/**
 * CPU time (user + system, ms) these processes have used so far, read from /proc (Linux); null elsewhere. CPU per
 * order stays meaningful when something else shares the machine, unlike orders per second.
 */
function cpuMs(pids: number[]): number | null {
  try {
    const ticksPerMs = 100 / 1000; // USER_HZ is 100 on Linux
    return pids.reduce((sum, pid) => {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return sum + (Number(fields[11]) + Number(fields[12])) / ticksPerMs; // utime, stime
    }, 0);
  } catch {
    return null;
  }
}

/** Local PostgreSQL server processes (backends included), when the database runs on this machine. */
function postgresPids(): number[] {
  try {
    return readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .map(Number)
      .filter((pid) => {
        try {
          return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres';
        } catch {
          return false;
        }
      });
  } catch {
    return [];
  }
}

function subtract(after: number | null, before: number | null) {
  return after === null || before === null ? null : after - before;
}
