import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { setupApp } from '../../../test/app.ts';
import { randomMobile } from '../../../test/factories/citizens.ts';
import { buildCategory, buildRegion, buildSignedInUser, buildUnit, uid } from '../../../test/factories/orgs.ts';
import { createEventsRepository } from './events.repository.ts';
import { createNatsRelay, startNatsRelay } from './nats-relay.ts';

// NATS JetStream found or started by test/servers/nats.global.ts (nats-relay.api.test.ts skips this file without it)
const NATS_URL = process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222';
const { app } = await setupApp();
const db = app.services.db;
const tag = uid();
const options = {
  url: NATS_URL,
  stream: `LIANXIN_TEST_${tag}`,
  subjectPrefix: `lianxintest${tag}`,
  cursorName: `nats-test-${tag}`,
  batchSize: 3,
};
const nc = await connect({ servers: NATS_URL });
const jsm = await jetstreamManager(nc);
afterAll(async () => {
  await jsm.streams.delete(options.stream).catch(() => undefined);
  await nc.close();
});

const district = await buildRegion(db, { name: `望江${tag}区`, level: 'district' });
const category = await buildCategory(db, { name: `路灯不亮${tag}` });
const unit = await buildUnit(db, { name: `市政处${tag}` });
const agent = await buildSignedInUser(app, 'agent');
const repo = createEventsRepository(db);
// start after whatever is in the outbox already (other test files share PostgreSQL)
const newest = async () =>
  ((await db.execute(sql`select coalesce(max(id), 0)::int as id from outbox`)) as unknown as { rows: { id: number }[] }).rows[0].id;
await repo.saveCursor(options.cursorName, await newest(), new Date());

async function intake() {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/tickets',
    headers: agent.headers,
    payload: {
      channel: 'phone',
      type: 'complaint',
      urgency: 'normal',
      categoryId: category.id,
      regionId: district.id,
      content: '人民路路灯不亮已经一周了',
      citizen: { phone: randomMobile() },
      dispatch: { leadUnitId: unit.id },
    } as never,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; number: string };
}

/** Every message in the test stream, oldest first. */
async function streamed() {
  const count = (await jsm.streams.info(options.stream)).state.messages;
  const consumer = await jetstream(nc).consumers.get(options.stream);
  const out: { subject: string; msgId: string | undefined; body: any }[] = [];
  if (count === 0) return out;
  for await (const m of await consumer.fetch({ max_messages: count, expires: 2_000 })) {
    out.push({ subject: m.subject, msgId: m.headers?.get('Nats-Msg-Id'), body: m.json() });
    if (out.length === count) break;
  }
  return out;
}

describe('NATS JetStream relay', () => {
  it('publishes committed events in order to <prefix>.<topic>, with the outbox id as message id', async () => {
    const relay = await createNatsRelay(db, options);
    try {
      const tickets = [await intake(), await intake()];
      while ((await relay.relayOnce()) > 0);
      const ours = (await streamed()).filter((m) => tickets.some((t) => t.id === m.body.ticketId));
      expect(ours.map((m) => [m.body.ticketId, m.subject])).toEqual(
        tickets.flatMap((t) => [
          [t.id, `${options.subjectPrefix}.ticket.created`],
          [t.id, `${options.subjectPrefix}.ticket.dispatch`],
        ]),
      );
      for (const m of ours) expect(m.msgId).toBe(`${options.cursorName}:${m.body.id}`);
      expect(ours[1].body).toMatchObject({ topic: 'ticket.dispatch', unitIds: [unit.id], payload: { number: tickets[0].number } });
    } finally {
      await relay.close();
    }
  });

  it('sends nothing twice when a relay stopped before saving its cursor', async () => {
    const relay = await createNatsRelay(db, options);
    try {
      const before = await repo.cursor(options.cursorName);
      await intake();
      while ((await relay.relayOnce()) > 0);
      const count = (await jsm.streams.info(options.stream)).state.messages;
      // the cursor save is lost: the same events go out again and JetStream drops them as duplicates
      await repo.saveCursor(options.cursorName, before, new Date());
      while ((await relay.relayOnce()) > 0);
      expect((await jsm.streams.info(options.stream)).state.messages).toBe(count);
    } finally {
      await relay.close();
    }
  });

  it('keeps relaying in the background and survives an unreachable server', async () => {
    const errors: unknown[] = [];
    const unreachable = startNatsRelay(db, { ...options, url: 'nats://127.0.0.1:1', pollMs: 50, log: (_m, err) => errors.push(err) });
    await expect.poll(() => errors.length, { timeout: 5_000 }).toBeGreaterThan(0);
    await unreachable();

    const stop = startNatsRelay(db, { ...options, pollMs: 50 });
    try {
      const t = await intake();
      await expect.poll(async () => (await streamed()).filter((m) => m.body.ticketId === t.id).length, { timeout: 10_000 }).toBe(2);
    } finally {
      await stop();
    }
  });
});
