/** ECharts options of the dashboard, built from the analytics API's figures (pure). */
import type { TFunction } from 'i18next';

const AXIS = {
  axisLine: { lineStyle: { color: '#4d6e9c' } },
  axisLabel: { color: '#9fc3f0' },
  splitLine: { lineStyle: { color: '#16365f' } },
};

/**
 * `partialDay`: the day still under way (today). Its count is only so far, so it is drawn apart — a dashed, lighter
 * segment from the day before — and named as such in the tooltip, so a leader does not read the short day as a collapse.
 */
export function trendOption(t: TFunction, trend: { day: string; orders: number; contacts: number }[], partialDay?: string) {
  const partialAt = trend.findIndex((p) => p.day === partialDay);
  const isPartial = (i: number) => i === partialAt;
  return {
    tooltip: {
      trigger: 'axis',
      // one line per day: the day before today belongs to both series, and is one figure
      formatter: (params: { dataIndex: number; marker: string }[]) => {
        const i = params[0].dataIndex;
        const day = trend[i].day.slice(5) + (isPartial(i) ? ` ${t('dashboard.partialDay')}` : '');
        return `${day}<br/>${params[0].marker}${trend[i].orders} ${t('dashboard.count')}`;
      },
    },
    grid: { left: 40, right: 16, top: 24, bottom: 28 },
    xAxis: { type: 'category', data: trend.map((p) => p.day.slice(5)), ...AXIS },
    yAxis: { type: 'value', ...AXIS },
    series: [
      {
        name: t('dashboard.count'),
        type: 'line',
        smooth: true,
        showSymbol: false,
        areaStyle: { opacity: 0.25 },
        data: trend.map((p, i) => (isPartial(i) ? null : p.orders)),
        itemStyle: { color: '#3ba0ff' },
      },
      ...(partialAt > 0
        ? [
            {
              name: t('dashboard.partialDay'),
              type: 'line',
              symbol: 'emptyCircle',
              symbolSize: 6,
              data: trend.map((p, i) => (i === partialAt || i === partialAt - 1 ? p.orders : null)),
              itemStyle: { color: '#3ba0ff', opacity: 0.6 },
              lineStyle: { type: 'dashed', opacity: 0.6 },
            },
          ]
        : []),
    ],
  };
}

export function categoriesOption(top: { name: string; contacts: number }[]) {
  const rows = [...top].slice(0, 8).reverse();
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', ...AXIS },
    yAxis: { type: 'category', data: rows.map((r) => shortName(r.name)), ...AXIS },
    series: [
      {
        type: 'bar',
        barMaxWidth: 22,
        data: rows.map((r) => r.contacts),
        itemStyle: { color: '#36cfc9', borderRadius: [0, 4, 4, 0] },
        label: { show: true, position: 'right', color: '#cfe2ff' },
      },
    ],
  };
}

export function mapOption(mapName: string, byDistrict: { name: string; contacts: number }[]) {
  const max = Math.max(1, ...byDistrict.map((d) => d.contacts));
  return {
    tooltip: {
      trigger: 'item',
      formatter: (p: { name: string; value?: number }) => `${p.name}<br/>${Number.isFinite(p.value) ? p.value : 0}`,
    },
    visualMap: {
      min: 0,
      max,
      left: 8,
      bottom: 8,
      calculable: true,
      textStyle: { color: '#cfe2ff' },
      inRange: { color: ['#12396b', '#1e6fd9', '#36cfc9', '#fadb14', '#fa541c'] },
    },
    series: [
      {
        type: 'map',
        map: mapName,
        roam: false,
        aspectScale: 0.85,
        layoutCenter: ['50%', '50%'],
        layoutSize: '92%',
        label: { show: true, color: '#fff', fontSize: 12 },
        itemStyle: { borderColor: '#8cc8ff', borderWidth: 1 },
        emphasis: { label: { color: '#fff' }, itemStyle: { areaColor: '#2f54eb' } },
        data: byDistrict.map((d) => ({ name: d.name, value: d.contacts })),
      },
    ],
  };
}

/** "城市管理 / 市政设施 / 路灯不亮" → "路灯不亮" for a narrow axis. */
export function shortName(pathName: string): string {
  const parts = pathName.split(/\s*\/\s*/);
  return parts[parts.length - 1];
}

/** Rates may arrive as fractions (0.93) or percentages (93). */
export function percent(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—';
  return `${(rate <= 1 ? rate * 100 : rate).toFixed(1)}%`;
}
