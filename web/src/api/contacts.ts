/** The written-contact queue's side of /api/v1/contacts: shapes and calls. */
import { api, request, withQuery } from './client.ts';

export type ContactStatus = 'waiting' | 'claimed' | 'answered' | 'converted' | 'attached' | 'closed';
export type QueueFilter = 'open' | 'mine' | 'answered' | 'all';
export interface SlaClock {
  waitedSeconds: number;
  remainingSeconds: number;
  state: 'normal' | 'at_risk' | 'overdue';
}
export interface ContactAttachment {
  id: number;
  filename: string;
  mimeType: string;
  sizeBytes: number;
}

export interface Contact {
  id: number;
  channel: string;
  address: string;
  senderName: string | null;
  subject: string | null;
  content: string;
  status: ContactStatus;
  citizenId: number | null;
  /** A number written in the message (masked), with its citizen when one exists: unconfirmed until an agent confirms it */
  suggestedCitizen: { phone: string; citizenId: number | null } | null;
  ticketId: number | null;
  ticketNumber: string | null;
  claimedById: number | null;
  claimedAt: string | null;
  receivedAt: string;
  respondBy: string;
  respondedAt: string | null;
  sla: SlaClock;
  meta: {
    attachments?: ContactAttachment[];
    refusedAttachments?: { filename: string; reason: string }[];
    thread?: { contactId: number; ticketId: number | null };
    rejectedReason?: string;
    /** 追加: attached by itself to the sender's own order; or order numbers named by someone who is not that order's citizen */
    followUp?: { number: string; via: 'thread' | 'number' };
    mentionedNumbers?: string[];
    /** A message board's (人民网, Weibo) list: where it came from and the votes the board counted */
    importedFrom?: 'file' | 'pull';
    filename?: string;
    row?: number;
    likes?: number;
    against?: number;
    reposts?: number;
    comments?: number;
  };
}
export interface ChannelMessage {
  id: number;
  channel: string;
  kind: string;
  subject: string | null;
  body: string;
  status: string;
  createdAt: string;
  sentAt: string | null;
  deliveredAt: string | null;
  lastError: string | null;
}
export type BoardSource = 'people_cn' | 'weibo';
/** One reason a board file was refused: the row as numbered in the file, the column as named there. */
export interface BoardProblem {
  row: number;
  column: string;
  message: string;
  message_en: string;
}
export interface BoardImport {
  source: BoardSource;
  format: string;
  rows: number;
  created: number;
  duplicates: number;
  contactIds: number[];
}

export interface HistoryItem {
  kind: 'contact' | 'ticket' | 'call';
  at: string;
  channel: string;
  id: number;
  text: string;
  status: string;
  ticketId: number | null;
}

export const contactsApi = {
  list: (status: QueueFilter) =>
    api.get<{ items: Contact[]; counts: { channel: string; open: number; overdue: number }[]; now: string }>('/api/v1/contacts', {
      status,
      limit: 200,
    }),
  get: (id: number) => api.get<Contact & { messages: ChannelMessage[] }>(`/api/v1/contacts/${id}`),
  claim: (id: number) => api.post<Contact>(`/api/v1/contacts/${id}/claim`),
  release: (id: number) => api.post<Contact>(`/api/v1/contacts/${id}/release`),
  confirmCitizen: (id: number) => api.post<Contact>(`/api/v1/contacts/${id}/confirm-citizen`),
  reply: (id: number, body: string, key: string) =>
    api.post<ChannelMessage>(`/api/v1/contacts/${id}/reply`, { body }, { 'Idempotency-Key': key }),
  toTicket: (id: number, input: { type: string; urgency: string; title?: string }) =>
    api.post<{ ticketId: number; number: string }>(`/api/v1/contacts/${id}/ticket`, input),
  attach: (id: number, ticketNumber: string) =>
    api.post<{ ticketId: number; number: string }>(`/api/v1/contacts/${id}/attach`, { ticketNumber }),
  history: (citizenId: number) =>
    api.get<{ items: HistoryItem[]; channels: { channel: string; address: string }[] }>(`/api/v1/citizens/${citizenId}/contacts`),
  attachmentUrl: (id: number, attachmentId: number) => `/api/v1/contacts/${id}/attachments/${attachmentId}`,
  importBoard: (source: BoardSource, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return request<BoardImport>('POST', `/api/v1/channels/boards/${source}/import`, { body: form });
  },
  boardRepliesUrl: (source: BoardSource, query: { since: string; until: string; format: 'csv' | 'xlsx' }) =>
    withQuery(`/api/v1/channels/boards/${source}/replies`, query),
};

/** 2 分 / 3 小时 5 分: a duration for the queue, in the reader's language. */
export function durationParts(seconds: number): { d: number; h: number; m: number } {
  const s = Math.max(0, Math.floor(Math.abs(seconds)));
  return { d: Math.floor(s / 86_400), h: Math.floor((s % 86_400) / 3600), m: Math.floor((s % 3600) / 60) };
}
