/** A report opened in the browser: the stored PDF in a frame, and its figures (环比, 同比, trend, hot categories, units). */
import { useEffect, useMemo, useState } from 'react';
import { Button, Drawer, Space, Table, Tabs, Typography } from 'antd';
import { FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { analyticsApi, fetchReportFile, type HeadlineItem } from '../../api/analytics.ts';
import { EChart } from '../../components/EChart.tsx';
import { ErrorState, LoadingState, QueryState } from '../../components/PageState.tsx';
import { formatTime } from '../../lib/format.ts';
import { formatValue } from './analytics.ts';
import { useDefinitions } from './useDefinitions.ts';
import { reportTrendOption } from './charts.ts';
import { keys } from '../../api/keys.ts';

const kindOf = (k: string) => (k === 'rate' || k === 'duration' || k === 'score' ? k : 'count');

export function ReportPreview({ reportId, onClose }: { reportId: number | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const isEnglish = i18n.language.startsWith('en');
  const report = useQuery({
    queryKey: keys.analytics.report(reportId),
    queryFn: () => analyticsApi.report(reportId!),
    enabled: reportId !== null,
  });
  const pdf = useQuery({
    queryKey: keys.analytics.reportPdf(reportId),
    queryFn: async () => URL.createObjectURL(new Blob([await fetchReportFile(report.data!.pdfUrl)], { type: 'application/pdf' })),
    enabled: !!report.data && report.data.id === reportId,
    staleTime: Infinity,
    gcTime: 0,
  });
  const [pdfUrl, setPdfUrl] = useState<string | null>(null);
  useEffect(() => {
    setPdfUrl(pdf.data ?? null);
    return () => {
      if (pdf.data) URL.revokeObjectURL(pdf.data);
    };
  }, [pdf.data]);
  const { byId } = useDefinitions();
  const trend = useMemo(() => reportTrendOption(t, report.data?.content.trend ?? []), [t, report.data]);

  // As the PDF says it (formatChange): counts in per cent (the difference itself when the base was 0), rates in
  // percentage points, scores in points and durations in hours, which have no relative change (`relative` is null).
  // Green when the change is good news: up for higher-is-better, down for lower-is-better, never for plain volumes.
  // Sign and colour go by the figure as printed: a change that rounds to 0.0 is no change, neither "+0.0" nor green.
  const change = (c: { relative: number | null; delta: number | null }, kind: string, id: string) => {
    if (c.delta === null) return '—';
    const [shown, digits] =
      kind === 'rate'
        ? [c.delta * 100, 1]
        : kind === 'score'
          ? [c.delta, 2]
          : kind === 'duration'
            ? [c.delta, 1]
            : c.relative !== null
              ? [c.relative * 100, 1]
              : [c.delta, 0];
    const printed = Number(shown.toFixed(digits)) || 0; // || 0: no "-0"
    const value = printed.toFixed(digits);
    const text =
      kind === 'rate'
        ? `${value} ${t('analytics.reports.points')}`
        : kind === 'score'
          ? t('analytics.reports.scoreChange', { value })
          : kind === 'duration'
            ? t('analytics.reports.hoursChange', { value })
            : c.relative !== null
              ? `${value}%`
              : value;
    const direction = byId.get(id)?.direction ?? 'neutral';
    const good = direction === 'neutral' || printed === 0 ? null : printed > 0 === (direction === 'higher_better');
    return (
      <Typography.Text type={good === null ? undefined : good ? 'success' : 'danger'}>
        {printed > 0 ? '+' : ''}
        {text}
      </Typography.Text>
    );
  };
  const headlineTable = (rows: HeadlineItem[]) => (
    <Table<HeadlineItem>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={rows}
      columns={[
        { title: t('analytics.reports.indicator'), key: 'name', render: (_, h) => (isEnglish ? h.nameEn : h.nameZh) },
        { title: t('analytics.reports.value'), key: 'value', align: 'right', render: (_, h) => formatValue(h.value, kindOf(h.kind)) },
        { title: t('analytics.reports.vsPrevious'), key: 'prev', align: 'right', render: (_, h) => change(h.vsPrevious, h.kind, h.id) },
        { title: t('analytics.reports.vsYearAgo'), key: 'year', align: 'right', render: (_, h) => change(h.vsYearAgo, h.kind, h.id) },
      ]}
    />
  );

  return (
    <Drawer
      open={reportId !== null}
      onClose={onClose}
      size={1100}
      destroyOnHidden
      title={report.data?.title ?? t('analytics.reports.preview')}
      extra={
        report.data && (
          <Space>
            <Button icon={<FilePdfOutlined />} href={report.data.pdfUrl} download data-testid="preview-pdf">
              {t('analytics.reports.downloadPdf')}
            </Button>
            <Button icon={<FileExcelOutlined />} href={report.data.xlsxUrl} download data-testid="preview-xlsx">
              {t('analytics.reports.downloadExcel')}
            </Button>
          </Space>
        )
      }
    >
      <QueryState query={report}>
        {(r) => (
          <Tabs
            items={[
              {
                key: 'pdf',
                label: 'PDF',
                children: pdf.error ? (
                  <ErrorState error={pdf.error} onRetry={() => void pdf.refetch()} />
                ) : !pdfUrl ? (
                  <LoadingState rows={8} />
                ) : (
                  <iframe
                    title={r.title}
                    src={`${pdfUrl}#view=FitH`}
                    style={{ width: '100%', height: 'calc(100vh - 190px)', border: '1px solid #f0f0f0' }}
                    data-testid="report-pdf-frame"
                  />
                ),
              },
              {
                key: 'figures',
                label: t('analytics.reports.figures'),
                children: (
                  <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="report-figures">
                    <Typography.Text type="secondary">
                      {t('analytics.reports.periodLine', { from: r.periodFrom, to: r.periodTo, time: formatTime(r.content.generatedAt) })}
                    </Typography.Text>
                    {headlineTable(r.content.headline)}
                    {r.content.focus && (
                      <>
                        <Typography.Title level={5}>{t('analytics.reports.focusOf', { name: r.content.focus.name })}</Typography.Title>
                        {headlineTable(r.content.focus.headline)}
                      </>
                    )}
                    <EChart option={trend} height={260} ariaLabel={t('analytics.reports.trend')} />
                    <Table
                      rowKey="name"
                      size="small"
                      pagination={false}
                      dataSource={r.content.topCategories.slice(0, 10)}
                      title={() => t('analytics.reports.topCategories')}
                      columns={[
                        { title: t('analytics.dimension.category'), dataIndex: 'name' },
                        { title: t('analytics.reports.contacts'), dataIndex: 'contacts', align: 'right' },
                        {
                          title: t('analytics.reports.share'),
                          dataIndex: 'share',
                          align: 'right',
                          render: (v: number | null) => formatValue(v, 'rate'),
                        },
                      ]}
                    />
                  </Space>
                ),
              },
            ]}
          />
        )}
      </QueryState>
    </Drawer>
  );
}
