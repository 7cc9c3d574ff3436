import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Collection } from '../../api/types';

/** Page is one page of a Graph collection, with the count when asked for. */
export type Page<T> = Collection<T> & { '@odata.count'?: number };

/**
 * relativeLink turns an @odata.nextLink (absolute, on the server's public
 * URL) into a same-origin path, so the app asks the server it came from.
 */
export function relativeLink(link: string): string {
  const u = new URL(link, 'http://localhost');
  return u.pathname + u.search;
}

/** usePaged loads a Graph collection page by page: first the given path, then each @odata.nextLink on demand. */
export function usePaged<T>(key: readonly unknown[], first: string, headers?: Record<string, string>, enabled = true) {
  const q = useInfiniteQuery({
    queryKey: key,
    enabled,
    initialPageParam: first,
    queryFn: ({ pageParam, signal }) => api.get<Page<T>>(pageParam, { headers, signal }),
    getNextPageParam: (last) => (last['@odata.nextLink'] ? relativeLink(last['@odata.nextLink']) : undefined),
  });
  const items = q.data?.pages.flatMap((p) => p.value) ?? [];
  const count = q.data?.pages[0]?.['@odata.count'];
  return { ...q, items, count };
}

/** searchTerm makes a user's text safe inside a quoted $search clause. */
export function searchTerm(s: string): string {
  return s.replace(/["\\]/g, ' ').trim();
}

/** eventual is the header Graph wants for $search and $count. */
export const eventual = { ConsistencyLevel: 'eventual' };
