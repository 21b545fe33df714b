/**
 * Starts Lianxin: reads config, opens the database, runs migrations, seeds the demo city, starts jobs, listens.
 * Production runs it compiled (`npm start` → `node dist/server/main.js`, or `lianxin serve`); `npm run dev` runs the source.
 */
import { mkdir } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { buildApp } from './app.ts';
import { loadConfig, type Config } from './config.ts';
import { openDatabase } from './db/client.ts';
import { seedDemoActivity } from './db/seed/activity.ts';
import { describeDemoCity, isDatabaseEmpty, seedDemoCityIfEmpty } from './db/seed/index.ts';
import { jobDefinitions } from './jobs/index.ts';
import { startJobs } from './jobs/runner.ts';
import { announceFirstTraining } from './jobs/announce.ts';
import { startNatsRelay } from './modules/events/nats-relay.ts';

/** Serves until SIGINT or SIGTERM, then closes the jobs, the relay, the HTTP server and the database. */
export async function serve(config: Config = loadConfig()): Promise<void> {
  await mkdir(config.filesDir, { recursive: true });
  const started = Date.now();
  const database = await openDatabase(config);
  console.log(
    `数据库就绪 Database ready (${config.mode === 'embedded' ? `embedded PGlite in ${config.DATA_DIR}` : 'PostgreSQL'}) in ${Date.now() - started} ms`,
  );

  let isSeeded = false;
  if (config.SEED_DEMO && (await isDatabaseEmpty(database.db))) {
    const t0 = Date.now();
    console.log(`正在生成演示城市 Seeding the demo city (${config.DEMO_TICKETS} orders)…`);
    // Locked and re-checked inside: another process starting on the same empty database does not seed it twice.
    const seeded = await seedDemoCityIfEmpty(database.db, { tickets: config.DEMO_TICKETS, seed: config.DEMO_SEED, now: new Date() });
    if (seeded) console.log(`演示城市已生成 Demo city seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    isSeeded = seeded !== null;
  }

  const app = await buildApp({ config, database, logger: true });
  // the staff's own work in the new city (auto-dispatch rules, quality inspections) goes through the services
  if (isSeeded) {
    const done = await seedDemoActivity(database.db, app.services, { seed: config.DEMO_SEED, now: new Date() });
    console.log(
      `演示业务已生成 Demo activity: ${done.autoDispatchRules} auto-dispatch rules, ${done.inspections} quality inspections (${done.scored} scored)`,
    );
  }
  const stopJobs = config.JOBS_ENABLED
    ? startJobs(app.services, jobDefinitions, { isOnlyProcess: config.mode === 'embedded', onJobEvent: announceFirstTraining() })
    : () => {};
  const stopRelay = config.NATS_URL ? startNatsRelay(database.db, { url: config.NATS_URL, stream: config.NATS_STREAM }) : () => {};
  const address = await app.listen({ port: config.PORT, host: config.HOST });
  const url = address.replace('0.0.0.0', 'localhost').replace('[::]', 'localhost');

  const demo = config.SEED_DEMO ? describeDemoCity(config.DEMO_SEED) : null;
  console.log(
    `\n连心 Lianxin is running at ${url}\n  API docs: ${url}/api/docs   Open311: ${url}/open311/v2/discovery.json   Citizen portal: ${url}/portal`,
  );
  if (demo) {
    console.log('\n演示账号 Demo logins:');
    for (const login of demo.logins)
      console.log(
        `  ${login.role.padEnd(15)} ${login.username.padEnd(14)} ${login.password}   ${login.displayName}${login.unitName ? ` (${login.unitName})` : ''}`,
      );
    console.log(`\n演示 API Key (integrations, Authorization: Bearer …): ${demo.apiKey}\n`);
  }

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, async () => {
      stopJobs();
      await stopRelay();
      await app.close();
      await database.close();
      process.exit(0);
    });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await serve();
