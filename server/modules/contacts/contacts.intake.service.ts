/**
 * Intake of written messages: what a channel adapter delivered becomes a contact on the queue, a survey answer on its
 * order, or a follow-up (追加) on the order it is about; the sender is acknowledged in the same channel.
 */
import { SYSTEM_ACTOR } from '../../lib/actor.ts';
import { createContactsRepository, type ContactsRepository } from './contacts.repository.ts';
import { findFollowedOrder } from './contacts.follow-up.ts';
import { noticeOf, trackUrlOf } from './contacts.notices.ts';
import { parseSurveyAnswer, respondByOf } from './contacts.rules.ts';
import type { ContactsDeps, InboundContact } from './contacts.service.ts';
import type { ContactToOrder } from './contacts.to-order.ts';

/** A survey answer counts for the latest survey sent within this many days. */
const SURVEY_ANSWER_DAYS = 7;

export function createContactIntake(
  deps: Pick<ContactsDeps, 'db' | 'clock' | 'standards' | 'autoOrderChannels' | 'citizens' | 'tickets' | 'publicBaseUrl'>,
  shared: { repo: ContactsRepository; log: NonNullable<ContactsDeps['log']>; convert: ContactToOrder },
) {
  const { db, clock } = deps;
  const { repo, log, convert } = shared;

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
        const followUpRecorded = followUp ? await deps.tickets.recordFollowUp(tx, followUp.ticket, contact) : null;
        const isAutoOrder = !order && deps.autoOrderChannels.has(input.channel);
        let acknowledgement: string | null = null;
        if (!isAutoOrder && input.shouldAcknowledge !== false) {
          // about an order: in the order's language; a new message: in the citizen's
          const language = order ? order.language : citizenId ? (await r.findCitizen(citizenId))?.language : null;
          const notice = answersSurvey
            ? noticeOf('survey_thanks', { number: order!.number }, language)
            : followUp
              ? noticeOf(
                  'follow_up',
                  { number: followUp.ticket.number, trackUrl: trackUrlOf(deps.publicBaseUrl, followUp.ticket.number) },
                  language,
                )
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
        return { contact, isAutoOrder, acknowledgement, followUpRecorded };
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
      const { contact, isAutoOrder, acknowledgement, followUpRecorded } = created;
      await followUpRecorded?.announce();
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
  };
}
