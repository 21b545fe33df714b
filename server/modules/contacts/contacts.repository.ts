/** SQL for written contacts, outgoing channel messages, citizens' channel addresses and notice settings. */
import { and, desc, eq, gte, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  attachments,
  callRecords,
  channelMessages,
  citizenChannelAddresses,
  citizenNoticeSettings,
  citizens,
  tickets,
  writtenContacts,
} from '../../db/schema.ts';
import { createJobsRepository } from '../../jobs/jobs.repository.ts';

export type ContactRow = typeof writtenContacts.$inferSelect;
export type ChannelMessageRow = typeof channelMessages.$inferSelect;
export type NewContact = typeof writtenContacts.$inferInsert;
export type NewChannelMessage = typeof channelMessages.$inferInsert;

/** The job that sends one channel message (server/jobs/send-channel-message.ts). */
export const SEND_CHANNEL_MESSAGE_JOB = 'send-channel-message';

const TICKET_REF = {
  id: tickets.id,
  number: tickets.number,
  status: tickets.status,
  channel: tickets.channel,
  citizenId: tickets.citizenId,
  leadUnitId: tickets.leadUnitId,
  language: tickets.language,
  /** 并单: the main order this one was merged into (never a chain: merging moves the merged ones along). */
  mergedIntoId: tickets.mergedIntoId,
};
/** An order as contacts need it (the columns of TICKET_REF). */
export type TicketRef = NonNullable<Awaited<ReturnType<ContactsRepository['findTicket']>>>;

export function createContactsRepository(db: Executor) {
  return {
    findBySource: async (channel: string, sourceId: string) =>
      (
        await db
          .select()
          .from(writtenContacts)
          .where(and(eq(writtenContacts.channel, channel), eq(writtenContacts.sourceId, sourceId)))
          .limit(1)
      )[0] ?? null,

    findKnownSourceIds: async (channel: string, sourceIds: string[]) =>
      sourceIds.length === 0
        ? []
        : (
            await db
              .select({ sourceId: writtenContacts.sourceId })
              .from(writtenContacts)
              .where(and(eq(writtenContacts.channel, channel), inArray(writtenContacts.sourceId, sourceIds)))
          ).map((r) => r.sourceId),

    findById: async (id: number) => (await db.select().from(writtenContacts).where(eq(writtenContacts.id, id)).limit(1))[0] ?? null,

    /** Inserts the contact unless its (channel, source id) is already stored; null then. */
    createIfNew: async (row: NewContact) =>
      (
        await db
          .insert(writtenContacts)
          .values(row)
          .onConflictDoNothing({ target: [writtenContacts.channel, writtenContacts.sourceId] })
          .returning()
      )[0] ?? null,

    /** Conditional update: null when the row is not in one of `fromStatuses` (someone else acted first). */
    updateIf: async (id: number, fromStatuses: string[], changes: Partial<NewContact>, claimedById?: number | null) =>
      (
        await db
          .update(writtenContacts)
          .set(changes)
          .where(
            and(
              eq(writtenContacts.id, id),
              inArray(writtenContacts.status, fromStatuses),
              ...(claimedById === undefined
                ? []
                : [claimedById === null ? isNull(writtenContacts.claimedById) : eq(writtenContacts.claimedById, claimedById)]),
            ),
          )
          .returning()
      )[0] ?? null,

    update: async (id: number, changes: Partial<NewContact>) =>
      (await db.update(writtenContacts).set(changes).where(eq(writtenContacts.id, id)).returning())[0] ?? null,

    /** The queue: open contacts, the nearest deadline first. */
    findQueue: (q: { statuses: string[]; channel?: string; claimedById?: number; limit: number }) =>
      db
        .select()
        .from(writtenContacts)
        .where(
          and(
            inArray(writtenContacts.status, q.statuses),
            q.channel ? eq(writtenContacts.channel, q.channel) : undefined,
            q.claimedById ? eq(writtenContacts.claimedById, q.claimedById) : undefined,
          ),
        )
        .orderBy(writtenContacts.respondBy, writtenContacts.id)
        .limit(q.limit),

    findByCitizen: (citizenId: number, limit: number) =>
      db
        .select()
        .from(writtenContacts)
        .where(eq(writtenContacts.citizenId, citizenId))
        .orderBy(desc(writtenContacts.receivedAt))
        .limit(limit),

    findByTicket: (ticketId: number) =>
      db.select().from(writtenContacts).where(eq(writtenContacts.ticketId, ticketId)).orderBy(writtenContacts.receivedAt),

    /**
     * Queues a message and the job that sends it, in the caller's transaction. A message with the same dedupe key is
     * not queued again: the first one is returned with `isNew: false`.
     */
    enqueueMessage: async (row: NewChannelMessage, runAt: Date): Promise<{ message: ChannelMessageRow; isNew: boolean }> => {
      const inserted = (
        await db.insert(channelMessages).values(row).onConflictDoNothing({ target: channelMessages.dedupeKey }).returning()
      )[0];
      if (!inserted) {
        const existing = (await db.select().from(channelMessages).where(eq(channelMessages.dedupeKey, row.dedupeKey)).limit(1))[0];
        return { message: existing, isNew: false };
      }
      if (inserted.status === 'queued') {
        await createJobsRepository(db).enqueue({ name: SEND_CHANNEL_MESSAGE_JOB, payload: { messageId: inserted.id }, runAt });
      }
      return { message: inserted, isNew: true };
    },

    /** Gives a contact's stored attachments to the order it became or joined (those not on an order yet). */
    linkAttachmentsToTicket: async (ids: number[], ticketId: number) => {
      if (ids.length === 0) return;
      await db
        .update(attachments)
        .set({ ticketId })
        .where(and(inArray(attachments.id, ids), isNull(attachments.ticketId)));
    },

    findMessage: async (id: number) => (await db.select().from(channelMessages).where(eq(channelMessages.id, id)).limit(1))[0] ?? null,

    /** Moves a message on only from the expected status; null when it was not there (sent already, or taken by another run). */
    updateMessageIf: async (id: number, fromStatus: string, changes: Partial<NewChannelMessage>) =>
      (
        await db
          .update(channelMessages)
          .set(changes)
          .where(and(eq(channelMessages.id, id), eq(channelMessages.status, fromStatus)))
          .returning()
      )[0] ?? null,

    /** Records the gateway's acceptance; a delivery report that came back before this keeps its status. */
    markSent: (id: number, externalId: string | null, sentAt: Date) =>
      db
        .update(channelMessages)
        .set({
          externalId,
          sentAt,
          lastError: null,
          status: sql`case when ${channelMessages.status} = 'sending' then 'sent' else ${channelMessages.status} end`,
        })
        .where(eq(channelMessages.id, id)),

    /** Appends a delivery report; `delivered`/`failed` set the status (a later report may still change it). */
    addDeliveryReport: async (
      id: number,
      report: { at: string; status: string; detail: string },
      status: string | null,
      deliveredAt: Date | null,
    ) =>
      (
        await db
          .update(channelMessages)
          .set({
            deliveryReports: sql`${channelMessages.deliveryReports} || ${JSON.stringify([report])}::jsonb`,
            ...(status ? { status } : {}),
            ...(deliveredAt ? { deliveredAt } : {}),
          })
          .where(eq(channelMessages.id, id))
          .returning()
      )[0] ?? null,

    findMessagesByContact: (contactId: number) =>
      db.select().from(channelMessages).where(eq(channelMessages.contactId, contactId)).orderBy(channelMessages.id),

    findMessagesByTicket: (ticketId: number) =>
      db.select().from(channelMessages).where(eq(channelMessages.ticketId, ticketId)).orderBy(channelMessages.id),

    /** The latest survey sent to this address since `since` (a "1/2/3" answer refers to it). */
    findLatestSurvey: async (channel: string, address: string, since: Date) =>
      (
        await db
          .select()
          .from(channelMessages)
          .where(
            and(
              eq(channelMessages.channel, channel),
              eq(channelMessages.address, address),
              eq(channelMessages.kind, 'callback_survey'),
              gte(channelMessages.createdAt, since),
            ),
          )
          .orderBy(desc(channelMessages.id))
          .limit(1)
      )[0] ?? null,

    findCitizenByAddress: async (channel: string, address: string) =>
      (
        await db
          .select({ citizenId: citizenChannelAddresses.citizenId })
          .from(citizenChannelAddresses)
          .where(and(eq(citizenChannelAddresses.channel, channel), eq(citizenChannelAddresses.address, address)))
          .limit(1)
      )[0]?.citizenId ?? null,

    /** Links a channel identity to a citizen; an identity already linked keeps its citizen. */
    linkAddress: (channel: string, address: string, citizenId: number) =>
      db.insert(citizenChannelAddresses).values({ channel, address, citizenId }).onConflictDoNothing(),

    /**
     * Gives the contacts from this channel address that have no citizen yet to `citizenId` (an agent confirmed who
     * writes from it); the contacts changed.
     */
    setCitizenOfAddress: (channel: string, address: string, citizenId: number) =>
      db
        .update(writtenContacts)
        .set({ citizenId })
        .where(and(eq(writtenContacts.channel, channel), eq(writtenContacts.address, address), isNull(writtenContacts.citizenId)))
        .returning(),

    /** Citizens' ids by phone, for the numbers written in contacts (suggestions). */
    findCitizenIdsByPhones: async (phones: string[]) =>
      new Map(
        phones.length === 0
          ? []
          : (await db.select({ id: citizens.id, phone: citizens.phone }).from(citizens).where(inArray(citizens.phone, phones))).map((c) => [
              c.phone,
              c.id,
            ]),
      ),

    /** The written contact an order was made from (转工单), if it was. */
    findOriginContact: async (ticketId: number) =>
      (
        await db
          .select()
          .from(writtenContacts)
          .where(and(eq(writtenContacts.ticketId, ticketId), eq(writtenContacts.status, 'converted')))
          .orderBy(writtenContacts.id)
          .limit(1)
      )[0] ?? null,

    findAddresses: (citizenId: number) => db.select().from(citizenChannelAddresses).where(eq(citizenChannelAddresses.citizenId, citizenId)),

    findCitizen: async (id: number) => (await db.select().from(citizens).where(eq(citizens.id, id)).limit(1))[0] ?? null,

    findNoticeSettings: async (citizenId: number) =>
      (await db.select().from(citizenNoticeSettings).where(eq(citizenNoticeSettings.citizenId, citizenId)).limit(1))[0] ?? null,

    saveNoticeSettings: async (row: typeof citizenNoticeSettings.$inferInsert) =>
      (
        await db
          .insert(citizenNoticeSettings)
          .values(row)
          .onConflictDoUpdate({
            target: citizenNoticeSettings.citizenId,
            set: { preferredChannel: row.preferredChannel, isOptedOut: row.isOptedOut, updatedAt: row.updatedAt },
          })
          .returning()
      )[0],

    findTicket: async (id: number) => (await db.select(TICKET_REF).from(tickets).where(eq(tickets.id, id)).limit(1))[0] ?? null,

    /** Order numbers by id, for contacts that became or joined an order. */
    findTicketNumbers: async (ids: number[]) =>
      new Map(
        ids.length === 0
          ? []
          : (await db.select({ id: tickets.id, number: tickets.number }).from(tickets).where(inArray(tickets.id, ids))).map((t) => [
              t.id,
              t.number,
            ]),
      ),

    findTicketByNumber: async (number: string) =>
      (await db.select(TICKET_REF).from(tickets).where(eq(tickets.number, number)).limit(1))[0] ?? null,

    /**
     * Whether the order is this sender's: it is their citizen's (by the identity the channel vouches for), or one of the
     * order's written contacts came from the same channel address (an e-mail or OpenID never linked to a phone).
     */
    isOrderOf: async (ticketId: number, sender: { citizenId: number | null; channel: string; address: string }) =>
      (
        await db
          .select({ id: tickets.id })
          .from(tickets)
          .where(
            and(
              eq(tickets.id, ticketId),
              or(
                sender.citizenId === null ? sql`false` : eq(tickets.citizenId, sender.citizenId),
                sql`exists (select 1 from ${writtenContacts} w where w.ticket_id = ${tickets.id} and w.channel = ${sender.channel} and w.address = ${sender.address})`,
              ),
            ),
          )
          .limit(1)
      ).length > 0,

    findTicketsOfCitizen: (citizenId: number, limit: number) =>
      db
        .select({
          id: tickets.id,
          number: tickets.number,
          channel: tickets.channel,
          title: tickets.title,
          status: tickets.status,
          createdAt: tickets.createdAt,
        })
        .from(tickets)
        .where(eq(tickets.citizenId, citizenId))
        .orderBy(desc(tickets.createdAt))
        .limit(limit),

    findCallsOfPhone: (phone: string, limit: number) =>
      db
        .select({
          id: callRecords.id,
          direction: callRecords.direction,
          offeredAt: callRecords.offeredAt,
          answeredAt: callRecords.answeredAt,
          talkSeconds: callRecords.talkSeconds,
        })
        .from(callRecords)
        .where(eq(callRecords.phone, phone))
        .orderBy(desc(callRecords.offeredAt))
        .limit(limit),

    /** Counts for the queue's header: waiting and claimed per channel, and how many are past their standard. */
    countOpen: async (now: Date) => {
      const rows = await db
        .select({
          channel: writtenContacts.channel,
          open: sql<number>`count(*)::int`,
          overdue: sql<number>`count(*) filter (where ${writtenContacts.respondBy} < ${now.toISOString()}::timestamptz)::int`,
        })
        .from(writtenContacts)
        .where(or(eq(writtenContacts.status, 'waiting'), eq(writtenContacts.status, 'claimed')))
        .groupBy(writtenContacts.channel);
      return rows.map((r) => ({ channel: r.channel, open: Number(r.open), overdue: Number(r.overdue) }));
    },
  };
}
export type ContactsRepository = ReturnType<typeof createContactsRepository>;
