/**
 * Times the order search and list on a PostgreSQL database loaded by scripts/seed-scale.ts, through the HTTP API
 * (validation, scoping, presenter) as a signed-in center supervisor:
 *   look-up by order number, search by number, by phone, by text words (target p95 < 100 ms); the list's first page with filters
 *   (< 200 ms); the order detail (< 50 ms).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1/lianxin_scale npx tsx scripts/bench-search.ts [--runs 100]
 *
 * Samples (order numbers, phones, categories, regions, ids, two-word queries from titles) are drawn from the loaded
 * orders; single words from the demo city's scenarios. Creates one center unit and supervisor in the database (a benchmark database only).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { openPostgres } from '../server/db/client.ts';
import { keywordsOf } from '../server/lib/text.ts';
import { buildSignedInUser, buildUnit } from '../test/factories/orgs.ts';

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '100' } } });
const url = process.env.DATABASE_URL;
if (!url) throw new Error('Set DATABASE_URL to the database loaded by scripts/seed-scale.ts');
const RUNS = Number(args.runs);
const WORDS = [
  '路灯',
  '噪音',
  '漏水',
  '停车',
  '垃圾',
  '物业',
  '油烟',
  '拖欠工资',
  '占道经营',
  '电梯',
  '供暖',
  '违章搭建',
  '公交',
  '学校',
  '医保',
];

const database = await openPostgres(url, 10);
const config = loadConfig({
  ...process.env,
  SEED_DEMO: 'false',
  JOBS_ENABLED: 'false',
  DATA_DIR: mkdtempSync(path.join(tmpdir(), 'lianxin-bench-')),
});
const app = await buildApp({ config, database });
await app.ready();
const db = app.services.db;
const center = await buildUnit(db, { kind: 'center' });
const { headers } = await buildSignedInUser(app, 'supervisor', { unitId: center.id });

const rows = <T>(result: unknown) => (result as { rows: T[] }).rows;
const [{ n: orders }] = rows<{ n: number }>(await db.execute(sql`select count(*)::int as n from tickets`));
const sample = rows<{ id: number; number: string; title: string; phone: string | null; category_id: number; region_id: number }>(
  await db.execute(sql`
  select t.id, t.number, t.title, c.phone, t.category_id, t.region_id from tickets t left join citizens c on c.id = t.citizen_id
  where t.id >= (select max(id) from tickets) * random() order by t.id limit ${RUNS * 5}`),
);
const pick = <T>(xs: T[], i: number) => xs[(i * 7919) % xs.length];
const phones = sample.filter((s) => s.phone).map((s) => s.phone!);

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
};
const figures: Record<string, { p50: number; p95: number; target: number; hits: number }> = {};
async function measure(name: string, target: number, makeUrl: (i: number) => string) {
  await app.inject({ url: makeUrl(0), headers }); // warm the plan and the connection
  const times: number[] = [];
  let hits = 0;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const res = await app.inject({ url: makeUrl(i), headers });
    times.push(performance.now() - t);
    if (res.statusCode !== 200) throw new Error(`${name}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    const body = res.json() as { items?: unknown[] };
    if (!body.items || body.items.length) hits++;
  }
  figures[name] = { p50: Number(quantile(times, 0.5).toFixed(1)), p95: Number(quantile(times, 0.95).toFixed(1)), target, hits };
  console.error(`${name}: p50 ${figures[name].p50} ms, p95 ${figures[name].p95} ms (target ${target} ms), ${hits}/${RUNS} found something`);
}

const monthAgo = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
await measure('order by number', 100, (i) => `/api/v1/tickets/by-number/${encodeURIComponent(pick(sample, i).number)}`);
await measure('search box: whole order number', 100, (i) => `/api/v1/tickets?q=${pick(sample, i).number}`);
await measure('search box: number typed without the dash', 100, (i) => `/api/v1/tickets?q=${pick(sample, i).number.replace('-', '')}`);
await measure('search box: number start (a day)', 100, (i) => `/api/v1/tickets?q=${pick(sample, i).number.slice(0, 9)}`);
await measure('search by phone', 100, (i) => `/api/v1/tickets?q=${pick(phones, i)}`);
await measure('search by text', 100, (i) => `/api/v1/tickets?q=${encodeURIComponent(pick(WORDS, i))}`);
// two words as an agent would type them for a known problem: the two most telling words of a loaded order's title
const twoWords = sample.map((s) => keywordsOf(s.title, 2).join(' ')).filter((q) => q.includes(' '));
await measure('search by text, two words', 100, (i) => `/api/v1/tickets?q=${encodeURIComponent(pick(twoWords, i))}`);
await measure('list: status handling, newest first', 200, () => `/api/v1/tickets?status=handling`);
await measure('list: category + last 30 days', 200, (i) => `/api/v1/tickets?categoryId=${pick(sample, i).category_id}&from=${monthAgo}`);
await measure(
  'list: region + overdue, most urgent first',
  200,
  (i) => `/api/v1/tickets?regionId=${pick(sample, i).region_id}&overdue=true&sort=due`,
);
await measure('list: citizenPhone filter', 200, (i) => `/api/v1/tickets?citizenPhone=${pick(phones, i)}`);
await measure('list: category with total', 200, (i) => `/api/v1/tickets?categoryId=${pick(sample, i).category_id}&withTotal=true`);
await measure('detail', 50, (i) => `/api/v1/tickets/${pick(sample, i).id}`);

console.log(JSON.stringify({ orders, runs: RUNS, figures }, null, 2));
await app.close();
await database.close();
