/**
 * Times the analytics rollup build on a database loaded by scripts/seed-scale.ts (--skip-rollups), and shows where a
 * batch spends its time: EXPLAIN (ANALYZE, BUFFERS) of one batch of the newest events, applied with every older order
 * already recorded (the state a long history is in), inside a transaction that is rolled back.
 * To compare two versions of rollup.sql.ts, run --explain with each on the same database.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1/lianxin_scale1m npx tsx scripts/bench-rollup.ts [--rebuild] [--explain] [--batch 200000]
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { sql, type SQL } from 'drizzle-orm';
import { openPostgres } from '../server/db/client.ts';
import { eventRange, rowsOf, type WatermarkState } from '../server/modules/analytics/rollup/rollup.repository.ts';
import { createRollupService } from '../server/modules/analytics/rollup/rollup.service.ts';
import { applyDimsStatement, applyEventsStatement, applyExclusionsStatement } from '../server/modules/analytics/rollup/rollup.sql.ts';

const { values: args } = parseArgs({
  options: {
    rebuild: { type: 'boolean', default: false },
    explain: { type: 'boolean', default: false },
    batch: { type: 'string', default: '200000' },
  },
});
const url = process.env.DATABASE_URL;
if (!url) throw new Error('Set DATABASE_URL to the database loaded by scripts/seed-scale.ts');
const BATCH = Number(args.batch);

const database = await openPostgres(url, 2);
const { db } = database;
const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
/** Thrown to roll the explained batch back. */
class Rollback extends Error {}
console.log(`load average at start: ${load()}`);

if (args.rebuild) {
  const t = performance.now();
  const result = await createRollupService({ db, batchSize: BATCH }).rebuild();
  console.log(
    `rollup full rebuild: ${((performance.now() - t) / 1000).toFixed(1)} s, ${result.batches} batches of up to ${BATCH.toLocaleString()} events`,
  );
}

if (args.explain) {
  const [to] = rowsOf<{ tx_id: string; id: number }>(
    await db.execute(sql`select tx_id::text, id from ticket_events order by tx_id desc, id desc limit 1`),
  );
  const [from] = rowsOf<{ tx_id: string; id: number }>(
    await db.execute(sql`select tx_id::text, id from ticket_events order by tx_id desc, id desc offset ${BATCH} limit 1`),
  );
  const position = (r: { tx_id: string; id: number }): WatermarkState => ({ lastTxId: r.tx_id, lastEventId: Number(r.id) });
  const filter = eventRange(position(from), position(to));
  await db
    .transaction(async (tx) => {
      await tx.execute(sql`set local jit = off`);
      // the orders before the batch, as a rollup that has counted them would hold them (nothing when it has)
      await tx.execute(applyDimsStatement(sql`(e.tx_id, e.id) <= (${from.tx_id}::xid8, ${from.id}::int)`));
      await tx.execute(sql`analyze analytics_ticket_dims`);
      for (const [name, statement] of [
        ['dims', applyDimsStatement(filter)],
        ['events', applyEventsStatement(filter)],
        ['exclusions', applyExclusionsStatement(filter)],
      ] as [string, SQL][]) {
        const plan = rowsOf<{ 'QUERY PLAN': string }>(await tx.execute(sql`explain (analyze, buffers) ${statement}`));
        console.log(`\n-- ${name} (newest ${BATCH.toLocaleString()} events)\n${plan.map((r) => r['QUERY PLAN']).join('\n')}`);
      }
      throw new Rollback();
    })
    .catch((error) => {
      if (!(error instanceof Rollback)) throw error;
    });
}
console.log(`load average at end: ${load()}`);
await database.close();
