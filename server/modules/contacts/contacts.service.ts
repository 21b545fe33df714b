/**
 * 书面诉求: contacts from every written channel in one queue, and every message to citizens through one outbox.
 * Channel adapters (server/modules/channels/*) call `receive` with what arrived and provide a sender per channel;
 * this module never knows which channel it is talking to.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { CallbackResult } from '../../../common/enums.ts';
import type { Db, Executor } from '../../db/client.ts';
import { SYSTEM_ACTOR, type Actor, type Clock } from '../../lib/actor.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { CreateTicketInput } from '../tickets/tickets.schemas.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { authorize, can } from './contacts.policy.ts';
import { createEventsRepository } from '../events/events.repository.ts';
import { createTicketsRepository } from '../tickets/tickets.repository.ts';
import { createContactsRepository, type ChannelMessageRow, type ContactRow, type TicketRef } from './contacts.repository.ts';
import { findFollowedOrder, mainOrderOf } from './contacts.follow-up.ts';
import { afterQuietHours, maskAddress, parseSurveyAnswer, respondByOf, slaClock, type ResponseStandards } from './contacts.rules.ts';
import { noticeLanguageOf, noticeOf, type NoticeKind } from './contacts.notices.ts';
import type { ContactMeta, ContactStatus } from './contacts.schemas.ts';

/** What an adapter hands over: the channel's message in the domain's words. */
export interface InboundContact {
  channel: string;
  /** The channel's own id of this message; a second delivery with the same id is the same contact. */
  sourceId: string;
  /** Reply address in the channel's form (normalised phone, OpenID, e-mail address). */
  address: string;
  /** The sender's own phone in stored form, as the channel vouches for it (the SMS sender's number): links the citizen. */
  phone?: string | null;
  /**
   * A phone number written in the message (WeChat, a letter, a board message): it names a citizen but proves nothing
   * about the sender, so it is only a suggestion until an agent confirms it (`confirmCitizen`).
   */
  writtenPhone?: string | null;
  /** The order of the earlier contact this message answers in its thread (e-mail In-Reply-To / References): a follow-up candidate. */
  threadTicketId?: number | null;
  senderName?: string | null;
  subject?: string | null;
  content: string;
  meta?: Record<string, unknown>;
  receivedAt?: Date;
  /**
   * The adapter answers the sender itself in its response (WeChat's passive reply): the acknowledgement is returned
   * and recorded as sent, not queued.
   */
  acknowledgesInline?: boolean;
  /** False for messages a machine sent (an autoresponder, a bounce): stored, never answered automatically. Default true. */
  shouldAcknowledge?: boolean;
  /**
   * The adapter refused the message (a mail bomb): it is recorded, closed, with this reason, so that the refusal is
   * visible and the same message is not examined again; nobody is told.
   */
  rejectedReason?: string | null;
}

/** An outgoing message as a sender adapter gets it. */
export interface OutboundMessage {
  id: number;
  channel: string;
  address: string;
  kind: string;
  subject: string | null;
  body: string;
  /** The contact it answers, for threading (e-mail In-Reply-To, WeChat passive context). */
  contact: ContactRow | null;
}

export interface ChannelSender {
  /**
   * The channel carries only answers to the citizen's own messages (a message board, whose answers leave in the reply
   * export): it is never chosen for notices about orders.
   */
  isReplyOnly?: boolean;
  /** Sends one message; resolves with the gateway's id. Throws to have the job retry. */
  send(message: OutboundMessage): Promise<{ externalId: string | null }>;
}
export type ChannelSenders = Partial<Record<string, ChannelSender>>;

export interface ContactsDeps {
  db: Db;
  clock: Clock;
  audit: AuditService;
  standards: ResponseStandards;
  /** Channels whose contacts become orders at once. */
  autoOrderChannels: ReadonlySet<string>;
  quietHours: string;
  publicBaseUrl: string;
  senders: ChannelSenders;
  citizens: { findOrCreateByPhones(tx: Executor, inputs: { phone: string; name?: string | null }[]): Promise<{ id: number }[]> };
  tickets: {
    intake(actor: Actor, input: CreateTicketInput, options: { idempotencyKey?: string }): Promise<{ ticketId: number; number: string }>;
    transition(
      actor: Actor,
      ticketId: number,
      action: 'callback',
      body: { result: CallbackResult; note?: string | null },
    ): Promise<unknown>;
  };
  log?: (message: string, details: Record<string, unknown>) => void;
  /** Reads a stored attachment's file (attachments module); contacts keep their attachments' ids in meta. */
  readAttachment?: (id: number) => Promise<{ filename: string; mimeType: string; content: Buffer }>;
}

/** Attachments an adapter stored for a contact, as kept in its meta. */
type ContactAttachment = { id: number; filename: string; mimeType: string; sizeBytes: number };
const attachmentsOf = (row: ContactRow) => (row.meta as { attachments?: ContactAttachment[] }).attachments ?? [];

const CONTACT = { zh: '书面诉求', en: 'Contact' };
const NOTICES_CURSOR = 'order-notices';
const OPEN = ['waiting', 'claimed'];
/** A survey answer counts for the latest survey sent within this many days. */
const SURVEY_ANSWER_DAYS = 7;

export function createContactsService(deps: ContactsDeps) {
  const { db, clock } = deps;
  const repo = createContactsRepository(db);
  const log = deps.log ?? (() => {});

  const trackUrl = (number: string) => `${deps.publicBaseUrl.replace(/\/$/, '')}/portal?tab=track&number=${encodeURIComponent(number)}`;

  function present(row: ContactRow, now: Date, numbers: Map<number, string>, citizenIds: Map<string, number>) {
    return {
      id: row.id,
      channel: row.channel,
      address: maskAddress(row.address),
      senderName: row.senderName,
      subject: row.subject,
      content: row.content,
      status: row.status as ContactStatus,
      citizenId: row.citizenId,
      // the number written in the message, until an agent confirms it (the citizen's id when one has that number)
      suggestedCitizen:
        row.citizenId === null && row.suggestedPhone
          ? { phone: maskAddress(row.suggestedPhone), citizenId: citizenIds.get(row.suggestedPhone) ?? null }
          : null,
      ticketId: row.ticketId,
      ticketNumber: row.ticketId ? (numbers.get(row.ticketId) ?? null) : null,
      claimedById: row.claimedById,
      claimedAt: row.claimedAt,
      receivedAt: row.receivedAt,
      respondBy: row.respondBy,
      respondedAt: row.respondedAt,
      sla: slaClock(row, now),
      meta: row.meta as ContactMeta,
    };
  }
  /** Contacts as the queue shows them, with the number of the order each became or joined. */
  async function presentAll(rows: ContactRow[]) {
    const [numbers, citizenIds] = await Promise.all([
      repo.findTicketNumbers([...new Set(rows.map((r) => r.ticketId).filter((id): id is number => id !== null))]),
      repo.findCitizenIdsByPhones([...new Set(rows.filter((r) => r.citizenId === null && r.suggestedPhone).map((r) => r.suggestedPhone!))]),
    ]);
    const now = clock.now();
    return rows.map((r) => present(r, now, numbers, citizenIds));
  }
  const presentOne = async (row: ContactRow) => (await presentAll([row]))[0];
  const presentMessage = (m: ChannelMessageRow) => ({
    id: m.id,
    channel: m.channel,
    kind: m.kind,
    subject: m.subject,
    body: m.body,
    status: m.status,
    contactId: m.contactId,
    ticketId: m.ticketId,
    externalId: m.externalId,
    lastError: m.lastError,
    deliveryReports: m.deliveryReports as { at: string; status: string; detail: string }[],
    notBefore: m.notBefore,
    createdAt: m.createdAt,
    sentAt: m.sentAt,
    deliveredAt: m.deliveredAt,
  });

  async function getContact(id: number) {
    const row = await repo.findById(id);
    if (!row) throw notFound(CONTACT, { id });
    return row;
  }

  function alreadyLinked(row: ContactRow) {
    return new AppError('CONFLICT', {
      message: '该书面诉求已关联市民',
      messageEn: 'This contact is already linked to a citizen',
      details: { id: row.id, citizenId: row.citizenId },
    });
  }

  function notOpen(row: ContactRow) {
    return new AppError('INVALID_TRANSITION', {
      message: '该书面诉求已处理',
      messageEn: 'This contact has already been dealt with',
      details: { id: row.id, status: row.status },
    });
  }

  function claimedByOther(row: ContactRow) {
    return new AppError('CONFLICT', {
      message: '该书面诉求已被他人领取',
      messageEn: 'Someone else has claimed this contact',
      details: { claimedById: row.claimedById },
    });
  }

  /**
   * The contact is this agent's to act on: claimed by them, or unclaimed and claimed now (in one conditional update, so
   * two agents acting at once cannot both take it). Someone else's claim refuses, except to a supervisor or admin.
   */
  async function takeFor(actor: Actor, row: ContactRow): Promise<ContactRow> {
    if (row.claimedById === actor.userId || (row.claimedById !== null && can(actor, 'release_any'))) return row;
    if (row.claimedById !== null) throw claimedByOther(row);
    const taken = await repo.updateIf(
      row.id,
      [row.status],
      { status: row.status === 'waiting' ? 'claimed' : row.status, claimedById: actor.userId, claimedAt: clock.now() },
      null,
    );
    if (taken) return taken;
    const now = await getContact(row.id);
    if (now.claimedById !== null && now.claimedById !== actor.userId) throw claimedByOther(now);
    throw notOpen(now);
  }

  /** Turns a contact into an order (by an agent, or at once by rule) and tells the citizen its number. */
  async function convert(actor: Actor, contact: ContactRow, input: Partial<CreateTicketInput>) {
    const citizen = contact.citizenId ? await repo.findCitizen(contact.citizenId) : null;
    const order = await deps.tickets.intake(
      actor,
      {
        channel: contact.channel as CreateTicketInput['channel'],
        type: input.type ?? 'help',
        urgency: input.urgency ?? 'normal',
        title: input.title ?? contact.subject ?? undefined,
        content: input.content ?? contact.content,
        categoryId: input.categoryId ?? null,
        regionId: input.regionId ?? null,
        address: input.address ?? null,
        isConfidential: input.isConfidential ?? false,
        attachmentIds: [],
        language: noticeLanguageOf(citizen?.language),
        citizen: citizen ? { phone: citizen.phone, name: citizen.name } : null,
        dispatch: input.dispatch ?? null,
      },
      { idempotencyKey: `contact:${contact.id}` },
    );
    const now = clock.now();
    const notice = noticeOf(
      'notice_accepted',
      { number: order.number, trackUrl: trackUrl(order.number) },
      noticeLanguageOf(citizen?.language),
    );
    await db.transaction(async (tx) => {
      const r = createContactsRepository(tx);
      await r.update(contact.id, { status: 'converted', ticketId: order.ticketId, respondedAt: contact.respondedAt ?? now });
      await r.linkAttachmentsToTicket(
        attachmentsOf(contact).map((a) => a.id),
        order.ticketId,
      );
      await r.enqueueMessage(
        {
          channel: contact.channel,
          address: contact.address,
          kind: 'notice_accepted',
          contactId: contact.id,
          ticketId: order.ticketId,
          citizenId: contact.citizenId,
          // an e-mail answers the letter's own subject; the notice's subject only when the letter had none
          body: notice.body,
          subject: contact.subject ? null : notice.subject,
          dedupeKey: `notice_accepted:${order.ticketId}`,
          createdById: actor.userId,
        },
        now,
      );
    });
    return order;
  }

  const isNoticeChannel = (channel: string | null | undefined): channel is string =>
    Boolean(channel && deps.senders[channel] && !deps.senders[channel]!.isReplyOnly);

  /**
   * Where a notice about this order goes. The order's citizen: their preferred channel, else the order's own, else SMS,
   * each only at an address the citizen owns (their phone, an identity an agent confirmed). An order without a citizen
   * that was made from a written contact: only the address that contact came from. Null: nobody to tell.
   */
  async function noticeRouteOf(ticket: TicketRef): Promise<{ channel: string | null; address: string; reason: string | null } | null> {
    if (!ticket.citizenId) {
      const origin = await repo.findOriginContact(ticket.id);
      if (!origin) return null;
      const channel = isNoticeChannel(origin.channel) ? origin.channel : null;
      return { channel, address: origin.address, reason: channel ? null : 'no channel to reach the citizen' };
    }
    const [citizen, settings, addresses] = await Promise.all([
      repo.findCitizen(ticket.citizenId),
      repo.findNoticeSettings(ticket.citizenId),
      repo.findAddresses(ticket.citizenId),
    ]);
    const addressIn = (channel: string) =>
      channel === 'sms' ? citizen!.phone : (addresses.find((a) => a.channel === channel)?.address ?? null);
    const channel = [settings?.preferredChannel, ticket.channel, 'sms'].find((c) => isNoticeChannel(c) && addressIn(c)) ?? null;
    return {
      channel,
      // the citizen's phone is a valid SMS address for the record even when SMS is not configured
      address: channel ? addressIn(channel)! : citizen!.phone,
      reason: settings?.isOptedOut ? 'opted out' : channel ? null : 'no channel to reach the citizen',
    };
  }

  return {
    /**
     * Takes in what a channel delivered. Resolves only after the contact is committed (the adapter acknowledges to the
     * gateway then); a second delivery of the same source id returns the first contact and queues nothing.
     * A bare "1", "2" or "3" answering a callback survey sent to this address records the callback instead.
     * A message from an order's own citizen that names the order or answers our mail about it joins that order (追加).
     */
    async receive(input: InboundContact) {
      const earlier = await repo.findBySource(input.channel, input.sourceId);
      if (earlier) {
        log('duplicate delivery ignored', { channel: input.channel, sourceId: input.sourceId, contactId: earlier.id });
        const ack = input.acknowledgesInline
          ? (await repo.findMessagesByContact(earlier.id)).find((m) => m.kind === 'acknowledgement' || m.kind === 'survey_thanks')
          : null;
        return {
          contactId: earlier.id,
          isDuplicate: true as const,
          isRejected: false,
          ticketNumber: null,
          surveyResult: null,
          acknowledgement: ack?.body ?? null,
        };
      }
      if (input.rejectedReason) {
        const now = clock.now();
        const receivedAt = input.receivedAt ?? now;
        const row = await repo.createIfNew({
          channel: input.channel,
          sourceId: input.sourceId,
          address: input.address,
          senderName: input.senderName ?? null,
          subject: input.subject ?? null,
          content: input.content,
          meta: { ...input.meta, rejectedReason: input.rejectedReason },
          receivedAt,
          respondBy: respondByOf(deps.standards, input.channel, receivedAt),
          status: 'closed',
          respondedAt: now,
        });
        const contactId = row?.id ?? (await repo.findBySource(input.channel, input.sourceId))!.id;
        log('message refused', { channel: input.channel, sourceId: input.sourceId, contactId, reason: input.rejectedReason });
        return { contactId, isDuplicate: !row, isRejected: true, ticketNumber: null, surveyResult: null, acknowledgement: null };
      }
      const now = clock.now();
      const receivedAt = input.receivedAt ?? now;
      const surveyResult = parseSurveyAnswer(input.content);
      const survey = surveyResult
        ? await repo.findLatestSurvey(input.channel, input.address, new Date(now.getTime() - SURVEY_ANSWER_DAYS * 86_400_000))
        : null;
      const surveyTicket = survey?.ticketId ? await repo.findTicket(survey.ticketId) : null;
      const answersSurvey = Boolean(surveyTicket && surveyTicket.status === 'pending_callback');

      const created = await db.transaction(async (tx) => {
        const r = createContactsRepository(tx);
        // only what the channel vouches for names the sender's citizen: an address linked before (by an agent's
        // confirmation) or the SMS sender's number; a number written in the text is kept as a suggestion
        let citizenId = await r.findCitizenByAddress(input.channel, input.address);
        if (input.phone && citizenId === null) {
          const [citizen] = await deps.citizens.findOrCreateByPhones(tx, [{ phone: input.phone, name: input.senderName ?? null }]);
          citizenId = citizen.id;
        }
        const { followUp, mentioned } = answersSurvey
          ? { followUp: null, mentioned: [] }
          : await findFollowedOrder(r, { ...input, senderCitizenId: citizenId });
        const order = answersSurvey ? surveyTicket! : (followUp?.ticket ?? null);
        const contact = await r.createIfNew({
          channel: input.channel,
          sourceId: input.sourceId,
          address: input.address,
          citizenId,
          suggestedPhone: citizenId === null ? (input.writtenPhone ?? null) : null,
          senderName: input.senderName ?? null,
          subject: input.subject ?? null,
          content: input.content,
          meta: {
            ...input.meta,
            ...(answersSurvey ? { surveyResult } : {}),
            ...(followUp
              ? {
                  followUp: {
                    number: followUp.ticket.number,
                    via: followUp.via,
                    ...(followUp.mergedFrom ? { mergedFrom: followUp.mergedFrom } : {}),
                  },
                }
              : mentioned.length
                ? { mentionedNumbers: mentioned }
                : {}),
          },
          receivedAt,
          respondBy: respondByOf(deps.standards, input.channel, receivedAt),
          status: answersSurvey ? 'closed' : followUp ? 'attached' : 'waiting',
          ticketId: order?.id ?? null,
          respondedAt: order ? now : null,
        });
        if (!contact) return null; // raced with the same delivery: the other transaction stored it
        if (followUp) {
          // 追加 on the order's timeline and in the outbox like every other step (the text is the note; status unchanged)
          const t = createTicketsRepository(tx);
          const { ticket } = followUp;
          await t.createEvent({
            ticketId: ticket.id,
            action: 'follow_up',
            fromStatus: ticket.status,
            toStatus: ticket.status,
            unitId: ticket.leadUnitId,
            note: contact.content.slice(0, 2000),
            data: { contactId: contact.id, channel: contact.channel },
            createdAt: now,
          });
          await t.createOutbox({
            topic: 'ticket.follow_up',
            ticketId: ticket.id,
            unitIds: ticket.leadUnitId ? [ticket.leadUnitId] : [],
            payload: { status: ticket.status, number: ticket.number },
          });
        }
        const isAutoOrder = !order && deps.autoOrderChannels.has(input.channel);
        let acknowledgement: string | null = null;
        if (!isAutoOrder && input.shouldAcknowledge !== false) {
          // about an order: in the order's language; a new message: in the citizen's
          const language = order ? order.language : citizenId ? (await r.findCitizen(citizenId))?.language : null;
          const notice = answersSurvey
            ? noticeOf('survey_thanks', { number: order!.number }, language)
            : followUp
              ? noticeOf('follow_up', { number: followUp.ticket.number, trackUrl: trackUrl(followUp.ticket.number) }, language)
              : noticeOf('acknowledgement', { contactId: contact.id }, language);
          const { message } = await r.enqueueMessage(
            {
              channel: input.channel,
              address: input.address,
              kind: answersSurvey ? 'survey_thanks' : 'acknowledgement',
              contactId: contact.id,
              ticketId: contact.ticketId,
              citizenId,
              dedupeKey: `ack:${contact.id}`,
              body: notice.body,
              subject: input.subject ? null : notice.subject,
              ...(input.acknowledgesInline ? { status: 'sent', sentAt: now, externalId: 'passive-reply' } : {}),
            },
            now,
          );
          acknowledgement = message.body;
        }
        return { contact, isAutoOrder, acknowledgement };
      });
      if (!created) {
        const first = (await repo.findBySource(input.channel, input.sourceId))!;
        log('duplicate delivery ignored', { channel: input.channel, sourceId: input.sourceId, contactId: first.id });
        return {
          contactId: first.id,
          isDuplicate: true as const,
          isRejected: false,
          ticketNumber: null,
          surveyResult: null,
          acknowledgement: null,
        };
      }
      const { contact, isAutoOrder, acknowledgement } = created;
      if (answersSurvey) {
        await deps.tickets.transition(SYSTEM_ACTOR, surveyTicket!.id, 'callback', {
          result: surveyResult!,
          note: `${input.channel} 回复 ${input.content.trim()}`,
        });
        return {
          contactId: contact.id,
          isDuplicate: false as const,
          isRejected: false,
          ticketNumber: surveyTicket!.number,
          surveyResult,
          acknowledgement,
        };
      }
      const order = isAutoOrder ? await convert(SYSTEM_ACTOR, contact, {}) : null;
      const followed = (contact.meta as { followUp?: { number: string } }).followUp?.number ?? null;
      return {
        contactId: contact.id,
        isDuplicate: false as const,
        isRejected: false,
        ticketNumber: order?.number ?? followed,
        surveyResult: null,
        acknowledgement,
      };
    },

    /** Whether a message with this source id is stored already (an adapter checks before storing attachments). */
    async isKnownSource(channel: string, sourceId: string) {
      return Boolean(await repo.findBySource(channel, sourceId));
    },

    /** Which of these source ids are stored already (a list import skips them without a transaction each). */
    async knownSources(channel: string, sourceIds: string[]) {
      return new Set(await repo.findKnownSourceIds(channel, sourceIds));
    },

    /**
     * The earlier contact a message continues (an e-mail answering our message, or a later letter in the same thread):
     * by our outgoing message ids first, then by the contacts' own source ids. Null when it starts a thread.
     */
    async findThread(channel: string, refs: { messageIds: number[]; sourceIds: string[] }) {
      for (const messageId of refs.messageIds) {
        const message = await repo.findMessage(messageId);
        if (message?.channel === channel && message.contactId) {
          const contact = await repo.findById(message.contactId);
          if (contact) return { contactId: contact.id, ticketId: contact.ticketId };
        }
      }
      for (const sourceId of refs.sourceIds) {
        const contact = await repo.findBySource(channel, sourceId);
        if (contact) return { contactId: contact.id, ticketId: contact.ticketId };
      }
      return null;
    },

    /** A file that came with a contact (an e-mail attachment), for the agent working it. */
    async attachment(actor: Actor, id: number, attachmentId: number) {
      authorize(actor, 'work');
      const row = await getContact(id);
      if (!deps.readAttachment || !attachmentsOf(row).some((a) => a.id === attachmentId))
        throw notFound({ zh: '附件', en: 'Attachment' }, { id: attachmentId });
      return deps.readAttachment(attachmentId);
    },

    /** The agents' queue: open contacts of every channel, the nearest deadline first, with counts per channel. */
    async list(actor: Actor, q: { status?: 'open' | 'mine' | 'answered' | 'all'; channel?: string; limit: number }) {
      authorize(actor, 'work');
      const now = clock.now();
      const statuses =
        q.status === 'answered'
          ? ['answered', 'converted', 'attached', 'closed']
          : q.status === 'all'
            ? ['waiting', 'claimed', 'answered', 'converted', 'attached', 'closed']
            : OPEN;
      const rows = await repo.findQueue({
        statuses,
        channel: q.channel,
        claimedById: q.status === 'mine' ? (actor.userId ?? -1) : undefined,
        limit: q.limit,
      });
      return { items: await presentAll(rows), counts: await repo.countOpen(now), now };
    },

    async get(actor: Actor, id: number) {
      authorize(actor, 'work');
      const row = await getContact(id);
      const messages = await repo.findMessagesByContact(id);
      return { ...(await presentOne(row)), messages: messages.map(presentMessage) };
    },

    /** 领取: one agent works a contact at a time. */
    async claim(actor: Actor, id: number) {
      authorize(actor, 'work');
      const row = await getContact(id);
      if (row.status === 'claimed' && row.claimedById === actor.userId) return presentOne(row);
      const updated = await repo.updateIf(id, ['waiting'], { status: 'claimed', claimedById: actor.userId, claimedAt: clock.now() });
      if (!updated) {
        if (row.status === 'claimed') throw claimedByOther(row);
        throw notOpen(row);
      }
      return presentOne(updated);
    },

    /** 释放: back to the queue; someone else's claim only by a supervisor or admin. */
    async release(actor: Actor, id: number) {
      authorize(actor, 'work');
      const row = await getContact(id);
      if (row.status !== 'claimed') throw notOpen(row);
      const releaseAny = can(actor, 'release_any');
      const updated = await repo.updateIf(
        id,
        ['claimed'],
        { status: 'waiting', claimedById: null, claimedAt: null },
        releaseAny ? undefined : actor.userId,
      );
      if (!updated)
        throw new AppError('FORBIDDEN', { message: '只能释放自己领取的书面诉求', messageEn: 'You can release only contacts you claimed' });
      return presentOne(updated);
    },

    /**
     * 确认为该市民: the agent has made sure the sender is the citizen whose number the message gives (they called them,
     * or the sender answered what only that citizen knows). The sender's channel address is linked to that citizen, so
     * their notices reach it and their follow-ups join their orders; audited.
     */
    async confirmCitizen(actor: Actor, id: number) {
      authorize(actor, 'confirm_citizen');
      const row = await getContact(id);
      if (row.channel === 'sms')
        throw new AppError('INVALID_TRANSITION', {
          message: '短信的发送号码就是市民本人的号码，无需确认',
          messageEn: "An SMS comes from the citizen's own number: there is nothing to confirm",
          details: { id },
        });
      if (row.claimedById !== null && row.claimedById !== actor.userId && !can(actor, 'release_any')) throw claimedByOther(row);
      if (row.citizenId !== null) throw alreadyLinked(row);
      if (!row.suggestedPhone)
        throw new AppError('INVALID_TRANSITION', {
          message: '留言中没有可确认的电话号码',
          messageEn: 'The message gives no phone number to confirm',
          details: { id },
        });
      const updated = await db.transaction(async (tx) => {
        const r = createContactsRepository(tx);
        const [citizen] = await deps.citizens.findOrCreateByPhones(tx, [{ phone: row.suggestedPhone! }]);
        const linked = await r.findCitizenByAddress(row.channel, row.address);
        if (linked !== null && linked !== citizen.id) throw alreadyLinked(row);
        await r.linkAddress(row.channel, row.address, citizen.id);
        const changed = await r.setCitizenOfAddress(row.channel, row.address, citizen.id);
        const self = changed.find((c) => c.id === id);
        if (!self) throw alreadyLinked(row); // linked by someone else meanwhile
        await deps.audit.record(
          actor,
          {
            action: 'confirm_contact_citizen',
            subjectType: 'written_contact',
            subjectId: id,
            details: { citizenId: citizen.id, channel: row.channel },
          },
          tx,
        );
        return self;
      });
      return presentOne(updated);
    },

    /**
     * 答复: sent in the channel the contact came from. The idempotency key (a client retry) keeps one reply one message.
     * Answering an open contact closes it as answered; an order made from it may still be answered again.
     */
    async reply(actor: Actor, id: number, input: { body: string; idempotencyKey?: string }) {
      authorize(actor, 'work');
      const row = await getContact(id);
      if (row.status === 'claimed' && row.claimedById !== actor.userId && !can(actor, 'release_any')) throw claimedByOther(row);
      const now = clock.now();
      const message = await db.transaction(async (tx) => {
        const r = createContactsRepository(tx);
        const { message } = await r.enqueueMessage(
          {
            channel: row.channel,
            address: row.address,
            kind: 'reply',
            subject: row.subject ? `Re: ${row.subject}` : null,
            body: input.body,
            contactId: row.id,
            ticketId: row.ticketId,
            citizenId: row.citizenId,
            createdById: actor.userId,
            dedupeKey: `reply:${row.id}:${input.idempotencyKey ?? randomUUID()}`,
          },
          now,
        );
        if (OPEN.includes(row.status)) await r.updateIf(id, OPEN, { status: 'answered', respondedAt: row.respondedAt ?? now });
        else if (!row.respondedAt) await r.update(id, { respondedAt: now });
        return message;
      });
      return presentMessage(message);
    },

    /** 转工单: the contact becomes an order; the citizen is told its number and tracking link in the same channel. */
    async toTicket(actor: Actor, id: number, input: Partial<CreateTicketInput>) {
      authorize(actor, 'work');
      const row = await getContact(id);
      if (!OPEN.includes(row.status) && row.status !== 'answered') throw notOpen(row);
      const order = await convert(actor, await takeFor(actor, row), input);
      return { contactId: id, ticketId: order.ticketId, number: order.number };
    },

    /** 并入工单: the contact is about an order that exists already. */
    async attach(actor: Actor, id: number, input: { ticketNumber: string }) {
      authorize(actor, 'work');
      const row = await getContact(id);
      if (!OPEN.includes(row.status) && row.status !== 'answered') throw notOpen(row);
      const named = await repo.findTicketByNumber(input.ticketNumber.trim());
      if (!named) throw notFound({ zh: '工单', en: 'Ticket' }, { number: input.ticketNumber });
      const ticket = await mainOrderOf(repo, named);
      const mine = await takeFor(actor, row);
      const updated = await db.transaction(async (tx) => {
        const r = createContactsRepository(tx);
        const done = await r.updateIf(
          id,
          [...OPEN, 'answered'],
          { status: 'attached', ticketId: ticket.id, respondedAt: row.respondedAt ?? clock.now() },
          mine.claimedById,
        );
        if (done)
          await r.linkAttachmentsToTicket(
            attachmentsOf(row).map((a) => a.id),
            ticket.id,
          );
        return done;
      });
      if (!updated) throw notOpen(row);
      return { contactId: id, ticketId: ticket.id, number: ticket.number };
    },

    /** The citizen's contacts from every channel: written ones, orders and calls, newest first. */
    async citizenHistory(actor: Actor, citizenId: number) {
      authorize(actor, 'work');
      const citizen = await repo.findCitizen(citizenId);
      if (!citizen) throw notFound({ zh: '诉求人', en: 'citizen' }, { id: citizenId });
      const now = clock.now();
      const [contacts, orders, calls, addresses, settings] = await Promise.all([
        repo.findByCitizen(citizenId, 100),
        repo.findTicketsOfCitizen(citizenId, 100),
        repo.findCallsOfPhone(citizen.phone, 100),
        repo.findAddresses(citizenId),
        repo.findNoticeSettings(citizenId),
      ]);
      const items = [
        ...contacts.map((c) => ({
          kind: 'contact' as const,
          at: c.receivedAt,
          channel: c.channel,
          id: c.id,
          text: c.content.slice(0, 200),
          status: c.status,
          ticketId: c.ticketId,
        })),
        ...orders.map((t) => ({
          kind: 'ticket' as const,
          at: t.createdAt,
          channel: t.channel,
          id: t.id,
          text: `${t.number} ${t.title}`,
          status: t.status,
          ticketId: t.id,
        })),
        ...calls.map((c) => ({
          kind: 'call' as const,
          at: c.offeredAt,
          channel: 'phone',
          id: c.id,
          text: `${c.direction} ${c.talkSeconds}s`,
          status: c.answeredAt ? 'answered' : 'abandoned',
          ticketId: null,
        })),
      ].sort((a, b) => b.at.getTime() - a.at.getTime());
      return {
        citizenId,
        channels: addresses.map((a) => ({ channel: a.channel, address: maskAddress(a.address) })),
        notices: { preferredChannel: settings?.preferredChannel ?? null, isOptedOut: settings?.isOptedOut ?? false },
        items,
        now,
      };
    },

    async setNoticeSettings(actor: Actor, citizenId: number, input: { preferredChannel: string | null; isOptedOut: boolean }) {
      authorize(actor, 'work');
      if (!(await repo.findCitizen(citizenId))) throw notFound({ zh: '诉求人', en: 'citizen' }, { id: citizenId });
      const row = await repo.saveNoticeSettings({ citizenId, ...input, updatedAt: clock.now() });
      return { preferredChannel: row.preferredChannel, isOptedOut: row.isOptedOut };
    },

    /** The order's written contacts and every message sent about it, with delivery status. */
    async forTicket(actor: Actor, ticketId: number) {
      authorize(actor, 'work');
      const [contacts, messages] = await Promise.all([repo.findByTicket(ticketId), repo.findMessagesByTicket(ticketId)]);
      return { contacts: await presentAll(contacts), messages: messages.map(presentMessage) };
    },

    /**
     * Queues a notice about an order to its citizen, once per (order, kind): in their preferred channel, else the channel
     * the order came from; quiet hours respected. Without a reachable channel, or opted out, the notice is stored as skipped
     * with the reason, so the order shows why nobody was told.
     */
    async notifyCitizen(ticketId: number, kind: Exclude<NoticeKind, 'acknowledgement' | 'follow_up' | 'survey_thanks'>) {
      const ticket = await repo.findTicket(ticketId);
      if (!ticket) return null;
      const route = await noticeRouteOf(ticket);
      if (!route) return null;
      const { channel, address, reason } = route;
      const now = clock.now();
      const notice = noticeOf(kind, { number: ticket.number, trackUrl: trackUrl(ticket.number) }, ticket.language);
      const { message, isNew } = await db.transaction((tx) =>
        createContactsRepository(tx).enqueueMessage(
          {
            channel: channel ?? 'none',
            address,
            kind,
            ticketId,
            citizenId: ticket.citizenId,
            body: notice.body,
            subject: notice.subject,
            dedupeKey: `${kind}:${ticketId}`,
            status: reason ? 'skipped' : 'queued',
            lastError: reason,
            notBefore: reason ? null : afterQuietHours(deps.quietHours, now),
          },
          reason ? now : afterQuietHours(deps.quietHours, now),
        ),
      );
      return isNew ? presentMessage(message) : null;
    },

    /**
     * Turns the orders' events into notices (the send-order-notices job): accepted on intake, the callback survey when
     * the reply is accepted, completed on closing. Reads the outbox after its own cursor; on its first run it starts at
     * the end, so orders that existed before (the demo city) are not announced. Safe to run twice: one notice per
     * (order, kind).
     */
    async notifyFromEvents(limit = 500) {
      const events = createEventsRepository(db);
      const started = await db.execute(sql`select 1 from outbox_cursors where name = ${NOTICES_CURSOR}`);
      if ((started as unknown as { rows: unknown[] }).rows.length === 0) {
        const max = await db.execute(sql`select coalesce(max(id), 0)::bigint as id from outbox`);
        await events.saveCursor(NOTICES_CURSOR, Number((max as unknown as { rows: { id: number }[] }).rows[0].id), clock.now());
        return { notices: 0, events: 0 };
      }
      const cursor = await events.cursor(NOTICES_CURSOR);
      const batch = await events.readAfter({ after: cursor, limit, topicPrefixes: ['ticket.'] });
      let notices = 0;
      const hasSenders = Object.values(deps.senders).some((s) => s && !s.isReplyOnly);
      for (const event of batch) {
        const status = (event.payload as { status?: string } | null)?.status;
        const kind =
          event.topic === 'ticket.created'
            ? 'notice_accepted'
            : status === 'pending_callback'
              ? 'callback_survey'
              : status === 'closed'
                ? 'notice_completed'
                : null;
        if (kind && event.ticketId && hasSenders && (await this.notifyCitizen(event.ticketId, kind))) notices++;
      }
      if (batch.length > 0) await events.saveCursor(NOTICES_CURSOR, batch[batch.length - 1].id, clock.now());
      return { notices, events: batch.length };
    },

    /**
     * Sends one queued message through its channel's sender (the send-channel-message job). It is marked `sending`
     * first: a run that dies after the gateway took the message leaves it so, and a later run does not send it again.
     */
    async sendMessage(messageId: number) {
      // taken from `queued` in one statement: the usual case costs no separate read
      const message = await repo.updateMessageIf(messageId, 'queued', { status: 'sending' });
      if (!message) {
        const found = await repo.findMessage(messageId);
        if (!found) return { status: 'missing' };
        if (found.status === 'sending') {
          await repo.updateMessageIf(messageId, 'sending', {
            status: 'failed',
            lastError: 'interrupted while sending; not sent again to avoid a duplicate',
          });
          log('channel message left unsent after an interrupted attempt', { messageId });
          return { status: 'failed' };
        }
        return { status: found.status };
      }
      const sender = deps.senders[message.channel];
      if (!sender) {
        await repo.updateMessageIf(messageId, 'sending', { status: 'skipped', lastError: `channel ${message.channel} is not configured` });
        return { status: 'skipped' };
      }
      const contact = message.contactId ? await repo.findById(message.contactId) : null;
      try {
        const { externalId } = await sender.send({
          id: message.id,
          channel: message.channel,
          address: message.address,
          kind: message.kind,
          subject: message.subject,
          body: message.body,
          contact,
        });
        await repo.markSent(messageId, externalId, clock.now());
        return { status: 'sent' };
      } catch (error) {
        // the gateway refused or could not be reached: nothing was sent, so the job may try again
        await repo.updateMessageIf(messageId, 'sending', {
          status: 'queued',
          lastError: String((error as Error).message ?? error).slice(0, 1000),
        });
        throw error;
      }
    },

    /** A gateway's delivery report for one of our messages. Unknown ids are refused (null). */
    async recordDelivery(messageId: number, report: { status: 'delivered' | 'failed' | 'pending'; detail: string }) {
      const now = clock.now();
      const row = await repo.addDeliveryReport(
        messageId,
        { at: now.toISOString(), status: report.status, detail: report.detail },
        report.status === 'pending' ? null : report.status,
        report.status === 'delivered' ? now : null,
      );
      return row ? presentMessage(row) : null;
    },
  };
}
export type ContactsService = ReturnType<typeof createContactsService>;
