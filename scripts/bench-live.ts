/**
 * Live-update benchmark: opens many concurrent SSE connections (GET /api/v1/live) against a running
 * server, creates orders dispatched to units, and measures how long each desk that should see the
 * order waits for it (from the moment the create request is sent). Also checks that no unit desk
 * receives another unit's order.
 *
 *   tsx scripts/bench-live.ts [--url http://localhost:3000] [--connections 1000] [--orders 100]
 *     [--rate 5] [--center-share 0.65] [--password lianxin123]
 *
 * Server mode across processes: --url http://host:3001,http://host:3002 spreads the desks over the
 * processes and creates the orders through the first, so most deliveries cross LISTEN/NOTIFY.
 *
 * Uses the demo city's logins (agent, dispatcher and the unit handlers); the demo password is the default.
 */
import { parseArgs } from 'node:util';
import { openSse, type SseStream } from '../server/modules/live/live.sse-client.ts';

const { values: args } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://localhost:3000' },
    connections: { type: 'string', default: '1000' },
    orders: { type: 'string', default: '100' },
    rate: { type: 'string', default: '5' },
    'center-share': { type: 'string', default: '0.65' },
    password: { type: 'string', default: 'lianxin123' },
    center: { type: 'string', default: 'agent,dispatcher,supervisor,callback_agent' },
    units: { type: 'string', default: 'handler,handler_cgj,handler_water,handler_rsj,handler_street,handler_zf' },
  },
});
const bases = args.url!.split(',').map((u) => u.trim().replace(/\/$/, ''));
const base = bases[0];
const totalConnections = Number(args.connections);
const orderCount = Number(args.orders);
const ratePerSecond = Number(args.rate);
const centerShare = Number(args['center-share']);

interface Session {
  username: string;
  cookie: string;
  csrf: string;
  role: string;
  unitId: number | null;
}

async function signIn(username: string): Promise<Session> {
  const res = await fetch(`${base}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: args.password }),
  });
  if (!res.ok) throw new Error(`sign-in ${username}: ${res.status} ${await res.text()}`);
  const me = await res.json();
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c.startsWith('lx_session='))!;
  return { username, cookie, csrf: me.csrfToken, role: me.role, unitId: me.unitId };
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const centerSessions = await Promise.all(args.center!.split(',').map(signIn));
const unitSessions = (
  await Promise.all(
    args.units!.split(',').map((u) =>
      signIn(u).catch((err) => {
        console.warn(String(err.message));
        return null;
      }),
    ),
  )
).filter((s): s is Session => !!s && s.unitId !== null);
if (!unitSessions.length) throw new Error('no unit handler could sign in');
const creator = centerSessions.find((s) => ['agent', 'dispatcher', 'admin'].includes(s.role)) ?? centerSessions[0];

// Desks: a share of center desks, the rest spread over the units.
interface Desk {
  session: Session;
  stream: SseStream;
  firstSeen: Map<number, number>;
}
const desks: Desk[] = [];
const openStarted = performance.now();
const centerCount = Math.round(totalConnections * centerShare);
const plan = Array.from({ length: totalConnections }, (_, i) => ({
  session: i < centerCount ? centerSessions[i % centerSessions.length] : unitSessions[i % unitSessions.length],
  base: bases[i % bases.length],
}));
const BATCH = 100;
for (let i = 0; i < plan.length; i += BATCH) {
  const opened = await Promise.all(
    plan.slice(i, i + BATCH).map(async ({ session, base: deskBase }) => {
      const stream = await openSse(`${deskBase}/api/v1/live`, { cookie: session.cookie });
      if (stream.status !== 200) throw new Error(`live stream refused: ${stream.status}`);
      await stream.waitFor((e) => e.event === 'ready', 15_000);
      const desk: Desk = { session, stream, firstSeen: new Map() };
      stream.onEvent((e) => {
        if (e.event !== 'ticket') return;
        const id = JSON.parse(e.data).ticketId as number | undefined;
        if (id && !desk.firstSeen.has(id)) desk.firstSeen.set(id, performance.now());
      });
      return desk;
    }),
  );
  desks.push(...opened);
}
const openMs = performance.now() - openStarted;
console.log(
  `${desks.length} live connections open in ${(openMs / 1000).toFixed(1)} s (${centerCount} center, ${desks.length - centerCount} unit desks over ${unitSessions.length} units, ${bases.length} process(es))`,
);

// Orders, each dispatched at intake to the next unit in turn.
const sent: { id: number; unitId: number; sentAt: number }[] = [];
const errors: string[] = [];
const interval = 1000 / ratePerSecond;
const runStarted = performance.now();
await Promise.all(
  Array.from({ length: orderCount }, async (_, i) => {
    await new Promise((r) => setTimeout(r, i * interval));
    const target = unitSessions[i % unitSessions.length];
    const sentAt = performance.now();
    const res = await fetch(`${base}/api/v1/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: creator.cookie, 'x-csrf-token': creator.csrf },
      body: JSON.stringify({
        channel: 'phone',
        type: 'complaint',
        content: `压力测试工单 ${i + 1}：小区门口路灯不亮，请尽快维修。`,
        citizen: { phone: `139${String(10_000_000 + i).slice(-8)}` },
        dispatch: { leadUnitId: target.unitId },
      }),
    });
    if (!res.ok) {
      errors.push(`${res.status} ${(await res.text()).slice(0, 200)}`);
      return;
    }
    sent.push({ id: (await res.json()).id, unitId: target.unitId!, sentAt });
  }),
);
const createMs = performance.now() - runStarted;
await new Promise((r) => setTimeout(r, 3000)); // let the last deliveries arrive

const latencies: number[] = [];
let missing = 0;
let leaks = 0;
for (const order of sent) {
  for (const desk of desks) {
    const isExpected =
      desk.session.unitId === null ||
      ['agent', 'dispatcher', 'supervisor', 'callback_agent', 'leader', 'admin'].includes(desk.session.role) ||
      desk.session.unitId === order.unitId;
    const seenAt = desk.firstSeen.get(order.id);
    if (isExpected) {
      if (seenAt === undefined) missing++;
      else latencies.push(seenAt - order.sentAt);
    } else if (seenAt !== undefined) leaks++;
  }
}
latencies.sort((a, b) => a - b);
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
console.log(
  `${sent.length}/${orderCount} orders created in ${(createMs / 1000).toFixed(1)} s (${errors.length} errors)${errors[0] ? `, first: ${errors[0]}` : ''}`,
);
console.log(`deliveries: ${latencies.length} received, ${missing} missing, ${leaks} to desks that should not see them`);
console.log(
  `latency from create request to desk: p50 ${fmt(percentile(latencies, 50))}  p90 ${fmt(percentile(latencies, 90))}  p99 ${fmt(percentile(latencies, 99))}  max ${fmt(latencies.at(-1) ?? NaN)}`,
);
for (const desk of desks) desk.stream.close();
process.exit(missing || leaks || errors.length ? 1 : 0);
