/**
 * Seeds the demo city into the configured database if it is empty, and prints the timing.
 *   npx tsx scripts/seed-demo.ts [--tickets 50000] [--seed 12345] [--now 2026-11-22T08:00:00+08:00] [--force]
 * DATA_DIR (embedded PGlite) or DATABASE_URL (PostgreSQL) come from the environment as for the server.
 * --force seeds even when the database is not empty (only sensible on a scratch database).
 */
import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/client.ts';
import { writeTimings } from '../server/db/seed/bulk.ts';
import { describeDemoCity, seedDemoCity, seedDemoCityIfEmpty } from '../server/db/seed/index.ts';
import { seedDemoActivity } from '../server/db/seed/activity.ts';
import { buildApp } from '../server/app.ts';

const { values } = parseArgs({
  options: {
    tickets: { type: 'string' },
    seed: { type: 'string' },
    now: { type: 'string' },
    force: { type: 'boolean', default: false },
  },
});
const config = loadConfig();
const tickets = Number(values.tickets ?? config.DEMO_TICKETS);
const seed = Number(values.seed ?? config.DEMO_SEED);
const now = values.now ? new Date(values.now) : new Date();

if (!config.DATABASE_URL) mkdirSync(config.DATA_DIR, { recursive: true });
const opened = Date.now();
const database = await openDatabase(config);
console.log(`database (${database.mode}) opened and migrated in ${((Date.now() - opened) / 1000).toFixed(1)} s`);
try {
  const options = { tickets, seed, now };
  const result = values.force ? await seedDemoCity(database.db, options) : await seedDemoCityIfEmpty(database.db, options);
  if (!result) {
    console.log('the database is not empty; nothing seeded. Demo logins (if it holds the demo city):');
    print(describeDemoCity({ seed }));
  } else {
    const t = result.timings!;
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    console.log(`seeded ${tickets} orders (seed ${seed}) in ${s(t.totalMs)}: generate ${s(t.generateMs)}, write ${s(t.writeMs)}`);
    console.log(
      Object.entries(result.counts ?? {})
        .map(([k, v]) => `${k} ${v}`)
        .join(', '),
    );
    console.log(`write time by table: ${[...writeTimings].map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`).join(', ')}`);
    // as on first start: the staff's own work goes through the services (server/main.ts)
    const t0 = Date.now();
    const app = await buildApp({ config: { ...config, JOBS_ENABLED: false }, database });
    try {
      const done = await seedDemoActivity(database.db, app.services, { seed, now });
      const seconds = ((Date.now() - t0) / 1000).toFixed(1);
      console.log(
        `activity in ${seconds} s: ${done.autoDispatchRules} auto-dispatch rules, ${done.inspections} inspections (${done.scored} scored)`,
      );
    } finally {
      await app.close();
    }
    print(result);
  }
} finally {
  await database.close();
}

function print(result: { logins: { role: string; username: string; password: string; unitName?: string }[]; apiKey: string }) {
  for (const l of result.logins) console.log(`  ${l.role.padEnd(15)} ${l.username.padEnd(16)} ${l.password}  ${l.unitName ?? ''}`);
  console.log(`  API key: ${result.apiKey}`);
}
