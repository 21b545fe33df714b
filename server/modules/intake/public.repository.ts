/** SQL behind the citizens' portal: finding an order to follow, its history and official answer, form choices. */
import { and, asc, desc, eq, lte } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { categories, citizens, replies, ticketEvents, tickets, units } from '../../db/schema.ts';

export function createPublicRepository(db: Executor) {
  return {
    /** The order with the phone it belongs to; the service checks the caller's proof against it. */
    findTrackable: async (number: string) =>
      (await db.select({
        id: tickets.id, number: tickets.number, status: tickets.status, createdAt: tickets.createdAt, closedAt: tickets.closedAt,
        citizenRating: tickets.citizenRating, publicToken: tickets.publicToken, phone: citizens.phone,
      })
        .from(tickets)
        .leftJoin(citizens, eq(citizens.id, tickets.citizenId))
        .where(eq(tickets.number, number)).limit(1))[0] ?? null,

    findHistory: (ticketId: number) =>
      db.select({
        id: ticketEvents.id, action: ticketEvents.action, toStatus: ticketEvents.toStatus, data: ticketEvents.data, note: ticketEvents.note,
        createdAt: ticketEvents.createdAt, unitName: units.name,
      })
        .from(ticketEvents)
        .leftJoin(units, eq(units.id, ticketEvents.unitId))
        .where(eq(ticketEvents.ticketId, ticketId))
        .orderBy(asc(ticketEvents.id)),

    findLatestAcceptedReply: async (ticketId: number) =>
      (await db.select({ content: replies.content, unitName: units.name, reviewedAt: replies.reviewedAt, createdAt: replies.createdAt })
        .from(replies)
        .innerJoin(units, eq(units.id, replies.unitId))
        .where(and(eq(replies.ticketId, ticketId), eq(replies.status, 'accepted')))
        .orderBy(desc(replies.id)).limit(1))[0] ?? null,

    /** The first two levels of the category tree, enough for a citizen to point the way. */
    findPortalCategories: () =>
      db.select({ id: categories.id, code: categories.code, name: categories.name, parentId: categories.parentId, level: categories.level })
        .from(categories)
        .where(and(eq(categories.isActive, true), lte(categories.level, 2)))
        .orderBy(asc(categories.code)),
  };
}
export type PublicRepository = ReturnType<typeof createPublicRepository>;
