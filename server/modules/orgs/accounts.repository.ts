/** SQL for accounts: users, their sessions, and integration API keys. */
import { and, asc, desc, eq, gt, ilike, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { apiKeys, sessions, units, users } from '../../db/schema.ts';
import { containsPattern } from './db-errors.ts';

/** Every user column except the password hash, which never leaves the repository. */
const userColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  unitId: users.unitId,
  unitName: units.name,
  phone: users.phone,
  isActive: users.isActive,
  createdAt: users.createdAt,
};
export type UserView = {
  id: number;
  username: string;
  displayName: string;
  role: string;
  unitId: number | null;
  unitName: string | null;
  phone: string | null;
  isActive: boolean;
  createdAt: Date;
};

const apiKeyColumns = {
  id: apiKeys.id,
  name: apiKeys.name,
  prefix: apiKeys.prefix,
  role: apiKeys.role,
  unitId: apiKeys.unitId,
  createdAt: apiKeys.createdAt,
  revokedAt: apiKeys.revokedAt,
};
export type ApiKeyView = {
  id: number;
  name: string;
  prefix: string;
  role: string;
  unitId: number | null;
  createdAt: Date;
  revokedAt: Date | null;
};

export function createAccountsRepository(db: Executor) {
  const selectUsers = () => db.select(userColumns).from(users).leftJoin(units, eq(units.id, users.unitId));

  return {
    findUsers: (filter: {
      unitIds?: number[];
      role?: string;
      q?: string;
      includeInactive?: boolean;
      afterId?: number;
      limit: number;
    }): Promise<UserView[]> => {
      const where: SQL[] = [];
      if (filter.unitIds) where.push(filter.unitIds.length ? inArray(users.unitId, filter.unitIds) : eq(users.id, -1));
      if (filter.role) where.push(eq(users.role, filter.role));
      if (!filter.includeInactive) where.push(eq(users.isActive, true));
      if (filter.q) where.push(or(ilike(users.username, containsPattern(filter.q)), ilike(users.displayName, containsPattern(filter.q)))!);
      if (filter.afterId !== undefined) where.push(gt(users.id, filter.afterId));
      return selectUsers()
        .where(and(...where))
        .orderBy(asc(users.id))
        .limit(filter.limit);
    },
    findUserById: async (id: number): Promise<UserView | null> => (await selectUsers().where(eq(users.id, id)).limit(1))[0] ?? null,
    createUser: async (row: typeof users.$inferInsert) => (await db.insert(users).values(row).returning({ id: users.id }))[0].id,
    updateUser: async (id: number, patch: Partial<typeof users.$inferInsert>) =>
      (await db.update(users).set(patch).where(eq(users.id, id)).returning({ id: users.id })).length > 0,
    /** Signs the user out everywhere (after a password reset). */
    deleteSessionsOfUser: (userId: number) => db.delete(sessions).where(eq(sessions.userId, userId)),

    findApiKeys: (filter: { includeRevoked: boolean }): Promise<ApiKeyView[]> =>
      db
        .select(apiKeyColumns)
        .from(apiKeys)
        .where(filter.includeRevoked ? undefined : isNull(apiKeys.revokedAt))
        .orderBy(desc(apiKeys.id))
        .limit(1000),
    findApiKeyById: async (id: number): Promise<ApiKeyView | null> =>
      (await db.select(apiKeyColumns).from(apiKeys).where(eq(apiKeys.id, id)).limit(1))[0] ?? null,
    revokeApiKey: async (id: number, at: Date) =>
      (await db.update(apiKeys).set({ revokedAt: at }).where(eq(apiKeys.id, id)).returning(apiKeyColumns))[0] ?? null,
  };
}
export type AccountsRepository = ReturnType<typeof createAccountsRepository>;
