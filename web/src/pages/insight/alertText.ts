/** How an alert reads in the interface language. */
import i18n from '../../i18n/index.ts';
import type { LiveAlert, SurgeAlert } from '../../api/insight.ts';

export const alertMessage = (a: Pick<SurgeAlert | LiveAlert, 'message' | 'messageEn'>) => (i18n.language.startsWith('en') ? a.messageEn : a.message);

/** '2026-03-02 09:00–10:00' for an hour, '2026-03-02' for a day. */
export function alertWindow(a: Pick<SurgeAlert, 'granularity' | 'period'>) {
  if (a.granularity === 'day') return a.period;
  const [day, hour] = a.period.split('T');
  const h = Number(hour);
  return `${day} ${String(h).padStart(2, '0')}:00–${String(h + 1).padStart(2, '0')}:00`;
}

/** The last level of a category path: 城市管理 / 市政设施 / 路灯不亮 → 路灯不亮. */
export const leafName = (path: string | null) => (path ? path.split(' / ').at(-1)! : null);
