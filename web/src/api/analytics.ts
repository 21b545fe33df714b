/** Analytics calls: indicator definitions, summaries, the monthly assessment, reports and staffing. */
import { useQuery } from '@tanstack/react-query';
import i18n from '../i18n/index.ts';
import { api, ApiError } from './client.ts';
import { keys } from './keys.ts';
import type { BodyOf, QueryOf, ResponseOf } from './types.ts';

export type IndicatorDefinition = ResponseOf<'/api/v1/analytics/indicators'>['items'][number];
export type IndicatorKind = IndicatorDefinition['kind'];

type SummaryQuery = QueryOf<'/api/v1/analytics/summary'>;
export type Dimension = SummaryQuery['groupBy'];
export type Summary = ResponseOf<'/api/v1/analytics/summary'>;
export type SummaryRow = Summary['rows'][number];
/** An indicator's value by its id, for screens where the reader picks any indicator (undefined: this view does not figure it). */
export const indicatorValue = (values: Readonly<Record<string, number | null>>, id: string): number | null | undefined => values[id];

export type AnalyticsSettings = ResponseOf<'/api/v1/analytics/settings'>;
export type AssessmentConfig = AnalyticsSettings['assessment'];
export type DeductionKind = AssessmentConfig['deductions'][number]['kind'];
export type Assessment = ResponseOf<'/api/v1/analytics/assessments/{month}'>;
export type UnitResult = Assessment['results'][number];
export type AssessmentVersion = Assessment['versions'][number];
export type RunStatus = AssessmentVersion['status'];
export type AssessmentMonth = ResponseOf<'/api/v1/analytics/assessments'>['items'][number];
export type UnitAssessment = ResponseOf<'/api/v1/analytics/assessments/{month}/unit'>;
export type Appeal = ResponseOf<'/api/v1/analytics/assessments/{month}/appeals'>['items'][number];
type NewAppeal = BodyOf<'/api/v1/analytics/assessments/{month}/appeals'>;
type AppealDecision = BodyOf<'/api/v1/analytics/appeals/{id}/decide'>;
export type Exclusion = ResponseOf<'/api/v1/analytics/exclusions'>['items'][number];

export type Report = ResponseOf<'/api/v1/analytics/reports'>['items'][number];
export type ReportKind = Report['kind'];
export type ReportDetail = ResponseOf<'/api/v1/analytics/reports/{id}'>;
export type HeadlineItem = ReportDetail['content']['headline'][number];

/** `roster`: shifts, e.g. "08:00-17:00*20,12:00-21:00*15" */
export type StaffingQuery = QueryOf<'/api/v1/analytics/staffing'>;
export type StaffingPlan = ResponseOf<'/api/v1/analytics/staffing'>;
export type StaffingDay = StaffingPlan['days'][number];
export type StaffingSlot = StaffingDay['slots'][number];
export type QueueFigures = StaffingSlot['required'];

const A = '/api/v1/analytics';

/** 指标定义: the one list of definitions (names and formulas in both languages) comes from the API. */
export function useIndicators() {
  return useQuery({
    queryKey: keys.analytics.indicators,
    queryFn: async () => (await api.get<ResponseOf<'/api/v1/analytics/indicators'>>(`${A}/indicators`)).items,
    staleTime: Infinity,
  });
}

export const analyticsApi = {
  /** 领导驾驶舱: today, the month, the trend and where the orders come from. */
  dashboard: () => api.get<ResponseOf<'/api/v1/analytics/dashboard'>>(`${A}/dashboard`),
  summary: (q: Omit<SummaryQuery, 'percentiles'> & { percentiles?: boolean }) => api.get<Summary>(`${A}/summary`, q),
  settings: () => api.get<AnalyticsSettings>(`${A}/settings`),
  saveSettings: (s: AnalyticsSettings) => api.put<AnalyticsSettings>(`${A}/settings`, s),
  months: () => api.get<ResponseOf<'/api/v1/analytics/assessments'>>(`${A}/assessments`, { limit: 36 }),
  assessment: (month: string, version?: number) => api.get<Assessment>(`${A}/assessments/${month}`, { version }),
  unitAssessment: (month: string) => api.get<UnitAssessment>(`${A}/assessments/${month}/unit`),
  compute: (month: string, config?: AssessmentConfig) =>
    api.post<Assessment>(`${A}/assessments/${month}/compute`, config ? { config } : {}),
  publish: (month: string) => api.post<Assessment>(`${A}/assessments/${month}/publish`),
  appeals: (month: string) => api.get<ResponseOf<'/api/v1/analytics/assessments/{month}/appeals'>>(`${A}/assessments/${month}/appeals`),
  fileAppeal: (month: string, body: NewAppeal) => api.post<Appeal>(`${A}/assessments/${month}/appeals`, body),
  decideAppeal: (id: number, body: AppealDecision) => api.post<Appeal>(`${A}/appeals/${id}/decide`, body),
  exclusions: () => api.get<ResponseOf<'/api/v1/analytics/exclusions'>>(`${A}/exclusions`, { limit: 200 }),
  setExclusion: (body: BodyOf<'/api/v1/analytics/exclusions'>) =>
    api.post<ResponseOf<'/api/v1/analytics/exclusions', 'post'>>(`${A}/exclusions`, body),
  reports: (kind?: ReportKind) => api.get<ResponseOf<'/api/v1/analytics/reports'>>(`${A}/reports`, { kind, limit: 200 }),
  report: (id: number) => api.get<ReportDetail>(`${A}/reports/${id}`),
  generateReport: (body: BodyOf<'/api/v1/analytics/reports'>) => api.post<Report>(`${A}/reports`, body),
  staffing: (q: StaffingQuery) => api.get<StaffingPlan>(`${A}/staffing`, q),
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
