/** Agents' figures for the period (an agent: their own row), exportable. */
import { Card, Descriptions, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ExportButton } from '../../components/ExportButton.tsx';
import type { ExcelColumn } from '../../lib/excel.ts';
import { QueryState } from '../../components/PageState.tsx';
import { percent, qualityApi, seconds, type AgentRow, type Period } from '../../api/quality.ts';
import { keys } from '../../api/keys.ts';

/** The row's figures (counts, rates, scores), which the table sorts by. */
type AgentFigure = { [K in keyof AgentRow]: AgentRow[K] extends number | null ? K : never }[keyof AgentRow];

export function AgentsPanel({ period, isSelfOnly }: { period: Period; isSelfOnly: boolean }) {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: keys.quality.agents(period), queryFn: () => qualityApi.agents(period) });
  const score = (v: number | null) => (v === null ? '—' : v.toFixed(2));
  const fields: {
    key: AgentFigure;
    title: string;
    value: (r: AgentRow) => string | number;
    excel?: (r: AgentRow) => string | number | null;
  }[] = [
    { key: 'contactsHandled', title: t('quality.agent.contactsHandled'), value: (r) => r.contactsHandled },
    { key: 'callsAnswered', title: t('quality.agent.callsAnswered'), value: (r) => r.callsAnswered },
    { key: 'nonPhoneOrders', title: t('quality.agent.nonPhoneOrders'), value: (r) => r.nonPhoneOrders },
    { key: 'ordersCreated', title: t('quality.agent.ordersCreated'), value: (r) => r.ordersCreated },
    {
      key: 'directAnswerRate',
      title: t('quality.agent.directAnswerRate'),
      value: (r) => percent(r.directAnswerRate),
      excel: (r) => r.directAnswerRate,
    },
    {
      key: 'averageHandlingSeconds',
      title: t('quality.agent.aht'),
      value: (r) => seconds(r.averageHandlingSeconds),
      excel: (r) => r.averageHandlingSeconds,
    },
    { key: 'averageQaScore', title: t('quality.agent.qaScore'), value: (r) => score(r.averageQaScore), excel: (r) => r.averageQaScore },
    { key: 'inspections', title: t('quality.agent.inspections'), value: (r) => r.inspections },
    { key: 'fatalInspections', title: t('quality.agent.fatal'), value: (r) => r.fatalInspections },
    { key: 'pendingInspections', title: t('quality.agent.pending'), value: (r) => r.pendingInspections },
  ];
  const columns: ColumnsType<AgentRow> = [
    {
      title: t('quality.agent.name'),
      key: 'name',
      fixed: 'left',
      render: (_, r) => (
        <>
          {r.displayName} {!r.isActive && <Tag>{t('common.inactive')}</Tag>}
        </>
      ),
    },
    ...fields.map((f) => ({
      title: f.title,
      key: f.key,
      align: 'right' as const,
      render: (_: unknown, r: AgentRow) => f.value(r),
      sorter: (a: AgentRow, b: AgentRow) => (a[f.key] ?? -1) - (b[f.key] ?? -1),
    })),
  ];
  const excel: ExcelColumn<AgentRow>[] = [
    { header: t('quality.agent.name'), value: (r) => r.displayName },
    { header: t('quality.agent.username'), value: (r) => r.username },
    ...fields.map((f) => ({ header: f.title, value: f.excel ?? f.value })),
  ];

  return (
    <QueryState query={query} isEmpty={(d) => d.items.length === 0} empty={undefined}>
      {(data) =>
        isSelfOnly ? (
          <Card title={t('quality.myRecordOf', { name: data.items[0].displayName })} data-testid="quality-my-record">
            <Descriptions
              column={{ xs: 1, sm: 2, lg: 3 }}
              bordered
              size="small"
              items={fields.map((f) => ({ key: f.key, label: f.title, children: f.value(data.items[0]) }))}
            />
          </Card>
        ) : (
          <Card
            size="small"
            title={t('quality.agentsOf', { from: data.from, to: data.to, count: data.items.length })}
            extra={
              <ExportButton
                filename={`${t('quality.agents')} ${data.from}~${data.to}`}
                columns={excel}
                fetchRows={async () => data.items}
                size="small"
              />
            }
          >
            <Table<AgentRow>
              rowKey="agentUserId"
              size="small"
              columns={columns}
              dataSource={data.items}
              pagination={false}
              scroll={{ x: 'max-content' }}
              data-testid="quality-agents-table"
            />
          </Card>
        )
      }
    </QueryState>
  );
}
