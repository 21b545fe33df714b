/** 领导驾驶舱: a large-screen view of volume, trends, hot categories, districts, deadlines and satisfaction; full screen for the wall (大屏). */
import { useMemo, useRef } from 'react';
import { Alert, Button, Card, Col, Row, Statistic, Tooltip } from 'antd';
import { FullscreenExitOutlined, FullscreenOutlined, InfoCircleOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { analyticsApi } from '../../api/analytics.ts';
import { flattenTree, useRegions } from '../../api/reference.ts';
import { listTickets } from '../../api/tickets.ts';
import { echarts, EChart } from '../../components/EChart.tsx';
import { categoriesOption, mapOption, percent, trendOption } from './charts.ts';
import { cityGeoJson } from './cityMap.ts';
import { LiveStream } from './LiveStream.tsx';
import { AlertsPanel } from '../insight/AlertsPanel.tsx';
import { HotspotsPanel } from '../insight/HotspotsPanel.tsx';
import { DashboardWallboard } from '../../phone/DashboardWallboard.tsx';
import { useNow } from '../../phone/useNow.ts';
import { useFullscreen } from './useFullscreen.ts';
import { keys } from '../../api/keys.ts';

/** The order-list query that finds exactly the orders a count card counts (from the server, one rule). */
type OrderListQuery = { status: string; from?: string; to?: string; slaState?: 'at_risk' | 'overdue' };

interface Dashboard {
  today: { day: string; contacts: number; orders: number };
  month: {
    from: string;
    to: string;
    orders: number;
    contacts: number;
    onTimeCompletionRate: number | null;
    resolutionRate: number | null;
    satisfaction: { rate: number | null; countsBasic: boolean; satisfied: number; basicallySatisfied: number; unsatisfied: number };
  };
  trend: { day: string; contacts: number; orders: number }[];
  topCategories: { id: number; name: string; contacts: number }[];
  byDistrict: { id: number; name: string; contacts: number }[];
  overdue: { openOverdue: number; openAtRisk: number; monthOverdueEvents: number };
  orderLists: Record<'today' | 'month' | 'overdue' | 'atRisk', OrderListQuery>;
}

interface Kpi {
  key: string;
  value: number | string;
  color?: string;
  /** Where the card leads: the orders it counts, or for a rate the month's figures by unit. */
  to: string;
  definition: string;
}

/** `card` lets the list say which card's orders it shows. */
const ordersLink = (q: OrderListQuery | undefined, card: string) => (q ? `/tickets?${new URLSearchParams({ ...q, card })}` : '/tickets');

const MAP_NAME = 'lianxin-city';

export default function DashboardPage() {
  const { t } = useTranslation();
  const screen = useRef<HTMLDivElement>(null);
  const wall = useFullscreen(screen);
  const now = useNow(wall.isOn ? 1000 : 60_000);
  const dashboard = useQuery({
    queryKey: keys.analytics.dashboard,
    queryFn: (): Promise<Dashboard> => analyticsApi.dashboard(),
    refetchInterval: 60_000,
  });
  const latest = useQuery({ queryKey: keys.tickets.dashboardLatest, queryFn: () => listTickets({}, null, 12) });
  const regions = useRegions();
  const districtNames = useMemo(
    () =>
      flattenTree(regions.data ?? [])
        .filter((r) => r.level === 'district')
        .map((r) => r.name),
    [regions.data],
  );
  const mapReady = useMemo(() => {
    echarts.registerMap(MAP_NAME, cityGeoJson(districtNames) as never);
    return districtNames.join('|');
  }, [districtNames]);
  const d = dashboard.data;
  const byDistrict = useMemo(() => {
    const counts = new Map((d?.byDistrict ?? []).map((x) => [x.name, x.contacts]));
    return districtNames.map((name) => ({ name, contacts: counts.get(name) ?? 0 }));
  }, [d, districtNames]);
  const options = useMemo(
    () => ({
      trend: trendOption(t, d?.trend ?? [], d?.today.day),
      categories: categoriesOption(d?.topCategories ?? []),
      map: mapOption(MAP_NAME, byDistrict),
    }),
    [t, d, byDistrict, mapReady],
  ); // eslint-disable-line react-hooks/exhaustive-deps

  const period = d ? { from: d.month.from, to: d.month.to, day: d.today.day } : { from: '', to: '', day: '' };
  const figures = (indicator: string) => `/analytics/indicators?metric=${indicator}`;
  const kpis: Kpi[] = [
    {
      key: 'today',
      value: d?.today.orders ?? '—',
      to: ordersLink(d?.orderLists.today, 'today'),
      definition: t('dashboard.define.today', period),
    },
    {
      key: 'month',
      value: d?.month.orders ?? '—',
      to: ordersLink(d?.orderLists.month, 'month'),
      definition: t('dashboard.define.month', period),
    },
    {
      key: 'overdue',
      value: d?.overdue.openOverdue ?? '—',
      color: '#ff7875',
      to: ordersLink(d?.orderLists.overdue, 'overdue'),
      definition: t('dashboard.define.overdue'),
    },
    {
      key: 'atRisk',
      value: d?.overdue.openAtRisk ?? '—',
      color: '#ffc53d',
      to: ordersLink(d?.orderLists.atRisk, 'atRisk'),
      definition: t('dashboard.define.atRisk'),
    },
    {
      key: 'satisfaction',
      value: percent(d?.month.satisfaction.rate),
      to: figures('satisfaction_rate'),
      definition: t(d?.month.satisfaction.countsBasic === false ? 'dashboard.define.satisfactionStrict' : 'dashboard.define.satisfaction', {
        ...period,
        ...d?.month.satisfaction,
      }),
    },
    {
      key: 'resolution',
      value: percent(d?.month.resolutionRate),
      to: figures('resolution_rate'),
      definition: t('dashboard.define.resolution', period),
    },
    {
      key: 'onTime',
      value: percent(d?.month.onTimeCompletionRate),
      to: figures('on_time_completion_rate'),
      definition: t('dashboard.define.onTime', period),
    },
  ];
  return (
    <div
      ref={screen}
      className={wall.isOn ? 'lx-dashboard lx-dashboard-wall' : 'lx-dashboard'}
      data-testid="dashboard-page"
      data-wall={wall.isOn}
    >
      <div className="lx-dashboard-head">
        <span className="lx-wall-clock lx-mono">
          {wall.isOn ? new Date(now).toLocaleTimeString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' }) : null}
        </span>
        <h1>
          {t('app.name')} · {t('dashboard.title')}
        </h1>
        <Button
          type="text"
          className="lx-dashboard-fullscreen"
          icon={wall.isOn ? <FullscreenExitOutlined /> : <FullscreenOutlined />}
          onClick={wall.toggle}
          disabled={!wall.isSupported}
          data-testid="dashboard-fullscreen"
          // named as it reads: without this the icon's own label made it "fullscreen 全屏"
          aria-label={wall.isOn ? t('dashboard.exitFullscreen') : t('dashboard.fullscreen')}
        >
          {wall.isOn ? t('dashboard.exitFullscreen') : t('dashboard.fullscreen')}
        </Button>
      </div>
      {dashboard.error ? <Alert type="warning" showIcon title={t('dashboard.noAnalytics')} style={{ marginBottom: 12 }} /> : null}
      <Row gutter={[12, 12]}>
        {kpis.map((k) => (
          <Col key={k.key} flex="1 1 160px">
            <Link
              to={k.to}
              data-testid={`kpi-${k.key}`}
              data-value={k.value}
              aria-label={`${t(`dashboard.${k.key}`)} ${k.value}：${k.definition}`}
            >
              <Card size="small" loading={dashboard.isLoading} hoverable className="lx-kpi">
                <Statistic
                  value={k.value}
                  styles={{ title: { color: '#9fc3f0' }, content: { color: k.color ?? '#fff', fontSize: wall.isOn ? 44 : 28 } }}
                  title={
                    <span>
                      {t(`dashboard.${k.key}`)}{' '}
                      <Tooltip title={k.definition}>
                        <InfoCircleOutlined data-testid="kpi-definition" aria-label={k.definition} />
                      </Tooltip>
                    </span>
                  }
                />
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
      <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
        <Col xs={24} xl={8}>
          <Card size="small" title={t('dashboard.trend')}>
            <EChart option={options.trend} ariaLabel={t('dashboard.trend')} height={240} testId="dashboard-trend" />
            {d && (
              <div data-testid="trend-partial-note" style={{ color: '#9fc3f0', fontSize: 12, minHeight: 20 }}>
                {t('dashboard.trendPartialNote', { day: d.today.day })}
              </div>
            )}
          </Card>
          <Card size="small" title={t('dashboard.topCategories')} style={{ marginTop: 12 }}>
            {d && d.topCategories.length === 0 ? (
              <div style={{ height: 300, display: 'grid', placeItems: 'center', color: '#9fc3f0' }}>{t('common.empty')}</div>
            ) : (
              <EChart option={options.categories} ariaLabel={t('dashboard.topCategories')} height={300} />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card size="small" title={t('dashboard.map')}>
            <EChart option={options.map} ariaLabel={t('dashboard.map')} height={592} testId="district-map" />
          </Card>
        </Col>
        <Col xs={24} xl={7}>
          <LiveStream initial={latest.data?.items ?? []} />
        </Col>
      </Row>
      <DashboardWallboard />
      <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
        <Col xs={24} xl={14}>
          <HotspotsPanel variant="screen" />
        </Col>
        <Col xs={24} xl={10}>
          <AlertsPanel variant="screen" />
        </Col>
      </Row>
    </div>
  );
}
