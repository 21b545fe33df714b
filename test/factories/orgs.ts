/** Factories: every test makes its own units and users, so files run in parallel on one database. */
import { randomUUID } from 'node:crypto';
import type { Role } from '../../common/enums.ts';
import type { App } from '../../server/app.ts';
import type { Db } from '../../server/db/client.ts';
import { categories, regions, units, users } from '../../server/db/schema.ts';
import { hashPassword } from '../../server/lib/crypto.ts';

export const uid = () => randomUUID().slice(0, 8);
export const TEST_PASSWORD = 'Test-password-1';
let passwordHash: string | undefined;

export async function buildRegion(db: Db, overrides: Partial<typeof regions.$inferInsert> = {}) {
  const [row] = await db
    .insert(regions)
    .values({ code: `R${uid()}`, name: `测试区${uid()}`, level: 'district', ...overrides })
    .returning();
  return row;
}

export async function buildUnit(db: Db, overrides: Partial<typeof units.$inferInsert> = {}) {
  const [row] = await db
    .insert(units)
    .values({ code: `U${uid()}`, name: `测试单位${uid()}`, kind: 'department', ...overrides })
    .returning();
  return row;
}

export async function buildCategory(db: Db, overrides: Partial<typeof categories.$inferInsert> = {}) {
  const name = overrides.name ?? `分类${uid()}`;
  const [row] = await db
    .insert(categories)
    .values({ code: `C${uid()}`, name, level: 1, pathName: name, ...overrides })
    .returning();
  return row;
}

export async function buildUser(db: Db, role: Role, overrides: Partial<typeof users.$inferInsert> = {}) {
  passwordHash ??= await hashPassword(TEST_PASSWORD);
  const [row] = await db
    .insert(users)
    .values({ username: `${role}-${uid()}`, displayName: `${role} 测试`, passwordHash, role, ...overrides })
    .returning();
  return row;
}

export interface Session {
  headers: Record<string, string>;
  userId: number;
}

/** Signs in through the API and returns the headers a browser would send (cookie + CSRF). */
export async function signIn(app: App, username: string, password = TEST_PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'lx_session');
  const body = res.json();
  return { headers: { cookie: `lx_session=${cookie!.value}`, 'x-csrf-token': body.csrfToken }, userId: body.userId };
}

/** A user of `role` (in `unitId` when given), signed in. */
export async function buildSignedInUser(app: App, role: Role, overrides: Partial<typeof users.$inferInsert> = {}) {
  const user = await buildUser(app.services.db, role, overrides);
  return { user, ...(await signIn(app, user.username)) };
}
