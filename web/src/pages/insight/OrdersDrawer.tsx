/** 下钻: the orders behind a hotspot or a surge alert; each opens in the ticket drawer. */
import { useState } from 'react';
import { Alert, Button, Drawer, Grid, Space, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TicketStatus } from '../../../../common/ticket-lifecycle.ts';
import { getDrillDown, type DrillDownOrder } from '../../api/insight.ts';
import { ExportButton } from '../../components/ExportButton.tsx';
import { ErrorState } from '../../components/PageState.tsx';
import { SlaTag, StatusTag, UrgencyTag } from '../../components/Tags.tsx';
import { TicketDrawer } from '../../components/ticket/TicketDrawer.tsx';
import { formatTime } from '../../lib/format.ts';
import { keys } from '../../api/keys.ts';

export function OrdersDrawer(props: {
  open: boolean;
  title: React.ReactNode;
  exportName: string;
  ticketIds: number[];
  summary?: React.ReactNode;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const [openId, setOpenId] = useState<number | null>(null);
  // hotspots and alerts list their orders oldest first: the latest 500 are the ones to look at
  const ids = props.ticketIds.slice(-500);
  const query = useQuery({ queryKey: keys.insight.orders(ids), queryFn: () => getDrillDown(ids), enabled: props.open && ids.length > 0 });
  const rows = query.data?.items ?? [];
  return (
    <Drawer open={props.open} onClose={props.onClose} size={screens.md ? 860 : '100%'} title={props.title} destroyOnHidden>
      <div data-testid="drill-down">
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          {props.summary}
          <Space style={{ justifyContent: 'space-between', width: '100%' }}>
            <Typography.Text type="secondary">{t('insight.ordersCount', { count: props.ticketIds.length })}</Typography.Text>
            <ExportButton
              size="small"
              filename={props.exportName}
              fetchRows={async () => rows}
              columns={[
                { header: t('ticket.number'), width: 18, value: (r: DrillDownOrder) => r.number },
                { header: t('ticket.title'), width: 40, value: (r) => r.title },
                { header: t('ticket.status'), value: (r) => t(`enums.status.${r.status}`) },
                { header: t('ticket.category'), width: 30, value: (r) => r.categoryName },
                { header: t('ticket.region'), value: (r) => r.regionName },
                { header: t('ticket.leadUnit'), width: 24, value: (r) => r.leadUnitName },
                { header: t('ticket.createdAt'), width: 18, value: (r) => formatTime(r.createdAt) },
              ]}
            />
          </Space>
          {props.ticketIds.length > 500 && <Alert type="info" showIcon title={t('insight.ordersTruncated', { count: 500 })} />}
          {query.error ? (
            <ErrorState error={query.error} onRetry={() => void query.refetch()} />
          ) : (
            <Table<DrillDownOrder>
              rowKey="id"
              size="small"
              loading={query.isLoading}
              dataSource={rows}
              pagination={{ pageSize: 20, showSizeChanger: false, size: 'small' }}
              scroll={{ x: 820 }}
              onRow={(r) => ({ 'data-number': r.number }) as never}
              columns={[
                {
                  title: t('ticket.number'),
                  dataIndex: 'number',
                  width: 150,
                  render: (v: string, r) => (
                    <Button
                      type="link"
                      size="small"
                      className="lx-mono"
                      style={{ padding: 0 }}
                      aria-label={t('ticket.openDetail', { number: v })}
                      onClick={() => setOpenId(r.id)}
                    >
                      {v}
                    </Button>
                  ),
                },
                {
                  title: t('ticket.title'),
                  dataIndex: 'title',
                  ellipsis: true,
                  render: (v: string, r) => (
                    <span>
                      <UrgencyTag urgency={r.urgency} />
                      <SlaTag state={r.slaState} />
                      {v}
                    </span>
                  ),
                },
                {
                  title: t('ticket.status'),
                  dataIndex: 'status',
                  width: 110,
                  render: (v: string) => <StatusTag status={v as TicketStatus} />,
                },
                { title: t('ticket.region'), dataIndex: 'regionName', width: 100, render: (v) => v ?? '—' },
                { title: t('ticket.leadUnit'), dataIndex: 'leadUnitName', width: 150, ellipsis: true, render: (v) => v ?? '—' },
                { title: t('ticket.createdAt'), dataIndex: 'createdAt', width: 140, render: formatTime },
              ]}
            />
          )}
        </Space>
      </div>
      <TicketDrawer ticketId={openId} onClose={() => setOpenId(null)} />
    </Drawer>
  );
}
