import { useQuery } from '@tanstack/react-query';
import { api, ApiError, toError } from '../../../api/client';
import type { Collection } from '../../../api/types';
import { pollInterval } from './model';
import type { Import, StartRequest } from './types';

/** importKeys are the query keys of Add multiple users. */
export const importKeys = {
  all: ['imports'] as const,
  list: ['imports', 'list'] as const,
  one: (id: string) => ['imports', 'one', id] as const,
};

const path = (id: string) => `/api/imports/${encodeURIComponent(id)}`;

/** useImport reads one import, every second while the server checks the file or creates the users. */
export function useImport(id: string) {
  return useQuery({
    queryKey: importKeys.one(id),
    queryFn: () => api.get<Import>(path(id)),
    refetchInterval: (q) => pollInterval(q.state.data?.status),
  });
}

/** useImports is the recent imports (without their problems). */
export const useImports = () => useQuery({ queryKey: importKeys.list, queryFn: () => api.get<Collection<Import>>('/api/imports').then((r) => r.value) });

/** upload sends the CSV file (POST /api/imports, multipart/form-data); autoStart creates the users as soon as the file checks out. */
export function upload(file: File, autoStart: boolean): Promise<Import> {
  const form = new FormData();
  form.append('file', file);
  if (autoStart) form.append('autoStart', 'true');
  return api.post<Import>('/api/imports', form);
}

/** start creates the users of a checked file with the admin's options (POST /api/imports/{id}/start). */
export const start = (id: string, body: StartRequest) => api.post<Import>(`${path(id)}/start`, body);

/** Files are the CSV downloads of an import. */
export const files = {
  template: '/api/imports/template',
  problems: (id: string) => `${path(id)}/problems`,
  results: (id: string) => `${path(id)}/results`,
  sheet: (id: string) => `${path(id)}/sheet`,
};

/** fileName is the name a Content-Disposition header gives, else the fallback. */
export function fileName(disposition: string | null, fallback: string): string {
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '');
  if (star) return decodeURIComponent(star[1]!);
  return /filename="?([^";]+)"?/i.exec(disposition ?? '')?.[1] ?? fallback;
}

/**
 * download fetches a file with the session (as the API client does) and
 * saves it through an object URL, so a failure shows as an error on the
 * page instead of a browser tab with an error body.
 */
export async function download(url: string, fallback: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'same-origin' });
  } catch (e) {
    throw new ApiError(0, 'NetworkError', (e as Error).message);
  }
  if (!res.ok) throw await toError(res);
  const href = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName(res.headers.get('Content-Disposition'), fallback);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 1000);
}
