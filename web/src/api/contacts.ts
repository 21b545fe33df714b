/** The written-contact queue's side of /api/v1/contacts: shapes from the API's contract, and calls. */
import { api, request, withQuery } from './client.ts';
import type { BodyOf, QueryOf, ResponseOf } from './types.ts';

export type Contact = ResponseOf<'/api/v1/contacts'>['items'][number];
export type ContactStatus = Contact['status'];
export type QueueFilter = NonNullable<QueryOf<'/api/v1/contacts'>['status']>;
export type ContactDetail = ResponseOf<'/api/v1/contacts/{id}'>;
export type ChannelMessage = ContactDetail['messages'][number];
export type ContactHistory = ResponseOf<'/api/v1/citizens/{id}/contacts'>;
export type HistoryItem = ContactHistory['items'][number];
export type BoardImport = ResponseOf<'/api/v1/channels/boards/{source}/import', 'post'>;
export type BoardSource = BoardImport['source'];
type OrderRef = ResponseOf<'/api/v1/contacts/{id}/ticket', 'post'>;
type BoardRepliesFormat = NonNullable<QueryOf<'/api/v1/channels/boards/{source}/replies'>['format']>;

/**
 * One reason a board file was refused: the row as numbered in the file, the column as named there. It arrives in the
 * details of a 400 answer, which the OpenAPI document does not describe.
 */
export interface BoardProblem {
  row: number;
  column: string;
  message: string;
  message_en: string;
}

export const contactsApi = {
  list: (status: QueueFilter) => api.get<ResponseOf<'/api/v1/contacts'>>('/api/v1/contacts', { status, limit: 200 }),
  get: (id: number) => api.get<ContactDetail>(`/api/v1/contacts/${id}`),
  claim: (id: number) => api.post<Contact>(`/api/v1/contacts/${id}/claim`),
  release: (id: number) => api.post<Contact>(`/api/v1/contacts/${id}/release`),
  confirmCitizen: (id: number) => api.post<Contact>(`/api/v1/contacts/${id}/confirm-citizen`),
  reply: (id: number, body: string, key: string) =>
    api.post<ChannelMessage>(`/api/v1/contacts/${id}/reply`, { body }, { 'Idempotency-Key': key }),
  toTicket: (id: number, input: BodyOf<'/api/v1/contacts/{id}/ticket'>) => api.post<OrderRef>(`/api/v1/contacts/${id}/ticket`, input),
  attach: (id: number, ticketNumber: string) => api.post<OrderRef>(`/api/v1/contacts/${id}/attach`, { ticketNumber }),
  history: (citizenId: number) => api.get<ContactHistory>(`/api/v1/citizens/${citizenId}/contacts`),
  attachmentUrl: (id: number, attachmentId: number) => `/api/v1/contacts/${id}/attachments/${attachmentId}`,
  importBoard: (source: BoardSource, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return request<BoardImport>('POST', `/api/v1/channels/boards/${source}/import`, { body: form });
  },
  boardRepliesUrl: (source: BoardSource, query: { since: string; until: string; format: BoardRepliesFormat }) =>
    withQuery(`/api/v1/channels/boards/${source}/replies`, query),
};

/** 2 分 / 3 小时 5 分: a duration for the queue, in the reader's language. */
export function durationParts(seconds: number): { d: number; h: number; m: number } {
  const s = Math.max(0, Math.floor(Math.abs(seconds)));
  return { d: Math.floor(s / 86_400), h: Math.floor((s % 86_400) / 3600), m: Math.floor((s % 3600) / 60) };
}
