/**
 * Two app processes on one PostgreSQL database, as behind HAProxy: a session made on one is honoured by the other,
 * an order taken on one reaches the desks connected to the other over SSE, an idempotent retry that lands on the
 * other process returns the first order, and a LISTEN connection the server drops is opened again.
 * PostgreSQL only: embedded PGlite is one process by design.
 */
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { buildApp, type App } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { openPostgres, type Database } from '../../db/client.ts';
import { isPostgres, TEST_DATABASE_URL } from '../../../test/app.ts';
import { randomMobile } from '../../../test/factories/citizens.ts';
import { buildCategory, buildRegion, buildUser, TEST_PASSWORD } from '../../../test/factories/orgs.ts';
import { openSse, type SseStream } from './live.sse-client.ts';

interface Process {
  app: App;
  database: Database;
  base: string;
}

async function startProcess(): Promise<Process> {
  const database = await openPostgres(TEST_DATABASE_URL, 3);
  const config = loadConfig({ DATABASE_URL: TEST_DATABASE_URL, SEED_DEMO: 'false', JOBS_ENABLED: 'false', DATA_DIR: '/tmp/lianxin-test' });
  const app = await buildApp({ config, database });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, database, base: `http://127.0.0.1:${(app.server.address() as { port: number }).port}` };
}

describe.runIf(isPostgres)('two app processes on one database', async () => {
  const [a, b] = isPostgres ? [await startProcess(), await startProcess()] : [];
  const streams: SseStream[] = [];
  afterAll(async () => {
    streams.forEach((s) => s.close());
    for (const p of [a, b]) {
      await p?.app.close();
      await p?.database.close();
    }
  });

  const db = () => a!.app.services.db;
  async function signInOver(p: Process, username: string) {
    const res = await fetch(`${p.base}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: TEST_PASSWORD }),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const cookie = /lx_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')![1];
    const body = (await res.json()) as { csrfToken: string };
    return { cookie: `lx_session=${cookie}`, 'x-csrf-token': body.csrfToken };
  }
  async function intake(p: Process, headers: Record<string, string>, body: object, key?: string) {
    const res = await fetch(`${p.base}/api/v1/tickets`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as { id: number; number: string } };
  }
  async function order() {
    const [category, region] = [await buildCategory(db()), await buildRegion(db())];
    return {
      channel: 'phone',
      type: 'complaint',
      urgency: 'normal',
      categoryId: category.id,
      regionId: region.id,
      content: '人民路路灯不亮已经一周了',
      citizen: { phone: randomMobile() },
    };
  }

  it('honours on one process the session signed in on the other, and ends it on both', async () => {
    const agent = await buildUser(db(), 'agent');
    const headers = await signInOver(a!, agent.username);
    const me = await fetch(`${b!.base}/api/v1/auth/me`, { headers });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { userId: number }).userId).toBe(agent.id);
    // A write on B with A's session and CSRF token.
    const created = await intake(b!, headers, await order());
    expect(created.status).toBe(201);
    const out = await fetch(`${b!.base}/api/v1/auth/sign-out`, { method: 'POST', headers });
    expect(out.status).toBeLessThan(300);
    expect((await fetch(`${a!.base}/api/v1/auth/me`, { headers })).status).toBe(401);
  });

  it('delivers an order taken on one process to a desk connected to the other, once', async () => {
    const [agent, dispatcher] = [await buildUser(db(), 'agent'), await buildUser(db(), 'dispatcher')];
    const desk = await openSse(`${b!.base}/api/v1/live`, await signInOver(b!, dispatcher.username));
    streams.push(desk);
    expect(desk.status).toBe(200);
    await desk.waitFor((e) => e.event === 'ready');
    const created = await intake(a!, await signInOver(a!, agent.username), await order());
    expect(created.status).toBe(201);
    const about = (e: { event: string; data: string }) => e.event === 'ticket' && JSON.parse(e.data).ticketId === created.body.id;
    const event = JSON.parse((await desk.waitFor(about, 5_000)).data);
    expect(event.topic).toBe('ticket.created');
    await new Promise((r) => setTimeout(r, 300));
    expect(desk.events.filter(about)).toHaveLength(1);
  });

  it('answers a retry that lands on the other process with the first order', async () => {
    const agent = await buildUser(db(), 'agent');
    const headers = await signInOver(a!, agent.username);
    const body = await order();
    const key = `cross-${Date.now()}-${Math.random()}`;
    const [first, retry] = await Promise.all([intake(a!, headers, body, key), intake(b!, headers, body, key)]);
    expect([first.status, retry.status]).toEqual([201, 201]);
    expect(retry.body.id).toBe(first.body.id);
    expect(retry.body.number).toBe(first.body.number);
  });

  it('listens again after the server drops its LISTEN connection', async () => {
    const dispatcher = await buildUser(db(), 'dispatcher');
    const desk = await openSse(`${b!.base}/api/v1/live`, await signInOver(b!, dispatcher.username));
    streams.push(desk);
    await desk.waitFor((e) => e.event === 'ready');
    // What a failover does to B's listener: the server ends the backend.
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    try {
      const { rowCount } = await admin.query(
        `select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query ilike 'listen %' and pid <> pg_backend_pid()`,
      );
      expect(rowCount).toBeGreaterThan(0);
    } finally {
      await admin.end();
    }
    const ticketId = 9_100_000 + Math.floor(Math.random() * 1000);
    const about = (e: { event: string; data: string }) => e.event === 'ticket' && JSON.parse(e.data).ticketId === ticketId;
    // Published on A until B has listened again (its reconnection takes a moment).
    const deadline = Date.now() + 10_000;
    while (!desk.events.some(about) && Date.now() < deadline) {
      a!.app.services.live.publish({ topic: 'ticket.dispatch', ticketId, unitIds: [] });
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(desk.events.some(about)).toBe(true);
  });

  it('keeps serving when the server ends a connection held in the middle of a transaction', async () => {
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    try {
      // A failover ends every connection, including one a transaction holds between two queries.
      const held = b!.app.services.db.transaction(async (tx) => {
        const { rows } = (await tx.execute(sql`select pg_backend_pid() as pid`)) as unknown as { rows: { pid: number }[] };
        await admin.query('select pg_terminate_backend($1)', [rows[0].pid]);
        await new Promise((r) => setTimeout(r, 500));
        await tx.execute(sql`select 1`);
      });
      await expect(held).rejects.toThrow();
    } finally {
      await admin.end();
    }
    const health = await fetch(`${b!.base}/api/v1/health`);
    expect(health.status).toBe(200);
    const dispatcher = await buildUser(db(), 'dispatcher');
    expect((await fetch(`${b!.base}/api/v1/auth/me`, { headers: await signInOver(b!, dispatcher.username) })).status).toBe(200);
  });
});
