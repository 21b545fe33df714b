/** Cursor-paginated lists ({ items, nextCursor }): one page, or every page for an export. */
import { api } from './client.ts';
import type { Page } from './types.ts';

export function getPage<T>(path: string, query: Record<string, unknown>, cursor: string | null, limit: number, signal?: AbortSignal) {
  return api.get<Page<T>>(path, { ...query, cursor, limit } as never, signal);
}

/** Every page, for export; stops at `max` rows. */
export async function fetchAllPages<T>(path: string, query: Record<string, unknown>, max = 10_000): Promise<T[]> {
  const rows: T[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<T> = await getPage<T>(path, query, cursor, 200);
    rows.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && rows.length < max);
  return rows;
}
