/** 历史: the months that have an assessment, with the latest version's status; opens a month. */
import { Button, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { analyticsApi, type AssessmentMonth } from '../../api/analytics.ts';
import { ExportButton } from '../../components/ExportButton.tsx';
import { EmptyState, ErrorState } from '../../components/PageState.tsx';
import { formatTime } from '../../lib/format.ts';
import { keys } from '../../api/keys.ts';

export function HistoryPanel({ onOpen }: { onOpen: (month: string) => void }) {
  const { t } = useTranslation();
  const months = useQuery({ queryKey: keys.analytics.months, queryFn: async () => (await analyticsApi.months()).items });
  const statusOf = (m: AssessmentMonth) => t(m.status === 'published' ? 'analytics.assessment.published' : 'analytics.assessment.draft');
  if (months.error) return <ErrorState error={months.error} onRetry={() => void months.refetch()} />;
  return (
    <>
      <div style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 8 }}>
        <ExportButton
          filename={t('analytics.assessment.history')}
          fetchRows={async () => months.data ?? []}
          columns={[
            { header: t('analytics.assessment.month'), value: (m: AssessmentMonth) => m.month },
            { header: t('analytics.appeal.status'), value: statusOf },
            { header: t('analytics.assessment.version'), value: (m: AssessmentMonth) => m.version },
            { header: t('analytics.assessment.computedAtLabel'), width: 18, value: (m: AssessmentMonth) => formatTime(m.computedAt) },
            { header: t('analytics.assessment.publishedAtLabel'), width: 18, value: (m: AssessmentMonth) => formatTime(m.publishedAt) },
          ]}
        />
      </div>
      <Table<AssessmentMonth>
        rowKey="month"
        size="small"
        loading={months.isLoading}
        dataSource={months.data ?? []}
        data-testid="assessment-history"
        locale={{ emptyText: <EmptyState description={t('analytics.assessment.noHistory')} /> }}
        pagination={{ pageSize: 12, size: 'small', hideOnSinglePage: true }}
        columns={[
          { title: t('analytics.assessment.month'), dataIndex: 'month', width: 120 },
          {
            title: t('analytics.appeal.status'),
            dataIndex: 'status',
            width: 120,
            render: (_: string, m) => <Tag color={m.status === 'published' ? 'green' : 'gold'}>{statusOf(m)}</Tag>,
          },
          { title: t('analytics.assessment.version'), dataIndex: 'version', width: 80, render: (v: number) => `v${v}` },
          { title: t('analytics.assessment.computedAtLabel'), dataIndex: 'computedAt', render: formatTime },
          { title: t('analytics.assessment.publishedAtLabel'), dataIndex: 'publishedAt', render: formatTime },
          {
            title: t('common.actions'),
            key: 'open',
            width: 90,
            render: (_, m) => (
              <Button size="small" onClick={() => onOpen(m.month)}>
                {t('common.detail')}
              </Button>
            ),
          },
        ]}
      />
    </>
  );
}
