import { z } from 'zod';
import { CHANNELS, TICKET_TYPES, URGENCIES } from '../../../common/enums.ts';
import { LIMITS } from '../../../common/limits.ts';

const id = z.coerce.number().int().positive();
export const idParams = z.object({ id });
export const attachmentParams = z.object({ id, attachmentId: id });

const sla = z.object({ waitedSeconds: z.number(), remainingSeconds: z.number(), state: z.enum(['normal', 'at_risk', 'overdue']) });

/** waiting | claimed | answered | converted (became an order) | attached (added to an order) | closed */
export const CONTACT_STATUSES = ['waiting', 'claimed', 'answered', 'converted', 'attached', 'closed'] as const;
export type ContactStatus = (typeof CONTACT_STATUSES)[number];

/**
 * What the channel's adapter and the queue kept about a contact that the agents' screen reads; other keys (e-mail
 * thread ids, WeChat message type and location …) pass through as stored.
 */
const contactMeta = z.looseObject({
  /** Files that came with it (an e-mail's attachments), stored by the attachments module. */
  attachments: z.array(z.object({ id: z.number(), filename: z.string(), mimeType: z.string(), sizeBytes: z.number() })).optional(),
  refusedAttachments: z.array(z.object({ filename: z.string(), mimeType: z.string(), reason: z.string() })).optional(),
  /** The earlier contact this e-mail answers in its thread, and that contact's order. */
  thread: z.object({ contactId: z.number(), ticketId: z.number().nullable() }).optional(),
  /** Why the message was taken closed (too large, too many attachments). */
  rejectedReason: z.string().optional(),
  /** 追加: joined the sender's own order by itself; `mergedFrom`: the order it named, merged (并单) into `number`. */
  followUp: z.object({ number: z.string(), via: z.enum(['thread', 'number']), mergedFrom: z.string().optional() }).optional(),
  /** Order numbers named by someone who is not that order's citizen: noted, not followed. */
  mentionedNumbers: z.array(z.string()).optional(),
  /** A message board's (人民网, Weibo) list: how it came, the file and row, and the votes the board counted. */
  importedFrom: z.enum(['file', 'pull']).optional(),
  filename: z.string().optional(),
  row: z.number().optional(),
  likes: z.number().optional(),
  against: z.number().optional(),
  reposts: z.number().optional(),
  comments: z.number().optional(),
});

export type ContactMeta = z.infer<typeof contactMeta>;

export const contactOut = z.object({
  id: z.number(),
  channel: z.string(),
  address: z.string(),
  senderName: z.string().nullable(),
  subject: z.string().nullable(),
  content: z.string(),
  status: z.enum(CONTACT_STATUSES),
  citizenId: z.number().nullable(),
  /** A phone number written in the message, masked, with its citizen when one exists: a suggestion until an agent confirms it. */
  suggestedCitizen: z.object({ phone: z.string(), citizenId: z.number().nullable() }).nullable(),
  ticketId: z.number().nullable(),
  ticketNumber: z.string().nullable(),
  claimedById: z.number().nullable(),
  claimedAt: z.date().nullable(),
  receivedAt: z.date(),
  respondBy: z.date(),
  respondedAt: z.date().nullable(),
  sla,
  meta: contactMeta,
});

export const messageOut = z.object({
  id: z.number(),
  channel: z.string(),
  kind: z.string(),
  subject: z.string().nullable(),
  body: z.string(),
  status: z.string(),
  contactId: z.number().nullable(),
  ticketId: z.number().nullable(),
  externalId: z.string().nullable(),
  lastError: z.string().nullable(),
  deliveryReports: z.array(z.object({ at: z.string(), status: z.string(), detail: z.string() })),
  notBefore: z.date().nullable(),
  createdAt: z.date(),
  sentAt: z.date().nullable(),
  deliveredAt: z.date().nullable(),
});

export const listQuery = z.object({
  /** open: waiting or claimed; mine: claimed by me; answered: dealt with */
  status: z.enum(['open', 'mine', 'answered', 'all']).default('open'),
  channel: z.enum(CHANNELS).optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(100),
});

export const listOut = z.object({
  items: z.array(contactOut),
  counts: z.array(z.object({ channel: z.string(), open: z.number(), overdue: z.number() })),
  now: z.date(),
});

export const detailOut = contactOut.extend({ messages: z.array(messageOut) });

export const replyBody = z.object({ body: z.string().trim().min(1).max(LIMITS.replyMax) });

export const toTicketBody = z.object({
  type: z.enum(TICKET_TYPES),
  urgency: z.enum(URGENCIES).default('normal'),
  title: z.string().trim().max(LIMITS.titleMax).optional(),
  content: z.string().trim().min(1).max(LIMITS.contentMax).optional(),
  categoryId: id.nullish(),
  regionId: id.nullish(),
  address: z.string().trim().max(LIMITS.addressMax).nullish(),
  isConfidential: z.boolean().default(false),
});

export const attachBody = z.object({ ticketNumber: z.string().trim().min(1).max(40) });
export const orderRef = z.object({ contactId: z.number(), ticketId: z.number(), number: z.string() });

export const historyOut = z.object({
  citizenId: z.number(),
  channels: z.array(z.object({ channel: z.string(), address: z.string() })),
  notices: z.object({ preferredChannel: z.string().nullable(), isOptedOut: z.boolean() }),
  items: z.array(
    z.object({
      kind: z.enum(['contact', 'ticket', 'call']),
      at: z.date(),
      channel: z.string(),
      id: z.number(),
      text: z.string(),
      status: z.string(),
      ticketId: z.number().nullable(),
    }),
  ),
  now: z.date(),
});

export const noticeSettingsBody = z.object({ preferredChannel: z.enum(['sms', 'wechat', 'mailbox']).nullable(), isOptedOut: z.boolean() });
export const noticeSettingsOut = noticeSettingsBody.extend({ preferredChannel: z.string().nullable() });

export const ticketChannelsOut = z.object({ contacts: z.array(contactOut), messages: z.array(messageOut) });
