/**
 * SMS channel benchmark: citizens' phones (Kannel's fakesmsc) send incoming SMS at a steady rate through a real
 * bearerbox + smsbox to Lianxin; every one must become exactly one contact and be acknowledged (by SMS, through the
 * jobs table and Kannel's sendsms) within the 3-minute standard.
 *
 *   npx tsx scripts/bench-channels.ts [--rate 200] [--seconds 30]
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench npx tsx scripts/bench-channels.ts   # server mode
 *
 * The app and its job loop run in this process; Kannel runs as child processes on free ports (Debian kannel and
 * kannel-extras). Prints messages sent, contacts stored, duplicates, acknowledgements received and their latency.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { openPglite, openPostgres } from '../server/db/client.ts';
import { startJobs } from '../server/jobs/runner.ts';
import { sendChannelMessage } from '../server/jobs/send-channel-message.ts';
import { kannelMissing, startKannel } from '../server/modules/channels/sms/kannel.testkit.ts';
import { freePort } from '../server/lib/ports.ts';

const { values: args } = parseArgs({ options: { rate: { type: 'string', default: '200' }, seconds: { type: 'string', default: '30' } } });
const rate = Number(args.rate);
const seconds = Number(args.seconds);
const total = rate * seconds;
const ACK_LIMIT_MS = 180_000;

if (kannelMissing) {
  console.error(kannelMissing);
  process.exit(1);
}
const secret = `bench${Date.now()}`;
const appPort = await freePort();
const base = `http://127.0.0.1:${appPort}`;
const kannel = await startKannel({ lianxinBaseUrl: base, secret });
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'lianxin-bench-channels-'));
const database = process.env.DATABASE_URL ? await openPostgres(process.env.DATABASE_URL, 10) : await openPglite(path.join(dataDir, 'db'));
const config = loadConfig({
  SEED_DEMO: 'false',
  JOBS_ENABLED: 'false',
  DATA_DIR: dataDir,
  LOG_LEVEL: 'warn',
  NOTICE_QUIET_HOURS: '',
  SMS_INBOUND_SECRET: secret,
  PUBLIC_BASE_URL: base,
  KANNEL_SENDSMS_URL: kannel.sendsmsUrl,
  KANNEL_USERNAME: kannel.username,
  KANNEL_PASSWORD: kannel.password,
  ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
});
const app = await buildApp({ config, database, logger: true }); // warnings and errors only (LOG_LEVEL)
await app.listen({ port: appPort, host: '127.0.0.1' });
// the job loop as the app starts it (server/main.ts): default poll and batch
const stopJobs = startJobs(app.services, [sendChannelMessage], { log: () => {} });

const run = Date.now().toString(36);
const phoneOf = (i: number) => `137${String(i).padStart(8, '0')}`;
const sentAt = new Map<number, number>();
console.log(`${config.mode} mode: ${total} SMS at ${rate}/s for ${seconds} s through Kannel…`);
const loadAtStart = os
  .loadavg()
  .map((l) => l.toFixed(2))
  .join(' ');
const started = Date.now();
// a batch every 50 ms keeps the rate steady
const perTick = Math.max(1, Math.round(rate / 20));
let i = 0;
const sending: Promise<void>[] = [];
while (i < total) {
  const due = started + (i / rate) * 1000;
  const wait = due - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  const batch: string[] = [];
  for (let k = 0; k < perTick && i < total; k++, i++) {
    sentAt.set(i, Date.now());
    batch.push(`${phoneOf(i)} 12345 text bench ${run} ${i}`);
  }
  sending.push(kannel.sendFromPhones(batch));
}
await Promise.all(sending);
const sendSeconds = (Date.now() - started) / 1000;
console.log(`fakesmsc sent ${total} in ${sendSeconds.toFixed(1)} s (${(total / sendSeconds).toFixed(0)}/s); waiting for acknowledgements…`);

const acks = () => kannel.received.filter((s) => s.to.startsWith('137') && s.text.includes('您的留言已收到'));
const deadline = Date.now() + Number(process.env.BENCH_WAIT_MS ?? ACK_LIMIT_MS + 30_000);
while (acks().length < total && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));

const rows = (await database.db.execute(
  sql`select id, content, created_at from written_contacts where content like ${`bench ${run} %`}`,
)) as unknown as { rows: { id: number; content: string; created_at: string | Date }[] };
// how fast the contacts were committed, from the first SMS handed to fakesmsc to the last contact stored
const lastStoredMs = Math.max(...rows.rows.map((r) => new Date(r.created_at).getTime())) - started;
const byIndex = new Map<number, number>();
let duplicates = 0;
for (const r of rows.rows) {
  const idx = Number(r.content.split(' ')[2]);
  if (byIndex.has(idx)) duplicates++;
  else byIndex.set(idx, Number(r.id));
}
const indexOfContact = new Map([...byIndex].map(([idx, id]) => [id, idx]));
const latencies: number[] = [];
let ackDuplicates = 0;
const acked = new Set<number>();
for (const ack of acks()) {
  const id = Number(/C(\d+)/.exec(ack.text)?.[1]);
  const idx = indexOfContact.get(id);
  if (idx === undefined) continue;
  if (acked.has(idx)) {
    ackDuplicates++;
    continue;
  }
  acked.add(idx);
  latencies.push(ack.at - sentAt.get(idx)!);
}
latencies.sort((a, b) => a - b);
const pct = (p: number) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] / 1000 : NaN);
const lost = total - byIndex.size;
console.log(
  JSON.stringify(
    {
      mode: config.mode,
      rate,
      seconds,
      sent: total,
      contacts: byIndex.size,
      lost,
      duplicateContacts: duplicates,
      inbound: { lastStoredAfterSeconds: lastStoredMs / 1000, storedPerSecond: Math.round(rows.rows.length / (lastStoredMs / 1000)) },
      acknowledged: acked.size,
      duplicateAcks: ackDuplicates,
      withinThreeMinutes: latencies.filter((l) => l <= ACK_LIMIT_MS).length,
      ackLatencySeconds: { p50: pct(0.5), p95: pct(0.95), p99: pct(0.99), max: pct(1) },
      loadAverageAtStartAndEnd: [
        loadAtStart,
        os
          .loadavg()
          .map((l) => l.toFixed(2))
          .join(' '),
      ],
      cores: os.cpus().length,
    },
    null,
    2,
  ),
);

await stopJobs();
await app.close();
await database.close();
await kannel.stop();
await rm(dataDir, { recursive: true, force: true });
process.exit(lost === 0 && duplicates === 0 && acked.size === total && latencies.every((l) => l <= ACK_LIMIT_MS) ? 0 : 1);
