/** How contacts and outgoing messages read on the queue and the order: masked addresses, the SLA clock, order numbers. */
import type { Clock } from '../../lib/actor.ts';
import type { ChannelMessageRow, ContactRow, ContactsRepository } from './contacts.repository.ts';
import { maskAddress, slaClock } from './contacts.rules.ts';
import type { ContactMeta, ContactStatus } from './contacts.schemas.ts';

/** Attachments an adapter stored for a contact, as kept in its meta. */
export type ContactAttachment = { id: number; filename: string; mimeType: string; sizeBytes: number };
export const attachmentsOf = (row: ContactRow) => (row.meta as { attachments?: ContactAttachment[] }).attachments ?? [];

export function createContactsPresenter(repo: ContactsRepository, clock: Clock) {
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
  return { presentAll, presentOne };
}
export type ContactsPresenter = ReturnType<typeof createContactsPresenter>;

export const presentMessage = (m: ChannelMessageRow) => ({
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
