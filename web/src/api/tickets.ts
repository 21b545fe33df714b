/** Ticket calls: lists, details and the lifecycle transitions. */
import { api } from './client.ts';
import type { CitizenLookup, Page, ResponseOf, SimilarTicket, TicketDetail, TicketSummary } from './types.ts';

export interface TicketFilters {
  status?: string[];
  unitId?: number;
  categoryId?: number;
  regionId?: number;
  channel?: string;
  type?: string;
  urgency?: string;
  slaState?: 'normal' | 'at_risk' | 'overdue';
  overdue?: boolean;
  citizenPhone?: string;
  from?: string;
  to?: string;
  q?: string;
  /** Orders whose latest reply the center sent back (被驳回). */
  replyRejected?: boolean;
  /** Only orders the signed-in unit still holds an active assignment on (unit desk). */
  activeOnly?: boolean;
  /** 'due': most urgent first (overdue, then the nearest deadline); 'waiting': 紧急 first, then the longest waiting (dispatch queue); newest first otherwise */
  sort?: 'created' | 'due' | 'waiting';
}

/** `paging.offset` jumps to a page (the cursor walks through them); `withTotal` also counts every matching order. */
export function listTickets(
  filters: TicketFilters,
  cursor: string | null,
  limit = 20,
  signal?: AbortSignal,
  paging: { offset?: number; withTotal?: boolean } = {},
) {
  return api.get<Page<TicketSummary> & { total?: number }>(
    '/api/v1/tickets',
    { ...filters, cursor, limit, offset: paging.offset || undefined, withTotal: paging.withTotal || undefined } as never,
    signal,
  );
}

/** Every page of a filter, for export; stops at `max` rows. */
export async function listAllTickets(filters: TicketFilters, max = 10_000): Promise<TicketSummary[]> {
  const rows: TicketSummary[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<TicketSummary> = await listTickets(filters, cursor, 200);
    rows.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && rows.length < max);
  return rows.slice(0, max);
}

/** 受理: a new order; the idempotency key makes sending it again (a retry, a reload) create it once. */
export const createTicket = (body: Record<string, unknown>, idempotencyKey: string) =>
  api.post<TicketDetail>('/api/v1/tickets', body, { 'idempotency-key': idempotencyKey });

export const getTicket = (id: number) => api.get<TicketDetail>(`/api/v1/tickets/${id}`);

/** POST /tickets/:id/<action> with the optimistic-lock version. */
export function transition(ticket: { id: number; version?: number }, action: string, body: Record<string, unknown> = {}) {
  return api.post<TicketDetail>(`/api/v1/tickets/${ticket.id}/${action.replace(/_/g, '-')}`, { version: ticket.version, ...body });
}

/** Possible duplicates (重复件) of a text being taken in, or of a saved order (its own row left out). */
export const findDuplicates = (body: { content: string; title?: string; regionId?: number; ticketId?: number }) =>
  api.post<{ items: SimilarTicket[]; isRepeat: boolean }>('/api/v1/insight/duplicates', body);

export const getTicketByNumber = (number: string) => api.get<TicketDetail>(`/api/v1/tickets/by-number/${encodeURIComponent(number)}`);

/** Shows the citizen's full number; the server writes it to the audit log. */
export const revealPhone = (id: number) => api.post<{ phone: string | null }>(`/api/v1/tickets/${id}/reveal-phone`);

/** The deadlines an order of this kind would get if dispatched now. */
export const slaPreview = (query: { type: string; urgency: string; categoryId: number | null }) =>
  api.get<ResponseOf<'/api/v1/sla/preview'>>('/api/v1/sla/preview', query);

/** A caller's citizen record and recent orders (GET /citizens/lookup). */
export const lookupCitizen = (phone: string) => api.get<CitizenLookup>('/api/v1/citizens/lookup', { phone });
