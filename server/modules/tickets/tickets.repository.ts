/** SQL for work orders, assignments, events and the records hanging off a ticket. */
import { and, asc, desc, eq, gt, gte, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.ts';
import {
  assignments,
  attachments,
  callbacks,
  categories,
  citizens,
  extensions,
  idempotencyKeys,
  knowledgeItems,
  objections,
  outbox,
  regions,
  replies,
  supervisions,
  ticketEvents,
  ticketKnowledge,
  tickets,
  ticketSequences,
  units,
} from '../../db/schema.ts';
import { notFound } from '../../lib/errors.ts';

export type TicketRow = typeof tickets.$inferSelect;

/** The lists of a ticket's detail view, already in API shape (see findDetailCollections). */
export interface DetailCollections {
  assignments: {
    id: number;
    ticketId: number;
    unitId: number;
    unitName: string;
    role: string;
    status: string;
    parentAssignmentId: number | null;
    signDueAt: Date | null;
    handleDueAt: Date | null;
    signedAt: Date | null;
    reason: string | null;
    createdAt: Date;
  }[];
  events: {
    id: number;
    action: string;
    fromStatus: string | null;
    toStatus: string | null;
    actorName: string | null;
    actorUnitName: string | null;
    unitName: string | null;
    note: string | null;
    data: Record<string, unknown>;
    createdAt: Date;
  }[];
  replies: { id: number; unitId: number; unitName: string; content: string; status: string; reviewNote: string | null; createdAt: Date }[];
  callbacks: { id: number; result: string; isResolved: boolean | null; note: string | null; createdAt: Date }[];
  extensions: { id: number; requestedDays: number; reason: string; status: string; decisionNote: string | null; createdAt: Date }[];
  objections: {
    id: number;
    reason: string;
    suggestedUnitId: number | null;
    status: string;
    decisionNote: string | null;
    createdAt: Date;
  }[];
  supervisions: { id: number; kind: string; unitId: number | null; content: string; dueAt: Date | null; createdAt: Date }[];
  attachments: { id: number; filename: string; mimeType: string; sizeBytes: number; replyId: number | null }[];
  knowledgeItemIds: number[];
  mergedTicketIds: number[];
}
export type AssignmentRow = typeof assignments.$inferSelect;

/**
 * A list the detail query built as JSON (json_agg of json_build_object), so it has the query's shape; its timestamps
 * arrive as text and become Dates.
 */
function jsonList<T>(value: unknown, dateKeys: readonly (keyof T & string)[] = []): T[] {
  const items = (typeof value === 'string' ? JSON.parse(value) : value) as T[];
  for (const item of items) {
    const fields = item as Record<string, unknown>;
    for (const key of dateKeys) if (fields[key] != null) fields[key] = new Date(fields[key] as string);
  }
  return items;
}
export interface TicketDetailParts {
  summary: SummaryParts;
  collections: DetailCollections;
}
export interface SummaryParts {
  ticket: TicketRow;
  categoryName: string | null;
  regionName: string | null;
  leadUnitName: string | null;
  citizen: typeof citizens.$inferSelect | null;
}
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
  /** true: only orders whose latest reply was sent back (被驳回); false: only the others */
  isLatestReplyRejected?: boolean;
  /** Only tickets on which one of these units holds an active assignment (what a unit still has to do) */
  activeForUnitIds?: number[];
  citizenId?: number;
  /** The citizen's normalised phone number (exact match). */
  citizenPhone?: string;
  from?: Date;
  to?: Date;
  search?: SQL | null;
  /** With `search`: also orders whose address contains this text (a house number the word index splits apart) */
  addressContains?: string;
  /** An order number, whole or its start (isPrefix) */
  number?: { value: string; isPrefix: boolean };
  /** 'created': newest first (the default); 'due': most urgent first (see byUrgency); 'waiting': the dispatch queue's order (see byWaiting) */
  sort?: TicketSort;
  /** Keyset cursor of the sort: rows strictly after this one. */
  after?: TicketCursor;
  /** Rows to skip (jumping to a page); the cursor is the way to walk through every page */
  offset?: number;
  limit: number;
}

export type TicketSort = 'created' | 'due' | 'waiting';
/** Where a page ended, in the terms of its sort; `dueAt` null = an order without a deadline (they come last). */
export type TicketCursor =
  | { sort: 'created'; createdAt: Date; id: number }
  | { sort: 'due'; isOverdue: boolean; dueAt: Date | null; id: number }
  | { sort: 'waiting'; isUrgent: boolean; createdAt: Date; id: number };

const leadUnit = alias(units, 'lead_unit');

/**
 * The deadline an order is worked against now: signing while it waits to be signed, handling after.
 * The unit desk's card shows the same one (UnitTicketCard).
 */
const currentDueAt =
  sql<Date | null>`(case when ${tickets.status} = 'pending_sign' then ${tickets.signDueAt} else ${tickets.handleDueAt} end)`.mapWith(
    tickets.signDueAt,
  );
const isOverdue = sql<boolean>`(${tickets.slaState} = 'overdue')`;

/** A text search first looks for a page among this many newest orders (see findSummaries). */
const NEWEST_WALKED = 20_000;

/** Most urgent first: overdue orders, then by the nearest deadline (none last), then by id so pages are stable. */
const byUrgency = [sql`${isOverdue} desc`, sql`${currentDueAt} asc nulls last`, sql`${tickets.id} asc`];

const isUrgent = sql<boolean>`(${tickets.urgency} = 'urgent')`;

/** The dispatch queue's order (派单): 紧急 orders first, then the longest waiting (oldest first), then by id. */
const byWaiting = [sql`${isUrgent} desc`, asc(tickets.createdAt), asc(tickets.id)];

const orderOf: Record<TicketSort, SQL[]> = {
  created: [desc(tickets.createdAt), desc(tickets.id)],
  due: byUrgency,
  waiting: byWaiting,
};

/** Rows after `cursor` in its sort's order. */
function afterCursor(cursor: TicketCursor): SQL {
  if (cursor.sort === 'created') {
    return or(lt(tickets.createdAt, cursor.createdAt), and(eq(tickets.createdAt, cursor.createdAt), lt(tickets.id, cursor.id)))!;
  }
  if (cursor.sort === 'waiting') {
    const laterInItsGroup = and(
      cursor.isUrgent ? isUrgent : sql`not ${isUrgent}`,
      or(gt(tickets.createdAt, cursor.createdAt), and(eq(tickets.createdAt, cursor.createdAt), gt(tickets.id, cursor.id))),
    )!;
    // after an urgent order come the rest of the urgent ones and then every other order
    return cursor.isUrgent ? or(sql`not ${isUrgent}`, laterInItsGroup)! : laterInItsGroup;
  }
  const laterDue =
    cursor.dueAt === null
      ? sql`(${currentDueAt} is null and ${tickets.id} > ${cursor.id})`
      : sql`(${currentDueAt} > ${cursor.dueAt.toISOString()}::timestamptz or ${currentDueAt} is null
      or (${currentDueAt} = ${cursor.dueAt.toISOString()}::timestamptz and ${tickets.id} > ${cursor.id}))`;
  const laterInItsGroup = and(cursor.isOverdue ? isOverdue : sql`not ${isOverdue}`, laterDue)!;
  // after an overdue order come the rest of the overdue ones and then every order on time
  return cursor.isOverdue ? or(sql`not ${isOverdue}`, laterInItsGroup)! : laterInItsGroup;
}

/** The order with the names it shows: the row of a detail view (see getSummaryParts). */
const summaryColumns = {
  ticket: tickets,
  categoryName: categories.pathName,
  regionName: regions.name,
  leadUnitName: leadUnit.name,
  citizen: citizens,
};

/**
 * Tickets and everything hanging off them in one round trip (a detail view needs ten lists; on PGlite each query costs
 * about half a millisecond). A named prepared statement on PostgreSQL: planning these subqueries took ~7 ms a time.
 * 'many' reads an intake batch's new orders at once (PGlite plans every statement); PostgreSQL plans it afresh each
 * time, as it cannot cost `= any($1)` without the array, so a single order has its own statement with a generic plan.
 */
function prepareDetails(db: Executor, which: 'one' | 'many') {
  const ticketId = tickets.id;
  return db
    .select({
      ...summaryColumns,
      assignments: sql<unknown>`(select coalesce(json_agg(json_build_object('id', a.id, 'ticketId', a.ticket_id, 'unitId', a.unit_id, 'unitName', u.name, 'role', a.role, 'status', a.status,
    'parentAssignmentId', a.parent_assignment_id, 'signDueAt', a.sign_due_at, 'handleDueAt', a.handle_due_at, 'signedAt', a.signed_at,
    'reason', a.reason, 'createdAt', a.created_at) order by a.id), '[]')
    from assignments a join units u on u.id = a.unit_id where a.ticket_id = ${ticketId})`,
      events: sql<unknown>`(select coalesce(json_agg(json_build_object('id', e.id, 'action', e.action, 'fromStatus', e.from_status, 'toStatus', e.to_status,
    'actorName', us.display_name, 'actorUnitName', au.name, 'unitName', eu.name, 'note', e.note, 'data', e.data, 'createdAt', e.created_at) order by e.id), '[]')
    from ticket_events e left join users us on us.id = e.actor_user_id left join units au on au.id = e.actor_unit_id
    left join units eu on eu.id = e.unit_id where e.ticket_id = ${ticketId})`,
      replies: sql<unknown>`(select coalesce(json_agg(json_build_object('id', r.id, 'unitId', r.unit_id, 'unitName', u.name, 'content', r.content, 'status', r.status,
    'reviewNote', r.review_note, 'createdAt', r.created_at) order by r.id), '[]')
    from replies r join units u on u.id = r.unit_id where r.ticket_id = ${ticketId})`,
      callbacks: sql<unknown>`(select coalesce(json_agg(json_build_object('id', c.id, 'result', c.result, 'isResolved', c.is_resolved, 'note', c.note, 'createdAt', c.created_at) order by c.id), '[]')
    from callbacks c where c.ticket_id = ${ticketId})`,
      extensions: sql<unknown>`(select coalesce(json_agg(json_build_object('id', x.id, 'requestedDays', x.requested_days, 'reason', x.reason, 'status', x.status,
    'decisionNote', x.decision_note, 'createdAt', x.created_at) order by x.id), '[]')
    from extensions x where x.ticket_id = ${ticketId})`,
      objections: sql<unknown>`(select coalesce(json_agg(json_build_object('id', o.id, 'reason', o.reason, 'suggestedUnitId', o.suggested_unit_id, 'status', o.status,
    'decisionNote', o.decision_note, 'createdAt', o.created_at) order by o.id), '[]')
    from objections o where o.ticket_id = ${ticketId})`,
      supervisions: sql<unknown>`(select coalesce(json_agg(json_build_object('id', s.id, 'kind', s.kind, 'unitId', s.unit_id, 'content', s.content, 'dueAt', s.due_at,
    'createdAt', s.created_at) order by s.id), '[]')
    from supervisions s where s.ticket_id = ${ticketId})`,
      attachments: sql<unknown>`(select coalesce(json_agg(json_build_object('id', f.id, 'filename', f.filename, 'mimeType', f.mime_type, 'sizeBytes', f.size_bytes,
    'replyId', f.reply_id) order by f.id), '[]')
    from attachments f where f.ticket_id = ${ticketId})`,
      knowledgeItemIds: sql<unknown>`(select coalesce(json_agg(k.knowledge_item_id order by k.knowledge_item_id), '[]') from ticket_knowledge k where k.ticket_id = ${ticketId})`,
      mergedTicketIds: sql<unknown>`(select coalesce(json_agg(m.id order by m.id), '[]') from tickets m where m.merged_into_id = ${ticketId})`,
    })
    .from(tickets)
    .leftJoin(categories, eq(categories.id, tickets.categoryId))
    .leftJoin(regions, eq(regions.id, tickets.regionId))
    .leftJoin(leadUnit, eq(leadUnit.id, tickets.leadUnitId))
    .leftJoin(citizens, eq(citizens.id, tickets.citizenId))
    .where(which === 'one' ? eq(tickets.id, sql.placeholder('id')) : sql`${tickets.id} = any(${sql.placeholder('ids')}::int[])`)
    .prepare(`ticket_details_${which}`);
}

/** Planning the four joins cost PostgreSQL more than running them (~1 ms): prepared once per connection. */
function prepareSummaryParts(db: Executor) {
  return db
    .select(summaryColumns)
    .from(tickets)
    .leftJoin(categories, eq(categories.id, tickets.categoryId))
    .leftJoin(regions, eq(regions.id, tickets.regionId))
    .leftJoin(leadUnit, eq(leadUnit.id, tickets.leadUnitId))
    .leftJoin(citizens, eq(citizens.id, tickets.citizenId))
    .where(eq(tickets.id, sql.placeholder('id')))
    .prepare('ticket_summary_parts');
}

/** What every transition reads under the ticket's lock: prepared once per connection, planned once. */
function prepareTransitionReads(db: Executor) {
  return {
    ticketForUpdate: db
      .select()
      .from(tickets)
      .where(eq(tickets.id, sql.placeholder('id')))
      .for('update')
      .limit(1)
      .prepare('ticket_for_update'),
    activeAssignments: db
      .select()
      .from(assignments)
      .where(and(eq(assignments.ticketId, sql.placeholder('ticketId')), inArray(assignments.status, [...ACTIVE_ASSIGNMENT_STATUSES])))
      .orderBy(assignments.id)
      .prepare('ticket_active_assignments'),
    activeUnits: db
      .select({ id: units.id, name: units.name })
      .from(units)
      .where(and(sql`${units.id} = any(${sql.placeholder('ids')}::int[])`, eq(units.isActive, true)))
      .prepare('active_units'),
  };
}

function prepareLiveSummaries(db: Executor) {
  return db
    .select({
      id: tickets.id,
      number: tickets.number,
      title: tickets.title,
      urgency: tickets.urgency,
      status: tickets.status,
      isConfidential: tickets.isConfidential,
      categoryName: categories.name,
      regionName: regions.name,
    })
    .from(tickets)
    .leftJoin(categories, eq(categories.id, tickets.categoryId))
    .leftJoin(regions, eq(regions.id, tickets.regionId))
    .where(sql`${tickets.id} = any(${sql.placeholder('ids')}::int[])`)
    .prepare('ticket_live_summaries');
}

/**
 * `address ILIKE '%text%'`. From two characters on, the address's character pairs (the GIN index
 * tickets_address_grams_idx) must hold every pair of the text first: the same orders, found through the index, so a
 * search (words OR address) is two index scans combined rather than a walk through every order.
 */
function addressLike(text: string): SQL {
  return sql`${tickets.address} ilike ${`%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`;
}

function addressContains(text: string): SQL {
  const like = addressLike(text);
  if ([...text].length < 2) return like;
  // the ILIKE first: when PostgreSQL walks the orders newest first instead (a common word), it rules out most rows
  // before the pairs are computed (the walk for one word took 220 ms with the pairs first, 51 ms this way round)
  return sql`(${like} and lianxin_address_grams(${tickets.address}) @@ lianxin_address_grams_query(${text}))`;
}

export function createTicketsRepository(db: Executor, { newestWalked = NEWEST_WALKED } = {}) {
  let detailOne: ReturnType<typeof prepareDetails> | undefined;
  let detailMany: ReturnType<typeof prepareDetails> | undefined;
  let transitionReads: ReturnType<typeof prepareTransitionReads> | undefined;
  let summaryParts: ReturnType<typeof prepareSummaryParts> | undefined;
  let liveSummaries: ReturnType<typeof prepareLiveSummaries> | undefined;

  /** The orders, the names they show, and every list of their detail views, in one round trip; absent ones are left out. */
  async function findDetails(ids: number[]): Promise<Map<number, TicketDetailParts>> {
    const statement = ids.length === 1 ? (detailOne ??= prepareDetails(db, 'one')) : (detailMany ??= prepareDetails(db, 'many'));
    const rows = (await statement.execute({ ids, id: ids[0] })) as (SummaryParts & Record<string, unknown>)[];
    return new Map(
      rows.map((row) => {
        const { ticket, categoryName, regionName, leadUnitName, citizen } = row;
        return [
          ticket.id,
          {
            summary: { ticket, categoryName, regionName, leadUnitName, citizen },
            collections: {
              assignments: jsonList(row.assignments, ['signDueAt', 'handleDueAt', 'signedAt', 'createdAt']),
              events: jsonList(row.events, ['createdAt']),
              replies: jsonList(row.replies, ['createdAt']),
              callbacks: jsonList(row.callbacks, ['createdAt']),
              extensions: jsonList(row.extensions, ['createdAt']),
              objections: jsonList(row.objections, ['createdAt']),
              supervisions: jsonList(row.supervisions, ['dueAt', 'createdAt']),
              attachments: jsonList(row.attachments),
              knowledgeItemIds: jsonList(row.knowledgeItemIds),
              mergedTicketIds: jsonList(row.mergedTicketIds),
            },
          },
        ];
      }),
    );
  }

  /** A page of orders with the names they show. */
  function summaries(filter: TicketFilter, where: SQL | undefined) {
    const order = orderOf[filter.sort ?? 'created'];
    // the page's ids first, the names it shows for those only: planned as one, the joins ran for every candidate
    // before the sort (28,155 citizen look-ups for a page of a day's numbers at 10 million orders)
    const page = db
      .select({ id: tickets.id })
      .from(tickets)
      .where(where)
      .orderBy(...order)
      .offset(filter.offset ?? 0)
      .limit(filter.limit);
    return db
      .select({
        ticket: tickets,
        categoryName: categories.pathName,
        regionName: regions.name,
        leadUnitName: leadUnit.name,
        citizenPhone: citizens.phone,
        isOverdue,
        dueAt: currentDueAt,
        isUrgent,
      })
      .from(tickets)
      .leftJoin(categories, eq(categories.id, tickets.categoryId))
      .leftJoin(regions, eq(regions.id, tickets.regionId))
      .leftJoin(leadUnit, eq(leadUnit.id, tickets.leadUnitId))
      .leftJoin(citizens, eq(citizens.id, tickets.citizenId))
      .where(inArray(tickets.id, page))
      .orderBy(...order);
  }

  /**
   * The WHERE of a ticket list, shared by the page and its count. `walkingNewest` states the text condition in a form
   * no index serves, for a walk through the newest orders (see findSummaries).
   */
  function whereOf(filter: TicketFilter, walkingNewest = false) {
    const where: (SQL | undefined)[] = [];
    if (filter.statuses?.length) where.push(inArray(tickets.status, filter.statuses));
    if (filter.unitId) where.push(eq(tickets.leadUnitId, filter.unitId));
    /** Tickets one of these units holds (or, with statuses, holds in one of them) an assignment on. */
    const assignedTo = (unitIds: number[], statuses?: readonly string[]) =>
      unitIds.length
        ? inArray(
            tickets.id,
            db
              .select({ id: assignments.ticketId })
              .from(assignments)
              .where(and(inArray(assignments.unitId, unitIds), statuses ? inArray(assignments.status, [...statuses]) : undefined)),
          )
        : sql`false`;
    if (filter.visibleToUnitIds) where.push(assignedTo(filter.visibleToUnitIds));
    if (filter.categoryId) where.push(eq(tickets.categoryId, filter.categoryId));
    if (filter.regionId) where.push(eq(tickets.regionId, filter.regionId));
    if (filter.channel) where.push(eq(tickets.channel, filter.channel));
    if (filter.type) where.push(eq(tickets.type, filter.type));
    if (filter.urgency) where.push(eq(tickets.urgency, filter.urgency));
    if (filter.slaStates?.length) where.push(inArray(tickets.slaState, filter.slaStates));
    if (filter.activeForUnitIds) where.push(assignedTo(filter.activeForUnitIds, ACTIVE_ASSIGNMENT_STATUSES));
    if (filter.isLatestReplyRejected !== undefined) {
      const latestRejected = sql`(select r.status from ${replies} r where r.ticket_id = ${tickets.id} order by r.id desc limit 1) = 'rejected'`;
      where.push(filter.isLatestReplyRejected ? latestRejected : sql`not coalesce(${latestRejected}, false)`);
    }
    if (filter.citizenId) where.push(eq(tickets.citizenId, filter.citizenId));
    if (filter.from) where.push(gte(tickets.createdAt, filter.from));
    if (filter.to) where.push(lte(tickets.createdAt, filter.to));
    if (filter.search || filter.addressContains) {
      const like = filter.addressContains ? (walkingNewest ? addressLike : addressContains)(filter.addressContains) : undefined;
      const words = walkingNewest
        ? sql`coalesce(${tickets.search}, ''::tsvector) @@ ${filter.search}`
        : sql`${tickets.search} @@ ${filter.search}`;
      where.push(filter.search ? or(words, like) : like);
    }
    // A number's start is at most a day of orders: found through the number index first (an array the planner cannot
    // look into). Planned as one condition among others, PostgreSQL walked the orders newest first looking for an old
    // day's numbers: 2.7-10 s at 10 million orders, 0.1 s this way.
    if (filter.number)
      where.push(
        filter.number.isPrefix
          ? sql`${tickets.id} = any(array(select t.id from ${tickets} t where t.number like ${`${filter.number.value}%`}))`
          : eq(tickets.number, filter.number.value),
      );
    // `=` the one citizen (phone is unique) rather than `in`: PostgreSQL then walks tickets_citizen_created_idx in the
    // list's order and stops at the page, where `in` fetched and sorted every order of a frequent caller.
    if (filter.citizenPhone)
      where.push(
        sql`${tickets.citizenId} = (${db.select({ id: citizens.id }).from(citizens).where(eq(citizens.phone, filter.citizenPhone))})`,
      );
    if (filter.after) where.push(afterCursor(filter.after));
    return and(...where);
  }

  return {
    /** Reserves `count` consecutive order numbers of the day in one statement: 20261122-00001 … */
    async nextNumbers(day: string, count: number): Promise<string[]> {
      const rows = await db
        .insert(ticketSequences)
        .values({ day, lastValue: count })
        .onConflictDoUpdate({ target: ticketSequences.day, set: { lastValue: sql`${ticketSequences.lastValue} + ${count}` } })
        .returning({ value: ticketSequences.lastValue });
      const first = rows[0].value - count + 1;
      return Array.from({ length: count }, (_, i) => `${day}-${String(first + i).padStart(5, '0')}`);
    },

    /** Inserts the orders of one intake batch; rows come back in the order given. */
    async createMany(rows: (typeof tickets.$inferInsert)[]): Promise<TicketRow[]> {
      const created = await db.insert(tickets).values(rows).returning();
      // PostgreSQL does not promise RETURNING in VALUES order; the number is unique per order.
      const byNumber = new Map(created.map((row) => [row.number, row]));
      return rows.map((row) => byNumber.get(row.number)!);
    },

    /** What live events say about these orders (see presentLiveTicket); orders that are gone are left out. */
    findLiveSummaries: (ids: number[]) => (liveSummaries ??= prepareLiveSummaries(db)).execute({ ids }),

    async getById(id: number): Promise<TicketRow> {
      const row = (await db.select().from(tickets).where(eq(tickets.id, id)).limit(1))[0];
      if (!row) throw notFound({ zh: '工单', en: 'Ticket' }, { id });
      return row;
    },

    /** Locks the row for the rest of the transaction so concurrent transitions queue up. */
    async getForUpdate(id: number): Promise<TicketRow> {
      const row = (await (transitionReads ??= prepareTransitionReads(db)).ticketForUpdate.execute({ id }))[0];
      if (!row) throw notFound({ zh: '工单', en: 'Ticket' }, { id });
      return row;
    },

    /**
     * Locks several orders in ascending id order. Transitions that touch two orders (并单: the merged order's
     * foreign key takes a share lock on its main order) lock both this way first, so two of them cannot deadlock.
     */
    async lockInIdOrder(ids: number[]): Promise<void> {
      const unique = [...new Set(ids)].sort((a, b) => a - b);
      await db.select({ id: tickets.id }).from(tickets).where(inArray(tickets.id, unique)).orderBy(tickets.id).for('update');
    },

    /** Orders merged into `fromId` follow it into `toId`, so no order points at a merged one (no chains). */
    async repointMerged(fromId: number, toId: number, now: Date): Promise<number[]> {
      const rows = await db
        .update(tickets)
        .set({ mergedIntoId: toId, version: sql`${tickets.version} + 1`, updatedAt: now })
        .where(eq(tickets.mergedIntoId, fromId))
        .returning({ id: tickets.id });
      return rows.map((r) => r.id);
    },

    async findIdByNumber(number: string): Promise<number | null> {
      return (await db.select({ id: tickets.id }).from(tickets).where(eq(tickets.number, number)).limit(1))[0]?.id ?? null;
    },

    /** Applies a change only if nobody else changed the ticket since `version` was read; null = lost the race. */
    async updateIfVersion(id: number, version: number, changes: Partial<typeof tickets.$inferInsert>): Promise<TicketRow | null> {
      const rows = await db
        .update(tickets)
        .set({ ...changes, version: sql`${tickets.version} + 1`, updatedAt: changes.updatedAt ?? new Date() })
        .where(and(eq(tickets.id, id), eq(tickets.version, version)))
        .returning();
      return rows[0] ?? null;
    },

    /**
     * A page of the list. A text search newest first looks through the newest orders on their own first: words
     * common together (占道经营 is 占 & 道 & 经营) are estimated as rare, so PostgreSQL fetched every match through the
     * word index and sorted them (1.4 s for 106,273 matches at 10 million orders), where the newest orders hold a
     * page of them. A full page from there is the page; otherwise the whole list is asked as before.
     */
    async findSummaries(filter: TicketFilter) {
      if (filter.search && (filter.sort ?? 'created') === 'created') {
        const [edge] = await db
          .select({ createdAt: tickets.createdAt })
          .from(tickets)
          .orderBy(desc(tickets.createdAt), desc(tickets.id))
          .offset(newestWalked)
          .limit(1);
        if (edge) {
          const page = await summaries(filter, and(whereOf(filter, true), gte(tickets.createdAt, edge.createdAt)));
          if (page.length === filter.limit) return page;
        }
      }
      return summaries(filter, whereOf(filter));
    },

    /** How many orders the filter matches in all (the cursor and limit aside). */
    async countSummaries(filter: Omit<TicketFilter, 'after' | 'offset' | 'limit'>) {
      const [row] = await db
        .select({ count: sql<number>`count(*)::int` })
        .from(tickets)
        .where(whereOf({ ...filter, limit: 0 }));
      return row?.count ?? 0;
    },

    async getSummaryParts(id: number) {
      const row = (await (summaryParts ??= prepareSummaryParts(db)).execute({ id }))[0];
      if (!row) throw notFound({ zh: '工单', en: 'Ticket' }, { id });
      return row;
    },

    findDetails,

    async getDetail(ticketId: number): Promise<TicketDetailParts> {
      const found = (await findDetails([ticketId])).get(ticketId);
      if (!found) throw notFound({ zh: '工单', en: 'Ticket' }, { id: ticketId });
      return found;
    },

    findActiveAssignments: (ticketId: number) => (transitionReads ??= prepareTransitionReads(db)).activeAssignments.execute({ ticketId }),

    /** Whether any of these units ever held an assignment on the ticket (visibility for unit users). */
    async wasAssignedToAny(ticketId: number, unitIds: number[]): Promise<boolean> {
      if (unitIds.length === 0) return false;
      const rows = await db
        .select({ id: assignments.id })
        .from(assignments)
        .where(and(eq(assignments.ticketId, ticketId), inArray(assignments.unitId, unitIds)))
        .limit(1);
      return rows.length > 0;
    },

    createAssignments: (rows: (typeof assignments.$inferInsert)[]) => db.insert(assignments).values(rows).returning(),
    updateAssignment: (id: number, changes: Partial<typeof assignments.$inferInsert>) =>
      db.update(assignments).set(changes).where(eq(assignments.id, id)),
    /** Ends every active assignment, e.g. before a re-dispatch or merge. */
    withdrawActiveAssignments: (ticketId: number, at: Date) =>
      db
        .update(assignments)
        .set({ status: 'withdrawn', finishedAt: at })
        .where(and(eq(assignments.ticketId, ticketId), inArray(assignments.status, [...ACTIVE_ASSIGNMENT_STATUSES]))),

    createEvent: (row: typeof ticketEvents.$inferInsert | (typeof ticketEvents.$inferInsert)[]) =>
      db.insert(ticketEvents).values(Array.isArray(row) ? row : [row]),
    createReply: async (row: typeof replies.$inferInsert) => (await db.insert(replies).values(row).returning())[0],
    findLatestSubmittedReply: async (ticketId: number) =>
      (
        await db
          .select()
          .from(replies)
          .where(and(eq(replies.ticketId, ticketId), eq(replies.status, 'submitted')))
          .orderBy(desc(replies.id))
          .limit(1)
      )[0] ?? null,
    updateReply: (id: number, changes: Partial<typeof replies.$inferInsert>) => db.update(replies).set(changes).where(eq(replies.id, id)),
    createCallback: (row: typeof callbacks.$inferInsert) => db.insert(callbacks).values(row),
    createExtension: (row: typeof extensions.$inferInsert) => db.insert(extensions).values(row),
    findPendingExtension: async (ticketId: number) =>
      (
        await db
          .select()
          .from(extensions)
          .where(and(eq(extensions.ticketId, ticketId), eq(extensions.status, 'pending')))
          .limit(1)
      )[0] ?? null,
    updateExtension: (id: number, changes: Partial<typeof extensions.$inferInsert>) =>
      db.update(extensions).set(changes).where(eq(extensions.id, id)),
    createObjection: (row: typeof objections.$inferInsert) => db.insert(objections).values(row),
    findPendingObjection: async (ticketId: number) =>
      (
        await db
          .select()
          .from(objections)
          .where(and(eq(objections.ticketId, ticketId), eq(objections.status, 'pending')))
          .limit(1)
      )[0] ?? null,
    updateObjection: (id: number, changes: Partial<typeof objections.$inferInsert>) =>
      db.update(objections).set(changes).where(eq(objections.id, id)),
    createSupervision: (row: typeof supervisions.$inferInsert) => db.insert(supervisions).values(row),
    /** Links uploads to a ticket (and reply); only files the same actor uploaded and not yet linked. Returns how many were linked. */
    async linkAttachments(ids: number[], link: { ticketId: number; replyId?: number }, uploadedById: number | null): Promise<number> {
      if (ids.length === 0) return 0;
      const owner = uploadedById === null ? sql`${attachments.uploadedById} is null` : eq(attachments.uploadedById, uploadedById);
      const rows = await db
        .update(attachments)
        .set({ ticketId: link.ticketId, replyId: link.replyId ?? null })
        .where(and(inArray(attachments.id, ids), owner, sql`${attachments.ticketId} is null`))
        .returning({ id: attachments.id });
      return rows.length;
    },

    addKnowledgeCitations: async (ticketId: number, itemIds: number[]) => {
      if (itemIds.length === 0) return;
      await db
        .insert(ticketKnowledge)
        .values(itemIds.map((knowledgeItemId) => ({ ticketId, knowledgeItemId })))
        .onConflictDoNothing();
      await db
        .update(knowledgeItems)
        .set({ useCount: sql`${knowledgeItems.useCount} + 1` })
        .where(inArray(knowledgeItems.id, itemIds));
    },
    async countExistingKnowledgeItems(ids: number[]): Promise<number> {
      if (ids.length === 0) return 0;
      return (await db.select({ id: knowledgeItems.id }).from(knowledgeItems).where(inArray(knowledgeItems.id, ids))).length;
    },
    /** Which of a category and region (null: not asked) do not exist or are inactive. */
    async findMissingClassification(categoryId: number | null, regionId: number | null) {
      const [category] =
        categoryId === null
          ? [true]
          : await db
              .select({ id: categories.id })
              .from(categories)
              .where(and(eq(categories.id, categoryId), eq(categories.isActive, true)))
              .limit(1);
      const [region] =
        regionId === null ? [true] : await db.select({ id: regions.id }).from(regions).where(eq(regions.id, regionId)).limit(1);
      return { categoryId: !category, regionId: !region };
    },
    findActiveUnits: (ids: number[]) => (transitionReads ??= prepareTransitionReads(db)).activeUnits.execute({ ids }),

    createOutbox: (row: typeof outbox.$inferInsert | (typeof outbox.$inferInsert)[]) =>
      db.insert(outbox).values(Array.isArray(row) ? row : [row]),

    findIdempotent: async (scope: string, key: string) =>
      (
        await db
          .select()
          .from(idempotencyKeys)
          .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)))
          .limit(1)
      )[0] ?? null,
    createIdempotent: (rows: (typeof idempotencyKeys.$inferInsert)[]) => db.insert(idempotencyKeys).values(rows),
  };
}
export type TicketsRepository = ReturnType<typeof createTicketsRepository>;
