// Wire types of Azure resource subscriptions and their role assignments
// (partners.md §7), in ARM's shape.

/** Subscription is one of GET /api/azure/subscriptions. */
export interface Subscription {
  id: string;
  subscriptionId: string;
  tenantId?: string;
  displayName: string;
  state: 'Enabled' | 'Disabled' | 'Deleted' | string;
  provisionedByPartnerTenantId: string | null;
  createdDateTime: string;
}

export type PrincipalType = 'User' | 'Group' | 'ServicePrincipal' | 'ForeignGroup';

/** ResourceRoleAssignment is one of GET /api/azure/subscriptions/{id}/roleAssignments. */
export interface ResourceRoleAssignment {
  id: string;
  name: string;
  properties: { roleDefinitionId: string; principalId: string; principalType: PrincipalType | string; scope: string; createdOn?: string; createdBy?: string };
}

/** azureRoles are the built-in roles Atrium knows, by role definition id; the label is a key in the azure namespace. */
export const azureRoles = [
  { id: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635', label: 'role.owner' },
  { id: 'b24988ac-6180-42a0-ab88-20f7382dd24c', label: 'role.contributor' },
  { id: 'acdd72a7-3385-48ef-bd42-f606fba81ae7', label: 'role.reader' },
  { id: '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9', label: 'role.userAccessAdministrator' },
] as const;

export const ownerRoleId = azureRoles[0].id;

/** roleIdOf is the role id at the end of a role definition's ARM path ("/subscriptions/…/roleDefinitions/{id}"). */
export function roleIdOf(roleDefinitionId: string): string {
  return roleDefinitionId.split('/').pop()!.toLowerCase();
}

/** roleLabel is the azure-namespace key naming a role, or undefined for a role Atrium doesn't know. */
export function roleLabel(roleDefinitionId: string): string | undefined {
  const id = roleIdOf(roleDefinitionId);
  return azureRoles.find((r) => r.id === id)?.label;
}

export const subscriptionsKey = ['azure', 'subscriptions'] as const;
export const assignmentsKey = (subId: string) => ['azure', 'subscriptions', subId, 'roleAssignments'] as const;

/** looksLikeId: an object id (a GUID) rather than a user principal name. */
export const looksLikeId = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s.trim());
