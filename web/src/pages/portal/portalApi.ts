/** The citizen portal's calls: no account, rate-limited, tracked by order number and the phone's last four digits. */
import { request } from '../../api/client.ts';
import type { PublicProgress } from '../../api/types.ts';

export interface PortalSubmission {
  type?: string;
  content: string;
  phone: string;
  name?: string;
  address?: string;
  files: File[];
}

export function submitRequest(input: PortalSubmission) {
  const form = new FormData();
  for (const [key, value] of Object.entries(input)) {
    if (key === 'files' || value === undefined || value === '') continue;
    form.append(key, String(value));
  }
  for (const file of input.files) form.append('files', file, file.name);
  return request<{ number: string; token?: string }>('POST', '/api/v1/public/requests', { body: form });
}

export async function trackRequest(number: string, phoneLast4: string): Promise<PublicProgress> {
  const raw = await request<any>('GET', `/api/v1/public/requests/${encodeURIComponent(number)}`, { query: { phoneLast4 } });
  return normalizeProgress(raw);
}

export function rateRequest(number: string, body: { phoneLast4: string; rating: number; comment?: string }) {
  return request<unknown>('POST', `/api/v1/public/requests/${encodeURIComponent(number)}/rating`, { body });
}

/** Accepts the public progress answer in the shapes the intake module may give it. */
export function normalizeProgress(raw: any): PublicProgress {
  const timeline = (raw.timeline ?? raw.events ?? []).map((e: any) => ({
    action: e.action,
    label: e.label ?? e.actionLabel ?? e.statusLabel ?? e.action,
    at: e.at ?? e.createdAt,
    note: e.note ?? null,
  }));
  const replySource = raw.reply ?? raw.officialReply ?? null;
  const reply = typeof replySource === 'string' ? { content: replySource } : replySource ? {
    content: replySource.content, unitName: replySource.unitName ?? null, at: replySource.at ?? replySource.createdAt ?? null,
  } : null;
  return {
    number: raw.number,
    status: raw.status,
    statusLabel: raw.statusLabel ?? { zh: raw.status, en: raw.status },
    type: raw.type,
    content: raw.content,
    createdAt: raw.createdAt,
    timeline,
    reply,
    rating: raw.rating ?? raw.citizenRating ?? null,
    canRate: raw.canRate ?? (raw.status === 'closed' && !(raw.rating ?? raw.citizenRating)),
  };
}
