/**
 * 追加: a citizen writing again about an order they already have. The message joins that order by itself when it
 * answers our mail about the order (its thread) or names the order's number, and only when the sender is the order's
 * own citizen; someone else naming a number gets an ordinary contact that notes the number.
 */
import type { ContactsRepository, TicketRef } from './contacts.repository.ts';
import { findOrderNumbersIn } from './contacts.rules.ts';

/** More numbers than this in one message are not looked up (a list of numbers is not a follow-up). */
const MAX_NUMBERS = 5;

export interface FollowUpQuestion {
  channel: string;
  address: string;
  subject?: string | null;
  content: string;
  /** The order of the earlier contact this message answers in its thread (e-mail In-Reply-To / References). */
  threadTicketId?: number | null;
  /** The citizen the channel itself vouches for (SMS sender, linked OpenID or e-mail address); never a number written in the text. */
  senderCitizenId: number | null;
}

export interface FollowUp {
  /** The order the message joins: the one it is about, or the main order that one was merged into. */
  ticket: TicketRef;
  via: 'thread' | 'number';
  /** 并单: the number of the order the message is about, when that order was merged into `ticket`. */
  mergedFrom?: string;
}

/** The order this message follows up, if any, and the order numbers it names. */
export async function findFollowedOrder(
  repo: ContactsRepository,
  q: FollowUpQuestion,
): Promise<{ followUp: FollowUp | null; mentioned: string[] }> {
  const mentioned = findOrderNumbersIn(`${q.subject ?? ''}\n${q.content}`);
  const candidates: FollowUp[] = [];
  const threadTicket = q.threadTicketId ? await repo.findTicket(q.threadTicketId) : null;
  if (threadTicket) candidates.push({ ticket: threadTicket, via: 'thread' });
  for (const number of mentioned.slice(0, MAX_NUMBERS)) {
    const ticket = await repo.findTicketByNumber(number);
    if (ticket && ticket.id !== threadTicket?.id) candidates.push({ ticket, via: 'number' });
  }
  for (const candidate of candidates) {
    if (await repo.isOrderOf(candidate.ticket.id, { citizenId: q.senderCitizenId, channel: q.channel, address: q.address })) {
      const main = await mainOrderOf(repo, candidate.ticket);
      return {
        followUp: main === candidate.ticket ? candidate : { ...candidate, ticket: main, mergedFrom: candidate.ticket.number },
        mentioned,
      };
    }
  }
  return { followUp: null, mentioned };
}

/** A merged order (并单) is handled as part of its main order: whatever joins it goes there. */
export async function mainOrderOf(repo: ContactsRepository, ticket: TicketRef): Promise<TicketRef> {
  return (ticket.mergedIntoId ? await repo.findTicket(ticket.mergedIntoId) : null) ?? ticket;
}
