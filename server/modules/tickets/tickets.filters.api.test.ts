import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { toSearchQuery } from '../../lib/text.ts';
import { setupApp } from '../../../test/app.ts';
import { randomMobile } from '../../../test/factories/citizens.ts';
import { buildSignedInUser, buildUnit, type Session } from '../../../test/factories/orgs.ts';
import { createTicketsRepository } from './tickets.repository.ts';

const { app } = await setupApp();
let agent: Session;

beforeAll(async () => {
  const center = await buildUnit(app.services.db, { kind: 'center' });
  agent = await buildSignedInUser(app, 'agent', { unitId: center.id });
});

async function createFor(phone: string) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/tickets',
    headers: agent.headers,
    payload: { channel: 'phone', type: 'complaint', content: '夜间施工噪音扰民', citizen: { phone } },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as number;
}

describe('GET /api/v1/tickets', () => {
  describe('citizenPhone filter', () => {
    it("returns only the caller's own orders, whatever the phone's spelling", async () => {
      const mine = randomMobile();
      const other = randomMobile();
      const a = await createFor(mine);
      const b = await createFor(mine);
      await createFor(other);
      const spelled = `+86 ${mine.slice(0, 3)}-${mine.slice(3, 7)}-${mine.slice(7)}`;
      const res = await app.inject({ url: `/api/v1/tickets?citizenPhone=${encodeURIComponent(spelled)}`, headers: agent.headers });
      expect(res.statusCode, res.body).toBe(200);
      expect(
        res
          .json()
          .items.map((t: any) => t.id)
          .sort(),
      ).toEqual([a, b].sort());
    });

    it('answers 400 naming the field for something that is not a phone number', async () => {
      const res = await app.inject({ url: '/api/v1/tickets?citizenPhone=abc', headers: agent.headers });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].path).toBe('citizenPhone');
    });
  });
});

describe('search box by number start', () => {
  it('finds the orders of a number start, through an index rather than a table scan', async () => {
    const id = await createFor(randomMobile());
    const { number } = (await app.inject({ url: `/api/v1/tickets/${id}`, headers: agent.headers })).json() as { number: string };
    const start = number.slice(0, 9); // 20261207-
    const res = await app.inject({ url: `/api/v1/tickets?q=${start}`, headers: agent.headers });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map((t: { id: number }) => t.id)).toContain(id);

    // With table scans priced out, the LIKE prefix must have an index to use (a C.UTF-8 collation's b-tree cannot).
    const plan = await app.services.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      return JSON.stringify(await tx.execute(sql`explain select id from tickets where number like ${`${start}%`}`));
    });
    expect(plan).toContain('tickets_number_pattern_idx');
  });
});

describe('search box by words or address', () => {
  it('matches words and the address through their indexes combined, never a walk through every order', async () => {
    const res = await app.inject({ url: `/api/v1/tickets?q=${encodeURIComponent('施工噪音')}`, headers: agent.headers });
    expect(res.statusCode, res.body).toBe(200);
    // The words OR the address containing the text (ticket.repository's addressContains): with table scans priced out,
    // both sides must have an index, or the OR leaves none usable (3.5 s for one word on 1 million orders).
    const plan = await app.services.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      return JSON.stringify(
        await tx.execute(sql`explain select id from tickets where search @@ to_tsquery('simple', '施工 & 噪音')
          or (lianxin_address_grams(address) @@ lianxin_address_grams_query(${'施工噪音'}) and address ilike ${'%施工噪音%'})`),
      );
    });
    expect(plan).toContain('BitmapOr');
    expect(plan).toContain('tickets_search_idx');
    expect(plan).toContain('tickets_address_grams_idx');
  });
});

describe('search box by phone', () => {
  it("walks the caller's orders newest first and stops at the page, without sorting all of them", async () => {
    const phone = randomMobile();
    const ids = [await createFor(phone), await createFor(phone), await createFor(phone)];
    const res = await app.inject({ url: `/api/v1/tickets?q=${phone}&limit=2`, headers: agent.headers });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map((t: { id: number }) => t.id)).toEqual([ids[2], ids[1]]);
    // the repository's form (`citizen_id = (the one citizen)`): with sorting priced out, an index must give the order
    const plan = await app.services.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      await tx.execute(sql`set local enable_sort = off`);
      return JSON.stringify(
        await tx.execute(sql`explain select id from tickets where citizen_id = (select id from citizens where phone = ${phone})
          order by created_at desc, id desc limit 21`),
      );
    });
    expect(plan).toContain('tickets_citizen_created_idx');
    expect(plan).not.toMatch(/Sort/);
  });
});

describe('search newest first through the newest orders', () => {
  it('gives the same pages as the whole list, whether the newest orders hold a page or not', async () => {
    const word = `lz${Date.now().toString(36)}`; // found only in this run's orders
    for (let i = 0; i < 12; i++) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/tickets',
        headers: agent.headers,
        payload: { channel: 'phone', type: 'complaint', content: i % 2 ? `荔枝园灌溉水渠堵塞 ${word}` : '楼道灯不亮' },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const search = toSearchQuery(word)!;
    const walking = createTicketsRepository(app.services.db, { newestWalked: 4 });
    const whole = createTicketsRepository(app.services.db, { newestWalked: 1_000_000 });
    const ids = (rows: { ticket: { id: number } }[]) => rows.map((r) => r.ticket.id);
    const all = ids(await whole.findSummaries({ search, limit: 50 }));
    expect(all).toHaveLength(6);
    for (const page of [
      { limit: 2 }, // the newest 4 orders hold 2 matches: a page from the walk
      { limit: 3 }, // they do not hold 3: the whole list
      { limit: 2, offset: 2 },
      { limit: 2, after: { sort: 'created' as const, createdAt: new Date(Date.now() + 60_000), id: 2 ** 31 - 1 } },
    ]) {
      expect(ids(await walking.findSummaries({ search, ...page })), JSON.stringify(page)).toEqual(
        all.slice(page.offset ?? 0, (page.offset ?? 0) + page.limit),
      );
    }
  });
});
