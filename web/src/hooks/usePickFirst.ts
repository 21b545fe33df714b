/** What a list + detail desk shows beside its queue when the user has not picked an order, and after one leaves it. */
import { useEffect } from 'react';
import type { TicketPages } from './useTicketPages.ts';

/**
 * While `shouldPick`, picks the first order of the list as it now is (the desk's most pressing one), so the pane
 * beside the queue is never empty while the queue has orders. The previous list, shown while a new search or filter
 * loads, is never used: the order picked from it may not be listed any more.
 */
export function usePickFirst(pages: TicketPages, shouldPick: boolean, pick: (id: number) => void) {
  const firstId = pages.query.isPlaceholderData ? undefined : pages.items[0]?.id;
  useEffect(() => {
    if (shouldPick && firstId !== undefined) pick(firstId);
  }, [shouldPick, firstId, pick]);
}

/** The order a desk goes on to when `leaving` have left its queue: the one below the first of them, else the one above. */
export function orderAfter<T extends { id: number }>(items: T[], leaving: number[]): T | undefined {
  const isStaying = (x: T) => !leaving.includes(x.id);
  const at = items.findIndex((x) => leaving.includes(x.id));
  if (at < 0) return items.find(isStaying);
  return items.slice(at + 1).find(isStaying) ?? items.slice(0, at).reverse().find(isStaying);
}
