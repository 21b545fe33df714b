/**
 * Lianxin on several processes and several database nodes, on one machine, for drills and trials:
 *
 *   etcd ×3 ── Patroni ×3 (PostgreSQL 15, one primary, synchronous standby, async standby; WAL archived by pgBackRest)
 *                     │ REST health (/primary)
 *   HAProxy ── TCP :pg → the primary ── pgbouncer (transaction pool; session pool for LISTEN) ── Lianxin ×N
 *   HAProxy ── HTTP :http → Lianxin ×N (server mode, jobs on, LISTEN/NOTIFY)
 *
 * Everything runs from a temporary directory on free ports and is removed on stop. Templates: deploy/ha/.
 *
 *   npx tsx scripts/cluster.ts [--apps 2] [--database-url postgres://…]   (Ctrl-C stops it all)
 *
 * With --database-url the apps use that database and no Patroni cluster is started (HAProxy fronts the apps only).
 * scripts/drill-failover.ts uses startCluster() from here.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { findProgram, freePort, pgAnswers, waitForPort } from '../server/lib/ports.ts';
import { archiveCommand, createBackrest, writeBackrestConfig, type Backrest } from './cluster-backup.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const templates = path.join(root, 'deploy/ha');
export const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

/** What the cluster needs from Debian, or null when all is there. */
export function missingPrograms(withDatabase = true): string | null {
  const needed: [string, string][] = [['haproxy', 'haproxy']];
  if (withDatabase) {
    needed.push(
      ['etcd', 'etcd-server'],
      ['patroni', 'patroni python3-etcd'],
      [`${PG_BIN}/postgres`, 'postgresql-15'],
      ['pgbouncer', 'pgbouncer'],
      ['pgbackrest', 'pgbackrest'],
    );
  }
  const missing = needed.filter(([program]) =>
    program.startsWith('/') ? spawnSync('test', ['-x', program]).status !== 0 : !findProgram(program),
  );
  return missing.length ? `apt-get install ${missing.map(([, pkg]) => pkg).join(' ')}` : null;
}

export function render(template: string, values: Record<string, string | number>): string {
  return readFileSync(path.join(templates, template), 'utf8').replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    if (!(key in values)) throw new Error(`${template}: no value for {{${key}}}`);
    return String(values[key]);
  });
}

export interface PgNode {
  name: string;
  pgPort: number;
  restPort: number;
  process: ChildProcess | null;
}

export interface AppProcess {
  name: string;
  port: number;
  process: ChildProcess | null;
}

export interface Cluster {
  dir: string;
  httpUrl: string;
  /** The primary, through HAProxy. */
  databaseUrl: string;
  /** What the apps use: pgbouncer's transaction pool (and its session pool), or `databaseUrl` without Patroni. */
  appDatabaseUrl: string;
  appSessionUrl: string | null;
  /** pgBackRest on the cluster's WAL archive (null without Patroni). */
  backrest: Backrest | null;
  statsUrl: string;
  nodes: PgNode[];
  apps: AppProcess[];
  /** Patroni's view: the node names by role. */
  roles(): Promise<{ leader: string | null; replicas: string[] }>;
  /** The machine dies: Patroni and its PostgreSQL killed at once (SIGKILL), no clean hand-over. */
  killNode(name: string): void;
  startNode(name: string): void;
  killApp(name: string): void;
  startApp(name: string): void;
  stop(): Promise<void>;
}

export interface ClusterOptions {
  apps?: number;
  /** Use this database instead of starting a Patroni cluster. */
  databaseUrl?: string;
  /** Database name for the apps on the Patroni cluster. */
  database?: string;
  seedDemo?: boolean;
  demoTickets?: number;
  appEnv?: Record<string, string>;
  log?: (line: string) => void;
}

const isRoot = process.getuid?.() === 0;
const SUPERUSER_PASSWORD = 'lianxin-drill';

/** PostgreSQL refuses to run as root: Patroni (and so PostgreSQL) then runs as the `postgres` user. */
export function asDatabaseUser(command: string, args: string[]): [string, string[]] {
  return isRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const log = options.log ?? ((line: string) => console.log(line));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lianxin-cluster-'));
  const children = new Set<ChildProcess>();
  const logFile = (name: string) => createWriteStream(path.join(dir, `${name}.log`), { flags: 'a' });
  const run = (name: string, command: string, args: string[], env: Record<string, string> = {}) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const out = logFile(name);
    // Both into one file; neither may end it (stdout closes first when a process is killed, stderr may still write).
    child.stdout!.pipe(out, { end: false });
    child.stderr!.pipe(out, { end: false });
    child.once('close', () => out.end());
    children.add(child);
    child.once('exit', () => children.delete(child));
    return child;
  };

  const withDatabase = !options.databaseUrl;
  const [httpPort, pgPort, pgReplicaPort, statsPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
  const nodes: PgNode[] = [];
  if (withDatabase)
    for (const name of ['pg1', 'pg2', 'pg3']) nodes.push({ name, pgPort: await freePort(), restPort: await freePort(), process: null });
  const apps: AppProcess[] = [];
  for (let i = 1; i <= (options.apps ?? 2); i++) apps.push({ name: `app${i}`, port: await freePort(), process: null });

  writeFileSync(
    path.join(dir, 'haproxy.cfg'),
    render('haproxy.cfg.tmpl', {
      LISTEN_HOST: '127.0.0.1',
      HTTP_PORT: httpPort,
      PG_PORT: pgPort,
      PG_REPLICA_PORT: pgReplicaPort,
      STATS_PORT: statsPort,
      APP_SERVERS: apps.map((a) => `    server ${a.name} 127.0.0.1:${a.port} check`).join('\n'),
      PG_SERVERS:
        nodes.map((n) => `    server ${n.name} 127.0.0.1:${n.pgPort} check port ${n.restPort}`).join('\n') ||
        '    # no database nodes: the apps use DATABASE_URL directly',
    }),
  );
  run('haproxy', findProgram('haproxy')!, ['-db', '-f', path.join(dir, 'haproxy.cfg')]);
  await waitForPort('127.0.0.1', httpPort);
  log(`HAProxy: http://127.0.0.1:${httpPort} (apps), 127.0.0.1:${pgPort} (PostgreSQL primary), stats http://127.0.0.1:${statsPort}/`);

  const databaseName = options.database ?? 'lianxin';
  const databaseUrl = options.databaseUrl ?? `postgres://postgres:${SUPERUSER_PASSWORD}@127.0.0.1:${pgPort}/${databaseName}`;
  let appDatabaseUrl = databaseUrl;
  let appSessionUrl: string | null = null;
  let backrest: Backrest | null = null;
  const startNode = (name: string) => {
    const node = nodes.find((n) => n.name === name)!;
    const [command, args] = asDatabaseUser('patroni', [path.join(dir, `${name}.yml`)]);
    node.process = run(name, command, args);
  };
  if (withDatabase) {
    // Three etcd members (a quorum survives the loss of one), each with its client and peer port.
    const members = [];
    for (const name of ['etcd1', 'etcd2', 'etcd3']) members.push({ name, clientPort: await freePort(), peerPort: await freePort() });
    const initialCluster = members.map((m) => `${m.name}=http://127.0.0.1:${m.peerPort}`).join(',');
    for (const m of members) {
      run(m.name, 'etcd', [
        '--name',
        m.name,
        '--data-dir',
        path.join(dir, m.name),
        '--initial-cluster-token',
        path.basename(dir),
        '--listen-client-urls',
        `http://127.0.0.1:${m.clientPort}`,
        '--advertise-client-urls',
        `http://127.0.0.1:${m.clientPort}`,
        '--listen-peer-urls',
        `http://127.0.0.1:${m.peerPort}`,
        '--initial-advertise-peer-urls',
        `http://127.0.0.1:${m.peerPort}`,
        '--initial-cluster',
        initialCluster,
        '--initial-cluster-state',
        'new',
        // A shared 2-core machine stalls processes for hundreds of ms: five times etcd's defaults, so it does not re-elect for that.
        '--heartbeat-interval',
        '500',
        '--election-timeout',
        '5000',
      ]);
    }
    for (const m of members) await waitForPort('127.0.0.1', m.clientPort, 60_000);
    const etcdHosts = members.map((m) => `127.0.0.1:${m.clientPort}`).join(',');
    log(`etcd: ${etcdHosts}`);
    const backrestConf = writeBackrestConfig(dir, nodes);
    for (const node of nodes) {
      writeFileSync(
        path.join(dir, `${node.name}.yml`),
        render('patroni.yml.tmpl', {
          SCOPE: `lianxin-${path.basename(dir).slice(-6)}`,
          NAME: node.name,
          REST_PORT: node.restPort,
          PG_PORT: node.pgPort,
          ETCD_HOSTS: etcdHosts,
          DATA_DIR: path.join(dir, node.name),
          PG_BIN,
          RUN_DIR: dir,
          SUPERUSER_PASSWORD,
          REPLICATION_PASSWORD: 'lianxin-replication',
          ARCHIVE_COMMAND: archiveCommand(backrestConf),
        }),
      );
    }
    if (isRoot) spawnSync('chown', ['-R', 'postgres:', dir]);
    // The first node bootstraps the cluster; the others clone it once it leads.
    startNode('pg1');
    await waitFor(async () => (await patroni(nodes[0], '/primary')) === 200, 90_000, 'pg1 to become primary');
    for (const node of nodes.slice(1)) startNode(node.name);
    await waitFor(
      async () => {
        const states = await Promise.all(nodes.slice(1).map((n) => patroni(n, '/replica')));
        return states.every((s) => s === 200);
      },
      120_000,
      'both replicas to stream',
    );
    await waitFor(
      () => pgAnswers(`postgres://postgres:${SUPERUSER_PASSWORD}@127.0.0.1:${pgPort}/postgres`),
      30_000,
      'HAProxy to reach the primary',
    );
    const admin = new pg.Client({ connectionString: `postgres://postgres:${SUPERUSER_PASSWORD}@127.0.0.1:${pgPort}/postgres` });
    await admin.connect();
    await admin.query(`create database ${pg.escapeIdentifier(databaseName)}`);
    await admin.end();
    log(`Patroni: ${nodes.map((n) => `${n.name} pg :${n.pgPort} rest :${n.restPort}`).join(', ')}`);
    backrest = createBackrest(backrestConf, (command, args) => asDatabaseUser(command, args));
    backrest.run('stanza-create');
    log(`pgBackRest: stanza lianxin, repository ${path.join(dir, 'pgbackrest-repo')}`);

    // pgbouncer in front of HAProxy's primary port: the apps' pool in transaction mode, LISTEN in session mode.
    const bouncerPort = await freePort();
    writeFileSync(path.join(dir, 'pgbouncer-users.txt'), `"postgres" "${SUPERUSER_PASSWORD}"\n`);
    writeFileSync(
      path.join(dir, 'pgbouncer.ini'),
      render('pgbouncer.ini.tmpl', {
        DATABASE: databaseName,
        PG_HOST: '127.0.0.1',
        PG_PORT: pgPort,
        LISTEN_HOST: '127.0.0.1',
        PORT: bouncerPort,
        AUTH_TYPE: 'scram-sha-256',
        AUTH_FILE: path.join(dir, 'pgbouncer-users.txt'),
        POOL_SIZE: 20,
      }),
    );
    if (isRoot) spawnSync('chown', ['postgres:', path.join(dir, 'pgbouncer.ini'), path.join(dir, 'pgbouncer-users.txt')]);
    run('pgbouncer', ...asDatabaseUser('pgbouncer', [path.join(dir, 'pgbouncer.ini')]));
    await waitForPort('127.0.0.1', bouncerPort);
    appDatabaseUrl = `postgres://postgres:${SUPERUSER_PASSWORD}@127.0.0.1:${bouncerPort}/${databaseName}`;
    appSessionUrl = `${appDatabaseUrl}_session`;
    log(`pgbouncer: 127.0.0.1:${bouncerPort} (${databaseName}: transaction pool, ${databaseName}_session: session pool)`);
  }

  const startApp = (name: string) => {
    const app = apps.find((a) => a.name === name)!;
    const dataDir = path.join(dir, name);
    mkdirSync(dataDir, { recursive: true });
    app.process = run(name, path.join(root, 'node_modules/.bin/tsx'), [path.join(root, 'server/main.ts')], {
      DATABASE_URL: appDatabaseUrl,
      ...(appSessionUrl ? { DATABASE_SESSION_URL: appSessionUrl } : {}),
      PORT: String(app.port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_POOL_SIZE: '8',
      SEED_DEMO: String(options.seedDemo ?? true),
      DEMO_TICKETS: String(options.demoTickets ?? 200),
      JOBS_ENABLED: 'true',
      NODE_ENV: 'production',
      ...options.appEnv,
    });
  };
  // The first app migrates and seeds; the others start once it listens (they would wait on the migration lock anyway).
  startApp(apps[0].name);
  await waitForHealth(apps[0].port, 300_000);
  for (const app of apps.slice(1)) startApp(app.name);
  for (const app of apps.slice(1)) await waitForHealth(app.port, 300_000);
  log(`Lianxin: ${apps.map((a) => `${a.name} :${a.port}`).join(', ')} → http://127.0.0.1:${httpPort}`);

  const signal = (child: ChildProcess | null, sig: NodeJS.Signals) => {
    if (child?.pid && child.exitCode === null) {
      try {
        process.kill(-child.pid, sig); // the whole group: runuser → patroni → postgres, or tsx → node
      } catch {
        child.kill(sig);
      }
    }
  };
  return {
    dir,
    httpUrl: `http://127.0.0.1:${httpPort}`,
    databaseUrl,
    appDatabaseUrl,
    appSessionUrl,
    backrest,
    statsUrl: `http://127.0.0.1:${statsPort}/`,
    nodes,
    apps,
    async roles() {
      const answers = await Promise.all(nodes.map(async (n) => [n.name, await patroni(n, '/primary')] as const));
      return {
        leader: answers.find(([, s]) => s === 200)?.[0] ?? null,
        replicas: answers.filter(([, s]) => s !== 200 && s !== 0).map(([n]) => n),
      };
    },
    killNode(name) {
      const node = nodes.find((n) => n.name === name)!;
      // Patroni and every PostgreSQL process of that node, as if the machine lost power.
      const pid = readPostmasterPid(path.join(dir, name));
      signal(node.process, 'SIGKILL');
      if (pid) {
        spawnSync('pkill', ['-KILL', '-P', String(pid)]); // its backends and background workers
        spawnSync('kill', ['-KILL', String(pid)]);
      }
    },
    startNode,
    killApp(name) {
      signal(apps.find((a) => a.name === name)!.process, 'SIGKILL');
    },
    startApp,
    async stop() {
      for (const app of apps) signal(app.process, 'SIGTERM');
      await new Promise((r) => setTimeout(r, 1_000));
      for (const node of nodes) signal(node.process, 'SIGTERM');
      await new Promise((r) => setTimeout(r, 3_000));
      for (const child of children) signal(child, 'SIGKILL');
      for (const node of nodes) {
        const pid = readPostmasterPid(path.join(dir, node.name));
        if (pid) spawnSync('kill', ['-KILL', String(pid)]);
      }
      if (!process.env.KEEP_CLUSTER_DIR) rmSync(dir, { recursive: true, force: true });
    },
  };
}

function readPostmasterPid(dataDir: string): number | null {
  try {
    return Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]) || null;
  } catch {
    return null;
  }
}

/** Patroni's REST answer status for a health path (/primary, /replica); 0 when the node does not answer. */
export async function patroni(node: Pick<PgNode, 'restPort'>, pathname: string): Promise<number> {
  try {
    const res = await fetch(`http://127.0.0.1:${node.restPort}${pathname}`, { method: 'GET', signal: AbortSignal.timeout(1_000) });
    await res.body?.cancel();
    return res.status;
  } catch {
    return 0;
  }
}

async function waitForHealth(port: number, timeoutMs: number) {
  await waitFor(
    async () => {
      try {
        return (await fetch(`http://127.0.0.1:${port}/api/v1/health`, { signal: AbortSignal.timeout(1_000) })).ok;
      } catch {
        return false;
      }
    },
    timeoutMs,
    `Lianxin on :${port}`,
  );
}

export async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const databaseUrl = arg('database-url');
  const missing = missingPrograms(!databaseUrl);
  if (missing) {
    console.error(`缺少组件 Missing programs: ${missing}`);
    process.exit(1);
  }
  const cluster = await startCluster({ apps: Number(arg('apps') ?? 2), databaseUrl });
  console.log(`\n连心 Lianxin cluster is up: ${cluster.httpUrl}  (logs and configs in ${cluster.dir}; Ctrl-C stops it)`);
  const stop = async () => {
    await cluster.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
