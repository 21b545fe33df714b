/**
 * pgBackRest on the Patroni cluster of scripts/cluster.ts: every node archives its WAL into one repository (a shared
 * directory here; a backup host, NFS or S3 in production), full backups are taken from a standby (`backup-standby`),
 * and `restoreAndCompare` restores the newest backup into a new data directory, replays the archive to its end and
 * compares Lianxin's key tables with the live primary's (row counts and checksums).
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { KEY_TABLES, tableChecksums } from '../server/cli/backup.command.ts';
import { freePort } from '../server/lib/ports.ts';
import { PG_BIN, waitFor, type PgNode } from './cluster.ts';

export const STANZA = 'lianxin';

/** One configuration for every node: pgN-* lists the nodes, so pgBackRest finds the primary and a standby itself. */
export function writeBackrestConfig(dir: string, nodes: PgNode[]): string {
  const conf = path.join(dir, 'pgbackrest.conf');
  writeFileSync(
    conf,
    [
      '[global]',
      `repo1-path=${path.join(dir, 'pgbackrest-repo')}`,
      'repo1-retention-full=2',
      'compress-type=lz4',
      'start-fast=y',
      'backup-standby=y',
      'log-level-console=warn',
      'log-level-file=info',
      `log-path=${dir}`,
      `lock-path=${dir}`,
      `spool-path=${dir}`,
      '',
      `[${STANZA}]`,
      ...nodes.flatMap((n, i) => [
        `pg${i + 1}-path=${path.join(dir, n.name)}`,
        `pg${i + 1}-port=${n.pgPort}`,
        `pg${i + 1}-socket-path=${dir}`,
      ]),
      '',
    ].join('\n'),
  );
  return conf;
}

/**
 * The `archive_command` for Patroni's DCS configuration, the same on every node: PostgreSQL runs it in its data
 * directory, which is that node's pg1-path for archive-push.
 */
export function archiveCommand(conf: string): string {
  return `pgbackrest --config=${conf} --stanza=${STANZA} --pg1-path="$(pwd)" archive-push %p`;
}

export interface Backrest {
  conf: string;
  /** Runs a pgBackRest command on the stanza; returns its milliseconds; throws with its output when it fails. */
  run(...args: string[]): number;
  info(): { label: string; databaseBytes: number; repositoryBytes: number } | null;
}

type AsUser = (command: string, args: string[]) => [string, string[]];

export function createBackrest(conf: string, asUser: AsUser): Backrest {
  const exec = (args: string[]) => {
    const [command, argv] = asUser('pgbackrest', [`--config=${conf}`, `--stanza=${STANZA}`, ...args]);
    return spawnSync(command, argv, { encoding: 'utf8' });
  };
  return {
    conf,
    run(...args) {
      const started = Date.now();
      const result = exec(args);
      if (result.status !== 0)
        throw new Error(`pgbackrest ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
      return Date.now() - started;
    },
    info() {
      const backup = JSON.parse(exec(['--output=json', 'info']).stdout)[0]?.backup?.at(-1);
      return backup ? { label: backup.label, databaseBytes: backup.info.size, repositoryBytes: backup.info.repository.size } : null;
    },
  };
}

/**
 * Restores the newest backup into `<dir>/restored`, starts it on a free port, lets it replay the archive to its end,
 * and compares the key tables with `liveUrl`'s. Nothing may write to the live database meanwhile.
 */
export async function restoreAndCompare(dir: string, backrest: Backrest, liveUrl: string, database: string, asUser: AsUser) {
  const restoreDir = path.join(dir, 'restored');
  const port = await freePort();
  const sh = (command: string, args: string[]) => {
    const [cmd, argv] = asUser(command, args);
    const result = spawnSync(cmd, argv, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stdout}\n${result.stderr}`);
  };
  const live = new pg.Client({ connectionString: liveUrl });
  await live.connect();
  const source = await tableChecksums(live, KEY_TABLES);
  await live.end();
  // The WAL written up to now into the archive (check switches to a new segment and waits for it).
  backrest.run('check');

  const started = Date.now();
  backrest.run('restore', `--pg1-path=${restoreDir}`, '--type=default');
  // Patroni's settings came with the data directory: this copy is a stand-alone server on its own port, and never
  // archives into the cluster's repository (its promotion would add a timeline there).
  writeFileSync(
    path.join(restoreDir, 'postgresql.auto.conf'),
    [
      `port=${port}`,
      "listen_addresses='127.0.0.1'",
      `unix_socket_directories='${dir}'`,
      'hot_standby=on',
      'archive_mode=off',
      "synchronous_standby_names=''",
      `hba_file='${path.join(restoreDir, 'pg_hba.conf')}'`,
      `ident_file='${path.join(restoreDir, 'pg_ident.conf')}'`,
      `restore_command='pgbackrest --config=${backrest.conf} --stanza=${STANZA} --pg1-path=${restoreDir} archive-get %f "%p"'`,
      '',
    ].join('\n'),
  );
  spawnSync('chown', ['-R', 'postgres:', restoreDir]);
  sh(`${PG_BIN}/pg_ctl`, ['-D', restoreDir, '-l', path.join(dir, 'restored.log'), '-w', '-t', '300', 'start']);
  try {
    const restoredUrl = new URL(liveUrl);
    restoredUrl.port = String(port);
    restoredUrl.pathname = `/${database}`;
    const restored = new pg.Client({ connectionString: restoredUrl.toString() });
    await restored.connect();
    await waitFor(
      async () => !(await restored.query<{ r: boolean }>('select pg_is_in_recovery() as r')).rows[0].r,
      300_000,
      'recovery to the end of the archive',
    );
    const restoreSeconds = (Date.now() - started) / 1000;
    const copy = await tableChecksums(restored, KEY_TABLES);
    await restored.end();
    const differing = KEY_TABLES.filter((t) => JSON.stringify(source[t]) !== JSON.stringify(copy[t]));
    return { restoreSeconds, tables: Object.fromEntries(KEY_TABLES.filter((t) => source[t]).map((t) => [t, source[t].rows])), differing };
  } finally {
    const [cmd, argv] = asUser(`${PG_BIN}/pg_ctl`, ['-D', restoreDir, '-m', 'fast', 'stop']);
    spawnSync(cmd, argv, { stdio: 'ignore' });
  }
}
