/** Insight calls (智能分析): hotspots, surge alerts, drill-down, reply quality, auto-dispatch rules, dispatch accuracy, model versions. */
import { api } from './client.ts';
import type { DispatchCandidate, ResponseOf } from './types.ts';

export interface Hotspot {
  rank: number;
  title: string;
  heat: number;
  region: string | null;
  place: string | null;
  /** The district (区/县) most of its orders lie in. */
  district: string | null;
  ticketIds: number[];
  numbers: string[];
  count: number;
  citizens: number;
  components: { count: number; citizens: number; growth: number; urgency: number; likes: number };
  terms: string[];
  firstAt: string;
  lastAt: string;
  trend: { direction: 'rising' | 'falling' | 'steady'; unit: 'day' | 'week' | 'month'; series: { period: string; count: number }[] };
}
export interface Hotspots {
  from: string;
  to: string;
  orders: number;
  ordersInPeriod: number;
  /** The period held more orders than one computation takes: the newest were grouped (the message says how many, from when). */
  capped: { limit: number; since: string; message: string; messageEn: string } | null;
  /** Computed in the background: pending/running until the job has stored a result; `items` may be an older one meanwhile. */
  status: 'pending' | 'running' | 'ready' | 'failed';
  computedAt: string | null;
  durationMs: number | null;
  error: { message: string; messageEn: string; details: string } | null;
  items: Hotspot[];
}

export interface SurgeAlert {
  id: number;
  granularity: 'hour' | 'day';
  period: string;
  windowStart: string;
  windowEnd: string;
  categoryId: number | null;
  categoryName: string | null;
  regionId: number | null;
  regionName: string | null;
  observed: number;
  expected: number;
  risePercent: number;
  pValue: number;
  baselinePeriods: number;
  level: 'warning' | 'critical';
  message: string;
  messageEn: string;
  ticketIds: number[];
  createdAt: string;
  updatedAt: string;
}
/** An alert as the live stream carries it: without its orders, with their count. */
export type LiveAlert = Omit<SurgeAlert, 'ticketIds'> & { ticketCount: number; isEscalation: boolean };

export interface DrillDownOrder {
  id: number;
  number: string;
  title: string;
  status: string;
  urgency: string;
  slaState: string;
  createdAt: string;
  categoryName: string | null;
  regionName: string | null;
  leadUnitName: string | null;
}

export interface ReplyQuality {
  ticketId: number;
  reply: { id: number; status: string; unitId: number; unitName: string; createdAt: string };
  score: number;
  threshold: number;
  isAcceptable: boolean;
  relevance: number;
  completeness: number;
  form: number;
  checks: { hasAction: boolean; hasTime: boolean; hasActor: boolean; hasNextStep: boolean; mentionsPlace: boolean | null };
  matchedTerms: string[];
  problems: { code: string; message: string; messageEn: string }[];
  summary: { message: string; messageEn: string };
  subScores: {
    key: 'relevance' | 'completeness' | 'form';
    label: { zh: string; en: string };
    score: number;
    weight: number;
    message: string;
    messageEn: string;
  }[];
}

export interface AutoDispatchRule {
  id: number;
  categoryId: number;
  categoryName: string;
  minConfidence: number;
  isEnabled: boolean;
  updatedById: number | null;
  createdAt: string;
  updatedAt: string;
}

interface AccuracyFigures {
  decided: number;
  autoDispatched: number;
  categoryAccuracy: number | null;
  unitAccuracy: number | null;
  autoDispatchShare: number | null;
}
export interface DispatchAccuracy extends AccuracyFigures {
  from: string;
  to: string;
  series: (AccuracyFigures & { weekStart: string })[];
}

export interface ModelVersion {
  id: number;
  labelKind: 'category' | 'unit';
  version: number;
  examples: number;
  classes: number | null;
  holdoutCount: number | null;
  accuracy: number | null;
  macroF1: number | null;
  weightedF1: number | null;
  expectedCalibrationError: number | null;
  warnings: string[];
  /** Share (0–1) of the training orders the demo city generated; null on versions trained before it was recorded. */
  syntheticShare: number | null;
  isRefitted: boolean | null;
  isInUse: boolean;
  trainedByName: string | null;
  createdAt: string;
}
export interface ModelDetail extends ModelVersion {
  perClass: { label: string; name: string | null; precision: number; recall: number; f1: number; support: number }[];
  confusion: { labels: { label: string; name: string | null; isOther: boolean }[]; matrix: number[][] } | null;
}
export interface TrainOutcome {
  models: {
    labelKind: 'category' | 'unit';
    modelId: number;
    version: number;
    examples: number;
    classes: number;
    accuracy: number | null;
    macroF1: number | null;
    syntheticShare: number;
    warnings: string[];
  }[];
  skipped: { labelKind: 'category' | 'unit'; message: string; messageEn: string }[];
}

export const getHotspots = (query: { from?: string; to?: string; top?: number }) => api.get<Hotspots>('/api/v1/insight/hotspots', query);
export const getAlerts = (query: { from?: string; to?: string }) =>
  api.get<{ from: string; to: string; items: SurgeAlert[]; isTruncated: boolean }>('/api/v1/insight/alerts', query);
export const getDrillDown = (ids: number[]) => api.get<{ items: DrillDownOrder[] }>('/api/v1/insight/orders', { ids: ids.slice(-500) });
export const getReplyQuality = (ticketId: number) => api.get<ReplyQuality>(`/api/v1/insight/reply-quality/${ticketId}`);
export const getDispatchAccuracy = (from: string, to: string) =>
  api.get<DispatchAccuracy>('/api/v1/insight/dispatch-accuracy', { from, to });

export const listRules = () => api.get<{ items: AutoDispatchRule[] }>('/api/v1/admin/insight/auto-dispatch-rules');
export const createRule = (body: { categoryId: number; minConfidence: number; isEnabled: boolean }) =>
  api.post<AutoDispatchRule>('/api/v1/admin/insight/auto-dispatch-rules', body);
export const updateRule = (id: number, body: { minConfidence?: number; isEnabled?: boolean }) =>
  api.patch<AutoDispatchRule>(`/api/v1/admin/insight/auto-dispatch-rules/${id}`, body);
export const deleteRule = (id: number) => api.delete<void>(`/api/v1/admin/insight/auto-dispatch-rules/${id}`);

export const listModels = () => api.get<{ items: ModelVersion[] }>('/api/v1/admin/insight/models');
export const getModel = (id: number) => api.get<ModelDetail>(`/api/v1/admin/insight/models/${id}`);
export const trainModels = (labelKind: 'category' | 'unit' | 'both') =>
  api.post<TrainOutcome>('/api/v1/admin/insight/train', { labelKind });

/** 智能派单: the model's category and unit for a text (and the order it belongs to, once saved). */
export type DispatchSuggestion = ResponseOf<'/api/v1/insight/suggest', 'post'>;
export const suggestDispatch = (body: { content: string; regionId?: number; ticketId?: number }) =>
  api.post<DispatchSuggestion>('/api/v1/insight/suggest', body);

/** Tells smart dispatch what the agent finally chose (for its accuracy figures). */
export const reportSuggestionDecision = (
  suggestionId: number,
  body: { ticketId: number; categoryId: number | null; unitId: number | null },
) => api.post<unknown>(`/api/v1/insight/suggestions/${suggestionId}/decision`, body);

/** 派单目录: the units the catalogue names for a category and region. */
export const lookupCatalogue = (query: { categoryId: number | null; regionId: number | null }) =>
  api.get<{ candidates: DispatchCandidate[] }>('/api/v1/dispatch-catalogue/lookup', query);

export type ReplyTemplate = ResponseOf<'/api/v1/reply-templates'>['items'][number];
export const listReplyTemplates = (categoryId: number | null) =>
  api.get<{ items: ReplyTemplate[] }>('/api/v1/reply-templates', categoryId ? { categoryId } : {});
