/** SQL for a board's reply export: the answers given to the board's messages within a time window (both ends included). */
import { and, eq, gte, inArray, lte } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { channelMessages, replies, tickets, units, users, writtenContacts } from '../../../db/schema.ts';

/** One answer to a board message: ours in the channel (a reply, or the notice naming its order) or the unit's accepted reply. */
export interface BoardAnswer {
  contactId: number;
  sourceId: string;
  user: string;
  title: string | null;
  answer: string;
  answeredAt: Date;
  unitName: string | null;
  ticketNumber: string | null;
}

/** Messages that answer the citizen: a staff reply, or the acceptance notice with the order's number. */
const ANSWER_KINDS = ['reply', 'notice_accepted'];
/** Skipped or failed messages never reached anyone; queued ones leave with the export itself. */
const UNSENT = ['skipped', 'failed'];

export function createBoardsRepository(db: Executor) {
  const contact = {
    contactId: writtenContacts.id,
    sourceId: writtenContacts.sourceId,
    user: writtenContacts.address,
    title: writtenContacts.subject,
    ticketNumber: tickets.number,
  };
  return {
    async findAnswers(channel: string, window: { since: Date; until: Date }): Promise<BoardAnswer[]> {
      const inChannel = await db
        .select({
          ...contact,
          answer: channelMessages.body,
          answeredAt: channelMessages.createdAt,
          status: channelMessages.status,
          unitName: units.name,
        })
        .from(channelMessages)
        .innerJoin(writtenContacts, eq(writtenContacts.id, channelMessages.contactId))
        .leftJoin(tickets, eq(tickets.id, channelMessages.ticketId))
        .leftJoin(users, eq(users.id, channelMessages.createdById))
        .leftJoin(units, eq(units.id, users.unitId))
        .where(
          and(
            eq(channelMessages.channel, channel),
            eq(writtenContacts.channel, channel),
            inArray(channelMessages.kind, ANSWER_KINDS),
            gte(channelMessages.createdAt, window.since),
            lte(channelMessages.createdAt, window.until),
          ),
        );
      const byUnits = await db
        .select({ ...contact, answer: replies.content, answeredAt: replies.reviewedAt, unitName: units.name })
        .from(writtenContacts)
        .innerJoin(replies, and(eq(replies.ticketId, writtenContacts.ticketId), eq(replies.status, 'accepted')))
        .innerJoin(tickets, eq(tickets.id, writtenContacts.ticketId))
        .innerJoin(units, eq(units.id, replies.unitId))
        .where(and(eq(writtenContacts.channel, channel), gte(replies.reviewedAt, window.since), lte(replies.reviewedAt, window.until)));
      return [
        ...inChannel.filter((a) => !UNSENT.includes(a.status)).map(({ status: _status, ...a }) => a),
        ...byUnits.map((a) => ({ ...a, answeredAt: a.answeredAt! })),
      ];
    },
  };
}
