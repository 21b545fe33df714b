/** Analytics calls: indicator definitions, summaries, the monthly assessment, reports and staffing. */
import { useQuery } from '@tanstack/react-query';
import i18n from '../i18n/index.ts';
import { api, ApiError } from './client.ts';
import { keys } from './keys.ts';
import type { ResponseOf } from './types.ts';

export type IndicatorKind = 'count' | 'rate' | 'duration' | 'score';
export interface IndicatorDefinition {
  id: string;
  kind: IndicatorKind;
  nameZh: string;
  nameEn: string;
  formulaZh: string;
  formulaEn: string;
  direction: 'higher_better' | 'lower_better' | 'neutral';
  isAssessable: boolean;
}

export type Dimension = 'unit' | 'region' | 'category' | 'channel' | 'type';
export type IndicatorValues = Record<string, number | null>;
export interface SummaryRow {
  key: string;
  label: string;
  measures: Record<string, number>;
  indicators: IndicatorValues;
}
export interface Summary {
  from: string;
  to: string;
  groupBy: Dimension;
  rows: SummaryRow[];
  total: { measures: Record<string, number>; indicators: IndicatorValues };
}

export type DeductionKind = 'overdue' | 'improper_return' | 'supervision' | 'upheld_dissatisfaction';
export interface AssessmentConfig {
  indicators: { id: string; weight: number }[];
  deductions: { kind: DeductionKind; pointsEach: number; maxPoints: number }[];
  satisfactionCountsBasic: boolean;
}
export interface AnalyticsSettings {
  satisfactionCountsBasic: boolean;
  compositeWeights: { response: number; resolution: number; satisfaction: number };
  assessment: AssessmentConfig;
}
export interface UnitResult {
  unitId: number;
  unitName: string;
  peerGroup: string;
  score: number | null;
  rank: number | null;
  indicators: { id: string; weight: number; value: number | null; points: number | null }[];
  deductions: { kind: DeductionKind; count: number; waived: number; points: number }[];
}
export type RunStatus = 'draft' | 'published';
export interface AssessmentVersion {
  version: number;
  status: RunStatus;
  computedAt: string;
  publishedAt: string | null;
}
export interface Assessment {
  month: string;
  run: AssessmentVersion & { id: number; month: string; config: AssessmentConfig };
  versions: AssessmentVersion[];
  results: UnitResult[];
}
export interface AssessmentMonth extends AssessmentVersion {
  month: string;
}
export interface UnitAssessment {
  month: string;
  unitId: number;
  unitName: string;
  run: AssessmentVersion;
  peerGroupSize: number;
  result: UnitResult | null;
}
export interface Appeal {
  id: number;
  month: string;
  unitId: number;
  unitName: string;
  deductionKind: DeductionKind;
  count: number;
  reason: string;
  status: 'pending' | 'approved' | 'denied';
  approvedCount: number;
  decisionNote: string | null;
  createdAt: string;
  decidedAt: string | null;
}
export interface Exclusion {
  ticketId: number;
  number: string;
  title: string;
  leadUnitId: number | null;
  reason: string | null;
  excludedAt: string | null;
  excludedBy: string | null;
}

export type ReportKind = 'daily' | 'weekly' | 'monthly' | 'special';
export interface Report {
  id: number;
  kind: ReportKind;
  title: string;
  periodFrom: string;
  periodTo: string;
  params: { date?: string | null; categoryId?: number | null; isScheduled?: boolean };
  renderMs: number | null;
  createdAt: string;
  pdfUrl: string;
  xlsxUrl: string;
}
export interface HeadlineItem {
  id: string;
  nameZh: string;
  nameEn: string;
  kind: string;
  value: number | null;
  previous: number | null;
  yearAgo: number | null;
  vsPrevious: { delta: number | null; relative: number | null };
  vsYearAgo: { delta: number | null; relative: number | null };
}
export interface ReportDetail extends Report {
  content: {
    title: string;
    period: { from: string; to: string };
    generatedAt: string;
    headline: HeadlineItem[];
    trend: { day: string; contacts: number; orders: number }[];
    topCategories: { name: string; contacts: number; share: number | null }[];
    units: { rank: number | null; unitName: string; peerGroup: string; dispatches: number; compositeScore: number | null }[];
    focus: { name: string; headline: HeadlineItem[] } | null;
  };
}

export interface QueueFigures {
  agents: number;
  serviceLevel: number;
  probabilityWait: number;
  averageSpeedOfAnswer: number | null;
  abandonRate: number;
  answerRate: number;
  occupancy: number;
}
export interface StaffingSlot {
  start: string;
  volume: number;
  required: QueueFigures;
  planned: QueueFigures | null;
}
export interface StaffingDay {
  day: string;
  kind: 'workday' | 'weekend' | 'holiday';
  referenceDays: string[];
  volume: number;
  peakAgents: number;
  slots: StaffingSlot[];
}
export interface StaffingPlan {
  channel: string;
  serviceLevel: number;
  targetSeconds: number;
  aht: number;
  patience: number | null;
  model: 'erlang_c' | 'erlang_a';
  history: { from: string; to: string };
  /** calls: the phone history came from call records; contacts: from orders (absent on older servers). */
  volumeSource?: 'calls' | 'contacts';
  patienceSource?: 'input' | 'estimated' | null;
  days: StaffingDay[];
}
export interface StaffingQuery {
  serviceLevel: number;
  targetSeconds: number;
  aht: number;
  patience?: number;
  plannedAgents?: number;
  /** Shifts, e.g. "08:00-17:00*20,12:00-21:00*15" */
  roster?: string;
  days: number;
  channel: string;
  from?: string;
}

const A = '/api/v1/analytics';

/** 指标定义: the one list of definitions (names and formulas in both languages) comes from the API. */
export function useIndicators() {
  return useQuery({
    queryKey: keys.analytics.indicators,
    queryFn: async () => (await api.get<{ items: IndicatorDefinition[] }>(`${A}/indicators`)).items,
    staleTime: Infinity,
  });
}

export const analyticsApi = {
  /** 领导驾驶舱: today, the month, the trend and where the orders come from. */
  dashboard: () => api.get<ResponseOf<'/api/v1/analytics/dashboard'>>(`${A}/dashboard`),
  summary: (q: { from: string; to: string; groupBy: Dimension; percentiles?: boolean }) => api.get<Summary>(`${A}/summary`, q),
  settings: () => api.get<AnalyticsSettings>(`${A}/settings`),
  saveSettings: (s: AnalyticsSettings) => api.put<AnalyticsSettings>(`${A}/settings`, s),
  months: () => api.get<{ items: AssessmentMonth[] }>(`${A}/assessments`, { limit: 36 }),
  assessment: (month: string, version?: number) => api.get<Assessment>(`${A}/assessments/${month}`, { version }),
  unitAssessment: (month: string) => api.get<UnitAssessment>(`${A}/assessments/${month}/unit`),
  compute: (month: string, config?: AssessmentConfig) =>
    api.post<Assessment>(`${A}/assessments/${month}/compute`, config ? { config } : {}),
  publish: (month: string) => api.post<Assessment>(`${A}/assessments/${month}/publish`),
  appeals: (month: string) => api.get<{ items: Appeal[] }>(`${A}/assessments/${month}/appeals`),
  fileAppeal: (month: string, body: { unitId: number; deductionKind: DeductionKind; count: number; reason: string }) =>
    api.post<Appeal>(`${A}/assessments/${month}/appeals`, body),
  decideAppeal: (id: number, body: { decision: 'approve' | 'deny'; approvedCount?: number; note?: string | null }) =>
    api.post<Appeal>(`${A}/appeals/${id}/decide`, body),
  exclusions: () => api.get<{ items: Exclusion[] }>(`${A}/exclusions`, { limit: 200 }),
  setExclusion: (body: { ticketId: number; isExcluded: boolean; reason: string }) => api.post(`${A}/exclusions`, body),
  reports: (kind?: ReportKind) => api.get<{ items: Report[] }>(`${A}/reports`, { kind, limit: 200 }),
  report: (id: number) => api.get<ReportDetail>(`${A}/reports/${id}`),
  generateReport: (body: { kind: ReportKind; date?: string; from?: string; to?: string; title?: string; categoryId?: number }) =>
    api.post<Report>(`${A}/reports`, body),
  staffing: (q: StaffingQuery) => api.get<StaffingPlan>(`${A}/staffing`, q as never),
};

/** Fetches a stored report file (the session cookie goes along) as a blob, e.g. to preview the PDF in a frame. */
export async function fetchReportFile(url: string): Promise<Blob> {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) {
    const status = response.status;
    throw new ApiError(
      status,
      `HTTP_${status}`,
      i18n.t('errors.http', { lng: 'zh', status }),
      i18n.t('errors.http', { lng: 'en', status }),
    );
  }
  return response.blob();
}
