/** The admin editors' calls: units, categories, SLA rules, the calendar, users, API keys, knowledge and the dispatch catalogue. */
import { api } from './client.ts';
import type { Category, KnowledgeItem, ResponseOf, Unit } from './types.ts';
import type { ReplyTemplate } from './insight.ts';

const ADMIN = '/api/v1/admin';

/** Create (no id) or update (id) a row of an editable list, and delete one by id. */
function editable<Body>(path: string) {
  return {
    save: (id: number | undefined, body: Body) => (id ? api.patch<unknown>(`${path}/${id}`, body) : api.post<unknown>(path, body)),
    remove: (id: number) => api.delete<void>(`${path}/${id}`),
  };
}

export type ApiKey = ResponseOf<'/api/v1/admin/api-keys'>['items'][number];
export type AdminUser = ResponseOf<'/api/v1/admin/users'>['items'][number];
export type SlaPolicy = ResponseOf<'/api/v1/admin/sla-policies'>['items'][number];
export type CalendarYear = ResponseOf<'/api/v1/admin/calendar'>;
export type CatalogueEntry = ResponseOf<'/api/v1/admin/dispatch-catalogue'>['items'][number];
export type CatalogueChange = ResponseOf<'/api/v1/admin/dispatch-catalogue/history'>['items'][number];

export const adminApi = {
  units: {
    list: async () => (await api.get<{ items: Unit[] }>('/api/v1/units', { includeInactive: true })).items,
    ...editable<Record<string, unknown>>(`${ADMIN}/units`),
  },
  categories: {
    tree: async () => (await api.get<{ items: Category[] }>('/api/v1/categories', { view: 'tree', includeInactive: true })).items,
    ...editable<Record<string, unknown>>(`${ADMIN}/categories`),
  },
  sla: {
    list: async () => (await api.get<{ items: SlaPolicy[] }>(`${ADMIN}/sla-policies`)).items,
    ...editable<Record<string, unknown>>(`${ADMIN}/sla-policies`),
  },
  calendar: {
    year: (year: number) => api.get<CalendarYear>(`${ADMIN}/calendar`, { year }),
    /** 调休 / 节假日: marks one day a working day or not. */
    setDay: (day: string, body: { isWorkday: boolean; name?: string | null }) => api.put<unknown>(`${ADMIN}/calendar/${day}`, body),
    removeDay: (day: string) => api.delete<void>(`${ADMIN}/calendar/${day}`),
  },
  users: {
    path: `${ADMIN}/users`,
    ...editable<Record<string, unknown>>(`${ADMIN}/users`),
    resetPassword: (id: number) => api.post<{ temporaryPassword: string | null }>(`${ADMIN}/users/${id}/reset-password`, {}),
  },
  apiKeys: {
    list: async (includeRevoked: boolean) =>
      (await api.get<{ items: ApiKey[] }>(`${ADMIN}/api-keys`, { includeRevoked: includeRevoked || undefined })).items,
    create: (body: { name: string; role: string; unitId: number | null }) => api.post<ApiKey & { key: string }>(`${ADMIN}/api-keys`, body),
    revoke: (id: number) => api.post<unknown>(`${ADMIN}/api-keys/${id}/revoke`, {}),
  },
  knowledge: {
    path: '/api/v1/knowledge',
    get: (id: number) => api.get<KnowledgeItem>(`/api/v1/knowledge/${id}`),
    ...editable<Record<string, unknown>>('/api/v1/knowledge'),
  },
  catalogue: {
    list: async (filter: { categoryId?: number; regionId?: number }) =>
      (await api.get<{ items: CatalogueEntry[] }>(`${ADMIN}/dispatch-catalogue`, filter)).items,
    history: async () => (await api.get<{ items: CatalogueChange[] }>(`${ADMIN}/dispatch-catalogue/history`)).items,
    ...editable<Record<string, unknown>>(`${ADMIN}/dispatch-catalogue`),
  },
  /** 答复模板: every category's, retired ones too when asked; retiring and restoring are updates of `isActive`. */
  replyTemplates: {
    list: async (filter: { categoryId?: number; includeRetired?: boolean }) =>
      (await api.get<{ items: ReplyTemplate[] }>('/api/v1/reply-templates', filter)).items,
    ...editable<Record<string, unknown>>('/api/v1/reply-templates'),
  },
};
