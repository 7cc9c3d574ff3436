// Fixtures of the Add multiple users tests: an import in any state and a fetch stub that answers from a table.
import { vi } from 'vitest';
import type { Import } from './types';

/** anImport is an import of five rows, at the given status, with overrides. */
export function anImport(over: Partial<Import> = {}): Import {
  return {
    id: 'imp-1', fileName: 'staff.csv', status: 'awaitingConfirmation', createdDateTime: '2026-11-30T10:00:00Z', startedDateTime: null,
    finishedDateTime: null, total: 5, valid: 5, invalid: 0, done: 0, created: 0, failed: 0, ratePerSecond: 0, options: null,
    problems: [], problemCount: 0, error: null, ...over,
  };
}

export const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** Call is one request the page made. */
export interface Call { url: string; method: string; body: unknown }

/**
 * serve stubs fetch: each request is recorded and answered by the first
 * route whose key is its "METHOD url"; anything else is a 404.
 */
export function serve(routes: Record<string, () => Response>): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal('ResizeObserver', class { observe() {} unobserve() {} disconnect() {} });
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    calls.push({ url, method, body: typeof init.body === 'string' ? JSON.parse(init.body) : init.body });
    const route = routes[`${method} ${url}`];
    return route ? route() : json(404, { error: { code: 'Request_ResourceNotFound', message: url } });
  }));
  return calls;
}

/** Saved is a file the page saved: the object URL's blob and the name it was given. */
export interface Saved { name: string; blob: Blob }

/** catchDownloads records the files the page saves through object URLs instead of letting jsdom navigate to them. */
export function catchDownloads(): Saved[] {
  const saved: Saved[] = [];
  const blobs = new Map<string, Blob>();
  Object.assign(URL, {
    createObjectURL: (b: Blob) => { const u = `blob:${blobs.size}`; blobs.set(u, b); return u; },
    revokeObjectURL: () => {},
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ name: this.download, blob: blobs.get(this.getAttribute('href') ?? '')! });
  });
  return saved;
}
