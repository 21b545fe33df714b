/** 领导驾驶舱: a large-screen view of volume, trends, hot categories, districts, deadlines and satisfaction. */
import { useMemo } from 'react';
import { Alert, Card, Col, Row, Statistic } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { flattenTree, useRegions } from '../../api/reference.ts';
import { listTickets } from '../../api/tickets.ts';
import { echarts, EChart } from '../../components/EChart.tsx';
import { categoriesOption, mapOption, percent, trendOption } from './charts.ts';
import { cityGeoJson } from './cityMap.ts';
import { LiveStream } from './LiveStream.tsx';
import { AlertsPanel } from '../insight/AlertsPanel.tsx';
import { HotspotsPanel } from '../insight/HotspotsPanel.tsx';
import { DashboardWallboard } from '../../phone/DashboardWallboard.tsx';

interface Dashboard {
  today: { day: string; contacts: number; orders: number };
  month: { orders: number; contacts: number; onTimeCompletionRate: number | null; resolutionRate: number | null; satisfaction: { rate: number | null } };
  trend: { day: string; contacts: number; orders: number }[];
  topCategories: { id: number; name: string; contacts: number }[];
  byDistrict: { id: number; name: string; contacts: number }[];
  overdue: { openOverdue: number; openAtRisk: number; monthOverdueEvents: number };
}

const MAP_NAME = 'lianxin-city';

export default function DashboardPage() {
  const { t } = useTranslation();
  const dashboard = useQuery({ queryKey: ['analytics', 'dashboard'], queryFn: () => api.get<Dashboard>('/api/v1/analytics/dashboard'), refetchInterval: 60_000 });
  const latest = useQuery({ queryKey: ['tickets', 'dashboard-latest'], queryFn: () => listTickets({}, null, 12) });
  const regions = useRegions();
  const districtNames = useMemo(() => flattenTree(regions.data ?? []).filter((r) => r.level === 'district').map((r) => r.name), [regions.data]);
  const mapReady = useMemo(() => {
    echarts.registerMap(MAP_NAME, cityGeoJson(districtNames) as never);
    return districtNames.join('|');
  }, [districtNames]);
  const d = dashboard.data;
  const byDistrict = useMemo(() => {
    const counts = new Map((d?.byDistrict ?? []).map((x) => [x.name, x.contacts]));
    return districtNames.map((name) => ({ name, contacts: counts.get(name) ?? 0 }));
  }, [d, districtNames]);
  const options = useMemo(() => ({
    trend: trendOption(t, d?.trend ?? []),
    categories: categoriesOption(d?.topCategories ?? []),
    map: mapOption(MAP_NAME, byDistrict),
  }), [t, d, byDistrict, mapReady]); // eslint-disable-line react-hooks/exhaustive-deps

  const kpis = [
    { key: 'today', value: d?.today.orders ?? '—' },
    { key: 'month', value: d?.month.orders ?? '—' },
    { key: 'overdue', value: d?.overdue.openOverdue ?? '—', color: '#ff7875' },
    { key: 'openNow', value: d ? d.overdue.openAtRisk : '—', label: t('supervision.atRisk'), color: '#ffc53d' },
    { key: 'satisfaction', value: percent(d?.month.satisfaction.rate) },
    { key: 'resolution', value: percent(d?.month.resolutionRate) },
    { key: 'onTime', value: percent(d?.month.onTimeCompletionRate) },
  ];
  return (
    <div className="lx-dashboard" data-testid="dashboard-page">
      <h1 style={{ color: '#fff', textAlign: 'center', fontSize: 24, margin: '0 0 12px', letterSpacing: 4 }}>{t('app.name')} · {t('dashboard.title')}</h1>
      {dashboard.error ? <Alert type="warning" showIcon title={t('dashboard.noAnalytics')} style={{ marginBottom: 12 }} /> : null}
      <Row gutter={[12, 12]}>
        {kpis.map((k) => (
          <Col key={k.key} flex="1 1 160px">
            <Card size="small" loading={dashboard.isLoading}>
              <Statistic title={k.label ?? t(`dashboard.${k.key}`)} value={k.value} styles={{ title: { color: '#9fc3f0' }, content: { color: k.color ?? '#fff', fontSize: 28 } }} />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
        <Col xs={24} xl={8}>
          <Card size="small" title={t('dashboard.trend')}><EChart option={options.trend} ariaLabel={t('dashboard.trend')} height={260} /></Card>
          <Card size="small" title={t('dashboard.topCategories')} style={{ marginTop: 12 }}>
            {d && d.topCategories.length === 0 ? <div style={{ height: 300, display: 'grid', placeItems: 'center', color: '#9fc3f0' }}>{t('common.empty')}</div>
              : <EChart option={options.categories} ariaLabel={t('dashboard.topCategories')} height={300} />}
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card size="small" title={t('dashboard.map')}><EChart option={options.map} ariaLabel={t('dashboard.map')} height={592} testId="district-map" /></Card>
        </Col>
        <Col xs={24} xl={7}>
          <LiveStream initial={latest.data?.items ?? []} />
        </Col>
      </Row>
      <DashboardWallboard />
      <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
        <Col xs={24} xl={14}><HotspotsPanel variant="screen" /></Col>
        <Col xs={24} xl={10}><AlertsPanel variant="screen" /></Col>
      </Row>
    </div>
  );
}
