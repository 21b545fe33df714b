/** Server-side pages of a ticket filter: numbered pages with the total count, so the user can jump to any page. */
import { useEffect, useMemo, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { listTickets, type TicketFilters } from '../api/tickets.ts';
import { keys } from '../api/keys.ts';

export function useTicketPages(filters: TicketFilters, pageSize = 20, options: { enabled?: boolean; scope?: string } = {}) {
  const filterKey = JSON.stringify(filters);
  const [pageIndex, setPageIndex] = useState(0);
  useEffect(() => {
    setPageIndex(0);
  }, [filterKey, pageSize]);

  const query = useQuery({
    queryKey: keys.tickets.list(options.scope ?? 'default', filterKey, pageSize, pageIndex),
    queryFn: ({ signal }) => listTickets(filters, null, pageSize, signal, { offset: pageIndex * pageSize, withTotal: true }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
  const total = query.data?.total;

  return useMemo(
    () => ({
      query,
      items: query.data?.items ?? [],
      pageIndex,
      pageSize,
      total,
      hasNext: !!query.data?.nextCursor,
      hasPrev: pageIndex > 0,
      next() {
        if (query.data?.nextCursor) setPageIndex(pageIndex + 1);
      },
      prev() {
        setPageIndex(Math.max(0, pageIndex - 1));
      },
      goTo(index: number) {
        setPageIndex(Math.max(0, index));
      },
    }),
    [query, pageIndex, pageSize, total],
  );
}
export type TicketPages = ReturnType<typeof useTicketPages>;
