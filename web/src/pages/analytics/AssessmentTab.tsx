/**
 * 考核: a month's unit assessment — scheme, compute (a new version each time), ranking within peer groups,
 * publish (freeze), appeals (考核申诉) and orders excluded from assessment (不纳入考核), plus the months' history.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Form, Popconfirm, Select, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { CalculatorOutlined, CheckCircleOutlined, SettingOutlined, SyncOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { ApiError, errorMessage } from '../../api/client.ts';
import { analyticsApi, type Assessment, type AssessmentConfig } from '../../api/analytics.ts';
import { useMe } from '../../auth/AuthContext.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../components/PageState.tsx';
import { formatTime } from '../../lib/format.ts';
import { fieldOfError, previousMonth } from './analytics.ts';
import { AppealsPanel } from './AppealsPanel.tsx';
import { ExclusionsPanel } from './ExclusionsPanel.tsx';
import { HistoryPanel } from './HistoryPanel.tsx';
import { RankingPanel } from './RankingPanel.tsx';
import { SchemeModal, SchemeSummary } from './SchemeModal.tsx';
import { keys } from '../../api/keys.ts';

/** The server's answer for a month seen for the first time: its compute job is on the way. */
const isComputingError = (error: unknown) =>
  error instanceof ApiError && error.status === 404 && (error.details as { isComputing?: boolean } | null)?.isComputing === true;

export function AssessmentTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const queryClient = useQueryClient();
  const canManage = me.role === 'supervisor' || me.role === 'admin';
  // ?month=YYYY-MM opens a given month (links from reports and notices); otherwise last month, the one usually assessed
  const [month, setMonth] = useState(() => {
    const asked = new URLSearchParams(window.location.search).get('month');
    return asked && /^\d{4}-(0[1-9]|1[0-2])$/.test(asked) ? asked : previousMonth(dayjs().format('YYYY-MM-DD'));
  });
  const [version, setVersion] = useState<number | undefined>();
  const [isSchemeOpen, setSchemeOpen] = useState(false);
  const [monthError, setMonthError] = useState<unknown>(null);

  const assessment = useQuery({
    queryKey: keys.analytics.assessment(month, version ?? 'latest'),
    queryFn: () => analyticsApi.assessment(month, version),
    retry: false,
    // a month seen for the first time is computed by a background job: look again until it is there
    refetchInterval: (q) => (isComputingError(q.state.error) ? 3_000 : false),
  });
  const settings = useQuery({ queryKey: keys.analytics.settings, queryFn: analyticsApi.settings });
  const isNotComputed = assessment.error instanceof ApiError && assessment.error.status === 404;
  const isComputing = isComputingError(assessment.error);
  const data = assessment.data;
  const isPublished = data?.versions[0]?.status === 'published';

  const onResult = (result: Assessment) => {
    setVersion(undefined);
    queryClient.setQueryData(keys.analytics.assessment(month, 'latest'), result);
    void queryClient.invalidateQueries({ queryKey: keys.analytics.months });
    void queryClient.invalidateQueries({ queryKey: keys.analytics.appeals(month) });
  };
  const compute = useMutation({
    mutationFn: (config?: AssessmentConfig) => analyticsApi.compute(month, config),
    onSuccess: (result) => {
      onResult(result);
      setMonthError(null);
      message.success(t('analytics.assessment.computed', { version: result.run.version }));
    },
    onError: (err) => {
      if (fieldOfError(err) === 'month') setMonthError(err);
      else message.error(errorMessage(err));
    },
  });
  /** Compute with the scheme modal's scheme: its errors show in the modal, beside the list they concern. */
  const computeWith = useMutation({
    mutationFn: (config: AssessmentConfig) => analyticsApi.compute(month, config),
    onSuccess: (result) => {
      onResult(result);
      setSchemeOpen(false);
      message.success(t('analytics.assessment.computed', { version: result.run.version }));
    },
  });
  const publish = useMutation({
    mutationFn: () => analyticsApi.publish(month),
    onSuccess: (result) => {
      onResult(result);
      setMonthError(null);
      message.success(t('analytics.assessment.publishedOk', { month }));
    },
    onError: (err) => {
      if (fieldOfError(err) === 'month') setMonthError(err);
      else message.error(errorMessage(err));
    },
  });

  const config = data?.run.config ?? settings.data?.assessment;
  const status = isComputing ? (
    <Tag icon={<SyncOutlined spin />} color="processing">
      {t('analytics.assessment.computing')}
    </Tag>
  ) : isNotComputed ? (
    <Tag>{t('analytics.assessment.notComputed')}</Tag>
  ) : data ? (
    isPublished ? (
      <Tag color="green" icon={<CheckCircleOutlined />}>
        {t('analytics.assessment.published')}
      </Tag>
    ) : (
      <Tag color="gold">{t('analytics.assessment.draft')}</Tag>
    )
  ) : null;

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small">
        <Form layout="inline" style={{ rowGap: 8, alignItems: 'flex-start' }}>
          <Form.Item
            label={t('analytics.assessment.month')}
            htmlFor="assessment-month"
            validateStatus={monthError ? 'error' : undefined}
            help={monthError ? errorMessage(monthError) : undefined}
          >
            <DatePicker
              id="assessment-month"
              picker="month"
              allowClear={false}
              value={dayjs(`${month}-01`)}
              disabledDate={(d) => d.isAfter(dayjs(), 'month')}
              onChange={(d) => {
                if (d) {
                  setMonth(d.format('YYYY-MM'));
                  setVersion(undefined);
                  setMonthError(null);
                }
              }}
            />
          </Form.Item>
          <Form.Item>
            <Space wrap>
              {status}
              {data && data.versions.length > 1 && (
                <Select
                  size="small"
                  aria-label={t('analytics.assessment.version')}
                  value={data.run.version}
                  style={{ width: 170 }}
                  onChange={(v) => setVersion(v === data.versions[0].version ? undefined : v)}
                  options={data.versions.map((v) => ({
                    value: v.version,
                    label: `${t('analytics.assessment.versionN', { version: v.version })} · ${formatTime(v.computedAt)}`,
                  }))}
                />
              )}
              {data && (
                <Typography.Text type="secondary">
                  {t('analytics.assessment.computedAt', { time: formatTime(data.run.computedAt) })}
                  {data.run.publishedAt ? ` · ${t('analytics.assessment.publishedAt', { time: formatTime(data.run.publishedAt) })}` : ''}
                </Typography.Text>
              )}
            </Space>
          </Form.Item>
          {canManage && (
            <Form.Item style={{ marginLeft: 'auto' }}>
              <Space wrap>
                <Button icon={<SettingOutlined />} onClick={() => setSchemeOpen(true)} disabled={isPublished}>
                  {t('analytics.assessment.scheme')}
                </Button>
                <Button
                  type="primary"
                  icon={<CalculatorOutlined />}
                  loading={compute.isPending}
                  disabled={isPublished}
                  onClick={() => compute.mutate(undefined)}
                  data-testid="assessment-compute"
                >
                  {t('analytics.assessment.compute')}
                </Button>
                <Popconfirm
                  title={t('analytics.assessment.publishConfirm', { month })}
                  description={t('analytics.assessment.publishHint')}
                  okText={t('analytics.assessment.publish')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => publish.mutateAsync().catch(() => undefined)}
                  disabled={!data || isPublished}
                >
                  <Button danger loading={publish.isPending} disabled={!data || isPublished} data-testid="assessment-publish">
                    {t('analytics.assessment.publish')}
                  </Button>
                </Popconfirm>
              </Space>
            </Form.Item>
          )}
        </Form>
        {config && (
          <div style={{ marginTop: 8 }}>
            <SchemeSummary config={config} />
          </div>
        )}
      </Card>

      <Card size="small">
        <Tabs
          destroyOnHidden
          items={[
            {
              key: 'ranking',
              label: t('analytics.assessment.ranking'),
              children: assessment.isLoading ? (
                <LoadingState />
              ) : isComputing ? (
                <div style={{ padding: 32, textAlign: 'center' }} data-testid="assessment-computing">
                  <Spin />
                  <div style={{ marginTop: 12 }}>{t('analytics.assessment.computingHint', { month })}</div>
                </div>
              ) : isNotComputed ? (
                <EmptyState description={canManage ? t('analytics.assessment.notComputedHint') : t('analytics.assessment.notComputed')} />
              ) : assessment.error ? (
                <ErrorState error={assessment.error} onRetry={() => void assessment.refetch()} />
              ) : data ? (
                <RankingPanel assessment={data} />
              ) : null,
            },
            {
              key: 'appeals',
              label: t('analytics.assessment.appeals'),
              children: <AppealsPanel month={month} canDecide={canManage && !isPublished} />,
            },
            { key: 'exclusions', label: t('analytics.assessment.exclusions'), children: <ExclusionsPanel canManage={canManage} /> },
            {
              key: 'history',
              label: t('analytics.assessment.history'),
              children: (
                <HistoryPanel
                  onOpen={(m) => {
                    setMonth(m);
                    setVersion(undefined);
                    setMonthError(null);
                  }}
                />
              ),
            },
          ]}
        />
      </Card>

      {isPublished && <Alert type="info" showIcon title={t('analytics.assessment.frozen')} />}
      {canManage && config && (
        <SchemeModal
          open={isSchemeOpen}
          initial={config}
          settings={settings.data}
          isAdmin={me.role === 'admin'}
          onClose={() => setSchemeOpen(false)}
          compute={computeWith}
        />
      )}
    </Space>
  );
}
