/** The agents' queue of written contacts: list, read, claim and release, confirm the citizen, reply, to order, attach. */
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../lib/actor.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { CreateTicketInput } from '../tickets/tickets.schemas.ts';
import { authorize, can } from './contacts.policy.ts';
import { createContactsRepository, type ContactRow, type ContactsRepository } from './contacts.repository.ts';
import { mainOrderOf } from './contacts.follow-up.ts';
import { NO_CLAIM } from './contacts.rules.ts';
import { attachmentsOf, presentMessage, type ContactsPresenter } from './contacts.presenter.ts';
import type { ContactsDeps } from './contacts.service.ts';
import type { ContactToOrder } from './contacts.to-order.ts';

const CONTACT = { zh: '书面诉求', en: 'Contact' };
const OPEN = ['waiting', 'claimed'];

export function createContactQueue(
  deps: Pick<ContactsDeps, 'db' | 'clock' | 'audit' | 'citizens' | 'readAttachment'>,
  shared: { repo: ContactsRepository; presenter: ContactsPresenter; convert: ContactToOrder },
) {
  const { db, clock } = deps;
  const { repo, convert } = shared;
  const { presentAll, presentOne } = shared.presenter;

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

  /** 领取规则: someone else's claim stops the actor, unless they may release anyone's (a supervisor or admin). */
  function refuseOthersClaim(actor: Actor, row: ContactRow) {
    if (row.claimedById !== null && row.claimedById !== actor.userId && !can(actor, 'release_any')) throw claimedByOther(row);
  }

  /**
   * The contact is this agent's to act on: claimed by them, or unclaimed and claimed now (in one conditional update, so
   * two agents acting at once cannot both take it). Someone else's claim refuses, except to a supervisor or admin.
   */
  async function takeFor(actor: Actor, row: ContactRow): Promise<ContactRow> {
    refuseOthersClaim(actor, row);
    if (row.claimedById !== null) return row;
    const taken = await repo.updateIf(
      row.id,
      [row.status],
      { status: row.status === 'waiting' ? 'claimed' : row.status, claimedById: actor.userId, claimedAt: clock.now() },
      null,
    );
    if (taken) return taken;
    // Lost to someone who took it meanwhile: the actor asked without seeing that claim, so even a supervisor looks again.
    const now = await getContact(row.id);
    if (now.claimedById !== null && now.claimedById !== actor.userId) throw claimedByOther(now);
    throw notOpen(now);
  }

  return {
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
      const updated = await repo.updateIf(id, ['claimed'], { status: 'waiting', ...NO_CLAIM }, releaseAny ? undefined : actor.userId);
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
      refuseOthersClaim(actor, row);
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
      // only a claim still held stops a reply: a contact answered or made an order may be answered again by anyone
      if (row.status === 'claimed') refuseOthersClaim(actor, row);
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
        if (OPEN.includes(row.status)) await r.updateIf(id, OPEN, { status: 'answered', respondedAt: row.respondedAt ?? now, ...NO_CLAIM });
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
          { status: 'attached', ticketId: ticket.id, respondedAt: row.respondedAt ?? clock.now(), ...NO_CLAIM },
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
  };
}
