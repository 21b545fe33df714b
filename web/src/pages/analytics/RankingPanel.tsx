/** 排名: a month's results per peer group (考核分组), with each indicator's value and points and the deductions. */
import { Card, Descriptions, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { Assessment, UnitResult } from '../../api/analytics.ts';
import { ExportButton } from '../../components/ExportButton.tsx';
import { EmptyState } from '../../components/PageState.tsx';
import { deductionTotal, excelValue, formatValue, rankingByGroup } from './analytics.ts';
import { IndicatorName, PeerGroupName } from './IndicatorHelp.tsx';
import { useDefinitions } from './useDefinitions.ts';

const MEDALS = ['#d4a106', '#8c8c8c', '#ad6800'];

export function RankingPanel({ assessment }: { assessment: Assessment }) {
  const { t } = useTranslation();
  const { byId } = useDefinitions();
  const groups = rankingByGroup(assessment.results);
  const schemeIds = assessment.run.config.indicators.map((i) => i.id);
  const deductionKinds = assessment.run.config.deductions.map((d) => d.kind);

  const columns: ColumnsType<UnitResult> = [
    {
      title: t('analytics.assessment.rank'),
      dataIndex: 'rank',
      width: 70,
      align: 'center',
      render: (rank: number | null) =>
        rank === null ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <b style={{ color: MEDALS[rank - 1] ?? undefined, fontSize: rank <= 3 ? 16 : undefined }}>{rank}</b>
        ),
    },
    { title: t('analytics.assessment.unit'), dataIndex: 'unitName', width: 220 },
    {
      title: t('analytics.assessment.score'),
      dataIndex: 'score',
      width: 90,
      align: 'right',
      render: (v: number | null) =>
        v === null ? (
          <Tooltip title={t('analytics.assessment.noData')}>
            <Typography.Text type="secondary">{t('analytics.assessment.notScored')}</Typography.Text>
          </Tooltip>
        ) : (
          <b>{v.toFixed(2)}</b>
        ),
    },
    ...schemeIds.map((id) => ({
      title: <IndicatorName definition={byId.get(id)} fallback={id} />,
      key: id,
      width: 130,
      align: 'right' as const,
      render: (_: unknown, r: UnitResult) => {
        const x = r.indicators.find((i) => i.id === id);
        if (!x || x.value === null) return <Typography.Text type="secondary">—</Typography.Text>;
        return (
          <Tooltip title={t('analytics.assessment.pointsOf', { points: x.points?.toFixed(2) ?? '—', weight: x.weight })}>
            <span>
              {formatValue(x.value, 'rate')}{' '}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                ({x.points?.toFixed(1) ?? '—'})
              </Typography.Text>
            </span>
          </Tooltip>
        );
      },
    })),
    {
      title: t('analytics.assessment.deductions'),
      key: 'deductions',
      width: 110,
      align: 'right',
      render: (_, r) => {
        const total = deductionTotal(r);
        return total > 0 ? (
          <Typography.Text type="danger">−{total.toFixed(2)}</Typography.Text>
        ) : (
          <Typography.Text type="secondary">0</Typography.Text>
        );
      },
    },
  ];

  const exportColumns = [
    {
      header: t('analytics.assessment.peerGroupLabel'),
      value: (r: UnitResult) => t(`analytics.peerGroup.${r.peerGroup}`, { defaultValue: r.peerGroup }),
    },
    { header: t('analytics.assessment.rank'), width: 8, value: (r: UnitResult) => r.rank },
    { header: t('analytics.assessment.unit'), width: 30, value: (r: UnitResult) => r.unitName },
    { header: t('analytics.assessment.score'), width: 10, value: (r: UnitResult) => r.score },
    ...schemeIds.flatMap((id) => [
      {
        header: `${byId.get(id)?.name ?? id} (%)`,
        value: (r: UnitResult) => excelValue(r.indicators.find((i) => i.id === id)?.value, 'rate'),
      },
      {
        header: `${byId.get(id)?.name ?? id} ${t('analytics.assessment.points')}`,
        value: (r: UnitResult) => excelValue(r.indicators.find((i) => i.id === id)?.points, 'score'),
      },
    ]),
    ...deductionKinds.flatMap((kind) => [
      {
        header: `${t(`analytics.deduction.${kind}`)} ${t('analytics.assessment.times')}`,
        value: (r: UnitResult) => r.deductions.find((d) => d.kind === kind)?.count ?? 0,
      },
      {
        header: `${t(`analytics.deduction.${kind}`)} ${t('analytics.assessment.waived')}`,
        value: (r: UnitResult) => r.deductions.find((d) => d.kind === kind)?.waived ?? 0,
      },
      {
        header: `${t(`analytics.deduction.${kind}`)} ${t('analytics.assessment.deducted')}`,
        value: (r: UnitResult) => r.deductions.find((d) => d.kind === kind)?.points ?? 0,
      },
    ]),
  ];

  if (assessment.results.length === 0) return <EmptyState />;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="assessment-ranking">
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Text type="secondary">{t('analytics.assessment.rankingHint')}</Typography.Text>
        <ExportButton
          filename={`${t('analytics.assessment.exportName')}-${assessment.month}-v${assessment.run.version}`}
          columns={exportColumns}
          fetchRows={async () => groups.flatMap((g) => g.rows)}
        />
      </Space>
      {groups.map((g) => (
        <Card
          key={g.peerGroup}
          size="small"
          type="inner"
          data-testid={`peer-group-${g.peerGroup}`}
          title={
            <Space>
              <PeerGroupName group={g.peerGroup} />
              <Tag>{t('analytics.assessment.unitsN', { count: g.rows.length })}</Tag>
            </Space>
          }
        >
          <Table<UnitResult>
            rowKey="unitId"
            size="small"
            dataSource={g.rows}
            columns={columns}
            pagination={g.rows.length > 15 ? { pageSize: 15, size: 'small' } : false}
            scroll={{ x: 490 + schemeIds.length * 130 }}
            expandable={{
              rowExpandable: (r) => r.deductions.some((d) => d.count > 0),
              expandedRowRender: (r) => (
                <Descriptions
                  size="small"
                  column={{ xs: 1, md: 2, xl: 4 }}
                  items={r.deductions.map((d) => ({
                    key: d.kind,
                    label: t(`analytics.deduction.${d.kind}`),
                    children: t('analytics.assessment.deductionLine', { count: d.count, waived: d.waived, points: d.points.toFixed(2) }),
                  }))}
                />
              ),
            }}
          />
        </Card>
      ))}
    </Space>
  );
}
