/**
 * Test harness: builds the app on the database the test project selects —
 * in-memory PGlite by default, PostgreSQL when LIANXIN_TEST_DB=postgres (TEST_DATABASE_URL).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll } from 'vitest';
import { buildApp, type App } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { openPglite, openPostgres, type Database } from '../server/db/client.ts';
import type { Clock } from '../server/lib/actor.ts';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const isPostgres = process.env.LIANXIN_TEST_DB === 'postgres';

/**
 * The test project's database. `isolated`: on PostgreSQL, a database of the file's own, dropped on close, for tests
 * whose subject is state every file shares (the telephony files each make "only these agents are ready"; the channel
 * files run the job that sends queued messages, which would take other files' messages too); PGlite is always the file's own.
 */
export async function openTestDatabase(options: { isolated?: boolean } = {}): Promise<Database> {
  if (!isPostgres) return openPglite();
  if (!options.isolated) return openPostgres(TEST_DATABASE_URL, 5);
  const name = `lianxin_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString(), 5);
  return {
    ...database,
    async close() {
      await database.close();
      const dropper = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await dropper.connect();
      try {
        await dropper.query(`drop database if exists ${name} with (force)`);
      } finally {
        await dropper.end();
      }
    },
  };
}

/** A clock the test can move. */
export function testClock(start: Date | string = new Date()): Clock & { set(d: Date | string): void; advance(ms: number): void } {
  let now = new Date(start);
  return {
    now: () => new Date(now),
    set: (d) => {
      now = new Date(d);
    },
    advance: (ms) => {
      now = new Date(now.getTime() + ms);
    },
  };
}

export interface TestContext {
  app: App;
  database: Database;
}

/** One app per test file; closed after the file's tests. */
export async function setupApp(options: { clock?: Clock; env?: Record<string, string>; isolated?: boolean } = {}): Promise<TestContext> {
  const database = await openTestDatabase({ isolated: options.isolated });
  const config = loadConfig({ SEED_DEMO: 'false', JOBS_ENABLED: 'false', DATA_DIR: '/tmp/lianxin-test', ...options.env });
  const app = await buildApp({ config, database, clock: options.clock });
  await app.ready();
  afterAll(async () => {
    await app.close();
    await database.close();
  });
  return { app, database };
}
