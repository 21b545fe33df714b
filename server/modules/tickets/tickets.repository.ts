/** SQL for work orders, assignments, events and the records hanging off a ticket. */
import { and, desc, eq, gte, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.ts';
import {
  assignments, attachments, callbacks, categories, citizens, extensions, idempotencyKeys, knowledgeItems, objections, outbox, regions,
  replies, supervisions, ticketEvents, ticketKnowledge, tickets, ticketSequences, units, users,
} from '../../db/schema.ts';
import { notFound } from '../../lib/errors.ts';

export type TicketRow = typeof tickets.$inferSelect;
export type AssignmentRow = typeof assignments.$inferSelect;
export const ACTIVE_ASSIGNMENT_STATUSES = ['pending_sign', 'signed', 'objected'] as const;

export interface TicketFilter {
  statuses?: string[];
  unitId?: number;
  /** Restrict to tickets that were ever assigned to one of these units (unit users' visibility). */
  visibleToUnitIds?: number[];
  categoryId?: number;
  regionId?: number;
  channel?: string;
  type?: string;
  urgency?: string;
  slaStates?: string[];
  citizenId?: number;
  from?: Date;
  to?: Date;
  search?: SQL | null;
  /** Keyset cursor: rows strictly older than (createdAt, id). */
  before?: { createdAt: Date; id: number };
  limit: number;
}

const leadUnit = alias(units, 'lead_unit');

export function createTicketsRepository(db: Executor) {
  return {
    async nextNumber(day: string): Promise<string> {
      const rows = await db.insert(ticketSequences).values({ day, lastValue: 1 })
        .onConflictDoUpdate({ target: ticketSequences.day, set: { lastValue: sql`${ticketSequences.lastValue} + 1` } })
        .returning({ value: ticketSequences.lastValue });
      return `${day}-${String(rows[0].value).padStart(5, '0')}`;
    },

    async create(row: typeof tickets.$inferInsert): Promise<TicketRow> {
      return (await db.insert(tickets).values(row).returning())[0];
    },

    async getById(id: number): Promise<TicketRow> {
      const row = (await db.select().from(tickets).where(eq(tickets.id, id)).limit(1))[0];
      if (!row) throw notFound({ zh: '工单', en: 'Ticket' }, { id });
      return row;
    },

    /** Locks the row for the rest of the transaction so concurrent transitions queue up. */
    async getForUpdate(id: number): Promise<TicketRow> {
      const row = (await db.select().from(tickets).where(eq(tickets.id, id)).for('update').limit(1))[0];
      if (!row) throw notFound({ zh: '工单', en: 'Ticket' }, { id });
      return row;
    },

    async findIdByNumber(number: string): Promise<number | null> {
      return (await db.select({ id: tickets.id }).from(tickets).where(eq(tickets.number, number)).limit(1))[0]?.id ?? null;
    },

    /** Applies a change only if nobody else changed the ticket since `version` was read; null = lost the race. */
    async updateIfVersion(id: number, version: number, changes: Partial<typeof tickets.$inferInsert>): Promise<TicketRow | null> {
      const rows = await db.update(tickets)
        .set({ ...changes, version: sql`${tickets.version} + 1`, updatedAt: changes.updatedAt ?? new Date() })
        .where(and(eq(tickets.id, id), eq(tickets.version, version)))
        .returning();
      return rows[0] ?? null;
    },

    async findSummaries(filter: TicketFilter) {
      const where: (SQL | undefined)[] = [];
      if (filter.statuses?.length) where.push(inArray(tickets.status, filter.statuses));
      if (filter.unitId) where.push(eq(tickets.leadUnitId, filter.unitId));
      if (filter.visibleToUnitIds) {
        where.push(filter.visibleToUnitIds.length
          ? inArray(tickets.id, db.select({ id: assignments.ticketId }).from(assignments).where(inArray(assignments.unitId, filter.visibleToUnitIds)))
          : sql`false`);
      }
      if (filter.categoryId) where.push(eq(tickets.categoryId, filter.categoryId));
      if (filter.regionId) where.push(eq(tickets.regionId, filter.regionId));
      if (filter.channel) where.push(eq(tickets.channel, filter.channel));
      if (filter.type) where.push(eq(tickets.type, filter.type));
      if (filter.urgency) where.push(eq(tickets.urgency, filter.urgency));
      if (filter.slaStates?.length) where.push(inArray(tickets.slaState, filter.slaStates));
      if (filter.citizenId) where.push(eq(tickets.citizenId, filter.citizenId));
      if (filter.from) where.push(gte(tickets.createdAt, filter.from));
      if (filter.to) where.push(lte(tickets.createdAt, filter.to));
      if (filter.search) where.push(sql`${tickets.search} @@ ${filter.search}`);
      if (filter.before) {
        where.push(or(lt(tickets.createdAt, filter.before.createdAt), and(eq(tickets.createdAt, filter.before.createdAt), lt(tickets.id, filter.before.id))));
      }
      return db.select({
        ticket: tickets, categoryName: categories.pathName, regionName: regions.name, leadUnitName: leadUnit.name, citizenPhone: citizens.phone,
      })
        .from(tickets)
        .leftJoin(categories, eq(categories.id, tickets.categoryId))
        .leftJoin(regions, eq(regions.id, tickets.regionId))
        .leftJoin(leadUnit, eq(leadUnit.id, tickets.leadUnitId))
        .leftJoin(citizens, eq(citizens.id, tickets.citizenId))
        .where(and(...where))
        .orderBy(desc(tickets.createdAt), desc(tickets.id))
        .limit(filter.limit);
    },

    async getSummaryParts(id: number) {
      const row = (await db.select({
        ticket: tickets, categoryName: categories.pathName, regionName: regions.name, leadUnitName: leadUnit.name, citizen: citizens,
      })
        .from(tickets)
        .leftJoin(categories, eq(categories.id, tickets.categoryId))
        .leftJoin(regions, eq(regions.id, tickets.regionId))
        .leftJoin(leadUnit, eq(leadUnit.id, tickets.leadUnitId))
        .leftJoin(citizens, eq(citizens.id, tickets.citizenId))
        .where(eq(tickets.id, id)).limit(1))[0];
      if (!row) throw notFound({ zh: '工单', en: 'Ticket' }, { id });
      return row;
    },

    findAssignments: (ticketId: number) =>
      db.select({ assignment: assignments, unitName: units.name }).from(assignments)
        .innerJoin(units, eq(units.id, assignments.unitId))
        .where(eq(assignments.ticketId, ticketId)).orderBy(assignments.id),

    findActiveAssignments: (ticketId: number) =>
      db.select().from(assignments)
        .where(and(eq(assignments.ticketId, ticketId), inArray(assignments.status, [...ACTIVE_ASSIGNMENT_STATUSES]))).orderBy(assignments.id),

    /** Whether any of these units ever held an assignment on the ticket (visibility for unit users). */
    async wasAssignedToAny(ticketId: number, unitIds: number[]): Promise<boolean> {
      if (unitIds.length === 0) return false;
      const rows = await db.select({ id: assignments.id }).from(assignments)
        .where(and(eq(assignments.ticketId, ticketId), inArray(assignments.unitId, unitIds))).limit(1);
      return rows.length > 0;
    },

    createAssignments: (rows: (typeof assignments.$inferInsert)[]) => db.insert(assignments).values(rows).returning(),
    updateAssignment: (id: number, changes: Partial<typeof assignments.$inferInsert>) => db.update(assignments).set(changes).where(eq(assignments.id, id)),
    /** Ends every active assignment, e.g. before a re-dispatch or merge. */
    withdrawActiveAssignments: (ticketId: number, at: Date) =>
      db.update(assignments).set({ status: 'withdrawn', finishedAt: at })
        .where(and(eq(assignments.ticketId, ticketId), inArray(assignments.status, [...ACTIVE_ASSIGNMENT_STATUSES]))),

    createEvent: (row: typeof ticketEvents.$inferInsert) => db.insert(ticketEvents).values(row),
    findEvents: (ticketId: number) => {
      const actorUnit = alias(units, 'actor_unit');
      const eventUnit = alias(units, 'event_unit');
      return db.select({ event: ticketEvents, actorName: users.displayName, actorUnitName: actorUnit.name, unitName: eventUnit.name })
        .from(ticketEvents)
        .leftJoin(users, eq(users.id, ticketEvents.actorUserId))
        .leftJoin(actorUnit, eq(actorUnit.id, ticketEvents.actorUnitId))
        .leftJoin(eventUnit, eq(eventUnit.id, ticketEvents.unitId))
        .where(eq(ticketEvents.ticketId, ticketId)).orderBy(ticketEvents.id);
    },

    createReply: async (row: typeof replies.$inferInsert) => (await db.insert(replies).values(row).returning())[0],
    findLatestSubmittedReply: async (ticketId: number) =>
      (await db.select().from(replies).where(and(eq(replies.ticketId, ticketId), eq(replies.status, 'submitted'))).orderBy(desc(replies.id)).limit(1))[0] ?? null,
    updateReply: (id: number, changes: Partial<typeof replies.$inferInsert>) => db.update(replies).set(changes).where(eq(replies.id, id)),
    findReplies: (ticketId: number) =>
      db.select({ reply: replies, unitName: units.name }).from(replies).innerJoin(units, eq(units.id, replies.unitId))
        .where(eq(replies.ticketId, ticketId)).orderBy(replies.id),

    createCallback: (row: typeof callbacks.$inferInsert) => db.insert(callbacks).values(row),
    findCallbacks: (ticketId: number) => db.select().from(callbacks).where(eq(callbacks.ticketId, ticketId)).orderBy(callbacks.id),

    createExtension: (row: typeof extensions.$inferInsert) => db.insert(extensions).values(row),
    findPendingExtension: async (ticketId: number) =>
      (await db.select().from(extensions).where(and(eq(extensions.ticketId, ticketId), eq(extensions.status, 'pending'))).limit(1))[0] ?? null,
    updateExtension: (id: number, changes: Partial<typeof extensions.$inferInsert>) => db.update(extensions).set(changes).where(eq(extensions.id, id)),
    findExtensions: (ticketId: number) => db.select().from(extensions).where(eq(extensions.ticketId, ticketId)).orderBy(extensions.id),

    createObjection: (row: typeof objections.$inferInsert) => db.insert(objections).values(row),
    findPendingObjection: async (ticketId: number) =>
      (await db.select().from(objections).where(and(eq(objections.ticketId, ticketId), eq(objections.status, 'pending'))).limit(1))[0] ?? null,
    updateObjection: (id: number, changes: Partial<typeof objections.$inferInsert>) => db.update(objections).set(changes).where(eq(objections.id, id)),
    findObjections: (ticketId: number) => db.select().from(objections).where(eq(objections.ticketId, ticketId)).orderBy(objections.id),

    createSupervision: (row: typeof supervisions.$inferInsert) => db.insert(supervisions).values(row),
    findSupervisions: (ticketId: number) => db.select().from(supervisions).where(eq(supervisions.ticketId, ticketId)).orderBy(supervisions.id),

    findAttachments: (ticketId: number) =>
      db.select({ id: attachments.id, filename: attachments.filename, mimeType: attachments.mimeType, sizeBytes: attachments.sizeBytes, replyId: attachments.replyId })
        .from(attachments).where(eq(attachments.ticketId, ticketId)).orderBy(attachments.id),
    /** Links uploads to a ticket (and reply); only files the same actor uploaded and not yet linked. Returns how many were linked. */
    async linkAttachments(ids: number[], link: { ticketId: number; replyId?: number }, uploadedById: number | null): Promise<number> {
      if (ids.length === 0) return 0;
      const owner = uploadedById === null ? sql`${attachments.uploadedById} is null` : eq(attachments.uploadedById, uploadedById);
      const rows = await db.update(attachments).set({ ticketId: link.ticketId, replyId: link.replyId ?? null })
        .where(and(inArray(attachments.id, ids), owner, sql`${attachments.ticketId} is null`)).returning({ id: attachments.id });
      return rows.length;
    },

    addKnowledgeCitations: async (ticketId: number, itemIds: number[]) => {
      if (itemIds.length === 0) return;
      await db.insert(ticketKnowledge).values(itemIds.map((knowledgeItemId) => ({ ticketId, knowledgeItemId }))).onConflictDoNothing();
      await db.update(knowledgeItems).set({ useCount: sql`${knowledgeItems.useCount} + 1` }).where(inArray(knowledgeItems.id, itemIds));
    },
    findKnowledgeCitations: async (ticketId: number) =>
      (await db.select({ id: ticketKnowledge.knowledgeItemId }).from(ticketKnowledge).where(eq(ticketKnowledge.ticketId, ticketId))).map((r) => r.id),
    async countExistingKnowledgeItems(ids: number[]): Promise<number> {
      if (ids.length === 0) return 0;
      return (await db.select({ id: knowledgeItems.id }).from(knowledgeItems).where(inArray(knowledgeItems.id, ids))).length;
    },
    findMergedTicketIds: async (mainTicketId: number) =>
      (await db.select({ id: tickets.id }).from(tickets).where(eq(tickets.mergedIntoId, mainTicketId))).map((r) => r.id),

    findActiveUnits: (ids: number[]) => db.select({ id: units.id, name: units.name }).from(units).where(and(inArray(units.id, ids), eq(units.isActive, true))),
    categoryExists: async (id: number) => (await db.select({ id: categories.id }).from(categories).where(eq(categories.id, id)).limit(1)).length > 0,
    regionExists: async (id: number) => (await db.select({ id: regions.id }).from(regions).where(eq(regions.id, id)).limit(1)).length > 0,

    /** Recent tickets sharing search words with a text (possible duplicates shown at intake). */
    findSimilar: (search: SQL, excludeId: number | null, since: Date, limit: number) =>
      db.select({ id: tickets.id, number: tickets.number, title: tickets.title, status: tickets.status, createdAt: tickets.createdAt, regionId: tickets.regionId, rank: sql<number>`ts_rank(${tickets.search}, ${search})` })
        .from(tickets)
        .where(and(sql`${tickets.search} @@ ${search}`, gte(tickets.createdAt, since), excludeId ? sql`${tickets.id} <> ${excludeId}` : undefined))
        .orderBy(desc(sql`ts_rank(${tickets.search}, ${search})`), desc(tickets.createdAt)).limit(limit),

    createOutbox: (row: typeof outbox.$inferInsert) => db.insert(outbox).values(row),

    findIdempotent: async (scope: string, key: string) =>
      (await db.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key))).limit(1))[0] ?? null,
    createIdempotent: (row: typeof idempotencyKeys.$inferInsert) => db.insert(idempotencyKeys).values(row),
  };
}
export type TicketsRepository = ReturnType<typeof createTicketsRepository>;
