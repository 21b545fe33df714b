/** At-risk and overdue open orders counted per lead unit (first 1,000 orders of the filter). */
import { Card, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { OPEN_STATUSES } from '../../../../common/ticket-lifecycle.ts';
import { listAllTickets } from '../../api/tickets.ts';
import { ExportButton } from '../../components/ExportButton.tsx';
import { ErrorState } from '../../components/PageState.tsx';
import { keys } from '../../api/keys.ts';

interface Row {
  unitId: number;
  unitName: string;
  atRisk: number;
  overdue: number;
}

export function UnitOverdueTable(props: { selectedUnitId?: number; onSelect: (unitId: number | undefined) => void }) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: keys.tickets.overdueByUnit,
    queryFn: async () => {
      const rows = await listAllTickets({ overdue: true, status: [...OPEN_STATUSES] }, 1000);
      const byUnit = new Map<number, Row>();
      for (const x of rows) {
        if (!x.leadUnitId) continue;
        const row = byUnit.get(x.leadUnitId) ?? {
          unitId: x.leadUnitId,
          unitName: x.leadUnitName ?? String(x.leadUnitId),
          atRisk: 0,
          overdue: 0,
        };
        if (x.slaState === 'overdue') row.overdue++;
        else row.atRisk++;
        byUnit.set(x.leadUnitId, row);
      }
      return [...byUnit.values()].sort((a, b) => b.overdue - a.overdue || b.atRisk - a.atRisk);
    },
  });
  const columns = [
    { header: t('supervision.unit'), width: 30, value: (r: Row) => r.unitName },
    { header: t('supervision.atRisk'), value: (r: Row) => r.atRisk },
    { header: t('supervision.overdue'), value: (r: Row) => r.overdue },
  ];
  return (
    <Card
      size="small"
      title={t('supervision.byUnit')}
      extra={<ExportButton size="small" filename={t('supervision.byUnit')} columns={columns} fetchRows={async () => query.data ?? []} />}
    >
      {query.error ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<Row>
          rowKey="unitId"
          size="small"
          loading={query.isLoading}
          dataSource={query.data ?? []}
          pagination={{ pageSize: 8, size: 'small' }}
          rowClassName={(r) => (r.unitId === props.selectedUnitId ? 'ant-table-row-selected' : '')}
          onRow={(r) => ({
            onClick: () => props.onSelect(r.unitId === props.selectedUnitId ? undefined : r.unitId),
            style: { cursor: 'pointer' },
          })}
          columns={[
            { title: t('supervision.unit'), dataIndex: 'unitName' },
            { title: t('supervision.atRisk'), dataIndex: 'atRisk', width: 90, sorter: (a, b) => a.atRisk - b.atRisk },
            {
              title: t('supervision.overdue'),
              dataIndex: 'overdue',
              width: 90,
              sorter: (a, b) => a.overdue - b.overdue,
              render: (v: number) => <b style={{ color: v ? '#cf1322' : undefined }}>{v}</b>,
            },
          ]}
        />
      )}
    </Card>
  );
}
