/**
 * Starts the real server in-process on a random port over in-memory PGlite, with the web app
 * built and a small demo city seeded (seed.ts). Used by the browser tests and scripts/screenshots.ts.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildApp, type App } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { openPglite, type Database } from '../../server/db/client.ts';
import { buildWebIfNeeded } from '../../scripts/build.ts';
import { seedSmallCity, type SmallCity } from './seed.ts';

export interface TestServer {
  app: App;
  database: Database;
  url: string;
  city: SmallCity;
  close: () => Promise<void>;
}

/** `env`: settings on top of the test defaults (e.g. telephony for the phone tests). */
export async function startTestServer(options: { seedTickets?: boolean; env?: Record<string, string> } = {}): Promise<TestServer> {
  await buildWebIfNeeded({ quiet: true });
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'lianxin-e2e-'));
  const database = await openPglite();
  const config = loadConfig({
    SEED_DEMO: 'false',
    JOBS_ENABLED: 'false',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    PUBLIC_RATE_LIMIT: '1000',
    ...options.env,
  });
  const app = await buildApp({ config, database });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://127.0.0.1:${port}`;
  const city = await seedSmallCity(app, { withTickets: options.seedTickets ?? true });
  return {
    app,
    database,
    url,
    city,
    close: async () => {
      await app.close();
      await database.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
