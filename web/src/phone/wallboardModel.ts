/** The wallboard's figures and charts, from GET /telephony/wallboard (pure: no React, no ECharts instance). */
import type { TFunction } from 'i18next';
import { AGENT_STATES, type Wallboard } from '../api/telephony.ts';
import { STATE_COLORS } from './phoneModel.ts';

/** GB/T 33358-2016: at least 95 % of calls answered (and answered within 15 s). */
export const ANSWER_RATE_TARGET = 0.95;
/** A caller waiting longer than this turns the waiting figure red. */
export const LONG_WAIT_SECONDS = 15;

const AXIS = {
  axisLine: { lineStyle: { color: '#4d6e9c' } },
  axisLabel: { color: '#9fc3f0' },
  splitLine: { lineStyle: { color: '#16365f' } },
};

/** A 0..1 share as "95.2%", or "—" when there is nothing to divide. */
export function formatShare(rate: number | null | undefined, digits = 1): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—';
  return `${(rate * 100).toFixed(digits)}%`;
}

/** "how it stands" for a rate against the 95 % standard: good, warning (within 5 points), bad; none without data. */
export function rateLevel(rate: number | null | undefined, target = ANSWER_RATE_TARGET): 'good' | 'warning' | 'bad' | 'none' {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return 'none';
  if (rate >= target) return 'good';
  return rate >= target - 0.05 ? 'warning' : 'bad';
}

/** Agents signed in (every state but signed out), the denominator of the state bars. */
export function signedIn(agents: Wallboard['agents']): number {
  return AGENT_STATES.filter((s) => s !== 'signed_out').reduce((sum, s) => sum + (agents[s] ?? 0), 0);
}

/** "HH:mm" of a half hour's start in Beijing, whatever the browser's zone. */
export function halfHourLabel(start: string): string {
  const d = new Date(start);
  if (Number.isNaN(d.getTime())) return start;
  return d.toLocaleTimeString('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false });
}

/** Calls offered and answered per half hour (bars) against the planned agents (line, right axis). */
export function halfHourOption(t: TFunction, halfHours: Wallboard['halfHours']) {
  const hasPlan = halfHours.some((h) => h.plannedAgents !== null);
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, textStyle: { color: '#cfe2ff' } },
    grid: { left: 40, right: hasPlan ? 40 : 16, top: 32, bottom: 28 },
    xAxis: { type: 'category', data: halfHours.map((h) => halfHourLabel(h.start)), ...AXIS },
    yAxis: [
      { type: 'value', minInterval: 1, ...AXIS },
      ...(hasPlan ? [{ type: 'value', minInterval: 1, position: 'right', ...AXIS, splitLine: { show: false } }] : []),
    ],
    series: [
      {
        name: t('phone.wall.offered'),
        type: 'bar',
        barMaxWidth: 14,
        data: halfHours.map((h) => h.offered),
        itemStyle: { color: '#3ba0ff' },
      },
      {
        name: t('phone.wall.answered'),
        type: 'bar',
        barMaxWidth: 14,
        data: halfHours.map((h) => h.answered),
        itemStyle: { color: '#52c41a' },
      },
      ...(hasPlan
        ? [
            {
              name: t('phone.wall.plannedAgents'),
              type: 'line',
              step: 'middle',
              yAxisIndex: 1,
              showSymbol: false,
              data: halfHours.map((h) => h.plannedAgents),
              itemStyle: { color: '#fadb14' },
              lineStyle: { width: 2 },
            },
          ]
        : []),
    ],
  };
}

/** Agents by state as one horizontal stacked bar per state, in the desk's colours. */
export function agentsOption(t: TFunction, agents: Wallboard['agents']) {
  const states = AGENT_STATES.filter((s) => s !== 'signed_out');
  return {
    tooltip: { trigger: 'item' },
    grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, ...AXIS },
    yAxis: { type: 'category', data: states.map((s) => t(`phone.state.${s}`)), inverse: true, ...AXIS },
    series: [
      {
        type: 'bar',
        barMaxWidth: 22,
        label: { show: true, position: 'right', color: '#fff' },
        data: states.map((s) => ({ value: agents[s] ?? 0, itemStyle: { color: STATE_COLORS[s], borderRadius: [0, 4, 4, 0] } })),
      },
    ],
  };
}
