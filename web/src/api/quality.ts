/** Calls of the 坐席绩效与质检 workbench: agent figures, answer rate, inspection forms, samples and scores. */
import { api } from './client.ts';

export interface AgentRow {
  agentUserId: number;
  username: string;
  displayName: string;
  role: string;
  isActive: boolean;
  callsAnswered: number;
  talkSeconds: number;
  wrapUpSeconds: number;
  ordersCreated: number;
  nonPhoneOrders: number;
  directAnswered: number;
  contactsHandled: number;
  directAnswerRate: number | null;
  averageHandlingSeconds: number | null;
  averageQaScore: number | null;
  inspections: number;
  fatalInspections: number;
  pendingInspections: number;
}

export interface CallCounts {
  offered: number;
  answered: number;
  abandoned: number;
  answeredWithinTarget: number;
  answeredWaitSeconds: number;
  waitSeconds: number;
  talkSeconds: number;
  wrapUpSeconds: number;
  rated: number;
  ratedSatisfied: number;
}
export type CallIndicators = Record<
  | 'calls_offered'
  | 'calls_answered'
  | 'answer_rate'
  | 'answer_15s_rate'
  | 'abandon_rate'
  | 'avg_speed_of_answer_seconds'
  | 'avg_call_handling_seconds'
  | 'calls_rated'
  | 'call_satisfaction_rate',
  number | null
>;
export interface CallStats {
  from: string;
  to: string;
  granularity: string;
  targetSeconds: number;
  patienceSeconds: number | null;
  rows: { period: string; counts: CallCounts; indicators: CallIndicators }[];
  total: { counts: CallCounts; indicators: CallIndicators };
}

export interface FormItem {
  key: string;
  label: string;
  maxPoints: number;
  isFatal: boolean;
}
export interface QualityForm {
  id: number;
  name: string;
  description: string | null;
  version: number;
  previousVersionId: number | null;
  items: FormItem[];
  isActive: boolean;
  usedCount: number;
  isFrozen: boolean;
}
export interface FormInput {
  name: string;
  description?: string | null;
  items: FormItem[];
  isActive: boolean;
}

export interface ItemScore {
  key: string;
  points: number | null;
  isViolated: boolean | null;
}
export interface Inspection {
  id: number;
  formId: number;
  formName: string;
  formVersion: number;
  agentUserId: number;
  agentName: string;
  subjectKind: 'ticket' | 'call';
  ticketId: number | null;
  ticketNumber: string | null;
  ticketTitle: string | null;
  ticketChannel: string | null;
  callRecordId: number | null;
  callPhone: string | null;
  callTalkSeconds: number | null;
  callQueue: string | null;
  subjectAt: string;
  sampleSeed: number;
  status: 'pending' | 'scored';
  score: number | null;
  hasFatal: boolean | null;
  scores: ItemScore[] | null;
  comment: string | null;
  inspectorName: string | null;
  scoredAt: string | null;
}
export interface InspectionDetail extends Inspection {
  form: QualityForm;
}
export interface SampleInput {
  formId: number;
  from: string;
  to: string;
  agentUserIds?: number[];
  ordersPerAgent: number;
  callsPerAgent: number;
  seed?: number;
}
export interface SampleResult {
  seed: number;
  agents: { agentUserId: number; orderCandidates: number; callCandidates: number; orders: number; calls: number }[];
  items: Inspection[];
}

export interface Period {
  from: string;
  to: string;
}

export const qualityApi = {
  agents: (p: Period) => api.get<{ from: string; to: string; items: AgentRow[] }>('/api/v1/quality/agents', { ...p }),
  callStats: (p: Period & { granularity: 'day' | 'week' | 'month' | 'half_hour' }) => api.get<CallStats>('/api/v1/calls/stats', { ...p }),
  forms: (includeInactive = false) => api.get<{ items: QualityForm[] }>('/api/v1/quality/forms', { includeInactive }),
  createForm: (input: FormInput) => api.post<QualityForm>('/api/v1/quality/forms', input),
  updateForm: (id: number, input: FormInput) => api.put<QualityForm>(`/api/v1/quality/forms/${id}`, input),
  deleteForm: (id: number) => api.delete<{ id: number; isDeleted: boolean; isActive: boolean }>(`/api/v1/quality/forms/${id}`),
  sample: (input: SampleInput) => api.post<SampleResult>('/api/v1/quality/samples', input),
  inspections: (p: Period & { status?: 'pending' | 'scored'; agentUserId?: number }) =>
    api.get<{ items: Inspection[] }>('/api/v1/quality/inspections', { ...p }),
  inspection: (id: number) => api.get<InspectionDetail>(`/api/v1/quality/inspections/${id}`),
  score: (id: number, input: { scores: { key: string; points?: number; isViolated?: boolean }[]; comment?: string | null }) =>
    api.post<InspectionDetail>(`/api/v1/quality/inspections/${id}/score`, input),
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
