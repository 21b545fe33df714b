/**
 * Benchmark of the mark-overdue-orders sweep: N open orders, one full run that changes every one of them
 * (events and reminders included), then an idle run that changes nothing.
 *   npx tsx scripts/bench-sla-sweep.ts [orders=50000]                 embedded PGlite (in memory)
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx scripts/bench-sla-sweep.ts
 *     (creates and drops a scratch database lianxin_bench_sla on that server)
 */
import pg from 'pg';
import { openPglite, openPostgres, type Database } from '../server/db/client.ts';
import { tickets, units } from '../server/db/schema.ts';
import { SYSTEM_ACTOR } from '../server/lib/actor.ts';
import { createAuditService } from '../server/modules/audit/audit.service.ts';
import { createSlaService } from '../server/modules/sla/sla.service.ts';

const orders = Number(process.argv[2] ?? 50_000);
const at = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);
const serverUrl = process.env.DATABASE_URL;
const scratch = 'lianxin_bench_sla';

async function open(): Promise<Database> {
  if (!serverUrl) return openPglite();
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${scratch}`);
  await admin.query(`create database ${scratch}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${scratch}`;
  return openPostgres(url.toString(), 4);
}

const database = await open();
const { db } = database;
const [unit] = await db.insert(units).values({ code: 'BENCH', name: '基准测试单位', kind: 'department' }).returning();
let t0 = performance.now();
const types = ['inquiry', 'help', 'complaint', 'report', 'suggestion'];
for (let i = 0; i < orders; i += 2_000) {
  const rows = Array.from({ length: Math.min(2_000, orders - i) }, (_, k) => {
    const n = i + k;
    return {
      number: `B-${n}`,
      channel: 'phone',
      type: types[n % types.length],
      urgency: n % 10 === 0 ? 'urgent' : 'normal',
      title: '基准',
      content: '基准',
      status: n % 3 === 0 ? 'pending_sign' : 'handling',
      leadUnitId: unit.id,
      dispatchedAt: at('2026-03-02 10:00'),
      signDueAt: at('2026-03-02 12:00'),
      handleDueAt: n % 2 ? at('2026-03-09 10:00') : at('2026-03-05 10:00'),
    };
  });
  await db.insert(tickets).values(rows);
}
console.log(`${serverUrl ? 'PostgreSQL' : 'PGlite'}: inserted ${orders} open orders in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const sla = createSlaService({ db, clock: { now: () => at('2026-03-06 11:00') }, audit: createAuditService({ db }) });
t0 = performance.now();
const first = await sla.markOverdueOrders(SYSTEM_ACTOR);
const firstMs = performance.now() - t0;
console.log(
  `full run: scanned ${first.scanned}, changed ${first.changes.length} (${first.changes.filter((c) => c.to === 'overdue').length} overdue) in ${firstMs.toFixed(0)} ms`,
);
t0 = performance.now();
const second = await sla.markOverdueOrders(SYSTEM_ACTOR);
console.log(`idle run: scanned ${second.scanned}, changed ${second.changes.length} in ${(performance.now() - t0).toFixed(0)} ms`);

await database.close();
if (serverUrl) {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${scratch}`);
  await admin.end();
}
