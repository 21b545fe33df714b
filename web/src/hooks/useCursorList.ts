/** Server pages of any cursor-paginated endpoint ({ items, nextCursor }). */
import { useEffect, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import type { Page } from '../api/types.ts';

export function useCursorList<T>(key: unknown[], path: string, query: Record<string, unknown>, pageSize = 20) {
  const queryKey = JSON.stringify(query);
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [pageIndex, setPageIndex] = useState(0);
  useEffect(() => { setCursors([null]); setPageIndex(0); }, [queryKey]);
  const cursor = cursors[pageIndex] ?? null;
  const result = useQuery({
    queryKey: [...key, queryKey, cursor],
    queryFn: ({ signal }) => api.get<Page<T>>(path, { ...query, cursor, limit: pageSize } as never, signal),
    placeholderData: keepPreviousData,
  });
  return {
    query: result,
    items: result.data?.items ?? [],
    pageIndex,
    hasNext: !!result.data?.nextCursor,
    hasPrev: pageIndex > 0,
    next() {
      const next = result.data?.nextCursor;
      if (!next) return;
      setCursors((list) => [...list.slice(0, pageIndex + 1), next]);
      setPageIndex(pageIndex + 1);
    },
    prev() { setPageIndex(Math.max(0, pageIndex - 1)); },
  };
}

/** Every page, for export. */
export async function fetchAllPages<T>(path: string, query: Record<string, unknown>, max = 10_000): Promise<T[]> {
  const rows: T[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<T> = await api.get<Page<T>>(path, { ...query, cursor, limit: 200 } as never);
    rows.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && rows.length < max);
  return rows;
}
