/** 指标: every indicator per unit, region, category, channel or type over a period, with its definition, a chart and a trend. */
import { useMemo, useState } from 'react';
import { Card, Checkbox, Col, DatePicker, Form, Row, Segmented, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { analyticsApi, indicatorValue, type Dimension, type SummaryRow } from '../../api/analytics.ts';
import { EChart } from '../../components/EChart.tsx';
import { ExportButton } from '../../components/ExportButton.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../components/PageState.tsx';
import { checkPeriod, excelValue, formatValue, trendBuckets } from './analytics.ts';
import { indicatorBarsOption, indicatorTrendOption } from './charts.ts';
import { DefinitionsButton, IndicatorName } from './IndicatorHelp.tsx';
import { useDefinitions } from './useDefinitions.ts';
import { keys } from '../../api/keys.ts';

const DIMENSIONS: Dimension[] = ['unit', 'region', 'category', 'channel', 'type'];
const DEFAULT_COLUMNS = [
  'contacts',
  'orders',
  'direct_answer_rate',
  'on_time_sign_rate',
  'on_time_completion_rate',
  'overdue_rate',
  'return_rate',
  'satisfaction_rate',
  'resolution_rate',
  'composite_score',
  'avg_handling_hours',
];
/** Units receive dispatches rather than contacts: their figures start from what was sent to them. */
const UNIT_COLUMNS = [
  'on_time_sign_rate',
  'on_time_completion_rate',
  'overdue_rate',
  'return_rate',
  'extension_rate',
  'satisfaction_rate',
  'resolution_rate',
  'composite_score',
  'avg_handling_hours',
  'overdue_count',
  'supervision_count',
];
const D = 'YYYY-MM-DD';
/** The export's rows: the table's, and a total row that has indicators but no measures. */
type ExportRow = Omit<SummaryRow, 'measures'> & { measures: Partial<SummaryRow['measures']> };

export function IndicatorsTab() {
  const { t } = useTranslation();
  const today = dayjs().format(D);
  const [dimension, setDimension] = useState<Dimension>('unit');
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf('month'), dayjs()]);
  const [columnIds, setColumnIds] = useState<string[]>(UNIT_COLUMNS);
  // ?metric=resolution_rate charts that indicator (the dashboard's rate cards link here)
  const [metric, setMetric] = useState(() => new URLSearchParams(window.location.search).get('metric') ?? 'satisfaction_rate');
  const [withPercentiles, setPercentiles] = useState(false);
  const { byId, list } = useDefinitions();
  const from = range[0].format(D);
  const to = range[1].format(D);
  const problem = checkPeriod(from, to, today);
  const shownIds = useMemo(
    () =>
      [...columnIds, ...(withPercentiles ? ['p50_handling_hours', 'p90_handling_hours'] : [])].filter((id, i, a) => a.indexOf(id) === i),
    [columnIds, withPercentiles],
  );

  const summary = useQuery({
    queryKey: keys.analytics.summary(dimension, from, to, withPercentiles),
    queryFn: () => analyticsApi.summary({ from, to, groupBy: dimension, percentiles: withPercentiles }),
    enabled: problem === null,
  });
  const buckets = useMemo(() => (problem ? [] : trendBuckets(from, to, 12)), [from, to, problem]);
  const trend = useQuery({
    queryKey: keys.analytics.trend(from, to),
    queryFn: async () => {
      const out = [];
      // one at a time: the embedded database answers one query at a time anyway
      for (const b of buckets)
        out.push({ label: b.label, total: (await analyticsApi.summary({ from: b.from, to: b.to, groupBy: 'channel' })).total });
      return out;
    },
    enabled: problem === null && buckets.length > 0,
  });

  // the hotline center's own row (key 0, intake without a unit) has no dispatch-based figures: leave it out of the unit view
  const rows = useMemo(() => (summary.data?.rows ?? []).filter((r) => !(dimension === 'unit' && r.key === '0')), [summary.data, dimension]);
  const labelOf = (row: ExportRow) =>
    dimension === 'channel' || dimension === 'type' ? t(`enums.${dimension}.${row.key}`, { defaultValue: row.label }) : row.label;
  const metricDef = byId.get(metric);
  const metricName = metricDef?.name ?? metric;
  const options = useMemo(
    () => ({
      bars: indicatorBarsOption(
        t,
        metricName,
        metricDef?.kind ?? 'rate',
        rows
          .map((r) => ({ label: labelOf(r), value: indicatorValue(r.indicators, metric) ?? null }))
          .filter((r) => r.value !== null)
          .sort((a, b) => b.value! - a.value!),
      ),
      trend: indicatorTrendOption(
        t,
        metricName,
        metricDef?.kind ?? 'rate',
        (trend.data ?? []).map((p) => ({ label: p.label, value: indicatorValue(p.total.indicators, metric) ?? null })),
      ),
    }),
    // labelOf and metricName change only with what is listed (rows follow the dimension)
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [rows, trend.data, metric, metricDef, t],
  );

  const columns: ColumnsType<SummaryRow> = [
    {
      title: t(`analytics.dimension.${dimension}`),
      key: 'label',
      fixed: 'left',
      width: 200,
      render: (_, r) => labelOf(r),
      sorter: (a, b) => a.label.localeCompare(b.label, 'zh'),
    },
    ...(dimension === 'unit'
      ? [
          {
            title: t('analytics.dispatches'),
            key: 'dispatches',
            align: 'right' as const,
            width: 90,
            render: (_: unknown, r: SummaryRow) => formatValue(r.measures.dispatches ?? 0, 'count'),
            sorter: (a: SummaryRow, b: SummaryRow) => (a.measures.dispatches ?? 0) - (b.measures.dispatches ?? 0),
          },
        ]
      : []),
    ...shownIds.map((id) => {
      const def = byId.get(id);
      return {
        title: <IndicatorName definition={def} fallback={id} />,
        key: id,
        align: 'right' as const,
        width: 120,
        render: (_: unknown, r: SummaryRow) => formatValue(indicatorValue(r.indicators, id), def?.kind ?? 'count'),
        sorter: (a: SummaryRow, b: SummaryRow) =>
          (indicatorValue(a.indicators, id) ?? -Infinity) - (indicatorValue(b.indicators, id) ?? -Infinity),
      };
    }),
  ];
  const exportColumns = [
    { header: t(`analytics.dimension.${dimension}`), width: 30, value: (r: ExportRow) => labelOf(r) },
    ...(dimension === 'unit' ? [{ header: t('analytics.dispatches'), value: (r: ExportRow) => r.measures.dispatches ?? null }] : []),
    ...shownIds.map((id) => {
      const def = byId.get(id);
      const unit = def?.kind === 'rate' ? ' (%)' : '';
      return {
        header: `${def?.name ?? id}${unit}`,
        value: (r: ExportRow) => excelValue(indicatorValue(r.indicators, id), def?.kind ?? 'count'),
      };
    }),
  ];
  const periodHelp = problem && problem !== 'missing' ? t(`analytics.period.${problem}`) : undefined;

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small">
        <Form layout="inline" style={{ rowGap: 8 }}>
          <Form.Item label={t('analytics.dimensionLabel')}>
            <Segmented
              value={dimension}
              onChange={(v) => {
                setDimension(v as Dimension);
                if ((v === 'unit') !== (dimension === 'unit')) setColumnIds(v === 'unit' ? UNIT_COLUMNS : DEFAULT_COLUMNS);
              }}
              options={DIMENSIONS.map((d) => ({ value: d, label: t(`analytics.dimension.${d}`) }))}
            />
          </Form.Item>
          <Form.Item
            label={t('analytics.periodLabel')}
            validateStatus={periodHelp ? 'error' : undefined}
            help={periodHelp}
            htmlFor="analytics-period"
          >
            <DatePicker.RangePicker
              id="analytics-period"
              value={range}
              allowClear={false}
              onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
              presets={[
                { label: t('analytics.presets.thisMonth'), value: [dayjs().startOf('month'), dayjs()] },
                {
                  label: t('analytics.presets.lastMonth'),
                  value: [dayjs().subtract(1, 'month').startOf('month'), dayjs().subtract(1, 'month').endOf('month')],
                },
                { label: t('analytics.presets.last7'), value: [dayjs().subtract(6, 'day'), dayjs()] },
                { label: t('analytics.presets.last30'), value: [dayjs().subtract(29, 'day'), dayjs()] },
                { label: t('analytics.presets.thisYear'), value: [dayjs().startOf('year'), dayjs()] },
              ]}
            />
          </Form.Item>
          <Form.Item>
            <Checkbox checked={withPercentiles} onChange={(e) => setPercentiles(e.target.checked)}>
              {t('analytics.percentiles')}
            </Checkbox>
          </Form.Item>
          <Form.Item>
            <Space>
              <DefinitionsButton />
              <ExportButton
                filename={`${t('analytics.tabs.indicators')}-${t(`analytics.dimension.${dimension}`)}-${from}_${to}`}
                columns={exportColumns}
                fetchRows={async () =>
                  summary.data
                    ? [...rows, { key: 'total', label: t('analytics.total'), measures: {}, indicators: summary.data.total.indicators }]
                    : []
                }
              />
            </Space>
          </Form.Item>
        </Form>
      </Card>

      <Row gutter={[12, 12]}>
        <Col xs={24} xl={12}>
          <Card
            size="small"
            title={t('analytics.byDimension', { dimension: t(`analytics.dimension.${dimension}`) })}
            extra={
              <Select
                size="small"
                value={metric}
                onChange={setMetric}
                style={{ width: 200 }}
                aria-label={t('analytics.chartIndicator')}
                showSearch
                optionFilterProp="label"
                options={list
                  .filter((d) => d.kind !== 'count' || d.id === 'contacts' || d.id === 'orders')
                  .map((d) => ({ value: d.id, label: d.name }))}
              />
            }
          >
            {summary.isLoading ? (
              <LoadingState />
            ) : summary.error ? (
              <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />
            ) : !rows.some((r) => indicatorValue(r.indicators, metric) !== null) ? (
              <EmptyState />
            ) : (
              <EChart option={options.bars} height={320} ariaLabel={metricName} testId="indicator-bars" />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('analytics.trendOf', { name: metricName })}>
            {problem ? (
              <EmptyState />
            ) : trend.isLoading ? (
              <LoadingState />
            ) : trend.error ? (
              <ErrorState error={trend.error} onRetry={() => void trend.refetch()} />
            ) : !trend.data?.some((p) => indicatorValue(p.total.indicators, metric) !== null) ? (
              <EmptyState />
            ) : (
              <EChart
                option={options.trend}
                height={320}
                ariaLabel={t('analytics.trendOf', { name: metricName })}
                testId="indicator-trend"
              />
            )}
          </Card>
        </Col>
      </Row>

      <Card
        size="small"
        title={
          <Space>
            {t('analytics.table')}
            <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
              {from} — {to}
            </Typography.Text>
          </Space>
        }
        extra={
          <Select
            mode="multiple"
            size="small"
            maxTagCount={2}
            value={columnIds}
            onChange={setColumnIds}
            style={{ width: 360 }}
            aria-label={t('analytics.columns')}
            options={list
              .filter((d) => d.id !== 'p50_handling_hours' && d.id !== 'p90_handling_hours')
              .map((d) => ({ value: d.id, label: d.name }))}
            optionFilterProp="label"
          />
        }
      >
        {problem ? (
          <EmptyState description={periodHelp} />
        ) : summary.error ? (
          <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />
        ) : (
          <Table<SummaryRow>
            data-testid="indicators-table"
            rowKey="key"
            size="small"
            loading={summary.isLoading}
            dataSource={rows}
            columns={columns}
            scroll={{ x: 290 + shownIds.length * 120 }}
            pagination={{ pageSize: 20, size: 'small', showSizeChanger: false }}
            locale={{ emptyText: <EmptyState /> }}
            summary={() =>
              summary.data && rows.length > 0 ? (
                <Table.Summary fixed>
                  <Table.Summary.Row style={{ fontWeight: 600, background: '#fafafa' }}>
                    <Table.Summary.Cell index={0}>{t('analytics.total')}</Table.Summary.Cell>
                    {dimension === 'unit' && (
                      <Table.Summary.Cell index={1} align="right">
                        {formatValue(summary.data.total.measures.dispatches ?? 0, 'count')}
                      </Table.Summary.Cell>
                    )}
                    {shownIds.map((id, i) => (
                      <Table.Summary.Cell key={id} index={i + (dimension === 'unit' ? 2 : 1)} align="right">
                        {formatValue(indicatorValue(summary.data!.total.indicators, id), byId.get(id)?.kind ?? 'count')}
                      </Table.Summary.Cell>
                    ))}
                  </Table.Summary.Row>
                </Table.Summary>
              ) : null
            }
          />
        )}
      </Card>
    </Space>
  );
}
