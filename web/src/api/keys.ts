/**
 * The one query-key factory: every useQuery, setQueryData and invalidateQueries names its data here. Keys nest, so a
 * shorter key is the prefix of the longer ones: `keys.tickets.all` (what live updates refresh) covers every order list
 * and detail; called without its arguments a family gives the prefix that invalidates all its variants.
 */

export const keys = {
  me: ['auth', 'me'] as const,

  ref: {
    units: ['ref', 'units'] as const,
    regions: ['ref', 'regions'] as const,
    categories: ['ref', 'categories'] as const,
  },

  tickets: {
    all: ['tickets'] as const,
    list: (...a: [scope: string, filterKey: string, pageSize: number, pageIndex: number]) => ['tickets', 'list', ...a] as const,
    detail: (id: number | null | undefined) => ['tickets', 'detail', id] as const,
    caller: (phone: string) => ['tickets', 'caller', phone] as const,
    similar: (subject: string, regionId: number | null) => ['tickets', 'similar', subject, regionId] as const,
    dashboardLatest: ['tickets', 'dashboard-latest'] as const,
    overdueByUnit: ['tickets', 'overdue-by-unit'] as const,
  },

  /** 派单目录: candidates for a category and region; `catalogue()` covers them all. */
  catalogue: (...a: [categoryId?: number | null, regionId?: number | null]) => ['catalogue', ...a] as const,
  suggest: {
    all: ['suggest'] as const,
    text: (text: string, regionId: number | null | undefined) => ['suggest', text, regionId] as const,
    ticket: (id: number) => ['suggest', 'ticket', id] as const,
  },
  knowledge: {
    all: ['knowledge'] as const,
    panel: (mode: 'search' | 'about', query: unknown) => ['knowledge', mode, query] as const,
  },
  /** Templates offered on the reply form; `replyTemplates()` covers every category. */
  replyTemplates: (...a: [categoryId?: number | null]) => ['reply-templates', ...a] as const,
  slaPreview: (type: unknown, urgency: unknown, categoryId: unknown) => ['sla-preview', type, urgency, categoryId] as const,

  admin: {
    apiKeys: (...a: [includeRevoked?: boolean]) => ['admin', 'api-keys', ...a] as const,
    autoDispatchRules: ['admin', 'auto-dispatch-rules'] as const,
    calendar: (...a: [year?: number]) => ['admin', 'calendar', ...a] as const,
    catalogue: (...a: [filter?: unknown]) => ['admin', 'catalogue', ...a] as const,
    catalogueHistory: ['admin', 'catalogue-history'] as const,
    categories: ['admin', 'categories'] as const,
    insightModels: (...a: [id?: number | null]) => ['admin', 'insight-models', ...a] as const,
    knowledge: ['admin', 'knowledge'] as const,
    replyTemplates: (...a: [categoryId?: number, includeRetired?: boolean]) => ['admin', 'reply-templates', ...a] as const,
    sla: ['admin', 'sla'] as const,
    units: ['admin', 'units'] as const,
    users: ['admin', 'users'] as const,
  },

  analytics: {
    all: ['analytics'] as const,
    appeals: (...a: [month?: string]) => ['analytics', 'appeals', ...a] as const,
    assessment: (...a: [month?: string, version?: number | 'latest']) => ['analytics', 'assessment', ...a] as const,
    dashboard: ['analytics', 'dashboard'] as const,
    exclusions: ['analytics', 'exclusions'] as const,
    indicators: ['analytics', 'indicators'] as const,
    months: ['analytics', 'months'] as const,
    myUnit: (month: string) => ['analytics', 'my-unit', month] as const,
    report: (id: number | null) => ['analytics', 'report', id] as const,
    reportPdf: (id: number | null) => ['analytics', 'report-pdf', id] as const,
    reports: (...a: [filter?: string]) => ['analytics', 'reports', ...a] as const,
    settings: ['analytics', 'settings'] as const,
    staffing: (query: unknown) => ['analytics', 'staffing', query] as const,
    summary: (...a: [dimension: string, from: string, to: string, withPercentiles: boolean]) => ['analytics', 'summary', ...a] as const,
    trend: (from: string, to: string) => ['analytics', 'trend', from, to] as const,
  },

  insight: {
    alerts: (...a: [from?: string, to?: string]) => ['insight', 'alerts', ...a] as const,
    dispatchAccuracy: (from: string, to: string) => ['insight', 'dispatch-accuracy', from, to] as const,
    hotspots: (from: string, to: string, top: number) => ['insight', 'hotspots', from, to, top] as const,
    orders: (ids: number[]) => ['insight', 'orders', ids.join(',')] as const,
    replyQuality: (ticketId: number, replyId: number | null | undefined) => ['insight', 'reply-quality', ticketId, replyId] as const,
  },

  contacts: {
    all: ['contacts'] as const,
    list: (filter: unknown) => ['contacts', filter] as const,
    detail: (id: number | null) => ['contacts', 'detail', id] as const,
    history: (citizenId: number | null | undefined) => ['contacts', 'history', citizenId] as const,
  },

  portal: {
    categories: ['portal', 'categories'] as const,
    nearby: (query: unknown) => ['portal', 'nearby', query] as const,
    track: (...a: [proof?: unknown]) => ['portal', 'track', ...a] as const,
  },

  quality: {
    all: ['quality'] as const,
    agents: (period: unknown) => ['quality', 'agents', period] as const,
    calls: (period: unknown, granularity: string) => ['quality', 'calls', period, granularity] as const,
    forms: (...a: [showInactive?: boolean]) => ['quality', 'forms', ...a] as const,
    inspection: (id: number) => ['quality', 'inspection', id] as const,
    inspections: (period: unknown, status: unknown) => ['quality', 'inspections', period, status] as const,
  },

  telephony: {
    me: ['telephony', 'me'] as const,
    agents: ['telephony', 'agents'] as const,
    callbacks: (...a: [status?: string]) => ['telephony', 'callbacks', ...a] as const,
    calls: (ticketId: number) => ['telephony', 'calls', ticketId] as const,
    phone: (userId: number | null | undefined) => ['telephony', 'phone', userId] as const,
    wallboard: ['telephony', 'wallboard'] as const,
  },
};
