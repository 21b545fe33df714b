/** 转工单: a contact becomes an order, by an agent or at once by rule, and the citizen is told its number in the same channel. */
import type { Actor } from '../../lib/actor.ts';
import type { CreateTicketInput } from '../tickets/tickets.schemas.ts';
import { createContactsRepository, type ContactRow, type ContactsRepository } from './contacts.repository.ts';
import { noticeLanguageOf, noticeOf, trackUrlOf } from './contacts.notices.ts';
import { attachmentsOf } from './contacts.presenter.ts';
import { NO_CLAIM } from './contacts.rules.ts';
import type { ContactsDeps } from './contacts.service.ts';

export function createContactToOrder(deps: Pick<ContactsDeps, 'db' | 'clock' | 'tickets' | 'publicBaseUrl'>, repo: ContactsRepository) {
  const { db, clock } = deps;

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
      { number: order.number, trackUrl: trackUrlOf(deps.publicBaseUrl, order.number) },
      noticeLanguageOf(citizen?.language),
    );
    await db.transaction(async (tx) => {
      const r = createContactsRepository(tx);
      await r.update(contact.id, { status: 'converted', ticketId: order.ticketId, respondedAt: contact.respondedAt ?? now, ...NO_CLAIM });
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

  return convert;
}
export type ContactToOrder = ReturnType<typeof createContactToOrder>;
