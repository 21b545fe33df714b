/**
 * Failover drill: orders taken at a steady rate through HAProxy while the PostgreSQL primary dies.
 *
 *   npx tsx scripts/drill-failover.ts [--rate 10] [--seconds 60] [--kill-at 20] [--apps 2]
 *
 * Starts scripts/cluster.ts (etcd, three Patroni nodes, HAProxy, N Lianxin processes), then sends `rate` orders a
 * second to HAProxy for `seconds`. Each order has its own Idempotency-Key; a client whose request fails (network
 * error, 5xx, 429) sends the same order with the same key again until it is acknowledged (201), as a real intake
 * client would. At `kill-at` seconds the primary's Patroni and PostgreSQL are killed (SIGKILL: a machine lost).
 * Afterwards the acknowledged order ids are compared with what the new primary holds:
 *   lost    acknowledged orders not stored (target 0)
 *   doubled Idempotency-Keys stored as more than one order (target 0)
 *   outage  the longest time, from the kill, with no order acknowledged (target < 30 s)
 * Then the apps stop, pgBackRest takes a full backup from the standby, and it is restored and compared with the
 * new primary (scripts/cluster-backup.ts).
 * Figures are printed as JSON at the end; the exit status is 1 when a target is missed or the restore differs.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { describeDemoCity } from '../server/db/seed/index.ts';
import { asDatabaseUser, missingPrograms, startCluster, waitFor } from './cluster.ts';
import { restoreAndCompare } from './cluster-backup.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RATE = arg('rate', 10);
const SECONDS = arg('seconds', 60);
const KILL_AT = arg('kill-at', 20);
const APPS = arg('apps', 2);
/** A client gives up on an order this long after it first sent it (it would tell the citizen to call again). */
const GIVE_UP_MS = 120_000;

const missing = missingPrograms(true);
if (missing) {
  console.error(`缺少组件 Missing programs: ${missing}`);
  process.exit(2);
}

const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 23)}] ${line}`);
const cluster = await startCluster({ apps: APPS, seedDemo: true, demoTickets: 100, log });
// Whatever happens to the drill, the cluster it started goes with it.
const abort = async (reason: unknown) => {
  console.error(reason);
  await cluster.stop();
  process.exit(1);
};
process.once('uncaughtException', abort);
process.once('unhandledRejection', abort);
process.once('SIGINT', () => abort('interrupted'));
const { apiKey } = describeDemoCity(12345);
const run = randomUUID().slice(0, 8);

interface Order {
  key: string;
  sentAt: number;
  attempts: number;
  ackedAt?: number;
  id?: number;
  number?: string;
  gaveUp?: boolean;
}
const orders: Order[] = [];
const answers = { ok: 0, retried: 0, statuses: {} as Record<string, number> };
const acks: number[] = [];

async function submit(order: Order, seq: number): Promise<void> {
  const body = JSON.stringify({
    channel: 'web',
    type: 'complaint',
    urgency: 'normal',
    title: `演练 ${run} #${seq}`,
    content: `故障切换演练 ${run} 第${seq}单：小区门口路灯不亮，请尽快修复。[${order.key}]`,
    citizen: { phone: `139${String(10_000_000 + seq).padStart(8, '0')}` },
  });
  while (Date.now() - order.sentAt < GIVE_UP_MS) {
    order.attempts++;
    let status = 'network';
    try {
      const res = await fetch(`${cluster.httpUrl}/api/v1/tickets`, {
        method: 'POST',
        body,
        signal: AbortSignal.timeout(10_000),
        headers: {
          authorization: `Bearer ${apiKey}`,
          'content-type': 'application/json',
          'idempotency-key': order.key,
          prefer: 'return=minimal',
        },
      });
      status = String(res.status);
      if (res.status === 201) {
        const created = (await res.json()) as { id: number; number: string };
        if (order.id !== undefined && order.id !== created.id) throw new Error(`key ${order.key} answered two ids`);
        Object.assign(order, { id: created.id, number: created.number, ackedAt: Date.now() });
        acks.push(order.ackedAt!);
        answers.ok++;
        answers.statuses[status] = (answers.statuses[status] ?? 0) + 1;
        return;
      }
      await res.body?.cancel();
      if (res.status >= 400 && res.status < 500 && res.status !== 429 && res.status !== 409) {
        throw new Error(`order refused: ${res.status}`);
      }
    } catch (err) {
      if (err instanceof Error && err.message.startsWith('order refused')) throw err;
    }
    answers.statuses[status] = (answers.statuses[status] ?? 0) + 1;
    answers.retried++;
    await new Promise((r) => setTimeout(r, 500));
  }
  order.gaveUp = true;
}

const before = await cluster.roles();
log(`primary ${before.leader}, replicas ${before.replicas.join(', ')}; intake ${RATE}/s for ${SECONDS} s, primary killed at ${KILL_AT} s`);
const started = Date.now();
let killedAt = 0;
const pending: Promise<void>[] = [];
const killer = setTimeout(() => {
  killedAt = Date.now();
  log(`killing primary ${before.leader} (Patroni + PostgreSQL, SIGKILL)`);
  cluster.killNode(before.leader!);
}, KILL_AT * 1000);
for (let seq = 0; seq < RATE * SECONDS; seq++) {
  const due = started + (seq * 1000) / RATE;
  const wait = due - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  const order: Order = { key: `drill-${run}-${seq}`, sentAt: Date.now(), attempts: 0 };
  orders.push(order);
  pending.push(submit(order, seq));
}
clearTimeout(killer);
await Promise.all(pending);
const intakeEnded = Date.now();

await waitFor(async () => (await cluster.roles()).leader !== null, 60_000, 'a new primary');
const after = await cluster.roles();
log(`new primary ${after.leader}`);

// What the database holds now, read through HAProxy from the new primary.
const db = new pg.Client({ connectionString: cluster.databaseUrl });
await db.connect();
const acked = orders.filter((o) => o.id !== undefined);
const stored = await db.query<{ id: number; number: string }>('select id, number from tickets where id = any($1::int[])', [
  acked.map((o) => o.id),
]);
const storedById = new Map(stored.rows.map((r) => [r.id, r.number]));
const lost = acked.filter((o) => storedById.get(o.id!) !== o.number);
const perKey = await db.query<{ key: string; n: string }>(
  `select substring(content from '\\[(drill-[^\\]]+)\\]') as key, count(*)::text as n from tickets where content like $1 group by 1`,
  [`%${run}%`],
);
const doubled = perKey.rows.filter((r) => Number(r.n) > 1);
const storedNotAcked = perKey.rows.filter((r) => !acked.some((o) => o.key === r.key));
await db.end();

// The longest time without an acknowledgement, from the kill on.
// Bounded by the kill and the last order sent: silence until the end counts as outage too.
const lastSentAt = orders.at(-1)!.sentAt;
const marks = [killedAt, ...acks.filter((t) => t >= killedAt && t <= lastSentAt).sort((a, b) => a - b), lastSentAt];
let outageMs = 0;
for (let i = 1; i < marks.length; i++) outageMs = Math.max(outageMs, marks[i] - marks[i - 1]);
const latencies = acked.map((o) => o.ackedAt! - o.sentAt).sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];

const figures = {
  run,
  rate: RATE,
  seconds: SECONDS,
  apps: APPS,
  killAtSeconds: KILL_AT,
  primaryBefore: before.leader,
  primaryAfter: after.leader,
  sent: orders.length,
  acknowledged: acked.length,
  gaveUp: orders.filter((o) => o.gaveUp).length,
  lost: lost.length,
  doubled: doubled.length,
  storedWithoutAck: storedNotAcked.length,
  retries: answers.retried,
  answers: answers.statuses,
  outageSeconds: Number((outageMs / 1000).toFixed(1)),
  latencyMs: { p50: pct(50), p99: pct(99), max: latencies.at(-1) },
  drainSeconds: Number(((intakeEnded - started) / 1000 - SECONDS).toFixed(1)),
};
console.log(JSON.stringify(figures, null, 2));

// A full backup from the remaining standby, restored and compared with the new primary. The apps stop first so
// nothing is written meanwhile.
let backupOk = true;
if (cluster.backrest) {
  for (const app of cluster.apps) cluster.killApp(app.name);
  log('full backup with pgBackRest from the standby');
  const backupSeconds = cluster.backrest.run('backup', '--type=full') / 1000;
  const info = cluster.backrest.info();
  log(`restore of ${info?.label} into a new data directory, compared with the primary`);
  const restore = await restoreAndCompare(cluster.dir, cluster.backrest, cluster.databaseUrl, 'lianxin', asDatabaseUser);
  backupOk = restore.differing.length === 0;
  console.log(JSON.stringify({ backup: { ...info, seconds: backupSeconds }, restore }, null, 2));
}
await cluster.stop();
const ok = backupOk && figures.lost === 0 && figures.doubled === 0 && figures.gaveUp === 0 && figures.outageSeconds < 30;
log(ok ? '演练通过 Drill passed' : '演练未达标 Drill missed a target');
process.exit(ok ? 0 : 1);
