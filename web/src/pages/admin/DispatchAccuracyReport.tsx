/** 派单准确率: how often the first suggestion was the final choice, and the share dispatched automatically, week by week. */
import { useMemo, useState } from 'react';
import { Card, Col, DatePicker, Row, Statistic, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { getDispatchAccuracy, type DispatchAccuracy } from '../../api/insight.ts';
import { EChart } from '../../components/EChart.tsx';
import { ExportButton } from '../../components/ExportButton.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../components/PageState.tsx';
import { keys } from '../../api/keys.ts';

type Week = DispatchAccuracy['series'][number];
const pct = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${(x * 100).toFixed(1)}%`);

export function DispatchAccuracyReport() {
  const { t } = useTranslation();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().subtract(12, 'week').startOf('week'), dayjs()]);
  const from = range[0].format('YYYY-MM-DD');
  const to = range[1].format('YYYY-MM-DD');
  const query = useQuery({ queryKey: keys.insight.dispatchAccuracy(from, to), queryFn: () => getDispatchAccuracy(from, to) });
  const d = query.data;
  const option = useMemo(() => {
    const series = d?.series ?? [];
    const line = (name: string, key: keyof Week) => ({
      name,
      type: 'line',
      smooth: true,
      connectNulls: true,
      data: series.map((w) => (w[key] === null ? null : Math.round((w[key] as number) * 1000) / 10)),
    });
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v === null ? '—' : `${v}%`) },
      legend: { top: 0 },
      grid: { left: 48, right: 48, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: series.map((w) => w.weekStart) },
      yAxis: [
        { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
        { type: 'value', name: t('insight.decided'), splitLine: { show: false } },
      ],
      series: [
        { name: t('insight.decided'), type: 'bar', yAxisIndex: 1, itemStyle: { color: '#d6e4ff' }, data: series.map((w) => w.decided) },
        line(t('insight.categoryAccuracy'), 'categoryAccuracy'),
        line(t('insight.unitAccuracy'), 'unitAccuracy'),
        line(t('insight.autoShare'), 'autoDispatchShare'),
      ],
    };
  }, [d, t]);
  return (
    <Card
      size="small"
      title={t('insight.accuracyReport')}
      data-testid="dispatch-accuracy"
      extra={
        <span style={{ display: 'inline-flex', gap: 8 }}>
          <DatePicker.RangePicker
            size="small"
            value={range}
            allowClear={false}
            onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
            aria-label={t('insight.period')}
          />
          <ExportButton
            size="small"
            filename={t('insight.accuracyReport')}
            fetchRows={async () => d?.series ?? []}
            columns={[
              { header: t('insight.weekStart'), value: (w: Week) => w.weekStart },
              { header: t('insight.decided'), value: (w) => w.decided },
              { header: t('insight.categoryAccuracy'), value: (w) => pct(w.categoryAccuracy) },
              { header: t('insight.unitAccuracy'), value: (w) => pct(w.unitAccuracy) },
              { header: t('insight.autoDispatched'), value: (w) => w.autoDispatched },
              { header: t('insight.autoShare'), value: (w) => pct(w.autoDispatchShare) },
            ]}
          />
        </span>
      }
    >
      {query.isLoading ? (
        <LoadingState />
      ) : query.error ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : !d || d.decided === 0 ? (
        <EmptyState description={t('insight.noDecisions')} />
      ) : (
        <>
          <Row gutter={12}>
            <Col flex="1 1 140px">
              <Statistic title={t('insight.decided')} value={d.decided} />
            </Col>
            <Col flex="1 1 140px">
              <Statistic title={t('insight.categoryAccuracy')} value={pct(d.categoryAccuracy)} />
            </Col>
            <Col flex="1 1 140px">
              <Statistic title={t('insight.unitAccuracy')} value={pct(d.unitAccuracy)} />
            </Col>
            <Col flex="1 1 140px">
              <Statistic
                title={t('insight.autoShare')}
                value={pct(d.autoDispatchShare)}
                suffix={<span style={{ fontSize: 13, color: '#8c8c8c' }}>({d.autoDispatched})</span>}
              />
            </Col>
          </Row>
          <EChart option={option} ariaLabel={t('insight.accuracyReport')} height={260} />
          <Table<Week>
            rowKey="weekStart"
            size="small"
            dataSource={[...d.series].reverse()}
            pagination={{ pageSize: 8, size: 'small', showSizeChanger: false }}
            locale={{ emptyText: <EmptyState /> }}
            columns={[
              { title: t('insight.weekStart'), dataIndex: 'weekStart' },
              { title: t('insight.decided'), dataIndex: 'decided' },
              { title: t('insight.categoryAccuracy'), dataIndex: 'categoryAccuracy', render: pct },
              { title: t('insight.unitAccuracy'), dataIndex: 'unitAccuracy', render: pct },
              { title: t('insight.autoDispatched'), dataIndex: 'autoDispatched' },
              { title: t('insight.autoShare'), dataIndex: 'autoDispatchShare', render: pct },
            ]}
          />
        </>
      )}
    </Card>
  );
}
