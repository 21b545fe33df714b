/**
 * `lianxin backup` / `lianxin restore`: embedded mode's backup. The PGlite data directory is copied through PGlite
 * itself (`dumpDataDir`: a checkpointed, consistent tarball of the cluster), with the uploaded files beside it, and
 * a manifest of row counts and checksums of the key tables that `restore` checks the restored copy against.
 *
 * PGlite is one process: stop `npm start` first (the backup opens the data directory itself). Server mode is backed
 * up with pgBackRest or pg_basebackup instead (docs/deploy.md).
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { loadConfig } from '../config.ts';
import { parseOptions, requireString, UsageError, type CliCommand } from './io.ts';

const BACKUP_USAGE = `Usage:
  lianxin backup --out DIR [--data-dir DIR]

Writes DIR/pgdata.tar.gz (the embedded database, consistent), DIR/files/ (uploads) and DIR/manifest.json (row
counts and checksums of the key tables). The app must be stopped: embedded PGlite is used by one process at a time.
--data-dir defaults to DATA_DIR (./data).`;

const RESTORE_USAGE = `Usage:
  lianxin restore --from DIR [--data-dir DIR]

Restores a backup made by \`lianxin backup\` into an empty or absent data directory, then checks the restored
tables against the backup's manifest (exit code 1 when they differ).`;

/** The tables whose contents prove a restore: orders and their history, people, the outbox, uploads. */
export const KEY_TABLES = [
  'tickets',
  'ticket_events',
  'citizens',
  'users',
  'units',
  'assignments',
  'outbox',
  'attachments',
  'sessions',
] as const;

interface Query {
  query<T>(sql: string): Promise<{ rows: T[] }>;
}

/**
 * Row count and an order-independent digest of every row's text form, per table: equal figures mean the same rows.
 * Works on PGlite and PostgreSQL alike (scripts/drill-restore.ts uses it on a server).
 */
export async function tableChecksums(
  db: Query,
  tables: readonly string[] = KEY_TABLES,
): Promise<Record<string, { rows: number; md5: string }>> {
  const out: Record<string, { rows: number; md5: string }> = {};
  for (const table of tables) {
    const exists = await db.query<{ n: number }>(
      `select count(*)::int as n from pg_tables where schemaname = 'public' and tablename = '${table}'`,
    );
    if (!exists.rows[0].n) continue;
    const { rows } = await db.query<{ rows: number; md5: string | null }>(
      `select count(*)::int as rows, md5(string_agg(md5(t::text), '' order by md5(t::text))) as md5 from "${table}" t`,
    );
    out[table] = { rows: rows[0].rows, md5: rows[0].md5 ?? '' };
  }
  return out;
}

function dataDirOf(values: Record<string, unknown>) {
  return path.resolve(typeof values['data-dir'] === 'string' ? values['data-dir'] : loadConfig().DATA_DIR);
}

export const backupCommand: CliCommand = {
  summary: 'copy the embedded database and uploads to a directory, with checksums (app stopped)',
  usage: BACKUP_USAGE,
  async run(args, io) {
    const values = parseOptions(args, { out: { type: 'string' }, 'data-dir': { type: 'string' } }, BACKUP_USAGE);
    if (values.help) return (io.stdout.write(`${BACKUP_USAGE}\n`), 0);
    const out = path.resolve(requireString(values, 'out', BACKUP_USAGE));
    const dataDir = dataDirOf(values);
    const pgDir = path.join(dataDir, 'pg');
    if (!existsSync(path.join(pgDir, 'PG_VERSION'))) throw new Error(`no embedded database in ${pgDir}`);
    if (existsSync(out) && (await readdir(out)).length > 0) throw new UsageError(`--out ${out} is not empty`, BACKUP_USAGE);
    await mkdir(out, { recursive: true });
    const started = Date.now();
    const db = await PGlite.create({ dataDir: pgDir });
    try {
      const tables = await tableChecksums(db);
      await db.query('checkpoint');
      const tarball = await db.dumpDataDir('gzip');
      await writeFile(path.join(out, 'pgdata.tar.gz'), Buffer.from(await tarball.arrayBuffer()));
      const filesDir = path.join(dataDir, 'files');
      const files = existsSync(filesDir) ? await copyTree(filesDir, path.join(out, 'files')) : 0;
      const manifest = { madeAt: new Date().toISOString(), dataDir, tables, files };
      await writeFile(path.join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
      const size = (await stat(path.join(out, 'pgdata.tar.gz'))).size;
      io.stderr.write(
        `备份完成 Backup written to ${out} in ${((Date.now() - started) / 1000).toFixed(1)} s (database ${(size / 1e6).toFixed(1)} MB, ${files} uploaded files)\n`,
      );
      io.stdout.write(`${JSON.stringify({ out, ...manifest })}\n`);
      return 0;
    } finally {
      await db.close();
    }
  },
};

export const restoreCommand: CliCommand = {
  summary: 'restore a `lianxin backup` into an empty data directory and verify it',
  usage: RESTORE_USAGE,
  async run(args, io) {
    const values = parseOptions(args, { from: { type: 'string' }, 'data-dir': { type: 'string' } }, RESTORE_USAGE);
    if (values.help) return (io.stdout.write(`${RESTORE_USAGE}\n`), 0);
    const from = path.resolve(requireString(values, 'from', RESTORE_USAGE));
    const dataDir = dataDirOf(values);
    const pgDir = path.join(dataDir, 'pg');
    if (existsSync(pgDir) && (await readdir(pgDir)).length > 0)
      throw new UsageError(`${pgDir} is not empty: restore into a new data directory`, RESTORE_USAGE);
    const manifest = JSON.parse(await readFile(path.join(from, 'manifest.json'), 'utf8')) as {
      tables: Record<string, { rows: number; md5: string }>;
    };
    const tarball = new Blob([await readFile(path.join(from, 'pgdata.tar.gz'))]);
    await mkdir(pgDir, { recursive: true });
    const db = await PGlite.create({ dataDir: pgDir, loadDataDir: tarball });
    let differing: string[];
    try {
      const restored = await tableChecksums(db, Object.keys(manifest.tables));
      differing = Object.keys(manifest.tables).filter(
        (t) => restored[t]?.rows !== manifest.tables[t].rows || restored[t]?.md5 !== manifest.tables[t].md5,
      );
    } finally {
      await db.close();
    }
    if (existsSync(path.join(from, 'files'))) await copyTree(path.join(from, 'files'), path.join(dataDir, 'files'));
    if (differing.length) {
      io.stderr.write(`恢复的数据与备份不一致 Restored tables differ from the backup: ${differing.join(', ')}\n`);
      await rm(pgDir, { recursive: true, force: true });
      return 1;
    }
    const rows = Object.values(manifest.tables).reduce((n, t) => n + t.rows, 0);
    io.stderr.write(
      `恢复完成 Restored into ${dataDir}: ${Object.keys(manifest.tables).length} tables, ${rows} rows, identical to the backup\n`,
    );
    io.stdout.write(`${JSON.stringify({ dataDir, verified: true, tables: manifest.tables })}\n`);
    return 0;
  },
};

async function copyTree(from: string, to: string): Promise<number> {
  await cp(from, to, { recursive: true, errorOnExist: false, force: true });
  let count = 0;
  for (const entry of await readdir(to, { recursive: true, withFileTypes: true })) if (entry.isFile()) count++;
  return count;
}
