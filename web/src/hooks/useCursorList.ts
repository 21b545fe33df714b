/** Server pages of any cursor-paginated endpoint ({ items, nextCursor }). */
import { useEffect, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getPage } from '../api/pages.ts';

export function useCursorList<T>(key: readonly unknown[], path: string, query: Record<string, unknown>, pageSize = 20) {
  const queryKey = JSON.stringify(query);
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [pageIndex, setPageIndex] = useState(0);
  useEffect(() => {
    setCursors([null]);
    setPageIndex(0);
  }, [queryKey]);
  const cursor = cursors[pageIndex] ?? null;
  const result = useQuery({
    queryKey: [...key, queryKey, cursor],
    queryFn: ({ signal }) => getPage<T>(path, query, cursor, pageSize, signal),
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
    prev() {
      setPageIndex(Math.max(0, pageIndex - 1));
    },
  };
}
