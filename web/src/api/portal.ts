/**
 * The citizen portal's calls: no account, rate-limited, tracked by order number and the phone's last four digits.
 * The digits are a secret: they travel in POST bodies, never in an address.
 */
import { request } from './client.ts';
import type { PublicProgress } from './types.ts';

export interface PortalSubmission {
  type?: string;
  content: string;
  phone: string;
  name?: string;
  address?: string;
  categoryId?: number;
  isConfidential?: boolean;
  lng?: number;
  lat?: number;
  language?: string;
  files: File[];
}

/** What opens an order on the portal: its number and the phone's last four digits. */
export interface TrackProof {
  number: string;
  phoneLast4: string;
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

export function trackRequest(proof: TrackProof) {
  return request<PublicProgress>('POST', '/api/v1/public/requests/track', { body: proof });
}

export function replyPhoto(proof: TrackProof, attachmentId: number) {
  return request<Blob>('POST', '/api/v1/public/requests/reply-photo', { body: { ...proof, attachmentId }, responseType: 'blob' });
}

export interface NearbyReport {
  number: string;
  title: string;
  status: string;
  statusLabel: { zh: string; en: string };
  distanceMetres: number | null;
  isSameCategory: boolean;
  createdAt: string;
}

/** Open reports near the picked point or of the chosen category, without anything personal. */
export function nearbyReports(query: { lng?: number; lat?: number; categoryId?: number }) {
  return request<{ radiusMetres: number; items: NearbyReport[] }>('GET', '/api/v1/public/nearby', { query });
}

interface CascaderOption {
  value: number;
  label: string;
  children?: CascaderOption[];
}

/** The portal's category choice: the first two levels, as cascader options. */
export async function portalCategories(): Promise<CascaderOption[]> {
  const { items } = await request<{ items: { id: number; name: string; parentId: number | null }[] }>('GET', '/api/v1/public/categories');
  const byParent = new Map<number | null, typeof items>();
  for (const c of items) byParent.set(c.parentId, [...(byParent.get(c.parentId) ?? []), c]);
  const build = (parent: number | null): CascaderOption[] =>
    (byParent.get(parent) ?? []).map((c) => {
      const children = build(c.id);
      return { value: c.id, label: c.name, children: children.length ? children : undefined };
    });
  return build(null);
}

export function rateRequest(proof: TrackProof, body: { rating: number; comment?: string }) {
  return request<unknown>('POST', `/api/v1/public/requests/${encodeURIComponent(proof.number)}/rating`, {
    body: { phoneLast4: proof.phoneLast4, ...body },
  });
}
