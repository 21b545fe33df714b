/** The written-contact queue's side of /api/v1/contacts: shapes and calls. */
import { api } from '../../api/client.ts';

export type ContactStatus = 'waiting' | 'claimed' | 'answered' | 'converted' | 'attached' | 'closed';
export type QueueFilter = 'open' | 'mine' | 'answered' | 'all';
export interface SlaClock { waitedSeconds: number; remainingSeconds: number; state: 'normal' | 'at_risk' | 'overdue' }
export interface ContactAttachment { id: number; filename: string; mimeType: string; sizeBytes: number }

export interface Contact {
  id: number; channel: string; address: string; senderName: string | null; subject: string | null; content: string;
  status: ContactStatus; citizenId: number | null; ticketId: number | null; claimedById: number | null; claimedAt: string | null;
  receivedAt: string; respondBy: string; respondedAt: string | null; sla: SlaClock;
  meta: { attachments?: ContactAttachment[]; refusedAttachments?: { filename: string; reason: string }[]; thread?: { contactId: number; ticketId: number | null }; rejectedReason?: string };
}
export interface ChannelMessage {
  id: number; channel: string; kind: string; subject: string | null; body: string; status: string; createdAt: string; sentAt: string | null; deliveredAt: string | null; lastError: string | null;
}
export interface HistoryItem { kind: 'contact' | 'ticket' | 'call'; at: string; channel: string; id: number; text: string; status: string; ticketId: number | null }

export const contactsApi = {
  list: (status: QueueFilter) => api.get<{ items: Contact[]; counts: { channel: string; open: number; overdue: number }[]; now: string }>('/api/v1/contacts', { status, limit: 200 }),
  get: (id: number) => api.get<Contact & { messages: ChannelMessage[] }>(`/api/v1/contacts/${id}`),
  claim: (id: number) => api.post<Contact>(`/api/v1/contacts/${id}/claim`),
  release: (id: number) => api.post<Contact>(`/api/v1/contacts/${id}/release`),
  reply: (id: number, body: string, key: string) => api.post<ChannelMessage>(`/api/v1/contacts/${id}/reply`, { body }, { 'Idempotency-Key': key }),
  toTicket: (id: number, input: { type: string; urgency: string; title?: string }) => api.post<{ ticketId: number; number: string }>(`/api/v1/contacts/${id}/ticket`, input),
  attach: (id: number, ticketNumber: string) => api.post<{ ticketId: number; number: string }>(`/api/v1/contacts/${id}/attach`, { ticketNumber }),
  history: (citizenId: number) => api.get<{ items: HistoryItem[]; channels: { channel: string; address: string }[] }>(`/api/v1/citizens/${citizenId}/contacts`),
  attachmentUrl: (id: number, attachmentId: number) => `/api/v1/contacts/${id}/attachments/${attachmentId}`,
};

/** 2 分 / 3 小时 5 分: a duration for the queue, in the reader's language. */
export function durationParts(seconds: number): { d: number; h: number; m: number } {
  const s = Math.max(0, Math.floor(Math.abs(seconds)));
  return { d: Math.floor(s / 86_400), h: Math.floor((s % 86_400) / 3600), m: Math.floor((s % 3600) / 60) };
}
