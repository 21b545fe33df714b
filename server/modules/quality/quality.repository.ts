/** SQL for quality inspection: forms, sample candidates, inspections, and the per-agent sums of orders and scores. */
import { and, asc, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.ts';
import { callRecords, qualityForms, qualityInspections, telCalls, tickets, users } from '../../db/schema.ts';
import { SIP_SOURCE } from '../calls/calls.rules.ts';
import { rowsOf } from '../analytics/rollup/rollup.repository.ts';

const inspector = alias(users, 'inspector');
const agent = alias(users, 'agent');
const idList = (ids: number[]) =>
  sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );

export interface InspectionFilter {
  fromAt: Date;
  toAt: Date;
  agentUserId?: number;
  status?: 'pending' | 'scored';
  limit: number;
}

export function createQualityRepository(db: Executor) {
  return {
    findForms: async (includeInactive: boolean) => {
      const used = sql<number>`(select count(*)::int from quality_inspections qi where qi.form_id = ${qualityForms.id})`;
      return db
        .select({ form: qualityForms, usedCount: used })
        .from(qualityForms)
        .where(includeInactive ? undefined : eq(qualityForms.isActive, true))
        .orderBy(desc(qualityForms.isActive), asc(qualityForms.id));
    },
    getForm: async (id: number) => (await db.select().from(qualityForms).where(eq(qualityForms.id, id)))[0] ?? null,
    /** Locks the form so a version is not saved twice by two admins at once. */
    lockForm: async (id: number) =>
      rowsOf<{ id: number }>(await db.execute(sql`select id from quality_forms where id = ${id} for update`))[0] ?? null,
    countUses: async (formId: number) =>
      Number(
        (
          await db
            .select({ n: sql<number>`count(*)::int` })
            .from(qualityInspections)
            .where(eq(qualityInspections.formId, formId))
        )[0].n,
      ),
    insertForm: async (values: typeof qualityForms.$inferInsert) => (await db.insert(qualityForms).values(values).returning())[0],
    updateForm: async (id: number, values: Partial<typeof qualityForms.$inferInsert>) =>
      (await db.update(qualityForms).set(values).where(eq(qualityForms.id, id)).returning())[0],
    deleteForm: (id: number) => db.delete(qualityForms).where(eq(qualityForms.id, id)),

    findAgents: (ids: number[]) =>
      ids.length
        ? db
            .select({ id: users.id, username: users.username, displayName: users.displayName, role: users.role, isActive: users.isActive })
            .from(users)
            .where(inArray(users.id, ids))
            .orderBy(asc(users.id))
        : Promise.resolve([]),
    /** Users with the agent role who took in orders or answered calls in the period. */
    async findActiveAgentIds(fromAt: Date, toAt: Date): Promise<number[]> {
      const rows = rowsOf<{ id: number }>(
        await db.execute(sql`
        select u.id from users u where u.role = 'agent' and (
          exists (select 1 from tickets t where t.created_by_id = u.id and t.created_at >= ${fromAt.toISOString()} and t.created_at < ${toAt.toISOString()})
          or exists (select 1 from call_records c where c.agent_user_id = u.id and c.offered_at >= ${fromAt.toISOString()} and c.offered_at < ${toAt.toISOString()}))
        order by u.id`),
      );
      return rows.map((r) => Number(r.id));
    },

    /** Orders the agent took in during the period that were never inspected: [id, created_at]. */
    async findOrderCandidates(agentUserId: number, fromAt: Date, toAt: Date): Promise<{ id: number; at: Date }[]> {
      const rows = rowsOf<{ id: number; at: string }>(
        await db.execute(sql`
        select t.id, t.created_at as at from tickets t
        where t.created_by_id = ${agentUserId} and t.created_at >= ${fromAt.toISOString()} and t.created_at < ${toAt.toISOString()}
          and not exists (select 1 from quality_inspections qi where qi.ticket_id = t.id)`),
      );
      return rows.map((r) => ({ id: Number(r.id), at: new Date(r.at) }));
    },
    /** Calls the agent answered in the period that were never inspected. */
    async findCallCandidates(agentUserId: number, fromAt: Date, toAt: Date): Promise<{ id: number; at: Date }[]> {
      const rows = rowsOf<{ id: number; at: string }>(
        await db.execute(sql`
        select c.id, c.offered_at as at from call_records c
        where c.agent_user_id = ${agentUserId} and c.answered_at is not null and c.offered_at >= ${fromAt.toISOString()} and c.offered_at < ${toAt.toISOString()}
          and not exists (select 1 from quality_inspections qi where qi.call_record_id = c.id)`),
      );
      return rows.map((r) => ({ id: Number(r.id), at: new Date(r.at) }));
    },
    /** Inserts drawn inspections; one raced in by another sampler for the same order or call is skipped. Returns the new ids. */
    async insertInspections(values: (typeof qualityInspections.$inferInsert)[]): Promise<number[]> {
      if (!values.length) return [];
      const rows = await db.insert(qualityInspections).values(values).onConflictDoNothing().returning({ id: qualityInspections.id });
      return rows.map((r) => r.id);
    },

    async findInspections(filter: InspectionFilter & { ids?: number[] }) {
      const where: (SQL | undefined)[] = filter.ids
        ? [inArray(qualityInspections.id, filter.ids.length ? filter.ids : [-1])]
        : [gte(qualityInspections.subjectAt, filter.fromAt), lt(qualityInspections.subjectAt, filter.toAt)];
      if (filter.agentUserId !== undefined) where.push(eq(qualityInspections.agentUserId, filter.agentUserId));
      if (filter.status) where.push(eq(qualityInspections.status, filter.status));
      return (
        db
          .select({
            inspection: qualityInspections,
            formName: qualityForms.name,
            formVersion: qualityForms.version,
            agentName: agent.displayName,
            inspectorName: inspector.displayName,
            ticketNumber: tickets.number,
            ticketTitle: tickets.title,
            ticketChannel: tickets.channel,
            callPhone: callRecords.phone,
            callTalkSeconds: callRecords.talkSeconds,
            callQueue: callRecords.queue,
            recordedCallId: sql<string | null>`case when ${telCalls.recordingPath} is not null then ${telCalls.callId} end`,
            recordedCallOfferedAt: telCalls.offeredAt,
          })
          .from(qualityInspections)
          .innerJoin(qualityForms, eq(qualityForms.id, qualityInspections.formId))
          .innerJoin(agent, eq(agent.id, qualityInspections.agentUserId))
          .leftJoin(inspector, eq(inspector.id, qualityInspections.inspectorId))
          .leftJoin(tickets, eq(tickets.id, qualityInspections.ticketId))
          .leftJoin(callRecords, eq(callRecords.id, qualityInspections.callRecordId))
          // a call of Lianxin's own switch: its recording plays beside the score
          .leftJoin(telCalls, and(eq(callRecords.source, SIP_SOURCE), eq(telCalls.callId, callRecords.externalId)))
          .where(and(...where))
          .orderBy(asc(qualityInspections.status), desc(qualityInspections.subjectAt), desc(qualityInspections.id))
          .limit(filter.limit)
      );
    },
    lockInspection: async (id: number) =>
      rowsOf<{ id: number; status: string; form_id: number; agent_user_id: number }>(
        await db.execute(sql`
        select id, status, form_id, agent_user_id from quality_inspections where id = ${id} for update`),
      )[0] ?? null,
    getInspection: async (id: number) => (await db.select().from(qualityInspections).where(eq(qualityInspections.id, id)))[0] ?? null,
    scoreInspection: (id: number, values: Partial<typeof qualityInspections.$inferInsert>) =>
      db.update(qualityInspections).set(values).where(eq(qualityInspections.id, id)),

    /** Per agent: orders taken in during the period, how many were not orders (invalid, transferred, merged), answered on the spot, non-phone. */
    async sumOrdersByAgent(fromAt: Date, toAt: Date, agentIds: number[] | null) {
      const rows = rowsOf<Record<string, unknown>>(
        await db.execute(sql`
        select created_by_id as id, count(*)::int as orders, count(*) filter (where channel <> 'phone')::int as non_phone,
          count(*) filter (where resolution in ('invalid', 'transferred', 'merged'))::int as not_orders,
          count(*) filter (where resolution = 'direct_answer')::int as direct_answered
        from tickets where created_by_id is not null and created_at >= ${fromAt.toISOString()} and created_at < ${toAt.toISOString()}
          ${agentIds === null ? sql`` : agentIds.length ? sql`and created_by_id in (${idList(agentIds)})` : sql`and false`}
        group by created_by_id`),
      );
      return new Map(
        rows.map((r) => [
          Number(r.id),
          {
            ordersCreated: Number(r.orders),
            nonPhoneOrders: Number(r.non_phone),
            notOrders: Number(r.not_orders),
            directAnswered: Number(r.direct_answered),
          },
        ]),
      );
    },
    /** Per agent: scored inspections of subjects in the period, their score sum, and pending ones. */
    async sumInspectionsByAgent(fromAt: Date, toAt: Date, agentIds: number[] | null) {
      const rows = rowsOf<Record<string, unknown>>(
        await db.execute(sql`
        select agent_user_id as id, count(*) filter (where status = 'scored')::int as scored,
          coalesce(sum(score) filter (where status = 'scored'), 0)::float8 as score_sum,
          count(*) filter (where status = 'scored' and has_fatal)::int as fatal,
          count(*) filter (where status = 'pending')::int as pending
        from quality_inspections where subject_at >= ${fromAt.toISOString()} and subject_at < ${toAt.toISOString()}
          ${agentIds === null ? sql`` : agentIds.length ? sql`and agent_user_id in (${idList(agentIds)})` : sql`and false`}
        group by agent_user_id`),
      );
      return new Map(
        rows.map((r) => [
          Number(r.id),
          { inspections: Number(r.scored), qaScoreSum: Number(r.score_sum), fatal: Number(r.fatal), pending: Number(r.pending) },
        ]),
      );
    },
  };
}
export type QualityRepository = ReturnType<typeof createQualityRepository>;
