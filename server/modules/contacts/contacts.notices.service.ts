/**
 * Notices and the outgoing-message outbox: notices about orders to their citizens (in the channel that reaches them,
 * quiet hours respected), the citizen's notice settings, sending each queued message once, and delivery reports.
 */
import { sql } from 'drizzle-orm';
import type { Actor } from '../../lib/actor.ts';
import { notFound } from '../../lib/errors.ts';
import { createEventsRepository } from '../events/events.repository.ts';
import { authorize } from './contacts.policy.ts';
import { createContactsRepository, type ContactsRepository, type TicketRef } from './contacts.repository.ts';
import { noticeOf, trackUrlOf, type NoticeKind } from './contacts.notices.ts';
import { presentMessage } from './contacts.presenter.ts';
import { afterQuietHours } from './contacts.rules.ts';
import type { ContactsDeps } from './contacts.service.ts';

const NOTICES_CURSOR = 'order-notices';

export function createContactNotices(
  deps: Pick<ContactsDeps, 'db' | 'clock' | 'senders' | 'quietHours' | 'publicBaseUrl'>,
  shared: { repo: ContactsRepository; log: NonNullable<ContactsDeps['log']> },
) {
  const { db, clock } = deps;
  const { repo, log } = shared;

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

  const service = {
    async setNoticeSettings(actor: Actor, citizenId: number, input: { preferredChannel: string | null; isOptedOut: boolean }) {
      authorize(actor, 'work');
      if (!(await repo.findCitizen(citizenId))) throw notFound({ zh: '诉求人', en: 'citizen' }, { id: citizenId });
      const row = await repo.saveNoticeSettings({ citizenId, ...input, updatedAt: clock.now() });
      return { preferredChannel: row.preferredChannel, isOptedOut: row.isOptedOut };
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
      const notice = noticeOf(kind, { number: ticket.number, trackUrl: trackUrlOf(deps.publicBaseUrl, ticket.number) }, ticket.language);
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
        if (kind && event.ticketId && hasSenders && (await service.notifyCitizen(event.ticketId, kind))) notices++;
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
  return service;
}
