import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { sameOrigin } from './query';
import type { Page } from './types';

/** Cursor is where the next page comes from: the part (of firstUrls) and the URL to fetch. */
export interface Cursor { part: number; url: string }

/** headers ask for Graph's advanced queries, which $count and $search need. */
export const eventual = { ConsistencyLevel: 'eventual' };

/** nextCursor follows a page's @odata.nextLink, then the next part's first page, then stops. */
export function nextCursor(page: Page<unknown>, at: Cursor, firstUrls: string[]): Cursor | undefined {
  const link = page['@odata.nextLink'];
  if (link) return { part: at.part, url: sameOrigin(link) };
  const part = at.part + 1;
  return part < firstUrls.length ? { part, url: firstUrls[part] } : undefined;
}

/**
 * usePagedList pages through a Graph collection the server's way: a page
 * of $top, then each @odata.nextLink, never everything at once; loadMore
 * fetches one more page. total is @odata.count when every part reported it.
 */
export function usePagedList<T>(key: readonly unknown[], firstUrls: string[], enabled = true) {
  const q = useInfiniteQuery({
    queryKey: [...key, firstUrls],
    enabled: enabled && firstUrls.length > 0,
    initialPageParam: { part: 0, url: firstUrls[0] ?? '' } as Cursor,
    queryFn: ({ pageParam, signal }) => api.get<Page<T>>(pageParam.url, { headers: eventual, signal }),
    getNextPageParam: (last, _all, at) => nextCursor(last, at, firstUrls),
  });
  const pages = q.data?.pages ?? [];
  const items = pages.flatMap((p) => p.value);
  // The first page of each part carries its count; a part not yet fetched leaves the total unknown.
  const params = (q.data?.pageParams ?? []) as Cursor[];
  const counts = pages.filter((_, i) => params[i].url === firstUrls[params[i].part]).map((p) => p['@odata.count']);
  const complete = counts.length === firstUrls.length && counts.every((c) => typeof c === 'number');
  const total = firstUrls.length === 0 ? 0 : complete ? counts.reduce<number>((a, c) => a + (c ?? 0), 0) : undefined;
  return {
    items,
    total,
    /** empty: the view has nothing (no parts to fetch, or the first page came back empty with no more). */
    empty: firstUrls.length === 0 || (!!q.data && items.length === 0 && !q.hasNextPage),
    isPending: enabled && firstUrls.length > 0 && q.isPending,
    error: q.error,
    hasMore: q.hasNextPage,
    loadingMore: q.isFetchingNextPage,
    loadMore: () => void q.fetchNextPage(),
    refetch: () => void q.refetch(),
  };
}
