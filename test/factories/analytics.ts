/**
 * Analytics factories: orders and their event history inserted directly (not through the tickets API),
 * so figures can be built for any past date with exact expected values.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { and, between, eq, gte, lt } from 'drizzle-orm';
import type { Db } from '../../server/db/client.ts';
import { analyticsDaily, analyticsHalfHour, analyticsReplyFacts, citizens, ticketEvents, tickets } from '../../server/db/schema.ts';

let sequence = 0;

export async function buildCitizen(db: Db) {
  const [row] = await db
    .insert(citizens)
    .values({ phone: `139${String(randomInt(0, 100_000_000)).padStart(8, '0')}` })
    .returning();
  return row;
}

export interface OrderInput {
  at: string | Date;
  channel?: string;
  type?: string;
  urgency?: string;
  categoryId?: number | null;
  regionId?: number | null;
  citizenId?: number | null;
  title?: string;
}

/** Inserts a ticket in pending_dispatch with its create event at `at`. */
export async function buildOrder(db: Db, input: OrderInput) {
  const at = new Date(input.at);
  const data = {
    channel: input.channel ?? 'phone',
    type: input.type ?? 'help',
    urgency: input.urgency ?? 'normal',
    categoryId: input.categoryId ?? null,
    regionId: input.regionId ?? null,
  };
  const [ticket] = await db
    .insert(tickets)
    .values({
      number: `T${at.toISOString().slice(0, 10).replace(/-/g, '')}-${randomUUID().slice(0, 8)}-${++sequence}`,
      channel: data.channel,
      type: data.type,
      urgency: data.urgency,
      title: input.title ?? '测试工单',
      content: '测试内容',
      categoryId: data.categoryId,
      regionId: data.regionId,
      citizenId: input.citizenId ?? null,
      status: 'pending_dispatch',
      createdAt: at,
      updatedAt: at,
    })
    .returning();
  await db
    .insert(ticketEvents)
    .values({ ticketId: ticket.id, action: 'create', fromStatus: null, toStatus: 'pending_dispatch', data, createdAt: at });
  return ticket;
}

export interface EventInput {
  at: string | Date;
  unitId?: number | null;
  fromStatus?: string | null;
  toStatus?: string | null;
  data?: Record<string, unknown>;
  note?: string | null;
}

export async function addEvent(db: Db, ticketId: number, action: string, input: EventInput) {
  const [row] = await db
    .insert(ticketEvents)
    .values({
      ticketId,
      action,
      unitId: input.unitId ?? null,
      fromStatus: input.fromStatus ?? null,
      toStatus: input.toStatus ?? null,
      data: input.data ?? {},
      note: input.note ?? null,
      createdAt: new Date(input.at),
    })
    .returning();
  return row;
}

/**
 * A readable order history for API tests: each step appends the event the tickets service would write
 * (event contract: docs/events.md) and keeps the ticket's status and lead unit current.
 */
export function orderStory(db: Db, ticketId: number) {
  let status = 'pending_dispatch';
  let leadUnitId: number | null = null;
  const step = async (
    action: string,
    at: string,
    to: string,
    unitId: number | null,
    data: Record<string, unknown> = {},
    patch: Partial<typeof tickets.$inferInsert> = {},
  ) => {
    await addEvent(db, ticketId, action, { at, unitId, fromStatus: status, toStatus: to, data });
    status = to;
    await db
      .update(tickets)
      .set({ status, leadUnitId, updatedAt: new Date(at), ...patch })
      .where(eq(tickets.id, ticketId));
    return story;
  };
  const story = {
    directAnswer: (at: string) =>
      step('direct_answer', at, 'closed', null, { knowledgeItemIds: [] }, { resolution: 'direct_answer', closedAt: new Date(at) }),
    invalidate: (at: string) => step('invalidate', at, 'invalid', null, {}, { resolution: 'invalid' }),
    dispatch: (at: string, unitId: number) => {
      const isRedispatch = status === 'returned';
      leadUnitId = unitId;
      return step(
        'dispatch',
        at,
        'pending_sign',
        unitId,
        { leadUnitId: unitId, coUnitIds: [], isRedispatch },
        { dispatchedAt: new Date(at) },
      );
    },
    sign: (at: string, isOnTime = true) => step('sign', at, 'handling', leadUnitId, { isOnTime }),
    return: (at: string) => step('return', at, 'returned', leadUnitId),
    object: (at: string) => step('object', at, 'objected', leadUnitId),
    denyObjection: (at: string) => step('decide_objection', at, 'pending_sign', leadUnitId, { decision: 'deny', newUnitId: null }),
    requestExtension: (at: string) => step('request_extension', at, 'extension_pending', leadUnitId, { days: 3 }),
    approveExtension: (at: string) => step('decide_extension', at, 'handling', leadUnitId, { decision: 'approve', days: 3 }),
    reply: (at: string, isOnTime = true) =>
      step('reply', at, 'pending_review', leadUnitId, { replyId: 0, isOnTime }, { repliedAt: new Date(at) }),
    review: (at: string, decision: 'accept' | 'reject' = 'accept') =>
      step('review', at, decision === 'accept' ? 'pending_callback' : 'handling', leadUnitId, { decision }),
    callback: (at: string, result: string, isResolved: boolean | null = null) => {
      const to =
        result === 'satisfied' || result === 'basically_satisfied' ? 'closed' : result === 'unsatisfied' ? 'callback_unsatisfied' : status;
      return step('callback', at, to, leadUnitId, { result, isResolved }, { satisfaction: result });
    },
    reopen: (at: string) => step('reopen', at, 'pending_sign', leadUnitId, {}),
    overdue: (at: string) => step('sla_overdue', at, status, leadUnitId, {}, { slaState: 'overdue' }),
    supervise: (at: string) => step('supervise', at, status, leadUnitId, {}),
    urge: (at: string) => step('urge', at, status, leadUnitId, {}),
    get status() {
      return status;
    },
  };
  return story;
}

/** Deletes the rollup rows of [fromDay, toDay] (a test's own window) so later runs start clean. */
export async function clearAnalyticsWindow(db: Db, fromDay: string, toDay: string) {
  await db.delete(analyticsDaily).where(between(analyticsDaily.day, fromDay, toDay));
  await db.delete(analyticsReplyFacts).where(between(analyticsReplyFacts.day, fromDay, toDay));
  await db
    .delete(analyticsHalfHour)
    .where(
      and(
        gte(analyticsHalfHour.slot, new Date(`${fromDay}T00:00:00+08:00`)),
        lt(analyticsHalfHour.slot, new Date(`${toDay}T24:00:00+08:00`)),
      ),
    );
}
