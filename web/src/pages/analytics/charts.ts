/** ECharts options of the analytics workbench (pure: figures in, options out). */
import type { TFunction } from 'i18next';
import type { StaffingSlot } from '../../api/analytics.ts';

const scaleOf = (kind: string) => (kind === 'rate' ? 100 : 1);
const round = (x: number | null, digits = 2) => (x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits);
const axisName = (kind: string, t: TFunction) => (kind === 'rate' ? '%' : kind === 'duration' ? t('analytics.hours') : '');

/** One indicator over consecutive sub-periods. */
export function indicatorTrendOption(t: TFunction, name: string, kind: string, points: { label: string; value: number | null }[]) {
  const k = scaleOf(kind);
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 48, right: 16, top: 28, bottom: 28 },
    xAxis: { type: 'category', data: points.map((p) => p.label) },
    yAxis: { type: 'value', name: axisName(kind, t), max: kind === 'rate' ? 100 : undefined },
    series: [
      {
        name,
        type: 'line',
        smooth: true,
        connectNulls: false,
        data: points.map((p) => round(p.value === null ? null : p.value * k)),
        areaStyle: { opacity: 0.12 },
      },
    ],
  };
}

/** One indicator across the rows of a dimension (the largest first), horizontal bars. */
export function indicatorBarsOption(t: TFunction, name: string, kind: string, rows: { label: string; value: number | null }[]) {
  const k = scaleOf(kind);
  const shown = rows.slice(0, 15).reverse();
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', name: axisName(kind, t), max: kind === 'rate' ? 100 : undefined },
    yAxis: { type: 'category', data: shown.map((r) => (r.label.length > 14 ? `${r.label.slice(0, 13)}…` : r.label)) },
    series: [
      {
        name,
        type: 'bar',
        barMaxWidth: 18,
        data: shown.map((r) => round(r.value === null ? null : r.value * k)),
        label: { show: true, position: 'right' },
      },
    ],
  };
}

/** 排班曲线: forecast calls per half hour (bars) against agents needed and planned (lines). */
export function staffingOption(t: TFunction, slots: StaffingSlot[]) {
  const isPlanned = slots.some((s) => s.planned !== null);
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 48, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: slots.map((s) => s.start) },
    yAxis: [
      { type: 'value', name: t('analytics.staffing.callsAxis') },
      { type: 'value', name: t('analytics.staffing.agentsAxis'), minInterval: 1 },
    ],
    series: [
      {
        name: t('analytics.staffing.volume'),
        type: 'bar',
        data: slots.map((s) => s.volume),
        itemStyle: { color: '#91caff' },
        barMaxWidth: 14,
      },
      {
        name: t('analytics.staffing.required'),
        type: 'line',
        step: 'middle',
        yAxisIndex: 1,
        data: slots.map((s) => s.required.agents),
        itemStyle: { color: '#fa541c' },
        showSymbol: false,
      },
      ...(!isPlanned
        ? []
        : [
            {
              name: t('analytics.staffing.planned'),
              type: 'line',
              step: 'middle',
              yAxisIndex: 1,
              data: slots.map((s) => s.planned?.agents ?? null),
              itemStyle: { color: '#52c41a' },
              showSymbol: false,
              lineStyle: { type: 'dashed' },
            },
          ]),
    ],
  };
}

/** Service level and answer rate per half hour that the planned roster would give, against the target. */
export function plannedLevelOption(t: TFunction, slots: StaffingSlot[], target: number) {
  const pct = (x: number) => Math.round(x * 1000) / 10;
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v}%` },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: slots.map((s) => s.start) },
    yAxis: { type: 'value', max: 100, name: '%' },
    series: [
      {
        name: t('analytics.staffing.plannedLevel'),
        type: 'line',
        showSymbol: false,
        data: slots.map((s) => (s.planned ? pct(s.planned.serviceLevel) : null)),
        itemStyle: { color: '#1677ff' },
      },
      {
        name: t('analytics.staffing.plannedAnswer'),
        type: 'line',
        showSymbol: false,
        data: slots.map((s) => (s.planned ? pct(s.planned.answerRate) : null)),
        itemStyle: { color: '#52c41a' },
      },
      {
        name: t('analytics.staffing.target'),
        type: 'line',
        showSymbol: false,
        data: slots.map(() => pct(target)),
        lineStyle: { type: 'dashed' },
        itemStyle: { color: '#fa8c16' },
      },
    ],
  };
}

/** A report's daily trend (preview). */
export function reportTrendOption(t: TFunction, trend: { day: string; contacts: number; orders: number }[]) {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 32, bottom: 28 },
    xAxis: { type: 'category', data: trend.map((p) => p.day.slice(5)) },
    yAxis: { type: 'value' },
    series: [
      { name: t('analytics.reports.contacts'), type: 'line', showSymbol: false, data: trend.map((p) => p.contacts) },
      { name: t('analytics.reports.orders'), type: 'line', showSymbol: false, data: trend.map((p) => p.orders) },
    ],
  };
}
