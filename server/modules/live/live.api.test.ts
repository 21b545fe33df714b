import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { openPostgres } from '../../db/client.ts';
import { isPostgres, setupApp, TEST_DATABASE_URL } from '../../../test/app.ts';
import { buildSignedInUser, buildUnit } from '../../../test/factories/orgs.ts';
import { openSse, type SseStream } from './live.sse-client.ts';

// On PostgreSQL the app runs in server mode, so events also travel through LISTEN/NOTIFY.
const { app } = await setupApp({ env: isPostgres ? { DATABASE_URL: TEST_DATABASE_URL } : {} });
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
const streams: SseStream[] = [];
afterAll(() => streams.forEach((s) => s.close()));

async function stream(headers: Record<string, string>) {
  const s = await openSse(`${base}/api/v1/live`, headers);
  streams.push(s);
  if (s.status === 200) await s.waitFor((e) => e.event === 'ready');
  return s;
}
const about = (ticketId: number) => (e: { event: string; data: string }) =>
  e.event === 'ticket' && JSON.parse(e.data).ticketId === ticketId;

describe('live updates (GET /api/v1/live)', () => {
  it('refuses a visitor who is not signed in', async () => {
    const s = await stream({});
    expect(s.status).toBe(401);
  });

  it('sends the center every event and a unit only events naming it', async () => {
    const db = app.services.db;
    const [unitA, unitB] = [await buildUnit(db), await buildUnit(db)];
    const center = await stream((await buildSignedInUser(app, 'dispatcher')).headers);
    const handlerA = await stream((await buildSignedInUser(app, 'handler', { unitId: unitA.id })).headers);
    const handlerB = await stream((await buildSignedInUser(app, 'handler', { unitId: unitB.id })).headers);

    app.services.live.publish({ topic: 'ticket.dispatch', ticketId: 9_000_001, unitIds: [unitA.id] });
    app.services.live.publish({ topic: 'ticket.dispatch', ticketId: 9_000_002, unitIds: [unitB.id] });

    const received = JSON.parse((await handlerA.waitFor(about(9_000_001))).data);
    expect(received).toMatchObject({ topic: 'ticket.dispatch', ticketId: 9_000_001, unitIds: [unitA.id] });
    expect(typeof received.at).toBe('string');
    await center.waitFor(about(9_000_001));
    await center.waitFor(about(9_000_002));
    await handlerB.waitFor(about(9_000_002));
    await new Promise((r) => setTimeout(r, 200));
    expect(handlerA.events.some(about(9_000_002))).toBe(false);
    expect(handlerB.events.some(about(9_000_001))).toBe(false);
  });

  it('sends a unit admin the events of its sub-units', async () => {
    const db = app.services.db;
    const parent = await buildUnit(db);
    const child = await buildUnit(db, { parentId: parent.id });
    const admin = await stream((await buildSignedInUser(app, 'unit_admin', { unitId: parent.id })).headers);
    const childHandler = await stream((await buildSignedInUser(app, 'handler', { unitId: child.id })).headers);
    app.services.live.publish({ topic: 'ticket.subdispatch', ticketId: 9_000_005, unitIds: [child.id] });
    await admin.waitFor(about(9_000_005));
    await childHandler.waitFor(about(9_000_005));
  });

  it.runIf(isPostgres)('carries events between app processes over LISTEN/NOTIFY', async () => {
    const database = await openPostgres(TEST_DATABASE_URL, 2);
    const other = await buildApp({
      config: loadConfig({ DATABASE_URL: TEST_DATABASE_URL, SEED_DEMO: 'false', JOBS_ENABLED: 'false', DATA_DIR: '/tmp/lianxin-test' }),
      database,
    });
    await other.ready();
    try {
      const unit = await buildUnit(app.services.db);
      const handler = await stream((await buildSignedInUser(app, 'handler', { unitId: unit.id })).headers);
      // Published in the other process: reaches the desk connected to this one.
      other.services.live.publish({ topic: 'ticket.dispatch', ticketId: 9_000_003, unitIds: [unit.id] });
      await handler.waitFor(about(9_000_003), 5000);
      // A batch published in one tick travels in one NOTIFY and arrives whole.
      for (const ticketId of [9_000_006, 9_000_007, 9_000_008])
        other.services.live.publish({ topic: 'ticket.created', ticketId, unitIds: [unit.id] });
      for (const ticketId of [9_000_006, 9_000_007, 9_000_008]) await handler.waitFor(about(ticketId), 5000);
      // Not echoed back twice to the process that published it.
      app.services.live.publish({ topic: 'ticket.dispatch', ticketId: 9_000_004, unitIds: [unit.id] });
      await handler.waitFor(about(9_000_004));
      await new Promise((r) => setTimeout(r, 300));
      expect(handler.events.filter(about(9_000_004))).toHaveLength(1);
    } finally {
      await other.close();
      await database.close();
    }
  });
});
