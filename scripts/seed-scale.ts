/**
 * Loads N realistic orders with their event histories into PostgreSQL with COPY, then builds the
 * analytics rollups. For benchmarks (scripts/bench-analytics.ts), on a database of its own.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1/lianxin_scale npx tsx scripts/seed-scale.ts --orders 1000000 [--days 365] [--seed 1] [--bulk]
 *
 * Orders spread over the `days` before now, weighted by weekday/holiday and time of day; recent ones
 * are still open. Ticket and event ids are reserved from their sequences, so run it alone.
 * Titles, contents, addresses and search vectors come from the demo city's scenarios (scripts/scale/texts.ts), so
 * search at scale is measured on texts like real ones; the order's type follows its text.
 */
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { openPostgres } from '../server/db/client.ts';
import { calendarDays } from '../server/db/schema.ts';
import { dayIndexOf, dayStartMs, dayString, localDayIndex } from '../server/lib/calendar.ts';
import { createRollupService } from '../server/modules/analytics/rollup/rollup.service.ts';
import { generateOrder, mulberry32, type Random } from './scale/lifecycle.ts';
import { ensureReference, type ScaleReference } from './scale/reference.ts';
import { createTextModel } from './scale/texts.ts';
import type { Channel } from '../common/enums.ts';

const { values: args } = parseArgs({
  options: {
    orders: { type: 'string', default: '1000000' },
    days: { type: 'string', default: '365' },
    seed: { type: 'string', default: '1' },
    /**
     * Benchmark databases only, needs a superuser: drop the non-unique indexes of tickets and ticket_events during the
     * load and build them afterwards, and skip the per-row foreign-key checks of COPY (session_replication_role = replica;
     * the generated rows reference existing rows by construction).
     */
    bulk: { type: 'boolean', default: false },
    /** Load only; build the rollups later (e.g. to time them on their own with scripts/bench-rollup.ts). */
    'skip-rollups': { type: 'boolean', default: false },
  },
});
const N = Number(args.orders);
const DAYS = Number(args.days);
const url = process.env.DATABASE_URL;
if (!url) throw new Error('Set DATABASE_URL to the PostgreSQL database to load (a benchmark database, not production).');

const CHANNELS: [string, number][] = [
  ['phone', 0.62],
  ['web', 0.1],
  ['wechat', 0.12],
  ['app', 0.06],
  ['sms', 0.03],
  ['mailbox', 0.04],
  ['people_cn', 0.03],
];
/** Relative contacts per half hour: quiet nights, peaks mid-morning and mid-afternoon. */
const SLOT_WEIGHTS = Array.from({ length: 48 }, (_, s) => {
  const h = s / 2;
  if (h < 7) return 0.15;
  if (h < 8) return 0.6;
  if (h < 12) return h >= 9 && h < 11 ? 2.4 : 1.8;
  if (h < 14) return 1.1;
  if (h < 18) return h >= 15 && h < 17 ? 2.1 : 1.7;
  if (h < 22) return 0.9;
  return 0.35;
});

const SLOT_CHOICES: [number, number][] = SLOT_WEIGHTS.map((w, s) => [s, w]);
const pickWeighted = <T>(rnd: Random, items: [T, number][]): T => {
  let x = rnd() * items.reduce((s, [, w]) => s + w, 0);
  for (const [item, w] of items) if ((x -= w) <= 0) return item;
  return items[items.length - 1][0];
};
const esc = (v: string) => v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
const ts = (ms: number | null) => (ms === null ? '\\N' : new Date(ms).toISOString());
const num = (v: number | null) => (v === null ? '\\N' : String(v));

/** A COPY stream with back-pressure and buffering of lines. */
async function openCopy(pool: pg.Pool, statement: string) {
  const client = await pool.connect();
  if (args.bulk) await client.query(`set session_replication_role = replica`);
  const stream = client.query(copyFrom(statement));
  let buffer: string[] = [];
  const flush = async () => {
    if (!buffer.length) return;
    const ok = stream.write(buffer.join(''));
    buffer = [];
    if (!ok) await once(stream, 'drain');
  };
  return {
    async line(fields: string[]) {
      buffer.push(`${fields.join('\t')}\n`);
      if (buffer.length >= 5000) await flush();
    },
    async end() {
      await flush();
      stream.end();
      await once(stream, 'finish');
      if (args.bulk) await client.query(`set session_replication_role = origin`);
      client.release();
    },
  };
}

/** Drops the plain (non-unique) indexes of the tables and returns the statements that rebuild them. */
async function dropPlainIndexes(pool: pg.Pool, tables: string[]): Promise<string[]> {
  const { rows } = await pool.query(
    `
    select i.indexname, i.indexdef from pg_indexes i
    join pg_class c on c.relname = i.indexname join pg_index x on x.indexrelid = c.oid
    where i.schemaname = 'public' and i.tablename = any($1) and not x.indisunique and not x.indisprimary`,
    [tables],
  );
  for (const r of rows) await pool.query(`drop index if exists "${r.indexname}"`);
  return rows.map((r) => r.indexdef as string);
}

async function reserve(pool: pg.Pool, sequence: string, table: string, count: number): Promise<number> {
  const { rows } = await pool.query(`select coalesce(max(id), 0) as max from ${table}`);
  const start = Number(rows[0].max) + 1;
  await pool.query(`select setval($1, $2)`, [sequence, start + count]);
  return start;
}

function unitFor(ref: ScaleReference, rnd: Random, l1: number, district: number, street: number): { unitId: number; others: number[] } {
  const r = rnd();
  const dep = ref.departmentIds[l1];
  if (r < 0.6) return { unitId: dep, others: [ref.districtUnitIds[district], ref.streetUnitIds[district][street]] };
  if (r < 0.8) return { unitId: ref.streetUnitIds[district][street], others: [dep, ref.districtUnitIds[district]] };
  if (r < 0.92) return { unitId: ref.districtUnitIds[district], others: [dep, ref.streetUnitIds[district][street]] };
  return { unitId: ref.utilityIds[Math.floor(rnd() * ref.utilityIds.length)], others: [dep] };
}

/**
 * The loader's own processor time next to the wall time. On 1 million orders it was 118 s of 1,392 s with the machine
 * busy: the COPY sessions mostly waited for a loader that got no processor, so composing orders (about 120 µs each)
 * is not what limits a load; a free machine is.
 */
const cpu = () => {
  const { user, system } = process.cpuUsage();
  return `loader cpu ${((user + system) / 1e6).toFixed(0)} s`;
};

async function main() {
  const started = performance.now();
  const database = await openPostgres(url!, 4);
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const ref = await ensureReference(database.db);
  const rnd = mulberry32(Number(args.seed));
  const texts = createTextModel(Number(args.seed));
  const endAt = Date.now();
  const lastDay = localDayIndex(endAt);
  const firstDay = lastDay - DAYS + 1;
  const exceptions = new Map((await database.db.select().from(calendarDays)).map((r) => [r.day, r.isWorkday]));
  const dayWeights = Array.from({ length: DAYS }, (_, i) => {
    const day = dayString(firstDay + i);
    const weekday = (((dayIndexOf(day) + 3) % 7) + 7) % 7;
    const workday = exceptions.has(day) ? exceptions.get(day)! : weekday < 5;
    return (workday ? 1 : exceptions.has(day) ? 0.55 : 0.65) * (0.9 + 0.2 * rnd());
  });
  const totalWeight = dayWeights.reduce((s, w) => s + w, 0);

  const citizenCount = Math.max(10, Math.floor(N / 3));
  const citizenStart = await reserve(pool, 'citizens_id_seq', 'citizens', citizenCount);
  const {
    rows: [{ n: existingScaleCitizens }],
  } = await pool.query(`select count(*)::int as n from citizens where phone like '199%'`);
  const citizens = await openCopy(pool, 'COPY citizens (id, phone) FROM STDIN');
  for (let i = 0; i < citizenCount; i++)
    await citizens.line([String(citizenStart + i), `199${String(existingScaleCitizens + i).padStart(8, '0')}`]);
  await citizens.end();

  const rebuildIndexes = args.bulk ? await dropPlainIndexes(pool, ['tickets', 'ticket_events']) : [];
  const ticketStart = await reserve(pool, 'tickets_id_seq', 'tickets', N);
  const eventStart = await reserve(pool, 'ticket_events_id_seq', 'ticket_events', N * 30);
  const ticketsCopy = await openCopy(
    pool,
    `COPY tickets (id, number, channel, type, urgency, title, content, address, search, category_id, region_id, citizen_id, status, lead_unit_id,
    sign_due_at, handle_due_at, sla_state, satisfaction, reopen_count, return_count, resolution, created_at, updated_at, dispatched_at, replied_at, closed_at) FROM STDIN`,
  );
  const eventsCopy = await openCopy(
    pool,
    'COPY ticket_events (id, ticket_id, action, from_status, to_status, unit_id, data, created_at) FROM STDIN',
  );

  // Real order numbers (20261207-00001), continuing each day's sequence so later intake numbers after them.
  const lastNumberOfDay = new Map(
    (await pool.query<{ day: string; last_value: number }>('select day, last_value from ticket_sequences')).rows.map((r) => [
      r.day,
      r.last_value,
    ]),
  );
  let ticketId = ticketStart;
  let eventId = eventStart;
  let made = 0;
  let carry = 0;
  for (let i = 0; i < DAYS && made < N; i++) {
    const exact = (N * dayWeights[i]) / totalWeight + carry;
    const count = i === DAYS - 1 ? N - made : Math.min(N - made, Math.floor(exact));
    carry = exact - Math.floor(exact);
    const dayStart = dayStartMs(firstDay + i);
    const times = Array.from(
      { length: count },
      () => dayStart + pickWeighted(rnd, SLOT_CHOICES) * 1_800_000 + Math.floor(rnd() * 1_800_000),
    )
      .filter((t) => t <= endAt)
      .sort((a, b) => a - b);
    const numberDay = dayString(firstDay + i).replace(/-/g, '');
    let sequence = lastNumberOfDay.get(numberDay) ?? 0;
    for (const createdAt of times) {
      const leaf = ref.leaves[Math.floor(rnd() * ref.leaves.length)];
      const district = Math.floor(rnd() * ref.districtIds.length);
      const street = Math.floor(rnd() * 10);
      const units = unitFor(ref, rnd, leaf.l1, district, street);
      const channel = pickWeighted(rnd, CHANNELS);
      const text = texts.next(channel as Channel);
      const type = text.type;
      const order = generateOrder({
        random: rnd,
        createdAt,
        endAt,
        channel,
        type,
        categoryId: leaf.id,
        regionId: ref.streetIds[district][street],
        unitId: units.unitId,
        otherUnitIds: units.others,
      });
      const citizenId = rnd() < 0.85 ? citizenStart + Math.floor(citizenCount * rnd() ** 2) : null;
      const last = order.events[order.events.length - 1].at;
      await ticketsCopy.line([
        String(ticketId),
        `${numberDay}-${String(++sequence).padStart(5, '0')}`,
        channel,
        type,
        'normal',
        esc(text.title),
        esc(text.content),
        text.address === null ? '\\N' : esc(text.address),
        esc(text.search),
        String(leaf.id),
        String(ref.streetIds[district][street]),
        num(citizenId),
        order.status,
        num(order.leadUnitId),
        ts(order.signDueAt),
        ts(order.handleDueAt),
        order.slaState,
        order.satisfaction ?? '\\N',
        String(order.reopenCount),
        String(order.returnCount),
        order.resolution ?? '\\N',
        ts(createdAt),
        ts(last),
        ts(order.dispatchedAt),
        ts(order.repliedAt),
        ts(order.closedAt),
      ]);
      for (const e of order.events) {
        await eventsCopy.line([
          String(eventId++),
          String(ticketId),
          e.action,
          e.from ?? '\\N',
          e.to,
          num(e.unitId),
          esc(JSON.stringify(e.data)),
          ts(e.at),
        ]);
      }
      ticketId++;
      made++;
      if (made % 500_000 === 0) {
        const seconds = ((performance.now() - started) / 1000).toFixed(0);
        console.log(`  ${made.toLocaleString()} orders, ${(eventId - eventStart).toLocaleString()} events, ${seconds} s (${cpu()})`);
      }
    }
    lastNumberOfDay.set(numberDay, sequence);
  }
  await ticketsCopy.end();
  await eventsCopy.end();
  await pool.query(
    `insert into ticket_sequences (day, last_value) select * from unnest($1::text[], $2::int[])
     on conflict (day) do update set last_value = excluded.last_value`,
    [[...lastNumberOfDay.keys()], [...lastNumberOfDay.values()]],
  );
  await pool.query(`select setval('tickets_id_seq', $1)`, [ticketId - 1]);
  await pool.query(`select setval('ticket_events_id_seq', $1)`, [eventId - 1]);
  if (rebuildIndexes.length) {
    const t = performance.now();
    await Promise.all(rebuildIndexes.map((statement) => pool.query(statement)));
    console.log(`rebuilt ${rebuildIndexes.length} indexes in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  const loadedAt = performance.now();
  console.log(
    `loaded ${made.toLocaleString()} orders and ${(eventId - eventStart).toLocaleString()} events in ${((loadedAt - started) / 1000).toFixed(1)} s (${cpu()})`,
  );
  // vacuum, not only analyze: COPY leaves the visibility map empty, so every index-only scan (the dashboard's open
  // at-risk/overdue count on tickets_open_sla_idx) would read the table too until autovacuum came by
  for (const table of ['tickets', 'ticket_events', 'citizens']) await pool.query(`vacuum (analyze) ${table}`);
  if (args['skip-rollups']) {
    await pool.end();
    await database.close();
    return;
  }

  const rollups = createRollupService({ db: database.db, batchSize: 2_000_000 });
  const result = await rollups.refresh();
  for (const table of ['analytics_daily', 'analytics_reply_facts', 'analytics_ticket_dims']) await pool.query(`vacuum (analyze) ${table}`);
  console.log(
    `rollups built in ${((performance.now() - loadedAt) / 1000).toFixed(1)} s (${result.batches} batches, up to event ${result.lastEventId})`,
  );
  await pool.end();
  await database.close();
}

await main();
