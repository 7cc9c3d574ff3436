import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { usePagedList } from './usePagedList';

type Row = { id: string };
let calls: { url: string; headers: Record<string, string> }[];
let pages: Record<string, object>;

beforeEach(() => {
  calls = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
    calls.push({ url, headers: init.headers as Record<string, string> });
    const body = pages[url];
    if (!body) return new Response('{"error":{"code":"Request_ResourceNotFound","message":"no"}}', { status: 404, headers: { 'Content-Type': 'application/json' } });
    return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
  }));
});
afterEach(() => vi.unstubAllGlobals());

function wrapper({ children }: { children: ReactNode }) {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return <QueryClientProvider client={qc}>{children}</QueryClientProvider>;
}

describe('usePagedList', () => {
  it('loads one page, then follows @odata.nextLink (made same-origin) only when asked', async () => {
    pages = {
      '/v1.0/users?$top=2&$count=true': { value: [{ id: '1' }, { id: '2' }], '@odata.count': 3,
        '@odata.nextLink': 'http://127.0.0.1:8091/v1.0/users?$top=2&$count=true&$skiptoken=t1' },
      '/v1.0/users?$top=2&$count=true&$skiptoken=t1': { value: [{ id: '3' }] },
    };
    const { result } = renderHook(() => usePagedList<Row>(['users'], ['/v1.0/users?$top=2&$count=true']), { wrapper });
    await waitFor(() => expect(result.current.items).toHaveLength(2));
    expect(result.current.total).toBe(3);
    expect(result.current.hasMore).toBe(true);
    expect(calls).toHaveLength(1);
    expect(calls[0].headers.ConsistencyLevel).toBe('eventual');
    act(() => result.current.loadMore());
    await waitFor(() => expect(result.current.items.map((r) => r.id)).toEqual(['1', '2', '3']));
    expect(calls.map((c) => c.url)).toEqual(['/v1.0/users?$top=2&$count=true', '/v1.0/users?$top=2&$count=true&$skiptoken=t1']);
    expect(result.current.hasMore).toBe(false);
    expect(result.current.total).toBe(3);
  });

  it('walks parts in turn, totalling their counts once each has been read', async () => {
    pages = {
      '/p1': { value: [{ id: 'a' }], '@odata.count': 1 },
      '/p2': { value: [{ id: 'b' }], '@odata.count': 2, '@odata.nextLink': 'http://h/p2?next' },
      '/p2?next': { value: [{ id: 'c' }] },
    };
    const { result } = renderHook(() => usePagedList<Row>(['admins'], ['/p1', '/p2']), { wrapper });
    await waitFor(() => expect(result.current.items).toHaveLength(1));
    expect(result.current.total).toBeUndefined();
    expect(result.current.hasMore).toBe(true);
    act(() => result.current.loadMore());
    await waitFor(() => expect(result.current.items).toHaveLength(2));
    expect(result.current.total).toBe(3);
    act(() => result.current.loadMore());
    await waitFor(() => expect(result.current.items.map((r) => r.id)).toEqual(['a', 'b', 'c']));
    expect(result.current.hasMore).toBe(false);
  });

  it('is empty without parts and without fetching; reports errors', async () => {
    pages = {};
    const none = renderHook(() => usePagedList<Row>(['none'], []), { wrapper });
    expect(none.result.current.empty).toBe(true);
    expect(none.result.current.isPending).toBe(false);
    expect(none.result.current.total).toBe(0);
    const bad = renderHook(() => usePagedList<Row>(['bad'], ['/missing']), { wrapper });
    await waitFor(() => expect(bad.result.current.error).toBeTruthy());
    expect(calls.map((c) => c.url)).toEqual(['/missing']);
  });
});
