/** The citizen's contacts across channels (written ones, orders, calls), and an order's written contacts and messages. */
import type { Actor } from '../../lib/actor.ts';
import { notFound } from '../../lib/errors.ts';
import { authorize } from './contacts.policy.ts';
import type { ContactsRepository } from './contacts.repository.ts';
import { presentMessage, type ContactsPresenter } from './contacts.presenter.ts';
import { maskAddress } from './contacts.rules.ts';
import type { ContactsDeps } from './contacts.service.ts';

export function createContactHistory(
  deps: Pick<ContactsDeps, 'clock'>,
  shared: { repo: ContactsRepository; presenter: ContactsPresenter },
) {
  const { clock } = deps;
  const { repo } = shared;
  const { presentAll } = shared.presenter;

  return {
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

    /** The order's written contacts and every message sent about it, with delivery status. */
    async forTicket(actor: Actor, ticketId: number) {
      authorize(actor, 'work');
      const [contacts, messages] = await Promise.all([repo.findByTicket(ticketId), repo.findMessagesByTicket(ticketId)]);
      return { contacts: await presentAll(contacts), messages: messages.map(presentMessage) };
    },
  };
}
