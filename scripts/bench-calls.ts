/**
 * Call benchmark (issue 11): SIPp citizens → Kamailio + rtpengine → SIPp agents' phones, with one Lianxin deciding.
 *
 *   npm run bench:calls                     # 50 new calls/s for 120 s, 500 registered agents, 3 s talk
 *   BENCH_RATE=20 BENCH_SECONDS=30 BENCH_AGENTS=100 npm run bench:calls
 *   BENCH_DATABASE_URL=postgres://… npm run bench:calls   # server mode (default: embedded PGlite in memory)
 *
 * Reports: calls placed / completed / failed (SIPp), Lianxin's routing decision p50/p99 (measured inside Lianxin per
 * /sip/route request), INVITE→first 180 as the caller saw it (through Kamailio), calls routed to an agent already busy
 * (overlapping calls per agent, from the records), and the wallboard's count of the same run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { and, gte, sql } from 'drizzle-orm';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { openPglite, openPostgres } from '../server/db/client.ts';
import { telCalls, users } from '../server/db/schema.ts';
import { SYSTEM_ACTOR, type Actor } from '../server/lib/actor.ts';
import { rowsOf } from '../server/modules/analytics/rollup/rollup.repository.ts';
import { missingTelephony, rtpPortRange, startStack } from '../server/modules/telephony/sip/stack.ts';
import { freePort } from '../server/lib/ports.ts';
import { answeringPhone, registerAgents, runSipp, SCENARIOS } from '../server/modules/telephony/sip/sipp.ts';

const RATE = Number(process.env.BENCH_RATE ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 120);
const AGENTS = Number(process.env.BENCH_AGENTS ?? 500);
const TALK_MS = Number(process.env.BENCH_TALK_MS ?? 3000);
const PHONES = Number(process.env.BENCH_PHONES ?? 4);
const SECRET = 'bench-telephony-secret-0123456789';

const missing = missingTelephony();
if (missing) {
  console.error(`skipped: ${missing}`);
  process.exit(0);
}

const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lx-bench-calls-'));
const database = process.env.BENCH_DATABASE_URL ? await openPostgres(process.env.BENCH_DATABASE_URL, 20) : await openPglite();
const appPort = await freePort();
const config = loadConfig({
  SEED_DEMO: 'false',
  JOBS_ENABLED: 'false',
  DATA_DIR: path.join(runDir, 'data'),
  TELEPHONY_SECRET: SECRET,
  TELEPHONY_WRAP_UP_SECONDS: '1',
  ...(process.env.BENCH_DATABASE_URL ? { DATABASE_URL: process.env.BENCH_DATABASE_URL } : {}),
});
const app = await buildApp({ config, database });
await app.listen({ port: appPort, host: '127.0.0.1' });
const tel = app.services.telephony;
const stack = await startStack({
  listenIp: '127.0.0.1',
  sipPort: await freePort(),
  wsPort: await freePort(),
  sipDomain: 'lianxin.local',
  secret: SECRET,
  lianxinUrl: `http://127.0.0.1:${appPort}`,
  fallbackUri: `sip:fallback@127.0.0.1:${await freePort()}`,
  hotline: '12345',
  rtpengineNgPort: await freePort(),
  ...rtpPortRange(10_000),
  runDir: path.join(runDir, 'sip'),
  recordingDir: null,
  ringSeconds: 10,
  queuePollMs: 500,
  routeTimeoutSeconds: 1,
  queueMaxSeconds: 600,
  children: Number(process.env.BENCH_KAMAILIO_CHILDREN ?? 32),
  logLevel: Number(process.env.BENCH_KAMAILIO_LOG_LEVEL ?? 1),
});
// A server-mode database outlives the run: agents an earlier run left ready (their phones gone) would be offered calls.
const signOutBenchAgents = () =>
  app.services.db.execute(sql`update tel_agents set state = 'signed_out', current_call_id = null
  where user_id in (select id from users where username like 'bench-agent-%')`);
await signOutBenchAgents();
const cleanup = async () => {
  await signOutBenchAgents().catch(() => undefined);
  await stack.stop();
  fs.writeFileSync(path.join(runDir, 'stack.log'), stack.logs());
  await app.close();
  await database.close();
};

try {
  // 500 agents: users, credentials, all registered (one short SIPp process each: SIPp 3.6 cannot take digest credentials from its -inf CSV), all ready.
  // Agents' phones: several SIPp UAS processes (one alone falls behind above ~10 calls/s on a loaded machine).
  const phonePorts = await Promise.all(Array.from({ length: PHONES }, () => freePort()));
  const phones = await Promise.all(
    phonePorts.map((port, i) => answeringPhone(port, path.join(runDir, `phone-${i}`), { ringMs: 100, lingerMs: 6000 })),
  );
  const stamp = Date.now().toString(36);
  const logins = [];
  const t0 = Date.now();
  for (let i = 0; i < AGENTS; i++) {
    const [u] = await app.services.db
      .insert(users)
      .values({ username: `bench-agent-${stamp}-${i}`, displayName: `坐席 ${i}`, passwordHash: 'x', role: 'agent' })
      .returning();
    const actor: Actor = {
      kind: 'user',
      userId: u!.id,
      apiKeyId: null,
      role: 'agent',
      unitId: null,
      displayName: u!.displayName,
      ip: null,
    };
    const p = await tel.phone(actor);
    await tel.setState(actor, { state: 'ready' });
    logins.push({ extension: p.extension!, username: p.username!, password: p.password!, contactPort: phonePorts[i % PHONES]! });
  }
  await registerAgents({ ip: '127.0.0.1', port: stack.settings.sipPort, domain: 'lianxin.local' }, logins, runDir, 12);
  console.log(`${AGENTS} agents registered and ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  const before = await tel.wallboard(SYSTEM_ACTOR);
  const startedAt = new Date();
  const total = RATE * SECONDS;
  const inf = path.join(runDir, 'callers.csv');
  fs.writeFileSync(
    inf,
    `RANDOM\n${Array.from({ length: 5000 }, (_, i) => `139${String(10_000_000 + ((i * 7919) % 89_999_999)).padStart(8, '0')};`).join('\n')}\n`,
  );
  const latencyMark = tel.sip.latencies().length;
  // Lianxin runs in this process: how long its event loop was held up while the calls ran (a routing answer waits that long)
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  const lateBy = (ns: number) => Math.max(0, Number((ns / 1e6 - 10).toFixed(1)));
  loopDelay.enable();
  const callers = runSipp(
    [
      `127.0.0.1:${stack.settings.sipPort}`,
      '-sf',
      path.join(SCENARIOS, 'caller.xml'),
      '-s',
      '12345',
      '-inf',
      inf,
      '-i',
      '127.0.0.1',
      '-p',
      String(await freePort()),
      '-r',
      String(RATE),
      '-m',
      String(total),
      '-l',
      String(AGENTS * 2),
      '-d',
      String(TALK_MS),
      '-trace_rtt',
      '-rtt_freq',
      '1',
      '-trace_stat',
      '-trace_err',
      '-fd',
      '10',
      '-timeout',
      `${SECONDS + 120}s`,
      '-recv_timeout',
      '30000',
    ],
    runDir,
  );
  const code = await callers.done;
  loopDelay.disable();
  const elapsed = (Date.now() - startedAt.getTime()) / 1000;
  await new Promise((r) => setTimeout(r, 2000));
  await Promise.all(phones.map((p) => p.stop()));

  // SIPp's own count
  const stat = fs.readdirSync(runDir).find((f) => /^caller_\d+_\.csv$/.test(f));
  let sippOk = -1;
  let sippFailed = -1;
  if (stat) {
    const lines = fs.readFileSync(path.join(runDir, stat), 'utf8').trim().split('\n');
    const head = lines[0]!.split(';');
    const last = lines[lines.length - 1]!.split(';');
    sippOk = Number(last[head.indexOf('SuccessfulCall(C)')]);
    sippFailed = Number(last[head.indexOf('FailedCall(C)')]);
  }
  // INVITE → first 180 (route) as the callers saw it
  const rttFile = fs.readdirSync(runDir).find((f) => /^caller_\d+_+rtt\.csv$/.test(f));
  const routeRtt: number[] = [];
  if (rttFile) {
    for (const line of fs.readFileSync(path.join(runDir, rttFile), 'utf8').split('\n').slice(1)) {
      const cols = line.split(';'); // Date_ms;response_time_ms;rtd_no
      if (cols[2] === 'route') routeRtt.push(Number(cols[1]));
    }
  }
  const pct = (xs: number[], p: number) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))]! : NaN;
  };
  const decisions = tel.sip.latencies().slice(latencyMark);

  const rows = await app.services.db
    .select({ status: telCalls.status, endReason: telCalls.endReason, n: sql<number>`count(*)::int` })
    .from(telCalls)
    .where(and(gte(telCalls.offeredAt, startedAt)))
    .groupBy(telCalls.status, telCalls.endReason);
  // Two calls of one agent that overlap in time = a call routed to an agent who was not ready. The times are taken
  // when each request starts, so a call ending and the next one ringing the freed agent can look overlapped by the
  // time the second request waited for the database; an overlap over 1 s is counted as a real one.
  const [overlap] = rowsOf<{ n: number; real: number }>(
    await app.services.db.execute(sql`
    select count(*)::int as n,
      count(*) filter (where least(coalesce(b.ended_at, now()), coalesce(a.ended_at, now())) - greatest(a.ringing_at, b.ringing_at) > interval '1 second')::int as real
    from tel_calls a join tel_calls b on a.agent_user_id = b.agent_user_id and a.call_id < b.call_id
    where a.offered_at >= ${startedAt.toISOString()} and b.offered_at >= ${startedAt.toISOString()}
      and a.ringing_at < coalesce(b.ended_at, now()) and b.ringing_at < coalesce(a.ended_at, now())`),
  );
  const after = await tel.wallboard(SYSTEM_ACTOR);
  const completed = rows.filter((r) => r.endReason === 'completed').reduce((s, r) => s + Number(r.n), 0);

  const loadAverage = os.loadavg().map((l) => Number(l.toFixed(2)));
  const routedCount = rows.reduce((s, r) => s + Number(r.n), 0);
  const wallboard = {
    offeredDelta: after.today.offered - before.today.offered,
    answeredDelta: after.today.answered - before.today.answered,
  };
  const report = {
    loadAverage,
    cpus: os.cpus().length,
    rate: RATE,
    seconds: SECONDS,
    agents: AGENTS,
    talkMs: TALK_MS,
    database: process.env.BENCH_DATABASE_URL ? 'postgresql' : 'pglite',
    sippExit: code,
    elapsedSeconds: Number(elapsed.toFixed(1)),
    placed: total,
    sippSuccessful: sippOk,
    sippFailed,
    lianxin: { calls: routedCount, completed, byOutcome: rows },
    routingDecisionMs: {
      count: decisions.length,
      p50: Number(pct(decisions, 0.5).toFixed(2)),
      p99: Number(pct(decisions, 0.99).toFixed(2)),
      max: Number(pct(decisions, 1).toFixed(2)),
    },
    /** How late the event loop ran a 10 ms timer while the calls ran (perf_hooks.monitorEventLoopDelay, its 10 ms taken off). */
    eventLoopDelayMs: {
      p50: lateBy(loopDelay.percentile(50)),
      p99: lateBy(loopDelay.percentile(99)),
      max: lateBy(loopDelay.max),
    },
    inviteToFirst180Ms: { count: routeRtt.length, p50: pct(routeRtt, 0.5), p99: pct(routeRtt, 0.99) },
    routedToBusyAgent: Number(overlap?.real ?? -1),
    overlapsWithinRequestSkew: Number(overlap?.n ?? 0) - Number(overlap?.real ?? 0),
    wallboard,
    /** Calls SIPp placed that did not complete (failed, or never reached Lianxin). */
    lost: total - Math.max(0, sippOk),
    /** The wallboard counts the run's ended calls exactly as the records do. */
    wallboardMatches:
      wallboard.offeredDelta === rows.filter((r) => r.status === 'ended').reduce((s, r) => s + Number(r.n), 0) &&
      wallboard.answeredDelta === completed,
  };
  console.log(JSON.stringify(report, null, 2));
  fs.writeFileSync(path.join(runDir, 'report.json'), JSON.stringify(report, null, 2));
  console.log(`files: ${runDir}`);
} finally {
  await cleanup();
}
