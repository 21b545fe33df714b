/** Factories for citizens and, for screen-pop tests, bare ticket rows that bypass the lifecycle. */
import { randomInt } from 'node:crypto';
import type { Db } from '../../server/db/client.ts';
import { citizens, tickets } from '../../server/db/schema.ts';
import { uid } from './orgs.ts';

/** A random mobile number (139 + 8 digits), unique enough for parallel test files. */
export const randomMobile = () => `139${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;

export async function buildCitizen(db: Db, overrides: Partial<typeof citizens.$inferInsert> = {}) {
  const [row] = await db
    .insert(citizens)
    .values({ phone: randomMobile(), name: `市民${uid()}`, ...overrides })
    .returning();
  return row;
}

/**
 * A ticket row inserted directly (no events, no assignments): only for reading tests such as the screen pop.
 * Use the tickets service or API for anything that exercises the lifecycle.
 */
export async function insertTicketRow(db: Db, overrides: Partial<typeof tickets.$inferInsert> = {}) {
  const [row] = await db
    .insert(tickets)
    .values({
      number: `T${uid()}${uid()}`.slice(0, 17),
      channel: 'phone',
      type: 'complaint',
      title: `测试工单${uid()}`,
      content: '测试内容',
      status: 'pending_dispatch',
      ...overrides,
    })
    .returning();
  return row;
}
