import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { setupApp } from '../../../test/app.ts';
import { randomMobile } from '../../../test/factories/citizens.ts';
import { buildSignedInUser, buildUnit, type Session } from '../../../test/factories/orgs.ts';
import { tickets } from '../../db/schema.ts';

const { app } = await setupApp();
const db = app.services.db;
let agent: Session;

beforeAll(async () => {
  const center = await buildUnit(db, { kind: 'center' });
  agent = await buildSignedInUser(app, 'agent', { unitId: center.id });
});

async function createTicket(): Promise<number> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/tickets',
    headers: agent.headers,
    payload: { channel: 'phone', type: 'complaint', content: '小区门口垃圾堆积无人清运', citizen: { phone: randomMobile() } },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

const merge = (id: number, mainTicketId: number) =>
  app.inject({ method: 'POST', url: `/api/v1/tickets/${id}/merge`, headers: agent.headers, payload: { mainTicketId } });

const mergedInto = async (id: number) => (await db.select().from(tickets).where(eq(tickets.id, id)))[0].mergedIntoId;

describe('merging orders (并单)', () => {
  it('merges two orders into each other at once without a deadlock: one wins, the other is refused with a 4xx', async () => {
    const pairs = await Promise.all(Array.from({ length: 10 }, async () => [await createTicket(), await createTicket()] as const));
    const answers = await Promise.all(pairs.flatMap(([a, b]) => [merge(a, b), merge(b, a)]));
    expect(answers.filter((r) => r.statusCode >= 500).map((r) => r.body)).toEqual([]);
    for (let i = 0; i < pairs.length; i++) {
      const [a, b] = pairs[i];
      const [ab, ba] = [answers[2 * i], answers[2 * i + 1]];
      expect([ab.statusCode, ba.statusCode].sort(), `${ab.body} ${ba.body}`).toEqual([200, 400].sort());
      // Exactly one of the two points at the other, and nothing points at a merged order.
      const [intoA, intoB] = [await mergedInto(a), await mergedInto(b)];
      expect([intoA, intoB].filter((x) => x !== null)).toHaveLength(1);
      expect(intoA === b || intoB === a).toBe(true);
    }
  });

  it('resolves chains to the final main order: B into C after A into B leaves A pointing at C', async () => {
    const [a, b, c, d] = [await createTicket(), await createTicket(), await createTicket(), await createTicket()];
    expect((await merge(a, b)).statusCode).toBe(200);
    expect((await merge(b, c)).statusCode).toBe(200);
    expect(await mergedInto(a)).toBe(c);
    expect(await mergedInto(b)).toBe(c);
    // Naming a merged order as the main order merges into its final main order.
    expect((await merge(d, a)).statusCode).toBe(200);
    expect(await mergedInto(d)).toBe(c);
    const detail = (await app.inject({ url: `/api/v1/tickets/${c}`, headers: agent.headers })).json();
    expect(detail.mergedTicketIds.sort()).toEqual([a, b, d].sort());
  });

  it('refuses a merge whose main order resolves back to the order itself', async () => {
    const [a, b] = [await createTicket(), await createTicket()];
    expect((await merge(a, b)).statusCode).toBe(200);
    // b's status allows merging, but a already points at b: merging b into a would be a cycle.
    const res = await merge(b, a);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/并单/);
  });
});
