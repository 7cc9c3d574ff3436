import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
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
