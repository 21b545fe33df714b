/** Insight calls (智能分析): hotspots, surge alerts, drill-down, reply quality, auto-dispatch rules, dispatch accuracy, model versions. */
import { api } from './client.ts';
import type { BodyOf, QueryOf, ResponseOf } from './types.ts';

/** Hotspots are computed in the background: `status` pending/running until the job has stored a result (`items` may be an older one). */
export type Hotspots = ResponseOf<'/api/v1/insight/hotspots'>;
export type Hotspot = Hotspots['items'][number];
type Alerts = ResponseOf<'/api/v1/insight/alerts'>;
export type SurgeAlert = Alerts['items'][number];
/** An alert as the live stream carries it (not in the OpenAPI document): without its orders, with their count. */
export type LiveAlert = Omit<SurgeAlert, 'ticketIds'> & { ticketCount: number; isEscalation: boolean };
export type DrillDownOrder = ResponseOf<'/api/v1/insight/orders'>['items'][number];
export type ReplyQuality = ResponseOf<'/api/v1/insight/reply-quality/{ticketId}'>;
export type DispatchAccuracy = ResponseOf<'/api/v1/insight/dispatch-accuracy'>;

const RULES = '/api/v1/admin/insight/auto-dispatch-rules';
export type AutoDispatchRule = ResponseOf<typeof RULES>['items'][number];
type NewRule = BodyOf<typeof RULES>;
type RuleChange = BodyOf<'/api/v1/admin/insight/auto-dispatch-rules/{id}', 'patch'>;

export type ModelVersion = ResponseOf<'/api/v1/admin/insight/models'>['items'][number];
export type ModelDetail = ResponseOf<'/api/v1/admin/insight/models/{id}'>;
export type TrainOutcome = ResponseOf<'/api/v1/admin/insight/train', 'post'>;
type LabelKinds = NonNullable<BodyOf<'/api/v1/admin/insight/train'>['labelKind']>;

export const getHotspots = (query: QueryOf<'/api/v1/insight/hotspots'>) => api.get<Hotspots>('/api/v1/insight/hotspots', query);
export const getAlerts = (query: QueryOf<'/api/v1/insight/alerts'>) => api.get<Alerts>('/api/v1/insight/alerts', query);
export const getDrillDown = (ids: number[]) =>
  api.get<ResponseOf<'/api/v1/insight/orders'>>('/api/v1/insight/orders', { ids: ids.slice(-500) });
export const getReplyQuality = (ticketId: number) => api.get<ReplyQuality>(`/api/v1/insight/reply-quality/${ticketId}`);
export const getDispatchAccuracy = (from: string, to: string) =>
  api.get<DispatchAccuracy>('/api/v1/insight/dispatch-accuracy', { from, to });

export const listRules = () => api.get<ResponseOf<typeof RULES>>(RULES);
export const createRule = (body: NewRule) => api.post<AutoDispatchRule>(RULES, body);
export const updateRule = (id: number, body: RuleChange) => api.patch<AutoDispatchRule>(`${RULES}/${id}`, body);
export const deleteRule = (id: number) => api.delete<void>(`${RULES}/${id}`);

export const listModels = () => api.get<ResponseOf<'/api/v1/admin/insight/models'>>('/api/v1/admin/insight/models');
export const getModel = (id: number) => api.get<ModelDetail>(`/api/v1/admin/insight/models/${id}`);
export const trainModels = (labelKind: LabelKinds) => api.post<TrainOutcome>('/api/v1/admin/insight/train', { labelKind });

/** 智能派单: the model's category and unit for a text (and the order it belongs to, once saved). */
export type DispatchSuggestion = ResponseOf<'/api/v1/insight/suggest', 'post'>;
export const suggestDispatch = (body: BodyOf<'/api/v1/insight/suggest'>) => api.post<DispatchSuggestion>('/api/v1/insight/suggest', body);

/** Tells smart dispatch what the agent finally chose (for its accuracy figures). */
export const reportSuggestionDecision = (suggestionId: number, body: BodyOf<'/api/v1/insight/suggestions/{id}/decision'>) =>
  api.post<ResponseOf<'/api/v1/insight/suggestions/{id}/decision', 'post'>>(`/api/v1/insight/suggestions/${suggestionId}/decision`, body);

/** 派单目录: the units the catalogue names for a category and region. */
export const lookupCatalogue = (query: { categoryId: number | null; regionId: number | null }) =>
  api.get<ResponseOf<'/api/v1/dispatch-catalogue/lookup'>>('/api/v1/dispatch-catalogue/lookup', query);

export type ReplyTemplate = ResponseOf<'/api/v1/reply-templates'>['items'][number];
export const listReplyTemplates = (categoryId: number | null) =>
  api.get<ResponseOf<'/api/v1/reply-templates'>>('/api/v1/reply-templates', categoryId ? { categoryId } : {});
