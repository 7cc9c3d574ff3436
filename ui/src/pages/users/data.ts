import { useQuery } from '@tanstack/react-query';
import i18next from 'i18next';
import { ApiError, api, toError } from '../../api/client';
import { fetchSession } from '../../api/session';
import type { PermissionMatrix, RoleAssignment, RoleDefinition } from './types';

/** userKeys are the query keys of the Users pages; invalidating ['users'] refreshes them all. */
export const userKeys = {
  all: ['users'] as const,
  list: ['users', 'list'] as const,
  one: (id: string) => ['users', 'one', id] as const,
  roles: ['users', 'roleAssignments'] as const,
  deleted: ['users', 'deleted'] as const,
  views: ['users', 'views'] as const,
};

/** useRoleDefinitions is the built-in roles, by template id. */
export function useRoleDefinitions() {
  return useQuery({
    queryKey: ['roleDefinitions'],
    queryFn: () => api.get<{ value: RoleDefinition[] }>('/v1.0/roleManagement/directory/roleDefinitions').then((r) => r.value),
    staleTime: 10 * 60_000,
  });
}

/** useAdminRoles maps each user who holds a role to their assignments (every assignment of the organization: admins are few). */
export function useAdminRoles() {
  return useQuery({
    queryKey: userKeys.roles,
    queryFn: async () => {
      const all = await api.get<{ value: RoleAssignment[] }>('/v1.0/roleManagement/directory/roleAssignments');
      const by = new Map<string, RoleAssignment[]>();
      for (const a of all.value) by.set(a.principalId.toLowerCase(), [...(by.get(a.principalId.toLowerCase()) ?? []), a]);
      return by;
    },
  });
}

/** usePermissionRoles names the built-in roles that carry each permission (GET /api/permissions), for "needs …" tooltips. */
export function usePermissionRoles() {
  const q = useQuery({ queryKey: ['permissionMatrix'], queryFn: () => api.get<PermissionMatrix>('/api/permissions'), staleTime: 10 * 60_000 });
  return (perm: string) => q.data?.roles.filter((r) => r.cells[perm] && r.cells[perm] !== 'N').map((r) => r.label || r.displayName) ?? [];
}

/** parseWarnings reads Atrium's HTTP Warning headers (299 atrium "text"), which may come joined by commas. */
export function parseWarnings(header: string | null): string[] {
  if (!header) return [];
  return [...header.matchAll(/299 atrium "([^"]*)"/g)].map((m) => m[1]);
}

/**
 * sendWithWarnings is an unsafe API call whose answer carries warnings in
 * HTTP Warning headers (role assignments): the shared client returns only
 * the body, so this one reads the headers too.
 */
export async function sendWithWarnings<T>(method: 'POST' | 'DELETE', path: string, body?: unknown): Promise<{ body: T | undefined; warnings: string[] }> {
  const session = await fetchSession();
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': i18next.language ?? 'en' };
  if (session?.csrfToken) headers['X-CSRF-Token'] = session.csrfToken;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  } catch (e) {
    throw new ApiError(0, 'NetworkError', (e as Error).message);
  }
  if (!res.ok) throw await toError(res);
  const text = res.status === 204 ? '' : await res.text();
  return { body: text ? (JSON.parse(text) as T) : undefined, warnings: parseWarnings(res.headers.get('Warning')) };
}
