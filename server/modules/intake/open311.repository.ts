/** SQL behind Open311: categories as services, tickets as service requests, ticket events as updates. */
import { and, asc, desc, eq, gte, inArray, lte, notExists, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.ts';
import { categories, open311Requests, replies, ticketEvents, tickets, units } from '../../db/schema.ts';

export interface RequestFilter {
  numbers?: string[];
  serviceCodes?: string[];
  from?: Date;
  to?: Date;
  statuses?: readonly string[];
  limit: number;
}

const childCategory = alias(categories, 'child_category');

export function createOpen311Repository(db: Executor) {
  return {
    /** Active categories with no active sub-category: what a citizen can report. */
    findLeafServices: () =>
      db
        .select({ code: categories.code, name: categories.name, pathName: categories.pathName })
        .from(categories)
        .where(
          and(
            eq(categories.isActive, true),
            notExists(
              db
                .select({ id: childCategory.id })
                .from(childCategory)
                .where(and(eq(childCategory.parentId, categories.id), eq(childCategory.isActive, true))),
            ),
          ),
        )
        .orderBy(asc(categories.code)),

    findActiveCategoryByCode: async (code: string) =>
      (
        await db
          .select({ id: categories.id, code: categories.code, name: categories.name, pathName: categories.pathName })
          .from(categories)
          .where(and(eq(categories.code, code), eq(categories.isActive, true)))
          .limit(1)
      )[0] ?? null,

    /** Tickets as Open311 requests, newest first; confidential ones (举报人保密) are never published. */
    async findRequests(filter: RequestFilter) {
      const where: (SQL | undefined)[] = [eq(tickets.isConfidential, false)];
      if (filter.numbers) where.push(inArray(tickets.number, filter.numbers));
      if (filter.serviceCodes) where.push(inArray(categories.code, filter.serviceCodes));
      if (filter.from) where.push(gte(tickets.createdAt, filter.from));
      if (filter.to) where.push(lte(tickets.createdAt, filter.to));
      if (filter.statuses) where.push(inArray(tickets.status, [...filter.statuses]));
      return db
        .select({
          id: tickets.id,
          number: tickets.number,
          status: tickets.status,
          content: tickets.content,
          address: tickets.address,
          lat: tickets.lat,
          lng: tickets.lng,
          createdAt: tickets.createdAt,
          updatedAt: tickets.updatedAt,
          handleDueAt: tickets.handleDueAt,
          serviceCode: categories.code,
          serviceName: categories.name,
          agency: units.name,
          mediaUrl: open311Requests.mediaUrl,
          addressId: open311Requests.addressId,
        })
        .from(tickets)
        .leftJoin(categories, eq(categories.id, tickets.categoryId))
        .leftJoin(units, eq(units.id, tickets.leadUnitId))
        .leftJoin(open311Requests, eq(open311Requests.ticketId, tickets.id))
        .where(and(...where))
        .orderBy(desc(tickets.createdAt), desc(tickets.id))
        .limit(filter.limit);
    },

    /** The official answer per ticket: the latest accepted reply, else the agent's direct answer. */
    async findPublicAnswers(ticketIds: number[]): Promise<Map<number, string>> {
      const answers = new Map<number, string>();
      if (ticketIds.length === 0) return answers;
      const direct = await db
        .select({ ticketId: ticketEvents.ticketId, note: ticketEvents.note })
        .from(ticketEvents)
        .where(and(inArray(ticketEvents.ticketId, ticketIds), eq(ticketEvents.action, 'direct_answer')))
        .orderBy(asc(ticketEvents.id));
      for (const row of direct) if (row.note) answers.set(row.ticketId, row.note);
      const accepted = await db
        .select({ ticketId: replies.ticketId, content: replies.content })
        .from(replies)
        .where(and(inArray(replies.ticketId, ticketIds), eq(replies.status, 'accepted')))
        .orderBy(asc(replies.id));
      for (const row of accepted) answers.set(row.ticketId, row.content);
      return answers;
    },

    findNumberByToken: async (token: string) =>
      (
        await db
          .select({ number: tickets.number })
          .from(tickets)
          .where(and(eq(tickets.publicToken, token), eq(tickets.isConfidential, false)))
          .limit(1)
      )[0]?.number ?? null,

    /** Events of non-confidential tickets in a time window, oldest first, with the accepted reply a review decided on. */
    findEvents: (filter: { from: Date; to: Date; actions: string[]; limit: number }) =>
      db
        .select({
          id: ticketEvents.id,
          action: ticketEvents.action,
          toStatus: ticketEvents.toStatus,
          data: ticketEvents.data,
          note: ticketEvents.note,
          createdAt: ticketEvents.createdAt,
          unitName: units.name,
          number: tickets.number,
          acceptedReply: replies.content,
        })
        .from(ticketEvents)
        .innerJoin(tickets, eq(tickets.id, ticketEvents.ticketId))
        .leftJoin(units, eq(units.id, ticketEvents.unitId))
        .leftJoin(
          replies,
          and(
            eq(ticketEvents.action, 'review'),
            sql`${replies.id} = (${ticketEvents.data}->>'replyId')::int`,
            eq(replies.status, 'accepted'),
          ),
        )
        .where(
          and(
            gte(ticketEvents.createdAt, filter.from),
            lte(ticketEvents.createdAt, filter.to),
            inArray(ticketEvents.action, filter.actions),
            eq(tickets.isConfidential, false),
            // A review that sent the reply back is not progress (see citizen-view.ts); filtered here so it does not use up the limit.
            sql`not (${ticketEvents.action} = 'review' and coalesce(${ticketEvents.data}->>'decision', '') <> 'accept')`,
          ),
        )
        .orderBy(asc(ticketEvents.createdAt), asc(ticketEvents.id))
        .limit(filter.limit),

    /** A replayed submission (same Idempotency-Key) finds its row already there. */
    createRequestMetadata: (row: typeof open311Requests.$inferInsert) => db.insert(open311Requests).values(row).onConflictDoNothing(),
  };
}
export type Open311Repository = ReturnType<typeof createOpen311Repository>;
