/**
 * Backup and restore drill for server mode, with pgBackRest (Debian package `pgbackrest`):
 *
 *   npx tsx scripts/drill-restore.ts [--orders 2000] [--after 300]
 *
 * 1. A PostgreSQL 15 (local binaries, /usr/lib/postgresql/15/bin) in a temp dir, archiving its WAL with pgBackRest.
 * 2. Lianxin's schema and a demo city of `orders` orders; a full backup (`pgbackrest backup --type=full`).
 * 3. `after` more orders taken through the app's intake API after the backup: they exist only in the archived WAL.
 * 4. The source's key tables counted and checksummed; the source stopped (as if its disk were lost).
 * 5. `pgbackrest restore` into a new data directory, started on another port: recovery replays the archived WAL.
 * 6. The restored key tables counted and checksummed: they must equal the source's.
 * Figures (sizes, durations, rows, differing tables) as JSON; exit status 1 when anything differs.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { openPostgres } from '../server/db/client.ts';
import { describeDemoCity, seedDemoCity } from '../server/db/seed/index.ts';
import { KEY_TABLES, tableChecksums } from '../server/cli/backup.command.ts';
import { findProgram, freePort } from '../server/lib/ports.ts';
import { PG_BIN, waitFor } from './cluster.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ORDERS = arg('orders', 2000);
const AFTER = arg('after', 300);

if (!findProgram('pgbackrest') || spawnSync('test', ['-x', `${PG_BIN}/postgres`]).status !== 0) {
  console.error('缺少组件 Missing programs: apt-get install pgbackrest postgresql-15');
  process.exit(2);
}
const isRoot = process.getuid?.() === 0;
const dir = mkdtempSync(path.join(os.tmpdir(), 'lianxin-restore-'));
if (isRoot) spawnSync('chown', ['postgres:', dir]);
const log = (line: string) => console.error(`[${new Date().toISOString().slice(11, 23)}] ${line}`);

/** Runs a PostgreSQL or pgBackRest program as the database user (PostgreSQL refuses root). */
function sh(command: string, args: string[], options: { quiet?: boolean } = {}) {
  const [cmd, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  const started = Date.now();
  const result = spawnSync(cmd, argv, { encoding: 'utf8', cwd: dir });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  if (!options.quiet && result.stdout.trim()) log(result.stdout.trim());
  return Date.now() - started;
}

const [sourcePort, restorePort] = [await freePort(), await freePort()];
const sourceDir = path.join(dir, 'source');
const restoreDir = path.join(dir, 'restored');
const repoDir = path.join(dir, 'repo');
const conf = path.join(dir, 'pgbackrest.conf');
const stanza = 'lianxin';
writeFileSync(
  conf,
  `[global]
repo1-path=${repoDir}
repo1-retention-full=2
log-level-console=warn
log-path=${dir}
lock-path=${dir}
spool-path=${dir}
compress-type=lz4
start-fast=y

[${stanza}]
pg1-path=${sourceDir}
pg1-port=${sourcePort}
pg1-socket-path=${dir}
`,
);
if (isRoot) spawnSync('chown', ['postgres:', conf]);
const backrest = (...args: string[]) => sh('pgbackrest', [`--config=${conf}`, `--stanza=${stanza}`, ...args]);
const url = (port: number) => `postgres://postgres@127.0.0.1:${port}/lianxin`;

const figures: Record<string, unknown> = { orders: ORDERS, ordersAfterBackup: AFTER };
try {
  sh(`${PG_BIN}/initdb`, ['-D', sourceDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--data-checksums'], {
    quiet: true,
  });
  const settings = [
    `port=${sourcePort}`,
    "listen_addresses='127.0.0.1'",
    `unix_socket_directories='${dir}'`,
    'wal_level=replica',
    'archive_mode=on',
    `archive_command='pgbackrest --config=${conf} --stanza=${stanza} archive-push %p'`,
    'max_wal_senders=3',
    'shared_buffers=64MB',
  ];
  writeFileSync(path.join(sourceDir, 'postgresql.auto.conf'), `${settings.join('\n')}\n`);
  sh(`${PG_BIN}/pg_ctl`, ['-D', sourceDir, '-l', path.join(dir, 'source.log'), '-w', 'start'], { quiet: true });
  sh(`${PG_BIN}/createdb`, ['-h', dir, '-p', String(sourcePort), '-U', 'postgres', 'lianxin'], { quiet: true });
  backrest('stanza-create');
  backrest('check');

  log(`loading Lianxin: schema and a demo city of ${ORDERS} orders`);
  let t0 = Date.now();
  const database = await openPostgres(url(sourcePort), 4);
  await seedDemoCity(database.db, { tickets: ORDERS, seed: 12345, now: new Date() });
  figures.loadSeconds = (Date.now() - t0) / 1000;

  log('full backup');
  figures.backupSeconds = backrest('backup', '--type=full') / 1000;
  const info = JSON.parse(
    spawnSync(
      isRoot ? 'runuser' : 'pgbackrest',
      [...(isRoot ? ['-u', 'postgres', '--', 'pgbackrest'] : []), `--config=${conf}`, `--stanza=${stanza}`, '--output=json', 'info'],
      { encoding: 'utf8' },
    ).stdout,
  );
  const backup = info[0].backup.at(-1);
  figures.backup = { label: backup.label, databaseBytes: backup.info.size, repositoryBytes: backup.info.repository.size };

  log(`${AFTER} orders through the intake API after the backup (only in the archived WAL)`);
  const app = await buildApp({
    config: loadConfig({ DATABASE_URL: url(sourcePort), SEED_DEMO: 'false', JOBS_ENABLED: 'false', DATA_DIR: path.join(dir, 'app') }),
    database,
  });
  const headers = { authorization: `Bearer ${describeDemoCity(12345).apiKey}` };
  for (let i = 0; i < AFTER; i++) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      headers,
      payload: {
        channel: 'phone',
        type: 'help',
        content: `恢复演练：第${i}单，楼道灯不亮`,
        citizen: { phone: `138${String(i).padStart(8, '0')}` },
      },
    });
    if (res.statusCode !== 201) throw new Error(`intake answered ${res.statusCode}: ${res.body}`);
  }
  await app.close();

  const pool = new pg.Client({ connectionString: url(sourcePort) });
  await pool.connect();
  const source = await tableChecksums(pool, KEY_TABLES);
  await pool.end();
  await database.close();
  // Every WAL segment up to now in the archive (check switches WAL and waits for it), then the source is gone.
  backrest('check');
  sh(`${PG_BIN}/pg_ctl`, ['-D', sourceDir, '-m', 'immediate', 'stop'], { quiet: true });
  rmSync(sourceDir, { recursive: true, force: true });

  log('restore into a new data directory and replay the archived WAL');
  t0 = Date.now();
  backrest('restore', `--pg1-path=${restoreDir}`, '--type=default');
  writeFileSync(
    path.join(restoreDir, 'postgresql.auto.conf'),
    `port=${restorePort}\nlisten_addresses='127.0.0.1'\nunix_socket_directories='${dir}'\narchive_mode=off\nrestore_command='pgbackrest --config=${conf} --stanza=${stanza} --pg1-path=${restoreDir} archive-get %f "%p"'\n`,
  );
  if (isRoot) spawnSync('chown', ['postgres:', path.join(restoreDir, 'postgresql.auto.conf')]);
  sh(`${PG_BIN}/pg_ctl`, ['-D', restoreDir, '-l', path.join(dir, 'restored.log'), '-w', '-t', '300', 'start'], { quiet: true });
  const restoredDb = new pg.Client({ connectionString: url(restorePort) });
  await restoredDb.connect();
  await waitFor(
    async () => !(await restoredDb.query<{ r: boolean }>('select pg_is_in_recovery() as r')).rows[0].r,
    300_000,
    'recovery to end',
  );
  figures.restoreSeconds = (Date.now() - t0) / 1000;
  const restored = await tableChecksums(restoredDb, KEY_TABLES);
  await restoredDb.end();
  sh(`${PG_BIN}/pg_ctl`, ['-D', restoreDir, '-m', 'fast', 'stop'], { quiet: true });

  const differing = KEY_TABLES.filter((t) => JSON.stringify(source[t]) !== JSON.stringify(restored[t]));
  figures.tables = Object.fromEntries(
    KEY_TABLES.filter((t) => source[t]).map((t) => [
      t,
      { rows: source[t].rows, restoredRows: restored[t]?.rows, md5Equal: source[t].md5 === restored[t]?.md5 },
    ]),
  );
  figures.differing = differing;
  figures.identical = differing.length === 0;
  console.log(JSON.stringify(figures, null, 2));
  log(
    differing.length === 0
      ? '恢复演练通过 Restore identical to the source'
      : `恢复数据不一致 Restored tables differ: ${differing.join(', ')}`,
  );
  process.exitCode = differing.length === 0 ? 0 : 1;
} finally {
  for (const d of [sourceDir, restoreDir])
    spawnSync(
      isRoot ? 'runuser' : `${PG_BIN}/pg_ctl`,
      [...(isRoot ? ['-u', 'postgres', '--', `${PG_BIN}/pg_ctl`] : []), '-D', d, '-m', 'immediate', 'stop'],
      { stdio: 'ignore' },
    );
  if (!process.env.KEEP_DRILL_DIR) rmSync(dir, { recursive: true, force: true });
}
