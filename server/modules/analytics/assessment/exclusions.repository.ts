/**
 * 不纳入考核: the flag on the ticket plus an exclude_from_assessment event (the rollup job turns the
 * events into analytics_exclusions, which the assessment subtracts).
 */
import { desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { analyticsExclusions, ticketEvents, tickets } from '../../../db/schema.ts';

export function createExclusionsRepository(db: Executor) {
  return {
    lockTicket: async (id: number) =>
      (
        await db
          .select({ id: tickets.id, status: tickets.status, leadUnitId: tickets.leadUnitId, isExcluded: tickets.isExcludedFromAssessment })
          .from(tickets)
          .where(eq(tickets.id, id))
          .for('update')
      )[0] ?? null,

    async setExcluded(input: {
      ticketId: number;
      status: string;
      leadUnitId: number | null;
      isExcluded: boolean;
      reason: string;
      actorUserId: number | null;
      actorUnitId: number | null;
      now: Date;
    }) {
      await db.insert(ticketEvents).values({
        ticketId: input.ticketId,
        action: 'exclude_from_assessment',
        fromStatus: input.status,
        toStatus: input.status,
        actorUserId: input.actorUserId,
        actorUnitId: input.actorUnitId,
        unitId: input.leadUnitId,
        note: input.reason,
        data: { reason: input.reason, isExcluded: input.isExcluded },
        createdAt: input.now,
      });
      await db
        .update(tickets)
        .set({ isExcludedFromAssessment: input.isExcluded, updatedAt: input.now, version: sql`${tickets.version} + 1` })
        .where(eq(tickets.id, input.ticketId));
    },

    /** Orders currently excluded as of the rollup job's last run (refresh first), newest decision first. */
    findExcluded: (limit: number) =>
      db
        .select({
          ticketId: tickets.id,
          number: tickets.number,
          title: tickets.title,
          leadUnitId: tickets.leadUnitId,
          reason: sql<
            string | null
          >`(select e.note from ticket_events e where e.ticket_id = ${tickets.id} and e.action = 'exclude_from_assessment' order by e.id desc limit 1)`,
          excludedAt: sql<Date | null>`(select e.created_at from ticket_events e where e.ticket_id = ${tickets.id} and e.action = 'exclude_from_assessment' order by e.id desc limit 1)`,
          excludedBy: sql<
            string | null
          >`(select u.display_name from ticket_events e join users u on u.id = e.actor_user_id where e.ticket_id = ${tickets.id} and e.action = 'exclude_from_assessment' order by e.id desc limit 1)`,
        })
        .from(tickets)
        .innerJoin(analyticsExclusions, eq(analyticsExclusions.ticketId, tickets.id))
        .where(eq(analyticsExclusions.isExcluded, true))
        .orderBy(desc(analyticsExclusions.eventId))
        .limit(limit),
  };
}
export type ExclusionsRepository = ReturnType<typeof createExclusionsRepository>;
