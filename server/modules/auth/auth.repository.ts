import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { apiKeys, sessions, signInFailures, units, users } from '../../db/schema.ts';

/** Every request resolves its credentials: these two look-ups are prepared once per connection, not planned each time. */
function prepareLookups(db: Executor) {
  return {
    sessionWithUser: db
      .select({ session: sessions, user: users, unitName: units.name })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .leftJoin(units, eq(units.id, users.unitId))
      .where(eq(sessions.tokenHash, sql.placeholder('tokenHash')))
      .limit(1)
      .prepare('auth_session_with_user'),
    activeApiKey: db
      .select()
      .from(apiKeys)
      .where(and(eq(apiKeys.keyHash, sql.placeholder('keyHash')), isNull(apiKeys.revokedAt)))
      .limit(1)
      .prepare('auth_active_api_key'),
  };
}

export function createAuthRepository(db: Executor) {
  let lookups: ReturnType<typeof prepareLookups> | undefined;
  return {
    findUserByUsername: async (username: string) => (await db.select().from(users).where(eq(users.username, username)).limit(1))[0] ?? null,

    findSessionWithUser: async (tokenHash: string) =>
      (await (lookups ??= prepareLookups(db)).sessionWithUser.execute({ tokenHash }))[0] ?? null,

    createSession: (row: typeof sessions.$inferInsert) => db.insert(sessions).values(row),
    deleteSession: (tokenHash: string) => db.delete(sessions).where(eq(sessions.tokenHash, tokenHash)),
    /** Returns how many were deleted. */
    deleteSessionsExpiredBefore: async (before: Date) =>
      (await db.delete(sessions).where(lt(sessions.expiresAt, before)).returning({ tokenHash: sessions.tokenHash })).length,

    findActiveApiKey: async (keyHash: string) => (await (lookups ??= prepareLookups(db)).activeApiKey.execute({ keyHash }))[0] ?? null,
    createApiKey: async (row: typeof apiKeys.$inferInsert) => (await db.insert(apiKeys).values(row).returning())[0],
    findSignInLock: async (username: string) =>
      (await db.select().from(signInFailures).where(eq(signInFailures.username, username)).limit(1))[0] ?? null,

    /** Counts one more wrong password in one statement (safe with several processes); restarts after `resetAfterMs` quiet. */
    recordSignInFailure: async (username: string, now: Date, resetAfterMs: number) => {
      const quietSince = new Date(now.getTime() - resetAfterMs);
      const [row] = await db
        .insert(signInFailures)
        .values({ username, failures: 1, lastFailedAt: now })
        .onConflictDoUpdate({
          target: signInFailures.username,
          set: {
            failures: sql`case when ${signInFailures.lastFailedAt} < ${quietSince} then 1 else ${signInFailures.failures} + 1 end`,
            lastFailedAt: now,
          },
        })
        .returning();
      return row;
    },
    lockSignIn: (username: string, until: Date) =>
      db.update(signInFailures).set({ lockedUntil: until }).where(eq(signInFailures.username, username)),
    clearSignInFailures: (username: string) => db.delete(signInFailures).where(eq(signInFailures.username, username)),
    /** Deletes the counts with no wrong password since `quietSince` and no lock after `now`; returns how many. */
    deleteStaleSignInFailures: async (quietSince: Date, now: Date) =>
      (
        await db
          .delete(signInFailures)
          .where(
            and(lt(signInFailures.lastFailedAt, quietSince), or(isNull(signInFailures.lockedUntil), lt(signInFailures.lockedUntil, now))),
          )
          .returning({ username: signInFailures.username })
      ).length,

    findSessionsNotExpired: (userId: number, now: Date) =>
      db
        .select()
        .from(sessions)
        .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now))),
  };
}
export type AuthRepository = ReturnType<typeof createAuthRepository>;
