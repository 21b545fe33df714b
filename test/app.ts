/**
 * Test harness: builds the app on the database the test project selects —
 * in-memory PGlite by default, PostgreSQL when LIANXIN_TEST_DB=postgres (TEST_DATABASE_URL).
 */
import { afterAll } from 'vitest';
import { buildApp, type App } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { openPglite, openPostgres, type Database } from '../server/db/client.ts';
import type { Clock } from '../server/lib/actor.ts';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const isPostgres = process.env.LIANXIN_TEST_DB === 'postgres';

export async function openTestDatabase(): Promise<Database> {
  return isPostgres ? openPostgres(TEST_DATABASE_URL, 5) : openPglite();
}

/** A clock the test can move. */
export function testClock(start: Date | string = new Date()): Clock & { set(d: Date | string): void; advance(ms: number): void } {
  let now = new Date(start);
  return { now: () => new Date(now), set: (d) => { now = new Date(d); }, advance: (ms) => { now = new Date(now.getTime() + ms); } };
}

export interface TestContext {
  app: App;
  database: Database;
}

/** One app per test file; closed after the file's tests. */
export async function setupApp(options: { clock?: Clock; env?: Record<string, string> } = {}): Promise<TestContext> {
  const database = await openTestDatabase();
  const config = loadConfig({ SEED_DEMO: 'false', JOBS_ENABLED: 'false', DATA_DIR: '/tmp/lianxin-test', ...options.env });
  const app = await buildApp({ config, database, clock: options.clock });
  await app.ready();
  afterAll(async () => {
    await app.close();
    await database.close();
  });
  return { app, database };
}
