/** Written channels (SMS, WeChat, mayor's mailbox, 人民网, Weibo): contacts in, replies and notices out. */
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, serial, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { ts, createdAt } from './columns.ts';
import { users } from './orgs.ts';
import { citizens, tickets } from './tickets.ts';

/**
 * 书面诉求: one message that arrived through a written channel, waiting in the agents' queue until it is answered,
 * turned into an order or attached to one. (channel, source_id) is unique: a delivery repeated by the gateway is the same contact.
 */
export const writtenContacts = pgTable(
  'written_contacts',
  {
    id: serial('id').primaryKey(),
    channel: text('channel').notNull(),
    /** The channel's own id of the message (Kannel message id, WeChat MsgId, e-mail Message-ID, 人民网 tid). */
    sourceId: text('source_id').notNull(),
    /** The citizen the channel vouches for (the SMS sender's number, an address linked before), or an agent confirmed. */
    citizenId: integer('citizen_id').references(() => citizens.id),
    /**
     * A phone number written in the message (normalised): it names a citizen but proves nothing about the sender, so it is
     * only shown to the agent as a suggestion until they confirm it (then citizen_id is set and the address linked).
     */
    suggestedPhone: text('suggested_phone'),
    /** Where it came from and where a reply goes, in the channel's form: normalised phone, OpenID, e-mail address, account id. */
    address: text('address').notNull(),
    senderName: text('sender_name'),
    subject: text('subject'),
    content: text('content').notNull(),
    /** What only the channel knows: SMS coding, e-mail thread ids and attachments, WeChat message type and location. */
    meta: jsonb('meta').notNull().default({}),
    receivedAt: ts('received_at').notNull(),
    /** receivedAt plus the channel's response standard (SMS 3 minutes, mailbox 24 hours, GB/T 33358-2016). */
    respondBy: ts('respond_by').notNull(),
    /** waiting | claimed | answered | converted (became an order) | attached (added to an order) | closed */
    status: text('status').notNull().default('waiting'),
    claimedById: integer('claimed_by_id').references(() => users.id),
    claimedAt: ts('claimed_at'),
    ticketId: integer('ticket_id').references(() => tickets.id),
    /** First answer to the citizen by staff (a reply, or the acknowledgement naming the order it became). */
    respondedAt: ts('responded_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('written_contacts_source_idx').on(t.channel, t.sourceId),
    // the queue: open contacts by deadline
    index('written_contacts_queue_idx').on(t.status, t.respondBy),
    index('written_contacts_citizen_idx').on(t.citizenId),
    index('written_contacts_ticket_idx').on(t.ticketId),
  ],
);

/**
 * Outgoing messages (replies, acknowledgements, notices), each sent by one `send-channel-message` job.
 * dedupe_key is unique: asking twice for the same message (a repeated delivery, a job run twice) never sends it twice.
 */
export const channelMessages = pgTable(
  'channel_messages',
  {
    id: serial('id').primaryKey(),
    channel: text('channel').notNull(),
    address: text('address').notNull(),
    /** reply | acknowledgement | notice_accepted | notice_completed | callback_survey | survey_thanks */
    kind: text('kind').notNull(),
    subject: text('subject'),
    body: text('body').notNull(),
    contactId: integer('contact_id').references(() => writtenContacts.id),
    ticketId: integer('ticket_id').references(() => tickets.id),
    citizenId: integer('citizen_id').references(() => citizens.id),
    createdById: integer('created_by_id').references(() => users.id),
    dedupeKey: text('dedupe_key').notNull().unique(),
    /** queued | sending | sent | delivered | failed | skipped (opted out, no channel) */
    status: text('status').notNull().default('queued'),
    /** The gateway's id or ours as sent to it (Kannel: our id travels in the DLR URL). */
    externalId: text('external_id'),
    lastError: text('last_error'),
    /** Delivery reports as the gateway sent them, oldest first: { at, status, detail }. */
    deliveryReports: jsonb('delivery_reports')
      .notNull()
      .default(sql`'[]'::jsonb`),
    /** Not before this time (quiet hours). */
    notBefore: ts('not_before'),
    createdAt: createdAt(),
    sentAt: ts('sent_at'),
    deliveredAt: ts('delivered_at'),
  },
  (t) => [
    index('channel_messages_ticket_idx').on(t.ticketId),
    index('channel_messages_contact_idx').on(t.contactId),
    // a survey answer "1/2/3" is matched to the latest survey sent to that address
    index('channel_messages_address_idx').on(t.channel, t.address, t.kind),
  ],
);

/** A citizen's identities in channels without a phone number: WeChat OpenID, e-mail address, Weibo account. */
export const citizenChannelAddresses = pgTable(
  'citizen_channel_addresses',
  {
    channel: text('channel').notNull(),
    address: text('address').notNull(),
    citizenId: integer('citizen_id')
      .notNull()
      .references(() => citizens.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.channel, t.address] }), index('citizen_channel_addresses_citizen_idx').on(t.citizenId)],
);

/** How a citizen wants to be told about their orders. Absent row: the channel the order came from, notices on. */
export const citizenNoticeSettings = pgTable('citizen_notice_settings', {
  citizenId: integer('citizen_id')
    .primaryKey()
    .references(() => citizens.id),
  /** sms | wechat | mailbox; null: the channel the order came from */
  preferredChannel: text('preferred_channel'),
  isOptedOut: boolean('is_opted_out').notNull().default(false),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});
