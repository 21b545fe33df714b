/**
 * Surge alerts (预警) wired to the database. Each run counts orders per category × district for the
 * last complete hour and for its day so far, tests them against comparable past periods (same kind of
 * day on the working calendar: working day, or weekend/holiday; the same hour for hourly alerts) with
 * alerts.ts, stores one alert per window and pair, and tells the centre live ('alert.raised').
 * A day's count so far is compared with whole past days, so daily alerts only fire once the rise is plain.
 */
import { alertCounts } from '../../../../common/alert-counts.ts';
import { DAY_MS } from '../../../lib/calendar.ts';
import type { Db } from '../../../db/client.ts';
import type { Actor, Clock } from '../../../lib/actor.ts';
import { validation } from '../../../lib/errors.ts';
import type { LiveBus } from '../../../lib/live.ts';
import { districtOf, ordersFromHourlyCounts, surgeWindows, type SurgeWindow } from './alert-windows.ts';
import { shanghaiDayRange } from '../../../lib/parse-time.ts';
import { DEFAULT_ALERT_OPTIONS, detectSurges, type SurgeAlert } from './alerts.ts';
import { createAlertsRepository, type AlertRow } from './alerts.repository.ts';
import { authorize } from '../insight.policy.ts';

export interface AlertsDeps {
  db: Db;
  clock: Clock;
  live: Pick<LiveBus, 'publish'>;
  sla: { getCalendar(): Promise<{ isWorkingDay(day: string): boolean }> };
}

const MAX_DRILL_DOWN = 500;
const LIST_LIMIT = 500;
const LEVEL_RANK: Record<string, number> = { warning: 1, critical: 2 };

type Names = { categories: Map<number, string>; regions: Map<number, string> };

function presentAlert(row: AlertRow, categoryName: string | null, regionName: string | null) {
  const what = `${regionName ?? '未知区域'}「${categoryName ?? '未分类'}」`;
  const whatEn = `${categoryName ?? 'uncategorised'} in ${regionName ?? 'an unknown region'}`;
  const when = row.granularity === 'hour' ? `${row.period.replace('T', ' ')} 时` : row.period;
  const counts = alertCounts(row.observed, row.expected);
  return {
    id: row.id,
    granularity: row.granularity as 'hour' | 'day',
    period: row.period,
    windowStart: row.windowStart.toISOString(),
    windowEnd: row.windowEnd.toISOString(),
    categoryId: row.categoryId,
    categoryName,
    regionId: row.regionId,
    regionName,
    observed: row.observed,
    expected: Math.round(row.expected * 100) / 100,
    risePercent: row.risePercent,
    pValue: row.pValue,
    baselinePeriods: row.baselinePeriods,
    level: row.level as 'warning' | 'critical',
    message: `${what}${when}受理 ${counts.zh}`,
    messageEn: `${whatEn}, ${row.granularity === 'hour' ? 'hour' : 'day'} ${row.period}: ${counts.en}`,
    ticketIds: row.ticketIds,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type PresentedAlert = ReturnType<typeof presentAlert>;

export function createAlertsService(deps: AlertsDeps) {
  const repo = createAlertsRepository(deps.db);

  async function names(rows: AlertRow[]): Promise<Names> {
    const found = await repo.findNames(
      [...new Set(rows.map((r) => r.categoryId).filter((id): id is number => id !== null))],
      [...new Set(rows.map((r) => r.regionId).filter((id): id is number => id !== null))],
    );
    return { categories: new Map(found.categories.map((c) => [c.id, c.name])), regions: new Map(found.regions.map((r) => [r.id, r.name])) };
  }

  return {
    /**
     * 预警 run (the hourly job): safe to repeat, a window and pair is stored once; a re-run updates the
     * counts and drill-down, raises the level but never lowers it, and publishes only new alerts and escalations.
     */
    async detectSurgeAlerts(actor: Actor, input: { at?: Date } = {}) {
      authorize(actor, 'configure');
      const now = input.at ?? deps.clock.now();
      const { hour, day, countedUntil } = surgeWindows(now);
      const from = new Date(day.start.getTime() - DEFAULT_ALERT_OPTIONS.baselineDays * DAY_MS);
      const calendar = await deps.sla.getCalendar();
      const counts = await repo.countOrdersByHour(from, countedUntil);
      const nodes = new Map((await repo.findRegionNodes()).map((r) => [r.id, r]));
      const rollUp = (regionId: number | null) => districtOf(regionId, nodes);
      const orders = ordersFromHourlyCounts(counts, rollUp);
      const isWorkingDay = (d: string) => calendar.isWorkingDay(d);
      const found: { window: SurgeWindow; alert: SurgeAlert }[] = [
        ...detectSurges(orders, hour.reference, isWorkingDay, { granularity: 'hour' }).map((alert) => ({ window: hour, alert })),
        ...detectSurges(orders, day.reference, isWorkingDay, { granularity: 'day' }).map((alert) => ({ window: day, alert })),
      ];
      const outcome = {
        hour: hour.period,
        day: day.period,
        detected: found.length,
        raised: 0,
        escalated: 0,
        updated: 0,
        alertIds: [] as number[],
      };
      if (found.length === 0) return outcome;

      const windowOrders = await repo.findOrdersInWindow(day.start, countedUntil);
      const drillDown = (w: SurgeWindow, a: SurgeAlert) =>
        windowOrders
          .filter(
            (o) => o.createdAt >= w.start && o.createdAt < w.end && o.categoryId === a.categoryId && rollUp(o.regionId) === a.regionId,
          )
          .slice(0, MAX_DRILL_DOWN)
          .map((o) => o.id);
      const keyOf = (g: string, p: string, c: number | null, r: number | null) => `${g}|${p}|${c ?? ''}|${r ?? ''}`;
      const existing = new Map(
        (await repo.findAlertsOfWindows([hour, day])).map((e) => [keyOf(e.granularity, e.period, e.categoryId, e.regionId), e]),
      );

      const toPublish: { row: AlertRow; isEscalation: boolean }[] = [];
      for (const { window, alert } of found) {
        const values = {
          granularity: window.granularity,
          period: window.period,
          windowStart: window.start,
          windowEnd: window.end,
          categoryId: alert.categoryId,
          regionId: alert.regionId,
          observed: alert.observed,
          expected: alert.expected,
          risePercent: alert.risePercent,
          pValue: alert.pValue,
          baselinePeriods: alert.baselinePeriods,
          level: alert.level,
          ticketIds: drillDown(window, alert),
        };
        const before = existing.get(keyOf(window.granularity, window.period, alert.categoryId, alert.regionId));
        if (!before) {
          const row = await repo.createAlert(values);
          if (row) toPublish.push({ row, isEscalation: false });
          continue;
        }
        const level = (LEVEL_RANK[alert.level] ?? 0) > (LEVEL_RANK[before.level] ?? 0) ? alert.level : before.level;
        const row = await repo.updateAlert(before.id, { ...values, level, updatedAt: now });
        outcome.updated++;
        if (row && level !== before.level) toPublish.push({ row, isEscalation: true });
      }

      const n = await names(toPublish.map((p) => p.row));
      for (const { row, isEscalation } of toPublish) {
        const { ticketIds, ...alert } = presentAlert(
          row,
          row.categoryId === null ? null : (n.categories.get(row.categoryId) ?? null),
          row.regionId === null ? null : (n.regions.get(row.regionId) ?? null),
        );
        // the centre sees events without units; the drill-down stays out of the event (NOTIFY payloads are small)
        deps.live.publish({ topic: 'alert.raised', unitIds: [], payload: { ...alert, ticketCount: ticketIds.length, isEscalation } });
        outcome.alertIds.push(row.id);
        if (isEscalation) outcome.escalated++;
        else outcome.raised++;
      }
      return outcome;
    },

    /** Alerts whose window starts within the China days [from, to] (default: the last 7 days), with their orders. */
    async listAlerts(actor: Actor, input: { from?: string; to?: string }) {
      authorize(actor, 'alerts');
      const range = shanghaiDayRange(input.from, input.to, 7, deps.clock.now());
      if (!range) throw validation('开始日期必须早于结束日期', 'from must be before to', { path: 'from' });
      const rows = await repo.findAlerts(range.start, range.end, LIST_LIMIT + 1);
      return {
        from: range.start.toISOString(),
        to: range.end.toISOString(),
        items: rows.slice(0, LIST_LIMIT).map((r) => presentAlert(r.alert, r.categoryName, r.regionName)),
        isTruncated: rows.length > LIST_LIMIT,
      };
    },
  };
}
export type AlertsService = ReturnType<typeof createAlertsService>;
