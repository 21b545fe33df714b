/** 预警: surges of orders per category × district against comparable past periods, with drill-down to the orders counted. */
import { useState } from 'react';
import { Button, Card, List, Segmented, Space, Table, Tag, Tooltip } from 'antd';
import { AlertOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { getAlerts, type SurgeAlert } from '../../api/insight.ts';
import { keys } from '../../api/keys.ts';
import { ExportButton } from '../../components/ExportButton.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../components/PageState.tsx';
import { formatTime } from '../../lib/format.ts';
import { alertCountsText, alertMessage, alertWindow, alertWindowShort, categoryLabels, leafName } from './alertText.ts';
import { LevelTag } from './LevelTag.tsx';
import { OrdersDrawer } from './OrdersDrawer.tsx';

const PERIODS = [1, 7, 30] as const;

export function alertsQueryKey(from: string, to: string) {
  return keys.insight.alerts(from, to);
}

export function AlertsPanel(props: { variant?: 'table' | 'screen' }) {
  const { t } = useTranslation();
  const isScreen = props.variant === 'screen';
  const [days, setDays] = useState<(typeof PERIODS)[number]>(7);
  const [picked, setPicked] = useState<SurgeAlert | null>(null);
  const from = dayjs()
    .subtract(days - 1, 'day')
    .format('YYYY-MM-DD');
  const to = dayjs().format('YYYY-MM-DD');
  const query = useQuery({ queryKey: alertsQueryKey(from, to), queryFn: () => getAlerts({ from, to }) });
  const items = query.data?.items ?? [];
  const extra = (
    <Space size={8}>
      <Segmented
        size="small"
        value={days}
        onChange={(v) => setDays(v as typeof days)}
        options={PERIODS.map((d) => ({ value: d, label: d === 1 ? t('insight.today') : t('insight.lastDays', { days: d }) }))}
      />
      {!isScreen && (
        <ExportButton
          size="small"
          filename={t('insight.alerts')}
          fetchRows={async () => items}
          columns={[
            { header: t('insight.levelLabel'), value: (a: SurgeAlert) => t(`insight.level.${a.level}`) },
            { header: t('insight.window'), width: 24, value: (a) => alertWindow(a) },
            { header: t('ticket.category'), width: 30, value: (a) => a.categoryName ?? t('insight.uncategorised') },
            { header: t('ticket.region'), value: (a) => a.regionName ?? t('common.unknown') },
            { header: t('insight.granularityLabel'), value: (a) => t(`insight.granularity.${a.granularity}`) },
            { header: t('insight.observed'), value: (a) => a.observed },
            { header: t('insight.expected'), value: (a) => a.expected },
            { header: t('insight.message'), width: 60, value: (a) => alertMessage(a) },
            { header: t('insight.raisedAt'), width: 18, value: (a) => formatTime(a.createdAt) },
          ]}
        />
      )}
    </Space>
  );

  let body: React.ReactNode;
  if (query.isLoading) body = <LoadingState rows={isScreen ? 3 : 4} />;
  else if (query.error) body = <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  else if (!items.length)
    body = isScreen ? (
      <div style={{ color: '#9fc3f0', padding: 16, textAlign: 'center' }}>{t('insight.noAlerts')}</div>
    ) : (
      <EmptyState description={t('insight.noAlerts')} />
    );
  else if (isScreen) {
    const shown = items.slice(0, 6);
    const categories = categoryLabels(shown);
    // two alerts of one place and category differ by their window: an hour's and its day's, or two days'
    body = (
      <List
        size="small"
        dataSource={shown}
        renderItem={(a) => (
          <List.Item
            data-testid="alert"
            data-alert-id={a.id}
            onClick={() => setPicked(a)}
            style={{
              borderColor: '#1d4e89',
              padding: '6px 0',
              cursor: 'pointer',
              display: 'flex',
              gap: 8,
              flexWrap: 'nowrap',
              justifyContent: 'flex-start',
            }}
          >
            <LevelTag level={a.level} />
            <span
              style={{
                flex: '1 1 auto',
                minWidth: 0,
                color: '#e6f0ff',
                overflow: 'hidden',
                textOverflow: 'ellipsis',
                whiteSpace: 'nowrap',
              }}
              title={alertMessage(a)}
            >
              {a.regionName ?? t('common.unknown')} · {categories.get(a.categoryId) ?? t('insight.uncategorised')}
              <span style={{ color: '#9fc3f0', marginInlineStart: 8 }} data-testid="alert-window">
                {alertWindowShort(a)}
              </span>
            </span>
            <span style={{ flex: '0 0 auto', color: '#ff7875', whiteSpace: 'nowrap' }} data-testid="alert-counts">
              {alertCountsText(a)}
            </span>
          </List.Item>
        )}
      />
    );
  } else {
    const categories = categoryLabels(items);
    body = (
      <Table<SurgeAlert>
        rowKey="id"
        size="small"
        dataSource={items}
        pagination={{ pageSize: 10, size: 'small', showSizeChanger: false }}
        scroll={{ x: 900 }}
        onRow={(a) => ({ 'data-testid': 'alert', 'data-alert-id': a.id }) as never}
        columns={[
          { title: t('insight.levelLabel'), dataIndex: 'level', width: 72, render: (v) => <LevelTag level={v} /> },
          {
            title: t('insight.window'),
            width: 170,
            render: (_, a) => (
              <span>
                {alertWindow(a)} <Tag bordered={false}>{t(`insight.granularity.${a.granularity}`)}</Tag>
              </span>
            ),
          },
          {
            title: t('ticket.category'),
            dataIndex: 'categoryName',
            ellipsis: true,
            render: (v: string | null, a) => <Tooltip title={v}>{categories.get(a.categoryId) ?? t('insight.uncategorised')}</Tooltip>,
          },
          { title: t('ticket.region'), dataIndex: 'regionName', width: 96, render: (v) => v ?? t('common.unknown') },
          {
            title: <Tooltip title={t('insight.observedHelp')}>{t('insight.observedVsExpected')}</Tooltip>,
            width: 170,
            sorter: (a, b) => a.observed / Math.max(a.expected, 0.01) - b.observed / Math.max(b.expected, 0.01),
            render: (_, a) => (
              <b style={{ color: '#cf1322' }} data-testid="alert-counts">
                {alertCountsText(a)}
              </b>
            ),
          },
          { title: t('insight.raisedAt'), dataIndex: 'createdAt', width: 140, render: formatTime },
          {
            title: t('common.actions'),
            width: 110,
            render: (_, a) => (
              <Button size="small" onClick={() => setPicked(a)} data-testid="alert-orders">
                {t('insight.viewOrders', { count: a.ticketIds.length })}
              </Button>
            ),
          },
        ]}
      />
    );
  }
  return (
    <Card
      size="small"
      data-testid="alerts-panel"
      title={
        <span>
          <AlertOutlined style={{ color: '#cf1322' }} /> {t('insight.alerts')}
        </span>
      }
      extra={extra}
    >
      {body}
      <OrdersDrawer
        open={!!picked}
        onClose={() => setPicked(null)}
        ticketIds={picked?.ticketIds ?? []}
        exportName={`${t('insight.alerts')}-${picked?.id ?? ''}`}
        title={
          picked ? (
            <span>
              {t('insight.alertOrders')} · {picked.regionName ?? ''} {leafName(picked.categoryName) ?? ''}
            </span>
          ) : (
            ''
          )
        }
        summary={
          picked ? (
            <Space wrap>
              <LevelTag level={picked.level} />
              <span>{alertMessage(picked)}</span>
            </Space>
          ) : null
        }
      />
    </Card>
  );
}
