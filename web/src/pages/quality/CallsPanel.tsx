/** 接通率 and 15秒接通率 for the period: the total against GB/T 33358's 95 %, and by day, week or half hour. */
import { useState } from 'react';
import { Card, Col, Row, Segmented, Space, Statistic, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ExportButton } from '../../components/ExportButton.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../components/PageState.tsx';
import { percent, qualityApi, seconds, type CallStats, type Period } from '../../api/quality.ts';
import { keys } from '../../api/keys.ts';

type Granularity = 'day' | 'week' | 'half_hour';
type Row = CallStats['rows'][number];
const STANDARD = 0.95;

export function CallsPanel({ period }: { period: Period }) {
  const { t } = useTranslation();
  const [granularity, setGranularity] = useState<Granularity>('day');
  const query = useQuery({
    queryKey: keys.quality.calls(period, granularity),
    queryFn: () => qualityApi.callStats({ ...period, granularity }),
  });
  const columns: ColumnsType<Row> = [
    { title: t('quality.calls.period'), dataIndex: 'period', key: 'period' },
    { title: t('quality.calls.offered'), key: 'offered', align: 'right', render: (_, r) => r.counts.offered },
    { title: t('quality.calls.answered'), key: 'answered', align: 'right', render: (_, r) => r.counts.answered },
    { title: t('quality.calls.abandoned'), key: 'abandoned', align: 'right', render: (_, r) => r.counts.abandoned },
    { title: t('quality.calls.answerRate'), key: 'answerRate', align: 'right', render: (_, r) => percent(r.indicators.answer_rate) },
    {
      title: t('quality.calls.answer15sRate'),
      key: 'answer15sRate',
      align: 'right',
      render: (_, r) => percent(r.indicators.answer_15s_rate),
    },
    { title: t('quality.calls.asa'), key: 'asa', align: 'right', render: (_, r) => seconds(r.indicators.avg_speed_of_answer_seconds) },
    { title: t('quality.calls.aht'), key: 'aht', align: 'right', render: (_, r) => seconds(r.indicators.avg_call_handling_seconds) },
    { title: t('quality.calls.rated'), key: 'rated', align: 'right', render: (_, r) => r.counts.rated },
    {
      title: t('quality.calls.satisfaction'),
      key: 'satisfaction',
      align: 'right',
      render: (_, r) => percent(r.indicators.call_satisfaction_rate),
    },
  ];
  const excel = [
    { header: t('quality.calls.period'), value: (r: Row) => r.period },
    { header: t('quality.calls.offered'), value: (r: Row) => r.counts.offered },
    { header: t('quality.calls.answered'), value: (r: Row) => r.counts.answered },
    { header: t('quality.calls.abandoned'), value: (r: Row) => r.counts.abandoned },
    { header: t('quality.calls.answerRate'), value: (r: Row) => r.indicators.answer_rate },
    { header: t('quality.calls.answer15sRate'), value: (r: Row) => r.indicators.answer_15s_rate },
    { header: t('quality.calls.asa'), value: (r: Row) => r.indicators.avg_speed_of_answer_seconds },
    { header: t('quality.calls.aht'), value: (r: Row) => r.indicators.avg_call_handling_seconds },
    { header: t('quality.calls.rated'), value: (r: Row) => r.counts.rated },
    { header: t('quality.calls.satisfaction'), value: (r: Row) => r.indicators.call_satisfaction_rate },
  ];

  if (query.isLoading) return <LoadingState />;
  if (query.error) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const data = query.data!;
  const total = data.total;
  const isBelow = total.indicators.answer_rate !== null && total.indicators.answer_rate < STANDARD;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="quality-calls">
      <Row gutter={[12, 12]}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('quality.calls.offered')} value={total.counts.offered} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Tooltip title={t('quality.calls.answerRateHelp')}>
              <Statistic
                title={t('quality.calls.answerRate')}
                value={percent(total.indicators.answer_rate, 2)}
                valueStyle={isBelow ? { color: '#cf1322' } : undefined}
              />
            </Tooltip>
            <Typography.Text type={isBelow ? 'danger' : 'secondary'}>{t('quality.calls.standard')}</Typography.Text>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Tooltip title={t('quality.calls.answer15sHelp')}>
              <Statistic title={t('quality.calls.answer15sRate')} value={percent(total.indicators.answer_15s_rate, 2)} />
            </Tooltip>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t('quality.calls.aht')}
              value={seconds(total.indicators.avg_call_handling_seconds)}
              suffix={t('quality.secondsUnit')}
            />
            <Typography.Text type="secondary">
              {data.patienceSeconds === null
                ? t('quality.calls.noPatience')
                : t('quality.calls.patience', { seconds: Math.round(data.patienceSeconds) })}
            </Typography.Text>
          </Card>
        </Col>
      </Row>
      <Card
        size="small"
        title={t('quality.calls.detail')}
        extra={
          <Space>
            <Segmented<Granularity>
              value={granularity}
              onChange={setGranularity}
              options={[
                { value: 'day', label: t('quality.calls.byDay') },
                { value: 'week', label: t('quality.calls.byWeek') },
                { value: 'half_hour', label: t('quality.calls.byHalfHour') },
              ]}
            />
            <ExportButton
              size="small"
              filename={`${t('quality.calls.title')} ${data.from}~${data.to}`}
              columns={excel}
              fetchRows={async () => data.rows}
            />
          </Space>
        }
      >
        {data.rows.length === 0 ? (
          <EmptyState description={t('quality.calls.empty')} />
        ) : (
          <Table<Row>
            rowKey="period"
            size="small"
            columns={columns}
            dataSource={data.rows}
            pagination={{ pageSize: 48, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
          />
        )}
      </Card>
    </Space>
  );
}
