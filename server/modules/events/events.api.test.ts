import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { isPostgres, setupApp, TEST_DATABASE_URL } from '../../../test/app.ts';
import { randomMobile } from '../../../test/factories/citizens.ts';
import { buildCategory, buildRegion, buildSignedInUser, buildUnit, uid } from '../../../test/factories/orgs.ts';

const { app } = await setupApp();
const db = app.services.db;
const tag = uid();
const district = await buildRegion(db, { name: `望江${tag}区`, level: 'district' });
const category = await buildCategory(db, { name: `路灯不亮${tag}` });
const unit = await buildUnit(db, { name: `市政处${tag}` });
const otherUnit = await buildUnit(db);
const agent = await buildSignedInUser(app, 'agent');
const admin = await buildSignedInUser(app, 'admin');
const bearer = async (role: 'handler' | 'unit_admin' | 'agent', unitId: number | null) => ({
  authorization: `Bearer ${(await app.services.auth.createApiKey({ name: `system ${uid()}`, role, unitId })).plainKey}`,
});
/** A utility's own system: acts as a handler of its unit. */
const unitKey = await bearer('handler', unit.id);
/** A gateway acting for the centre: sees every event. */
const cityKey = await bearer('agent', null);

async function intake(dispatchTo: number | null, phone = randomMobile()) {
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
      citizen: { phone },
      ...(dispatchTo ? { dispatch: { leadUnitId: dispatchTo } } : {}),
    } as never,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; number: string };
}

const feed = async (headers: Record<string, string>, query = '') => app.inject({ method: 'GET', url: `/api/v1/events?${query}`, headers });
/** Every event after `after` the reader can see, page by page. */
async function readAll(headers: Record<string, string>, after: number, extra = '') {
  const items: { id: number; topic: string; ticketId: number; unitIds: number[] }[] = [];
  for (let cursor = after; ;) {
    const res = await feed(headers, `after=${cursor}&limit=50${extra}`);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json();
    items.push(...page.items);
    if (page.next === cursor) return { items, next: cursor };
    cursor = page.next;
  }
}
const start = async () => (await readAll(admin.headers, 0)).next;
/**
 * Reads until every given order's events have arrived. On PostgreSQL other test files write at the same time, and a
 * transaction of theirs that is still open holds our events back for a moment: that is the feed working as designed.
 */
async function readUntil(headers: Record<string, string>, after: number, ticketIds: number[], extra = '') {
  let result = await readAll(headers, after, extra);
  for (let i = 0; i < 50 && !ticketIds.every((id) => result.items.some((e) => e.ticketId === id)); i++) {
    await new Promise((r) => setTimeout(r, 100));
    result = await readAll(headers, after, extra);
  }
  return result;
}

describe('GET /api/v1/events', () => {
  it('lists committed events in order from a cursor, and nothing twice', async () => {
    const after = await start();
    const mine = await intake(unit.id);
    const first = await readUntil(cityKey, after, [mine.id]);
    const topics = first.items.filter((e) => e.ticketId === mine.id).map((e) => e.topic);
    expect(topics).toEqual(['ticket.created', 'ticket.dispatch']);
    expect(first.items.map((e) => e.id)).toEqual([...first.items.map((e) => e.id)].sort((a, b) => a - b));
    expect((await readAll(cityKey, first.next)).items.filter((e) => e.ticketId === mine.id)).toEqual([]);
  });

  it('gives a unit-bound integration only the events that name its unit', async () => {
    const after = await start();
    const ours = await intake(unit.id);
    const theirs = await intake(otherUnit.id);
    await readUntil(admin.headers, after, [ours.id, theirs.id]);
    const { items } = await readUntil(unitKey, after, [ours.id]);
    expect(items.map((e) => e.ticketId)).toContain(ours.id);
    expect(items.map((e) => e.ticketId)).not.toContain(theirs.id);
    for (const e of items) expect(e.unitIds).toContain(unit.id);
  });

  it("gives a unit admin's integration the events of its unit and its sub-units, as its desk sees them", async () => {
    const subUnit = await buildUnit(db, { parentId: unit.id, kind: 'street' });
    const adminKey = await bearer('unit_admin', unit.id);
    const after = await start();
    const below = await intake(subUnit.id);
    const theirs = await intake(otherUnit.id);
    await readUntil(admin.headers, after, [below.id, theirs.id]);
    const ids = (await readUntil(adminKey, after, [below.id])).items.map((e) => e.ticketId);
    expect(ids).toContain(below.id);
    expect(ids).not.toContain(theirs.id);
    expect((await readAll(unitKey, after)).items.map((e) => e.ticketId)).not.toContain(below.id);
  });

  it('filters by topic prefix', async () => {
    const after = await start();
    const t = await intake(unit.id);
    const { items } = await readUntil(cityKey, after, [t.id], '&topics=ticket.dispatch,alert.');
    expect(items.filter((e) => e.ticketId === t.id).map((e) => e.topic)).toEqual(['ticket.dispatch']);
  });

  it("tells integrations of a citizen's rating from the portal, as of every other step", async () => {
    const handler = await buildSignedInUser(app, 'handler', { unitId: unit.id });
    const dispatcher = await buildSignedInUser(app, 'dispatcher');
    const callbackAgent = await buildSignedInUser(app, 'callback_agent');
    const phone = randomMobile();
    const { id, number } = await intake(unit.id, phone);
    for (const [session, action, body] of [
      [handler, 'sign', {}],
      [handler, 'reply', { content: '已更换路灯线路，恢复照明。' }],
      [dispatcher, 'review', { decision: 'accept' }],
      [callbackAgent, 'callback', { result: 'satisfied', isResolved: true }],
    ] as const) {
      const res = await app.inject({ method: 'POST', url: `/api/v1/tickets/${id}/${action}`, headers: session.headers, payload: body });
      expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
    }
    const after = await start();
    const rated = await app.inject({
      method: 'POST',
      url: `/api/v1/public/requests/${number}/rating`,
      payload: { phoneLast4: phone.slice(-4), rating: 4 },
    });
    expect(rated.statusCode, rated.body).toBe(200);
    const { items } = await readUntil(unitKey, after, [id], '&topics=ticket.rate');
    expect(items.filter((e) => e.ticketId === id)).toEqual([expect.objectContaining({ topic: 'ticket.rate', unitIds: [unit.id] })]);
  });

  it.runIf(isPostgres)('holds back events behind a transaction that has not committed yet, so a cursor never skips one', async () => {
    const after = await start();
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    try {
      // a slow writer takes an id first and commits last
      await client.query('begin');
      const slow = (await client.query(`insert into outbox (topic, unit_ids) values ('ticket.slow_${tag}', '{}') returning id`)).rows[0].id;
      const fast = await intake(null);
      const early = await readAll(cityKey, after);
      expect(early.items.map((e) => e.ticketId)).not.toContain(fast.id);
      await client.query('commit');
      const late = await readUntil(cityKey, after, [fast.id]);
      expect(late.items.map((e) => Number(e.id))).toContain(Number(slow));
      expect(late.items.map((e) => e.ticketId)).toContain(fast.id);
    } finally {
      await client.end();
    }
  });

  it.runIf(isPostgres)('never passes over an event whose transaction began writing later but took its id earlier', async () => {
    const after = await start();
    const early = new pg.Client({ connectionString: TEST_DATABASE_URL });
    const late = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await Promise.all([early.connect(), late.connect()]);
    try {
      await early.query('begin');
      await early.query('select pg_current_xact_id()'); // the older transaction
      await late.query('begin');
      await late.query('select pg_current_xact_id()');
      const first = (await late.query(`insert into outbox (topic, unit_ids) values ('ticket.first_${tag}', '{}') returning id`)).rows[0].id;
      const second = (await early.query(`insert into outbox (topic, unit_ids) values ('ticket.second_${tag}', '{}') returning id`)).rows[0]
        .id;
      expect(Number(second)).toBeGreaterThan(Number(first));
      await early.query('commit');
      const before = await readAll(cityKey, after);
      expect(before.items.map((e) => Number(e.id))).toContain(Number(second));
      expect(before.items.map((e) => Number(e.id))).not.toContain(Number(first));
      await late.query('commit');
      const rest = await readAll(cityKey, before.next);
      expect(rest.items.map((e) => Number(e.id))).toContain(Number(first));
    } finally {
      await Promise.all([early.end(), late.end()]);
    }
  });

  it('gives a centre-role key every event, even when it belongs to the centre unit', async () => {
    const after = await start();
    const centreKey = await bearer('agent', (await buildUnit(db, { kind: 'center' })).id);
    const t = await intake(otherUnit.id);
    expect((await readUntil(centreKey, after, [t.id])).items.map((e) => e.ticketId)).toContain(t.id);
  });

  it('refuses desks other than admins, unit keys without a unit, and bad cursors', async () => {
    expect((await feed(agent.headers)).statusCode).toBe(403);
    expect((await feed(await bearer('handler', null))).statusCode).toBe(403);
    expect((await feed((await buildSignedInUser(app, 'handler', { unitId: unit.id })).headers)).statusCode).toBe(403);
    for (const query of ['after=-1', 'limit=0', 'limit=5000', 'after=x', 'topics=DROP TABLE']) {
      const res = await feed(cityKey, query);
      expect(res.statusCode, query).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    }
  });
});
