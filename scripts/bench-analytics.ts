/**
 * Measures the analytics figures the issue sets targets for, on a PostgreSQL database loaded by
 * scripts/seed-scale.ts: a month's unit ranking (< 500 ms), dashboard API p95 (< 100 ms),
 * monthly report render (< 10 s); plus rollup refresh and summary times.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1/lianxin_scale npx tsx scripts/bench-analytics.ts [--runs 200] [--rebuild]
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { openPostgres } from '../server/db/client.ts';
import { SYSTEM_ACTOR } from '../server/lib/actor.ts';
import { monthOf, monthPeriod, shiftMonth, today } from '../server/modules/analytics/periods.ts';

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '200' }, rebuild: { type: 'boolean', default: false } } });
const url = process.env.DATABASE_URL;
if (!url) throw new Error('Set DATABASE_URL to the database loaded by scripts/seed-scale.ts');
const RUNS = Number(args.runs);

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
};
async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const result = await fn();
  return [performance.now() - t, result];
}
const ms = (x: number) => `${x.toFixed(1)} ms`;

const database = await openPostgres(url, 10);
const config = loadConfig({
  ...process.env,
  SEED_DEMO: 'false',
  JOBS_ENABLED: 'false',
  DATA_DIR: mkdtempSync(path.join(tmpdir(), 'lianxin-bench-')),
});
const app = await buildApp({ config, database });
await app.ready();
const analytics = app.services.analytics;
const actor = SYSTEM_ACTOR;
const rows: [string, string][] = [];

const [[{ orders, events }]] = [
  (
    (await database.db.execute(
      sql`select (select count(*) from tickets)::bigint as orders, (select count(*) from ticket_events)::bigint as events`,
    )) as any
  ).rows,
];
rows.push(['orders / events', `${Number(orders).toLocaleString()} / ${Number(events).toLocaleString()}`]);

if (args.rebuild) {
  const [t, r] = await time(() => analytics.rollups.rebuild());
  rows.push(['rollup full rebuild', `${(t / 1000).toFixed(1)} s (${r.batches} batches)`]);
}
const [refresh] = await time(() => analytics.rollups.refresh());
rows.push(['rollup refresh with nothing new', ms(refresh)]);

const month = shiftMonth(monthOf(today(new Date())), -1);
const rankTimes: number[] = [];
for (let i = 0; i < 5; i++) {
  const [t, run] = await time(() => analytics.assessments.compute(actor, month, {}));
  rankTimes.push(t);
  if (i === 0) rows.push(['units ranked', `${run.results.filter((r) => r.rank !== null).length} of ${run.results.length}`]);
}
rows.push([`assessment compute + rank ${month} (median / max of 5)`, `${ms(quantile(rankTimes, 0.5))} / ${ms(Math.max(...rankTimes))}`]);
const readTimes: number[] = [];
for (let i = 0; i < 20; i++) readTimes.push((await time(() => analytics.assessments.get(actor, month)))[0]);
rows.push(['assessment read (median of 20)', ms(quantile(readTimes, 0.5))]);

// the dashboard through HTTP, as the web app calls it (API key of an admin)
const key = await app.services.auth.createApiKey({ name: `bench-${Date.now()}`, role: 'admin' });
const inject = (url: string) => app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${key.plainKey}` } });
for (let i = 0; i < 5; i++) await inject('/api/v1/analytics/dashboard');
const dashTimes: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const [t, res] = await time(() => inject('/api/v1/analytics/dashboard'));
  if (res.statusCode !== 200) throw new Error(res.body);
  dashTimes.push(t);
}
rows.push([
  `GET /analytics/dashboard p50 / p95 / max (${RUNS} calls)`,
  `${ms(quantile(dashTimes, 0.5))} / ${ms(quantile(dashTimes, 0.95))} / ${ms(Math.max(...dashTimes))}`,
]);

const { from: monthFrom, to: monthTo } = monthPeriod(month);
for (const groupBy of ['unit', 'category', 'region'] as const) {
  const times: number[] = [];
  for (let i = 0; i < 5; i++)
    times.push((await time(() => inject(`/api/v1/analytics/summary?from=${monthFrom}&to=${monthTo}&groupBy=${groupBy}`)))[0]);
  rows.push([`GET /analytics/summary month by ${groupBy} (median of 5)`, ms(quantile(times, 0.5))]);
}
const pctTimes: number[] = [];
for (let i = 0; i < 5; i++)
  pctTimes.push((await time(() => inject(`/api/v1/analytics/summary?from=${monthFrom}&to=${monthTo}&groupBy=unit&percentiles=true`)))[0]);
rows.push(['GET /analytics/summary month by unit with exact percentiles (median of 5)', ms(quantile(pctTimes, 0.5))]);
const staffTimes: number[] = [];
for (let i = 0; i < 3; i++)
  staffTimes.push((await time(() => inject('/api/v1/analytics/staffing?serviceLevel=0.8&targetSeconds=15&aht=240&days=7')))[0]);
rows.push(['GET /analytics/staffing 7 days (median of 3)', ms(quantile(staffTimes, 0.5))]);

const [reportTime, report] = await time(() => analytics.reports.generate(actor, { kind: 'monthly', date: `${month}-15` }));
rows.push([`monthly report ${month} (figures + PDF + Excel)`, `${ms(reportTime)} (render ${report.renderMs} ms)`]);

const width = Math.max(...rows.map(([k]) => k.length));
console.log(`\nLianxin analytics benchmark — ${new Date().toISOString()}`);
for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
await app.close();
await database.close();
