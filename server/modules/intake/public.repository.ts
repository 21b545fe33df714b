/** SQL behind the citizens' portal: finding an order to follow, its history and official answer, form choices. */
import { and, asc, between, desc, eq, inArray, isNull, like, lte, sql } from 'drizzle-orm';
import { OPEN_STATUSES } from '../../../common/ticket-lifecycle.ts';
import type { Executor } from '../../db/client.ts';
import { attachments, categories, citizens, replies, ticketEvents, tickets, units } from '../../db/schema.ts';

export function createPublicRepository(db: Executor) {
  return {
    /** The order with the phone it belongs to; the service checks the caller's proof against it. */
    findTrackable: async (number: string) =>
      (
        await db
          .select({
            id: tickets.id,
            number: tickets.number,
            status: tickets.status,
            createdAt: tickets.createdAt,
            closedAt: tickets.closedAt,
            citizenRating: tickets.citizenRating,
            publicToken: tickets.publicToken,
            phone: citizens.phone,
          })
          .from(tickets)
          .leftJoin(citizens, eq(citizens.id, tickets.citizenId))
          .where(eq(tickets.number, number))
          .limit(1)
      )[0] ?? null,

    findHistory: (ticketId: number) =>
      db
        .select({
          id: ticketEvents.id,
          action: ticketEvents.action,
          toStatus: ticketEvents.toStatus,
          data: ticketEvents.data,
          note: ticketEvents.note,
          createdAt: ticketEvents.createdAt,
          unitName: units.name,
        })
        .from(ticketEvents)
        .leftJoin(units, eq(units.id, ticketEvents.unitId))
        .where(eq(ticketEvents.ticketId, ticketId))
        .orderBy(asc(ticketEvents.id)),

    findLatestAcceptedReply: async (ticketId: number) =>
      (
        await db
          .select({
            id: replies.id,
            content: replies.content,
            unitName: units.name,
            reviewedAt: replies.reviewedAt,
            createdAt: replies.createdAt,
          })
          .from(replies)
          .innerJoin(units, eq(units.id, replies.unitId))
          .where(and(eq(replies.ticketId, ticketId), eq(replies.status, 'accepted')))
          .orderBy(desc(replies.id))
          .limit(1)
      )[0] ?? null,

    findReplyPhotos: (replyId: number) =>
      db
        .select({ id: attachments.id, filename: attachments.filename })
        .from(attachments)
        .where(and(eq(attachments.replyId, replyId), like(attachments.mimeType, 'image/%')))
        .orderBy(asc(attachments.id)),

    /**
     * Open orders, newest first, inside a box and/or of a category (or one under it); `markCategoryId` flags those of
     * that category. Confidential and merged orders never; only public facts are selected (no citizen, content or address).
     */
    findOpen: (where: {
      box?: { minLat: number; maxLat: number; minLng: number; maxLng: number };
      categoryId?: number;
      markCategoryId?: number;
      limit: number;
    }) => {
      const inCategory = (categoryId: number) => sql<boolean>`${tickets.categoryId} in (select id from categories where id = ${categoryId}
        or parent_id = ${categoryId} or parent_id in (select id from categories where parent_id = ${categoryId}))`;
      return db
        .select({
          number: tickets.number,
          title: tickets.title,
          status: tickets.status,
          lng: tickets.lng,
          lat: tickets.lat,
          createdAt: tickets.createdAt,
          isSameCategory: where.markCategoryId === undefined ? sql<boolean>`false` : inCategory(where.markCategoryId),
        })
        .from(tickets)
        .where(
          and(
            inArray(tickets.status, [...OPEN_STATUSES]),
            eq(tickets.isConfidential, false),
            isNull(tickets.mergedIntoId),
            where.box && between(tickets.lat, where.box.minLat, where.box.maxLat),
            where.box && between(tickets.lng, where.box.minLng, where.box.maxLng),
            where.categoryId === undefined ? undefined : inCategory(where.categoryId),
          ),
        )
        .orderBy(desc(tickets.createdAt))
        .limit(where.limit);
    },

    /** The first two levels of the category tree, enough for a citizen to point the way. */
    findPortalCategories: () =>
      db
        .select({ id: categories.id, code: categories.code, name: categories.name, parentId: categories.parentId, level: categories.level })
        .from(categories)
        .where(and(eq(categories.isActive, true), lte(categories.level, 2)))
        .orderBy(asc(categories.code)),
  };
}
export type PublicRepository = ReturnType<typeof createPublicRepository>;
