/** The dispatch queue's order (GET /api/v1/tickets?sort=waiting): 紧急 first, then the longest waiting, paged by cursor and offset. */
import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { setupApp } from '../../../test/app.ts';
import { randomMobile } from '../../../test/factories/citizens.ts';
import { buildRegion, buildSignedInUser, buildUnit, type Session } from '../../../test/factories/orgs.ts';
import { tickets } from '../../db/schema.ts';

const { app } = await setupApp();
const db = app.services.db;
let agent: Session, dispatcher: Session;
/** A region of this file's own, so the list holds its orders alone although other files share the database. */
let regionId: number;

beforeAll(async () => {
  const center = await buildUnit(db, { kind: 'center' });
  agent = await buildSignedInUser(app, 'agent', { unitId: center.id });
  dispatcher = await buildSignedInUser(app, 'dispatcher', { unitId: center.id });
  regionId = (await buildRegion(db)).id;
});

async function get(session: Session, url: string) {
  const res = await app.inject({ url, headers: session.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: { id: number; urgency: string }[]; nextCursor: string | null; total?: number };
}

async function waiting(urgency: 'normal' | 'urgent', createdAt: Date) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/tickets',
    headers: agent.headers,
    payload: {
      channel: 'phone',
      type: 'help',
      urgency,
      regionId,
      content: '路口积水严重，车辆无法通行',
      citizen: { phone: randomMobile() },
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  const { id } = res.json() as { id: number };
  await db.update(tickets).set({ createdAt }).where(eq(tickets.id, id));
  return id;
}

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000);
const queueUrl = (rest: string) => `/api/v1/tickets?sort=waiting&status=pending_dispatch&regionId=${regionId}&${rest}`;

describe('GET /api/v1/tickets?sort=waiting', () => {
  /** The orders in the order a dispatcher should take them. */
  let expected: number[];

  beforeAll(async () => {
    const sameTime = minutesAgo(90);
    const newUrgent = await waiting('urgent', minutesAgo(5));
    const oldNormal = await waiting('normal', minutesAgo(300));
    const tieA = await waiting('normal', sameTime);
    const newNormal = await waiting('normal', minutesAgo(1));
    const oldUrgent = await waiting('urgent', minutesAgo(120));
    const tieB = await waiting('normal', sameTime);
    expected = [oldUrgent, newUrgent, oldNormal, Math.min(tieA, tieB), Math.max(tieA, tieB), newNormal];
  });

  it('lists 紧急 orders first, then the longest waiting first', async () => {
    const page = await get(dispatcher, queueUrl('limit=50'));
    expect(page.items.map((x) => x.id)).toEqual(expected);
    expect(page.items.map((x) => x.urgency)).toEqual(['urgent', 'urgent', 'normal', 'normal', 'normal', 'normal']);
  });

  it('walks every page by cursor without skipping or repeating an order', async () => {
    for (const limit of [1, 2, 4]) {
      const seen: number[] = [];
      let cursor: string | null = null;
      do {
        const page = await get(dispatcher, queueUrl(`limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`));
        seen.push(...page.items.map((x) => x.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen, `pages of ${limit}`).toEqual(expected);
    }
  });

  it('jumps to a page by offset in the same order, with the total', async () => {
    const seen: number[] = [];
    for (let offset = 0; offset < expected.length; offset += 4) {
      const page = await get(dispatcher, queueUrl(`limit=4&offset=${offset}&withTotal=true`));
      expect(page.total).toBe(expected.length);
      seen.push(...page.items.map((x) => x.id));
    }
    expect(seen).toEqual(expected);
  });

  it('refuses a cursor of another sort', async () => {
    const newest = await get(dispatcher, `/api/v1/tickets?status=pending_dispatch&regionId=${regionId}&limit=1`);
    expect(newest.nextCursor).not.toBeNull();
    const res = await app.inject({ url: queueUrl(`cursor=${newest.nextCursor}`), headers: dispatcher.headers });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.path).toBe('cursor');
  });
});
