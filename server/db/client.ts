/** Opens the database in one of the two modes and applies the committed migrations. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgTransaction } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema.ts';
import { projectPath } from '../lib/paths.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either the database or an open transaction: repositories accept both. */
export type Executor = Db | Tx;

const migrationsFolder = projectPath('server/db/migrations');
/** Arbitrary constant: serialises migrations across app processes starting at once. */
const MIGRATION_LOCK_ID = 4_812_345;

export interface Database {
  db: Db;
  mode: 'embedded' | 'server';
  /** Subscribe to a NOTIFY channel (server mode fans live updates out across processes). */
  listen?: (channel: string, onMessage: (payload: string) => void) => Promise<void>;
  close: () => Promise<void>;
}

/** `dataDir` undefined = in-memory PGlite (tests). */
export async function openPglite(dataDir?: string): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir ? { dataDir } : {});
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  await migratePglite(drizzlePglite(client), { migrationsFolder });
  return { db, mode: 'embedded', close: () => client.close() };
}

/**
 * A pool client that sends every query unnamed. Behind a transaction pooler (pgbouncer `pool_mode = transaction`,
 * before 1.21) consecutive queries of one client may run on different server connections, where a statement
 * prepared by name on another one does not exist.
 */
class UnnamedStatementsClient extends pg.Client {
  // pg.Client.query has a dozen overloads; this passes every form through, only dropping a name.
  override query(...args: unknown[]): never {
    const [config] = args;
    if (config && typeof config === 'object' && typeof (config as { name?: unknown }).name === 'string')
      args[0] = { ...config, name: undefined };
    return (super.query as (...a: unknown[]) => never)(...args);
  }
}

/**
 * `sessionUrl`: when `url` reaches PostgreSQL through a transaction pooler, a path that keeps one server session
 * per connection (pgbouncer in session mode, or HAProxy / the server directly). The migration lock and LISTEN need a
 * session of their own, and the pool then sends no named prepared statements.
 */
export async function openPostgres(url: string, poolSize = 10, options: { sessionUrl?: string } = {}): Promise<Database> {
  const sessionUrl = options.sessionUrl ?? url;
  const lockClient = new pg.Client({ connectionString: sessionUrl });
  await lockClient.connect();
  try {
    await lockClient.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    await migratePg(drizzlePg(lockClient), { migrationsFolder });
  } finally {
    await lockClient.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => {});
    await lockClient.end();
  }
  const pool = new pg.Pool({ connectionString: url, max: poolSize, ...(options.sessionUrl ? { Client: UnnamedStatementsClient } : {}) });
  // An idle connection the server closes (a restart, a failover to another node) must not end the process: the
  // pool drops it and opens a new one for the next query.
  pool.on('error', (err) => console.error(`PostgreSQL idle connection lost: ${err.message}`));
  // The pool listens for errors only on idle connections. One checked out (inside a transaction, between its queries)
  // when the server goes away would emit an 'error' nobody handles, and that ends the process: the failover drill
  // lost an app process this way. Its query fails on its own and the connection is discarded on release.
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  const channels = new Map<string, (payload: string) => void>();
  let listener: Promise<pg.Client> | undefined;
  let closed = false;
  /**
   * One connection LISTENs for every channel. When it is lost (a failover: the node it was on is gone) it is opened
   * again, through the same URL and so to the new primary, and LISTENs again; messages sent meanwhile are missed, as
   * live delivery is best effort.
   */
  function connectListener(delayMs = 0): Promise<pg.Client> {
    listener = (async () => {
      for (let attempt = 0; ; attempt++) {
        if (delayMs || attempt) await new Promise((r) => setTimeout(r, Math.min(5_000, Math.max(delayMs, 250 * attempt))));
        const client = new pg.Client({ connectionString: sessionUrl });
        let lost = false;
        const onLost = (err?: Error) => {
          if (lost) return;
          lost = true;
          client.end().catch(() => {});
          if (closed) return;
          console.error(`PostgreSQL LISTEN connection lost${err ? `: ${err.message}` : ''}; reconnecting`);
          void connectListener(250);
        };
        client.on('error', onLost);
        try {
          await client.connect();
          client.on('notification', (msg) => msg.payload && channels.get(msg.channel)?.(msg.payload));
          for (const channel of channels.keys()) await client.query(`listen ${pg.escapeIdentifier(channel)}`);
          client.on('end', () => onLost());
          return client;
        } catch (err) {
          client.removeListener('error', onLost);
          client.on('error', () => {});
          await client.end().catch(() => {});
          if (closed) throw err;
          if (attempt === 0 && delayMs === 0) throw err; // the first connection at start-up fails loudly
        }
      }
    })();
    return listener;
  }
  return {
    db,
    mode: 'server',
    listen: async (channel, onMessage) => {
      channels.set(channel, onMessage);
      const client = await (listener ?? connectListener());
      await client.query(`listen ${pg.escapeIdentifier(channel)}`);
    },
    close: async () => {
      closed = true;
      const client = await listener?.catch(() => undefined);
      await client?.end().catch(() => {});
      await pool.end();
    },
  };
}

export function openDatabase(config: {
  DATABASE_URL?: string;
  DATABASE_SESSION_URL?: string;
  DATA_DIR: string;
  DATABASE_POOL_SIZE?: number;
}) {
  return config.DATABASE_URL
    ? openPostgres(config.DATABASE_URL, config.DATABASE_POOL_SIZE, { sessionUrl: config.DATABASE_SESSION_URL })
    : openPglite(path.join(config.DATA_DIR, 'pg'));
}
