/**
 * 书面诉求: contacts from every written channel in one queue, and every message to citizens through one outbox.
 * Channel adapters (server/modules/channels/*) call `receive` with what arrived and provide a sender per channel;
 * this module never knows which channel it is talking to. One service, made of its capabilities: intake of written
 * messages (contacts.intake.service.ts), the agents' queue (contacts.queue.service.ts), the citizen's history
 * (contacts.history.service.ts) and notices with the outgoing messages (contacts.notices.service.ts).
 */
import type { CallbackResult } from '../../../common/enums.ts';
import type { Db, Executor } from '../../db/client.ts';
import type { Actor, Clock } from '../../lib/actor.ts';
import type { CreateTicketInput } from '../tickets/tickets.schemas.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { createContactsRepository, type ContactRow, type TicketRef } from './contacts.repository.ts';
import type { ResponseStandards } from './contacts.rules.ts';
import { createContactsPresenter } from './contacts.presenter.ts';
import { createContactToOrder } from './contacts.to-order.ts';
import { createContactIntake } from './contacts.intake.service.ts';
import { createContactQueue } from './contacts.queue.service.ts';
import { createContactHistory } from './contacts.history.service.ts';
import { createContactNotices } from './contacts.notices.service.ts';

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
    /** 追加: writes the order's follow-up event in `tx`; `announce` after commit pushes it live. */
    recordFollowUp(tx: Executor, ticket: TicketRef, contact: ContactRow): Promise<{ announce: () => Promise<void> }>;
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

export function createContactsService(deps: ContactsDeps) {
  const repo = createContactsRepository(deps.db);
  const log = deps.log ?? (() => {});
  const presenter = createContactsPresenter(repo, deps.clock);
  const convert = createContactToOrder(deps, repo);
  return {
    ...createContactIntake(deps, { repo, log, convert }),
    ...createContactQueue(deps, { repo, presenter, convert }),
    ...createContactHistory(deps, { repo, presenter }),
    ...createContactNotices(deps, { repo, log }),
  };
}
export type ContactsService = ReturnType<typeof createContactsService>;
