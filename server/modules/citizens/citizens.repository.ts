/** SQL for citizens (诉求人) and their ticket history. */
import { desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { citizens, tickets, units } from '../../db/schema.ts';
import { OPEN_STATUSES } from '../../../common/ticket-lifecycle.ts';

export type CitizenRow = typeof citizens.$inferSelect;

export function createCitizensRepository(db: Executor) {
  return {
    findByPhone: async (phone: string) => (await db.select().from(citizens).where(eq(citizens.phone, phone)).limit(1))[0] ?? null,
    findById: async (id: number) => (await db.select().from(citizens).where(eq(citizens.id, id)).limit(1))[0] ?? null,
    update: async (id: number, patch: Partial<typeof citizens.$inferInsert>) =>
      (await db.update(citizens).set(patch).where(eq(citizens.id, id)).returning())[0] ?? null,

    /**
     * One row per phone, safe under concurrent intake: a known caller keeps their record; a newly given name
     * replaces the old one, and confidentiality once asked for is never dropped here.
     */
    upsertByPhones: (rows: { phone: string; name: string | null; isConfidential: boolean }[]) =>
      db
        .insert(citizens)
        .values(rows)
        .onConflictDoUpdate({
          target: citizens.phone,
          set: {
            name: sql`coalesce(excluded.name, ${sql.identifier('citizens')}.name)`,
            isConfidential: sql`${sql.identifier('citizens')}.is_confidential or excluded.is_confidential`,
          },
        })
        .returning(),

    /** The citizen's tickets, newest first. */
    findTickets: (citizenId: number, limit: number) =>
      db
        .select({
          id: tickets.id,
          number: tickets.number,
          title: tickets.title,
          type: tickets.type,
          channel: tickets.channel,
          status: tickets.status,
          createdAt: tickets.createdAt,
          leadUnitId: tickets.leadUnitId,
          leadUnitName: units.name,
        })
        .from(tickets)
        .leftJoin(units, eq(units.id, tickets.leadUnitId))
        .where(eq(tickets.citizenId, citizenId))
        .orderBy(desc(tickets.createdAt), desc(tickets.id))
        .limit(limit),

    countTickets: async (citizenId: number) =>
      (
        await db
          .select({
            total: sql<number>`count(*)::int`,
            open: sql<number>`(count(*) filter (where ${inArray(tickets.status, [...OPEN_STATUSES])}))::int`,
          })
          .from(tickets)
          .where(eq(tickets.citizenId, citizenId))
      )[0],
  };
}
export type CitizensRepository = ReturnType<typeof createCitizensRepository>;
