/** Calls of the 坐席绩效与质检 workbench: agent figures, answer rate, inspection forms, samples and scores. */
import { api } from './client.ts';
import type { BodyOf, QueryOf, ResponseOf } from './types.ts';

export type AgentRow = ResponseOf<'/api/v1/quality/agents'>['items'][number];
/** 接通率: call counts and indicators by period, and over the whole period. */
export type CallStats = ResponseOf<'/api/v1/calls/stats'>;
export type CallCounts = CallStats['total']['counts'];
export type CallIndicators = CallStats['total']['indicators'];
type Granularity = NonNullable<QueryOf<'/api/v1/calls/stats'>['granularity']>;

export type QualityForm = ResponseOf<'/api/v1/quality/forms'>['items'][number];
export type FormItem = QualityForm['items'][number];
export type FormInput = BodyOf<'/api/v1/quality/forms'>;

export type Inspection = ResponseOf<'/api/v1/quality/inspections'>['items'][number];
export type ItemScore = NonNullable<Inspection['scores']>[number];
export type InspectionDetail = ResponseOf<'/api/v1/quality/inspections/{id}'>;
export type SampleInput = BodyOf<'/api/v1/quality/samples'>;
export type SampleResult = ResponseOf<'/api/v1/quality/samples', 'post'>;
type ScoreInput = BodyOf<'/api/v1/quality/inspections/{id}/score'>;
type InspectionFilter = Pick<QueryOf<'/api/v1/quality/inspections'>, 'status' | 'agentUserId'>;

export type Period = QueryOf<'/api/v1/quality/agents'>;

export const qualityApi = {
  agents: (p: Period) => api.get<ResponseOf<'/api/v1/quality/agents'>>('/api/v1/quality/agents', { ...p }),
  callStats: (p: Period & { granularity: Granularity }) => api.get<CallStats>('/api/v1/calls/stats', { ...p }),
  forms: (includeInactive = false) => api.get<ResponseOf<'/api/v1/quality/forms'>>('/api/v1/quality/forms', { includeInactive }),
  createForm: (input: FormInput) => api.post<QualityForm>('/api/v1/quality/forms', input),
  updateForm: (id: number, input: FormInput) => api.put<QualityForm>(`/api/v1/quality/forms/${id}`, input),
  deleteForm: (id: number) => api.delete<ResponseOf<'/api/v1/quality/forms/{id}', 'delete'>>(`/api/v1/quality/forms/${id}`),
  sample: (input: SampleInput) => api.post<SampleResult>('/api/v1/quality/samples', input),
  inspections: (p: Period & InspectionFilter) =>
    api.get<ResponseOf<'/api/v1/quality/inspections'>>('/api/v1/quality/inspections', { ...p }),
  inspection: (id: number) => api.get<InspectionDetail>(`/api/v1/quality/inspections/${id}`),
  score: (id: number, input: ScoreInput) => api.post<InspectionDetail>(`/api/v1/quality/inspections/${id}/score`, input),
};

/** The month as a period that does not reach past today (the API refuses future days). */
export function monthPeriod(month: string, today: string): Period {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const end = `${month}-${String(last).padStart(2, '0')}`;
  return { from: `${month}-01`, to: end < today ? end : today };
}

export const percent = (v: number | null | undefined, digits = 1) =>
  v === null || v === undefined ? '—' : `${(v * 100).toFixed(digits)}%`;
export const seconds = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${Math.round(v)}`);
