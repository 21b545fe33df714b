/** 报告: daily, weekly, monthly and special reports — generate on demand, list (scheduled ones too), preview, download PDF and Excel. */
import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Form, Input, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { FileExcelOutlined, FilePdfOutlined, EyeOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { LIMITS } from '../../../../common/limits.ts';
import { errorMessage } from '../../api/client.ts';
import { analyticsApi, type Report, type ReportKind } from '../../api/analytics.ts';
import { ExportButton } from '../../components/ExportButton.tsx';
import { EmptyState, ErrorState } from '../../components/PageState.tsx';
import { CategoryCascader } from '../../components/pickers.tsx';
import { formatTime } from '../../lib/format.ts';
import { checkPeriod, fieldOfError } from './analytics.ts';
import { ReportPreview } from './ReportPreview.tsx';
import { keys } from '../../api/keys.ts';

const KINDS: ReportKind[] = ['daily', 'weekly', 'monthly', 'special'];
const KIND_COLOR: Record<ReportKind, string> = { daily: 'blue', weekly: 'cyan', monthly: 'geekblue', special: 'purple' };
const D = 'YYYY-MM-DD';

interface GenerateForm {
  date?: Dayjs;
  range?: [Dayjs, Dayjs];
  title?: string;
  categoryId?: number | null;
}

export function ReportsTab() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<ReportKind | undefined>();
  const [previewId, setPreviewId] = useState<number | null>(null);
  const reports = useQuery({
    queryKey: keys.analytics.reports(filter ?? 'all'),
    queryFn: async () => (await analyticsApi.reports(filter)).items,
  });
  const exportColumns = [
    { header: t('analytics.reports.title'), width: 40, value: (r: Report) => r.title },
    { header: t('analytics.reports.kind'), value: (r: Report) => t(`analytics.reports.kinds.${r.kind}`) },
    { header: t('analytics.reports.period'), width: 24, value: (r: Report) => `${r.periodFrom} — ${r.periodTo}` },
    {
      header: t('analytics.reports.source'),
      value: (r: Report) => t(r.params.isScheduled ? 'analytics.reports.scheduled' : 'analytics.reports.onDemand'),
    },
    { header: t('analytics.reports.createdAt'), width: 18, value: (r: Report) => formatTime(r.createdAt) },
  ];
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <GenerateCard onGenerated={(r) => setPreviewId(r.id)} />
      <Card
        size="small"
        title={t('analytics.reports.list')}
        extra={
          <Space>
            <Select
              allowClear
              placeholder={t('analytics.reports.allKinds')}
              value={filter}
              onChange={setFilter}
              style={{ width: 140 }}
              aria-label={t('analytics.reports.kind')}
              options={KINDS.map((k) => ({ value: k, label: t(`analytics.reports.kinds.${k}`) }))}
            />
            <ExportButton filename={t('analytics.reports.list')} columns={exportColumns} fetchRows={async () => reports.data ?? []} />
          </Space>
        }
      >
        {reports.error ? (
          <ErrorState error={reports.error} onRetry={() => void reports.refetch()} />
        ) : (
          <Table<Report>
            rowKey="id"
            size="small"
            loading={reports.isLoading}
            dataSource={reports.data ?? []}
            data-testid="reports-table"
            locale={{ emptyText: <EmptyState description={t('analytics.reports.none')} /> }}
            pagination={{ pageSize: 15, size: 'small', hideOnSinglePage: true }}
            columns={[
              {
                title: t('analytics.reports.title'),
                dataIndex: 'title',
                render: (v: string, r) => <a onClick={() => setPreviewId(r.id)}>{v}</a>,
              },
              {
                title: t('analytics.reports.kind'),
                dataIndex: 'kind',
                width: 90,
                render: (k: ReportKind) => <Tag color={KIND_COLOR[k]}>{t(`analytics.reports.kinds.${k}`)}</Tag>,
              },
              {
                title: t('analytics.reports.period'),
                key: 'period',
                width: 200,
                render: (_, r) => (r.periodFrom === r.periodTo ? r.periodFrom : `${r.periodFrom} — ${r.periodTo}`),
              },
              {
                title: t('analytics.reports.source'),
                key: 'source',
                width: 100,
                render: (_, r) => (r.params.isScheduled ? <Tag>{t('analytics.reports.scheduled')}</Tag> : t('analytics.reports.onDemand')),
              },
              { title: t('analytics.reports.createdAt'), dataIndex: 'createdAt', width: 140, render: formatTime },
              {
                title: t('common.actions'),
                key: 'actions',
                width: 250,
                render: (_, r) => (
                  <Space size={4}>
                    <Button size="small" icon={<EyeOutlined />} onClick={() => setPreviewId(r.id)}>
                      {t('analytics.reports.preview')}
                    </Button>
                    <Button size="small" icon={<FilePdfOutlined />} href={r.pdfUrl} download data-testid={`report-pdf-${r.id}`}>
                      PDF
                    </Button>
                    <Button size="small" icon={<FileExcelOutlined />} href={r.xlsxUrl} download data-testid={`report-xlsx-${r.id}`}>
                      Excel
                    </Button>
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Card>
      <ReportPreview reportId={previewId} onClose={() => setPreviewId(null)} />
    </Space>
  );
}

function GenerateCard({ onGenerated }: { onGenerated: (r: Report) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<ReportKind>('daily');
  const [form] = Form.useForm<GenerateForm>();
  const today = dayjs().format(D);
  const picker = kind === 'weekly' ? 'week' : kind === 'monthly' ? 'month' : 'date';
  const periodField = kind === 'special' ? 'range' : 'date';
  const generate = useMutation({
    mutationFn: analyticsApi.generateReport,
    onSuccess: (report) => {
      message.success(t('analytics.reports.generated', { title: report.title }));
      void queryClient.invalidateQueries({ queryKey: keys.analytics.reports() });
      onGenerated(report);
    },
    onError: (err) => {
      const field = fieldOfError(err);
      if (field === 'period') form.setFields([{ name: periodField, errors: [errorMessage(err)] }]);
      else if (field === 'title') form.setFields([{ name: 'title', errors: [errorMessage(err)] }]);
    },
  });
  // a problem the server names on a field shows beside it; any other above the form
  const clearError = () => {
    if (!generate.isPending) generate.reset();
  };
  const error = generate.error && !['period', 'title'].includes(fieldOfError(generate.error) ?? '') ? generate.error : null;

  return (
    <Card size="small" title={t('analytics.reports.generate')}>
      {error ? (
        <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 12 }} closable={{ onClose: clearError }} />
      ) : null}
      <Form
        form={form}
        layout="inline"
        style={{ rowGap: 8, alignItems: 'flex-start' }}
        initialValues={{ date: dayjs().subtract(1, 'day') }}
        data-testid="report-form"
        onValuesChange={clearError}
        onFinish={(values) => {
          clearError();
          const body: Parameters<typeof analyticsApi.generateReport>[0] = { kind };
          if (kind === 'special') {
            const [from, to] = values.range ?? [];
            const problem = checkPeriod(from?.format(D), to?.format(D), today);
            if (problem) {
              form.setFields([
                { name: 'range', errors: [t(problem === 'missing' ? 'analytics.period.missing' : `analytics.period.${problem}`)] },
              ]);
              return;
            }
            Object.assign(body, {
              from: from!.format(D),
              to: to!.format(D),
              title: values.title?.trim(),
              categoryId: values.categoryId ?? undefined,
            });
          } else {
            if (values.date && values.date.format(D) > today) {
              form.setFields([{ name: 'date', errors: [t('analytics.period.future')] }]);
              return;
            }
            body.date = values.date?.format(D);
          }
          generate.mutate(body);
        }}
      >
        <Form.Item label={t('analytics.reports.kind')}>
          <Segmented
            value={kind}
            onChange={(v) => {
              setKind(v as ReportKind);
              clearError();
            }}
            options={KINDS.map((k) => ({ value: k, label: t(`analytics.reports.kinds.${k}`) }))}
            data-testid="report-kind"
          />
        </Form.Item>
        {kind === 'special' ? (
          <>
            <Form.Item name="range" label={t('analytics.periodLabel')} rules={[{ required: true, message: t('analytics.period.missing') }]}>
              <DatePicker.RangePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
            <Form.Item
              name="title"
              label={t('analytics.reports.topic')}
              rules={[
                { required: true, whitespace: true, message: t('errors.required', { field: t('analytics.reports.topic') }) },
                { max: LIMITS.titleMax, message: t('errors.tooLong', { field: t('analytics.reports.topic'), max: LIMITS.titleMax }) },
              ]}
            >
              <Input style={{ width: 260 }} placeholder={t('analytics.reports.topicPlaceholder')} />
            </Form.Item>
            <Form.Item name="categoryId" label={t('analytics.reports.focus')}>
              <CategoryCascader style={{ width: 220 }} placeholder={t('common.optional')} aria-label={t('analytics.reports.focus')} />
            </Form.Item>
          </>
        ) : (
          <Form.Item
            name="date"
            label={t(`analytics.reports.dateOf.${kind}`)}
            rules={[{ required: true, message: t('errors.requiredSelect', { field: t(`analytics.reports.dateOf.${kind}`) }) }]}
          >
            <DatePicker picker={picker} allowClear={false} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
        )}
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={generate.isPending} data-testid="report-generate">
            {t('analytics.reports.generateNow')}
          </Button>
        </Form.Item>
      </Form>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        {t('analytics.reports.scheduleHint')}
      </Typography.Paragraph>
    </Card>
  );
}
