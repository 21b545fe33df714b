/** The unit's worklist, most urgent first (GET /api/v1/tickets?sort=due), paged by cursor and by offset alike. */
import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { setupApp } from '../../../test/app.ts';
import { randomMobile } from '../../../test/factories/citizens.ts';
import { buildSignedInUser, buildUnit, type Session } from '../../../test/factories/orgs.ts';
import { tickets } from '../../db/schema.ts';

const { app } = await setupApp();
const db = app.services.db;
let agent: Session, handler: Session;
let unitId: number;

beforeAll(async () => {
  const center = await buildUnit(db, { kind: 'center' });
  const unit = await buildUnit(db, { name: '市水务集团' });
  unitId = unit.id;
  agent = await buildSignedInUser(app, 'agent', { unitId: center.id });
  handler = await buildSignedInUser(app, 'handler', { unitId: unit.id });
});

async function get(session: Session, url: string) {
  const res = await app.inject({ url, headers: session.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: { id: number; number: string }[]; nextCursor: string | null; total?: number };
}

async function dispatched(content: string) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/tickets',
    headers: agent.headers,
    payload: { channel: 'phone', type: 'complaint', content, citizen: { phone: randomMobile() }, dispatch: { leadUnitId: unitId } },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; version: number };
}

const hours = (n: number) => new Date(Date.now() + n * 3_600_000);

describe('GET /api/v1/tickets?sort=due', () => {
  /** The orders in the order the unit should work them, set up with the deadlines that put them there. */
  let expected: number[];

  beforeAll(async () => {
    const made = [];
    for (let i = 0; i < 7; i++) made.push(await dispatched(`停水第${i + 1}天，小区二次供水泵房故障`));
    const [late, later, soon, soonTie, signed, farAway, undated] = made;
    const set = (id: number, values: Partial<typeof tickets.$inferInsert>) => db.update(tickets).set(values).where(eq(tickets.id, id));
    // Waiting to be signed: the sign-by deadline counts.
    await set(late.id, { signDueAt: hours(-30), slaState: 'overdue' });
    await set(later.id, { signDueAt: hours(-2), slaState: 'overdue' });
    await set(soon.id, { signDueAt: hours(3), slaState: 'at_risk' });
    await set(soonTie.id, { signDueAt: hours(3), slaState: 'at_risk' });
    await set(farAway.id, { signDueAt: hours(48), handleDueAt: hours(1), slaState: 'normal' });
    await set(undated.id, { signDueAt: null, handleDueAt: null, slaState: 'normal' });
    // Signed: the handle-by deadline counts, however far its sign-by deadline was passed.
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/tickets/${signed.id}/sign`,
      headers: handler.headers,
      payload: { version: signed.version },
    });
    expect(res.statusCode, res.body).toBe(200);
    await set(signed.id, { signDueAt: hours(-100), handleDueAt: hours(5), slaState: 'normal' });
    expected = [late.id, later.id, Math.min(soon.id, soonTie.id), Math.max(soon.id, soonTie.id), signed.id, farAway.id, undated.id];
  });

  it('lists overdue orders first, then by the nearest deadline, orders without one last', async () => {
    const page = await get(handler, '/api/v1/tickets?sort=due&activeOnly=true&limit=50');
    expect(page.items.map((x) => x.id)).toEqual(expected);
  });

  it('walks every page by cursor without skipping or repeating an order', async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page = await get(handler, `/api/v1/tickets?sort=due&activeOnly=true&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((x) => x.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(expected);
  });

  it('jumps to a page by offset in the same order, with the total', async () => {
    const seen: number[] = [];
    for (let offset = 0; offset < expected.length; offset += 3) {
      const page = await get(handler, `/api/v1/tickets?sort=due&activeOnly=true&limit=3&offset=${offset}&withTotal=true`);
      expect(page.total).toBe(expected.length);
      seen.push(...page.items.map((x) => x.id));
    }
    expect(seen).toEqual(expected);
  });

  it('keeps newest first without sort, and refuses a cursor of the other sort', async () => {
    const newest = await get(handler, '/api/v1/tickets?activeOnly=true&limit=2');
    expect(newest.items.map((x) => x.id)).toEqual([...expected].sort((a, b) => b - a).slice(0, 2));
    const res = await app.inject({ url: `/api/v1/tickets?sort=due&cursor=${newest.nextCursor}`, headers: handler.headers });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.path).toBe('cursor');
  });
});
