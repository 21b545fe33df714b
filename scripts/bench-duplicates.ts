/**
 * Duplicate look-up (重复件) as the agent desk's similar-orders panel runs it: the insight service's findDuplicates
 * (what POST /api/v1/insight/duplicates calls after validating) on a database holding N orders of the last 30 days,
 * i.e. the full-text candidate query, then the ranking by text similarity and shared places. Texts are recombined
 * from real public messages (one message's title and first sentence, two to three sentences of others), so the
 * vocabulary and lengths are real. Half the look-ups retype an indexed order (the end dropped, a phrase added) and
 * should find it; half are new texts.
 *   npx tsx scripts/bench-duplicates.ts --data ../shared/data [--orders 20000] [--queries 200]
 * In-memory PGlite by default; DATABASE_URL=postgres://… measures on PostgreSQL (use a scratch database).
 */
import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { openPglite, openPostgres } from '../server/db/client.ts';
import { citizens, regions, tickets } from '../server/db/schema.ts';
import { SYSTEM_ACTOR } from '../server/lib/actor.ts';
import { toSearchVector } from '../server/lib/text.ts';
import { seededRandom } from '../server/lib/random.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: process.env.LIANXIN_DATA ?? '../shared/data' },
    orders: { type: 'string', default: '20000' },
    queries: { type: 'string', default: '200' },
    seed: { type: 'string', default: '1' },
  },
});
const count = Number(values.orders);
const queries = Number(values.queries);
const random = seededRandom(Number(values.seed));
const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
const log = (line: string) => process.stderr.write(`${line}\n`);

const messages = ['messages-hotspots-dev.jsonl', 'messages-with-replies.jsonl'].flatMap((f) =>
  readFileSync(path.join(values.data!, f), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { title: string; body: string }),
);
const split = (body: string) =>
  body
    .split(/(?<=[。！？!?])/)
    .map((s) => s.trim())
    .filter((s) => s.length >= 6);
const sentences = messages.flatMap((m) => split(m.body));
function recombined() {
  const own = pick(messages);
  const first = split(own.body)[0] ?? own.body.slice(0, 60);
  // hotline orders are shorter than web messages: about what an agent types in a call
  const content = [first, ...Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(sentences))].join('').slice(0, 300);
  return { title: own.title.slice(0, 60), content };
}

const database = process.env.DATABASE_URL ? await openPostgres(process.env.DATABASE_URL, 5) : await openPglite();
const now = new Date();
const config = loadConfig({
  ...process.env,
  SEED_DEMO: 'false',
  JOBS_ENABLED: 'false',
  DATA_DIR: mkdtempSync(path.join(tmpdir(), 'lianxin-bench-')),
});
const app = await buildApp({ config, database, clock: { now: () => now } });
await app.ready();
const { db } = database;

const tag = Math.random().toString(36).slice(2, 8);
const districts = await db
  .insert(regions)
  .values(Array.from({ length: 12 }, (_, i) => ({ code: `bd${tag}${i}`, name: `基准${tag}${i}区`, level: 'district' })))
  .returning({ id: regions.id });
const people = await db
  .insert(citizens)
  .values(Array.from({ length: 2000 }, (_, i) => ({ phone: `19${tag}${String(i).padStart(5, '0')}`.slice(0, 20) })))
  .returning({ id: citizens.id });

const started = performance.now();
const kept: { id: number; title: string; content: string; regionId: number; citizenId: number; at: Date }[] = [];
for (let done = 0; done < count; done += 500) {
  const batch = Array.from({ length: Math.min(500, count - done) }, (_, i) => {
    const o = recombined();
    return {
      ...o,
      regionId: pick(districts).id,
      citizenId: pick(people).id,
      at: new Date(now.getTime() - random() * 30 * 86_400_000),
      n: done + i,
    };
  });
  const rows = await db
    .insert(tickets)
    .values(
      batch.map((o) => ({
        number: `B${tag}${String(o.n).padStart(7, '0')}`,
        channel: 'phone',
        type: 'complaint',
        title: o.title,
        content: o.content,
        status: 'handling',
        regionId: o.regionId,
        citizenId: o.citizenId,
        createdAt: o.at,
        search: toSearchVector(o.title, o.content),
      })),
    )
    .returning({ id: tickets.id });
  batch.forEach((o, i) => {
    if ((done + i) % Math.max(1, Math.floor(count / queries)) === 0) kept.push({ ...o, id: rows[i].id });
  });
}
const loadSeconds = (performance.now() - started) / 1000;
log(`loaded ${count} orders in ${loadSeconds.toFixed(1)} s`);

const timings: number[] = [];
let repeats = 0;
let foundRepeats = 0;
let foundFirst = 0;
let newWithItems = 0;
for (let q = 0; q < queries; q++) {
  const isRepeat = q % 2 === 0;
  const source = kept[q % kept.length];
  const input = isRepeat
    ? {
        content: `${source.content.slice(0, Math.floor(source.content.length * 0.8))}，希望尽快处理`,
        regionId: source.regionId,
        windowDays: 30,
      }
    : { ...recombined(), regionId: pick(districts).id, windowDays: 30 };
  const t = performance.now();
  const answer = await app.services.insight.findDuplicates(SYSTEM_ACTOR, input);
  timings.push(performance.now() - t);
  if (isRepeat) {
    repeats++;
    const at = answer.items.findIndex((i) => i.ticketId === source.id);
    if (at >= 0) foundRepeats++;
    if (at === 0) foundFirst++;
  } else if (answer.items.length) newWithItems++;
}
const sorted = [...timings].sort((a, b) => a - b);
const q = (p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] * 10) / 10;
process.stdout.write(
  `${JSON.stringify(
    {
      database: database.mode === 'embedded' ? 'PGlite (in memory)' : 'PostgreSQL',
      orders: count,
      loadSeconds: Math.round(loadSeconds),
      queries,
      lookupMs: { p50: q(0.5), p95: q(0.95), max: q(1) },
      retypedRepeats: { found: `${foundRepeats} of ${repeats}`, first: `${foundFirst} of ${repeats}` },
      newTextsWithAnyMatch: `${newWithItems} of ${queries - repeats}`,
    },
    null,
    2,
  )}\n`,
);
await app.close();
await database.close();
