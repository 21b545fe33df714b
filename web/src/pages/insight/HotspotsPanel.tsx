/** 热点问题: problems ranked by heat index (orders, citizens, growth, urgency), with trend and drill-down to the member orders. */
import { useState } from 'react';
import { Card, List, Segmented, Space, Spin, Table, Tag, Tooltip, Typography } from 'antd';
import { FireOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { getHotspots, type Hotspot } from '../../api/insight.ts';
import { ExportButton } from '../../components/ExportButton.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../components/PageState.tsx';
import { formatDate } from '../../lib/format.ts';
import { OrdersDrawer } from './OrdersDrawer.tsx';
import { Sparkline, TREND_ARROW, TREND_COLOR } from './Sparkline.tsx';
import { keys } from '../../api/keys.ts';

const PERIODS = [7, 30] as const;

export function HotspotsPanel(props: { variant?: 'table' | 'screen'; top?: number }) {
  const { t, i18n } = useTranslation();
  const isScreen = props.variant === 'screen';
  const [days, setDays] = useState<(typeof PERIODS)[number]>(isScreen ? 7 : 30);
  const [picked, setPicked] = useState<Hotspot | null>(null);
  const top = props.top ?? (isScreen ? 8 : 20);
  const from = dayjs()
    .subtract(days - 1, 'day')
    .format('YYYY-MM-DD');
  const to = dayjs().format('YYYY-MM-DD');
  // computed by a background job: ask again every few seconds until the stored result is ready
  const query = useQuery({
    queryKey: keys.insight.hotspots(from, to, top),
    queryFn: () => getHotspots({ from, to, top }),
    staleTime: 5 * 60_000,
    refetchInterval: (q) => (q.state.data && (q.state.data.status === 'pending' || q.state.data.status === 'running') ? 3_000 : false),
  });
  const isComputing = query.data?.status === 'pending' || query.data?.status === 'running';
  const items = query.data?.items ?? [];
  const trendLabel = (h: Hotspot) => `${t(`insight.trend.${h.trend.direction}`)}: ${h.trend.series.map((s) => s.count).join(', ')}`;
  const trend = (h: Hotspot) => (
    <Tooltip
      title={h.trend.series
        .filter((s) => s.count > 0)
        .map((s) => `${s.period}: ${s.count}`)
        .join(' · ')}
    >
      <Space size={4}>
        <Sparkline
          values={h.trend.series.map((s) => s.count)}
          color={TREND_COLOR[h.trend.direction]}
          label={trendLabel(h)}
          width={isScreen ? 56 : 80}
        />
        <span style={{ color: TREND_COLOR[h.trend.direction], whiteSpace: 'nowrap' }}>
          {TREND_ARROW[h.trend.direction]} {t(`insight.trend.${h.trend.direction}`)}
        </span>
      </Space>
    </Tooltip>
  );
  const period = (
    <Segmented
      size="small"
      value={days}
      onChange={(v) => setDays(v as typeof days)}
      options={PERIODS.map((d) => ({ value: d, label: t('insight.lastDays', { days: d }) }))}
    />
  );
  const extra = (
    <Space size={8}>
      {period}
      {!isScreen && (
        <ExportButton
          size="small"
          filename={t('insight.hotspots')}
          fetchRows={async () => items}
          columns={[
            { header: t('insight.rank'), value: (h: Hotspot) => h.rank },
            { header: t('insight.problem'), width: 40, value: (h) => h.title },
            { header: t('insight.heat'), value: (h) => h.heat },
            { header: t('insight.district'), value: (h) => h.district },
            { header: t('ticket.region'), value: (h) => h.region },
            { header: t('insight.place'), width: 24, value: (h) => h.place },
            { header: t('insight.members'), value: (h) => h.count },
            { header: t('insight.citizens'), value: (h) => h.citizens },
            { header: t('insight.trendLabel'), value: (h) => t(`insight.trend.${h.trend.direction}`) },
            { header: t('insight.firstAt'), value: (h) => formatDate(h.firstAt) },
            { header: t('insight.lastAt'), value: (h) => formatDate(h.lastAt) },
            { header: t('insight.orderNumbers'), width: 60, value: (h) => h.numbers.join(' ') },
          ]}
        />
      )}
    </Space>
  );

  let body: React.ReactNode;
  if (query.isLoading) body = <LoadingState rows={isScreen ? 6 : 4} />;
  else if (query.error) body = <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  else if (!items.length && isComputing)
    body = (
      <div
        role="status"
        data-testid="hotspots-computing"
        style={{ padding: 24, textAlign: 'center', color: isScreen ? '#9fc3f0' : undefined }}
      >
        <Spin size="small" /> <span style={{ marginLeft: 8 }}>{t('insight.hotspotsComputing')}</span>
      </div>
    );
  else if (!items.length && query.data?.status === 'failed')
    body = <ErrorState error={new Error(t('insight.hotspotsFailed'))} onRetry={() => void query.refetch()} />;
  else if (!items.length)
    body = isScreen ? (
      <div style={{ color: '#9fc3f0', padding: 24, textAlign: 'center' }}>{t('insight.noHotspots')}</div>
    ) : (
      <EmptyState description={t('insight.noHotspots')} />
    );
  else if (isScreen) {
    body = (
      <List
        size="small"
        dataSource={items}
        renderItem={(h) => (
          <List.Item
            data-testid="hotspot"
            onClick={() => setPicked(h)}
            style={{ borderColor: '#1d4e89', padding: '6px 0', cursor: 'pointer', display: 'flex', gap: 8, flexWrap: 'nowrap' }}
          >
            <span style={{ flex: '0 0 22px', color: h.rank <= 3 ? '#ff7875' : '#9fc3f0', fontWeight: 600 }}>{h.rank}</span>
            <span
              style={{
                flex: '1 1 auto',
                minWidth: 0,
                color: '#e6f0ff',
                overflow: 'hidden',
                textOverflow: 'ellipsis',
                whiteSpace: 'nowrap',
              }}
              title={h.title}
            >
              {h.title}
            </span>
            <span style={{ flex: '0 0 auto', color: '#9fc3f0', whiteSpace: 'nowrap' }}>{h.district ?? h.region ?? ''}</span>
            <span style={{ flex: '0 0 auto', color: '#ffc53d', whiteSpace: 'nowrap' }}>{t('insight.ordersShort', { count: h.count })}</span>
            <span style={{ flex: '0 0 auto' }}>
              <Sparkline
                values={h.trend.series.map((s) => s.count)}
                color={TREND_COLOR[h.trend.direction] === '#8c8c8c' ? '#9fc3f0' : TREND_COLOR[h.trend.direction]}
                label={trendLabel(h)}
                width={48}
              />
            </span>
          </List.Item>
        )}
      />
    );
  } else {
    body = (
      <Table<Hotspot>
        rowKey="rank"
        size="small"
        dataSource={items}
        pagination={{ pageSize: 10, size: 'small', showSizeChanger: false }}
        scroll={{ x: 900 }}
        onRow={(h) => ({ onClick: () => setPicked(h), style: { cursor: 'pointer' }, 'data-testid': 'hotspot' }) as never}
        columns={[
          {
            title: t('insight.rank'),
            dataIndex: 'rank',
            width: 56,
            render: (v: number) => <b style={{ color: v <= 3 ? '#cf1322' : undefined }}>{v}</b>,
          },
          {
            title: t('insight.problem'),
            dataIndex: 'title',
            render: (v: string, h) => (
              <div style={{ minWidth: 0 }}>
                <Typography.Link
                  onClick={(e) => {
                    e.stopPropagation();
                    setPicked(h);
                  }}
                >
                  {v}
                </Typography.Link>
                <div style={{ marginTop: 2 }}>
                  {h.place && <Tag>{h.place}</Tag>}
                  {h.terms.slice(0, 4).map((w) => (
                    <Tag key={w} bordered={false} color="blue">
                      {w}
                    </Tag>
                  ))}
                </div>
              </div>
            ),
          },
          {
            title: <Tooltip title={t('insight.heatHelp')}>{t('insight.heat')}</Tooltip>,
            dataIndex: 'heat',
            width: 80,
            sorter: (a, b) => a.heat - b.heat,
            render: (v: number) => (
              <span>
                <FireOutlined style={{ color: '#fa541c' }} /> {v.toFixed(1)}
              </span>
            ),
          },
          {
            title: t('insight.district'),
            dataIndex: 'district',
            width: 110,
            render: (v: string | null, h) => (
              <Tooltip title={h.region && h.region !== v ? `${t('insight.mostlyIn')}: ${h.region}` : undefined}>
                {v ?? h.region ?? '—'}
              </Tooltip>
            ),
          },
          {
            title: t('insight.members'),
            dataIndex: 'count',
            width: 150,
            sorter: (a, b) => a.count - b.count,
            render: (v: number, h) => (
              <span>
                {t('insight.ordersShort', { count: v })} · {t('insight.citizensShort', { count: h.citizens })}
              </span>
            ),
          },
          { title: t('insight.trendLabel'), width: 170, render: (_, h) => trend(h) },
          { title: t('insight.lastAt'), dataIndex: 'lastAt', width: 104, render: formatDate },
        ]}
      />
    );
  }
  return (
    <Card
      size="small"
      data-testid="hotspots-panel"
      title={
        <span>
          <FireOutlined style={{ color: '#fa541c' }} /> {t('insight.hotspots')}
        </span>
      }
      extra={extra}
    >
      {query.data?.capped && (
        <Typography.Paragraph type="warning" style={{ fontSize: 12, marginBottom: 8 }} data-testid="hotspots-capped">
          {i18n.language.startsWith('en') ? query.data.capped.messageEn : query.data.capped.message}
        </Typography.Paragraph>
      )}
      {isComputing && items.length > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('insight.hotspotsRefreshing', { at: formatDate(query.data!.computedAt!) })}
        </Typography.Text>
      )}
      {body}
      <OrdersDrawer
        open={!!picked}
        onClose={() => setPicked(null)}
        ticketIds={picked?.ticketIds ?? []}
        exportName={`${t('insight.hotspots')}-${picked?.rank ?? ''}`}
        title={
          picked ? (
            <span>
              {t('insight.hotspotOrders', { rank: picked.rank })} · {picked.title}
            </span>
          ) : (
            ''
          )
        }
        summary={
          picked ? (
            <Space wrap size={[16, 4]}>
              <span>
                {t('insight.heat')}: <b>{picked.heat.toFixed(1)}</b>
              </span>
              <span>
                {t('insight.district')}: {picked.district ?? '—'}
                {picked.region && picked.region !== picked.district ? ` · ${picked.region}` : ''}
                {picked.place ? ` · ${picked.place}` : ''}
              </span>
              <span>
                {t('insight.members')}: {t('insight.ordersShort', { count: picked.count })} ·{' '}
                {t('insight.citizensShort', { count: picked.citizens })}
              </span>
              <span>
                {formatDate(picked.firstAt)} – {formatDate(picked.lastAt)}
              </span>
              {trend(picked)}
            </Space>
          ) : null
        }
      />
    </Card>
  );
}
