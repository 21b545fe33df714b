/** How an alert reads in the interface language. */
import i18n from '../../i18n/index.ts';
import { alertCounts } from '../../../../common/alert-counts.ts';
import type { LiveAlert, SurgeAlert } from '../../api/insight.ts';

const isEnglish = () => i18n.language.startsWith('en');

export const alertMessage = (a: Pick<SurgeAlert | LiveAlert, 'message' | 'messageEn'>) => (isEnglish() ? a.messageEn : a.message);

/** "42 件，通常约 3 件": the count against the usual level. */
export const alertCountsText = (a: Pick<SurgeAlert, 'observed' | 'expected'>) =>
  alertCounts(a.observed, a.expected)[isEnglish() ? 'en' : 'zh'];

/** For a row on the big screen: '12-07 09:00–10:00' for an hour, '12-07 全天' for a day. */
export function alertWindowShort(a: Pick<SurgeAlert, 'granularity' | 'period'>) {
  const full = alertWindow(a);
  return a.granularity === 'day' ? `${full.slice(5)} ${i18n.t('insight.granularity.day')}` : full.slice(5);
}

/**
 * Each alert's category as briefly as tells it apart: the last level, or the whole path where two alerts shown
 * together share a last level (two 其他 under different parents must not read the same).
 */
export function categoryLabels(items: Pick<SurgeAlert, 'categoryId' | 'categoryName'>[]): Map<number | null, string | null> {
  const idsByLeaf = new Map<string, Set<number | null>>();
  for (const a of items) {
    const leaf = leafName(a.categoryName) ?? '';
    idsByLeaf.set(leaf, (idsByLeaf.get(leaf) ?? new Set()).add(a.categoryId));
  }
  return new Map(
    items.map((a) => [a.categoryId, idsByLeaf.get(leafName(a.categoryName) ?? '')!.size > 1 ? a.categoryName : leafName(a.categoryName)]),
  );
}

/** '2026-03-02 09:00–10:00' for an hour, '2026-03-02' for a day. */
export function alertWindow(a: Pick<SurgeAlert, 'granularity' | 'period'>) {
  if (a.granularity === 'day') return a.period;
  const [day, hour] = a.period.split('T');
  const h = Number(hour);
  return `${day} ${String(h).padStart(2, '0')}:00–${String(h + 1).padStart(2, '0')}:00`;
}

/** The last level of a category path: 城市管理 / 市政设施 / 路灯不亮 → 路灯不亮. */
export const leafName = (path: string | null) => (path ? path.split(' / ').at(-1)! : null);
