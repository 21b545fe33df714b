/** Server-side pages of a ticket filter, walked with the API's cursors (previous pages are remembered). */
import { useEffect, useMemo, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { listTickets, type TicketFilters } from '../api/tickets.ts';

export function useTicketPages(filters: TicketFilters, pageSize = 20, options: { enabled?: boolean; scope?: string } = {}) {
  const filterKey = JSON.stringify(filters);
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [pageIndex, setPageIndex] = useState(0);
  useEffect(() => {
    setCursors([null]);
    setPageIndex(0);
  }, [filterKey, pageSize]);

  const cursor = cursors[pageIndex] ?? null;
  const query = useQuery({
    queryKey: ['tickets', 'list', options.scope ?? 'default', filterKey, pageSize, cursor],
    queryFn: ({ signal }) => listTickets(filters, cursor, pageSize, signal),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });

  return useMemo(() => ({
    query,
    items: query.data?.items ?? [],
    pageIndex,
    hasNext: !!query.data?.nextCursor,
    hasPrev: pageIndex > 0,
    next() {
      const nextCursor = query.data?.nextCursor;
      if (!nextCursor) return;
      setCursors((list) => [...list.slice(0, pageIndex + 1), nextCursor]);
      setPageIndex(pageIndex + 1);
    },
    prev() {
      setPageIndex(Math.max(0, pageIndex - 1));
    },
  }), [query, pageIndex]);
}
export type TicketPages = ReturnType<typeof useTicketPages>;
