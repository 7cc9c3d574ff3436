// Wire types of the Users pages, as internal/api renders them
// (user_wire.go, admins_handlers.go, client/types.go).

/** User is a Graph user with the properties the Users pages select; unselected ones are absent. */
export interface User {
  id: string;
  displayName: string | null;
  userPrincipalName: string;
  givenName?: string | null;
  surname?: string | null;
  accountEnabled?: boolean;
  mail?: string | null;
  jobTitle?: string | null;
  department?: string | null;
  officeLocation?: string | null;
  companyName?: string | null;
  businessPhones?: string[];
  mobilePhone?: string | null;
  faxNumber?: string | null;
  otherMails?: string[];
  streetAddress?: string | null;
  city?: string | null;
  state?: string | null;
  postalCode?: string | null;
  country?: string | null;
  usageLocation?: string | null;
  preferredLanguage?: string | null;
  onPremisesSyncEnabled?: boolean | null;
  createdDateTime?: string | null;
  deletedDateTime?: string | null;
}

/** Page is one page of a Graph collection, with the total when $count=true was honoured. */
export interface Page<T> {
  value: T[];
  '@odata.nextLink'?: string;
  '@odata.count'?: number;
}

/** ViewConditions are a saved user view's conditions; all must match (client.ViewConditions). */
export interface ViewConditions {
  domain?: string;
  signInAllowed?: boolean;
  usageLocation?: string;
  department?: string;
  city?: string;
  state?: string;
  country?: string;
  jobTitle?: string;
  syncedOnly?: boolean;
  roleTemplateId?: string;
}

/** UserView is a saved filter of Active users (GET /api/userViews). */
export interface UserView {
  id: string;
  name: string;
  conditions: ViewConditions;
  /** The conditions as an OData $filter, for reading (without the role condition). */
  filter?: string;
}

/** BulkRoleResult is one user's outcome of POST /api/bulk/roles. */
export interface BulkRoleResult {
  userId: string;
  status: 'done' | 'skipped' | 'failed';
  reason?: string;
}

export interface RoleDefinition {
  id: string;
  templateId: string;
  displayName: string;
  description: string;
}

export interface RoleAssignment {
  id: string;
  roleDefinitionId: string;
  principalId: string;
  directoryScopeId: string;
}

export interface SignIn {
  id: string;
  createdDateTime: string;
  userPrincipalName: string;
  appDisplayName: string;
  ipAddress: string;
  clientAppUsed: string;
  status: { errorCode: number; failureReason: string | null; additionalDetails: string | null };
}

export interface DirectoryAudit {
  id: string;
  category: string;
  result: string;
  resultReason: string;
  activityDisplayName: string;
  activityDateTime: string;
  initiatedBy: { user?: { displayName?: string; userPrincipalName?: string } | null; app?: { displayName?: string } | null };
  targetResources: { id: string; displayName: string; modifiedProperties: { displayName: string; oldValue: string; newValue: string }[] }[];
}

/** PermissionMatrix is GET /api/permissions: each built-in role's cell for each permission. */
export interface PermissionMatrix {
  permissions: string[];
  roles: { templateId: string; displayName: string; label: string; cells: Record<string, string> }[];
}

/** globalAdminTemplate is the Global Administrator's role template id. */
export const globalAdminTemplate = '62e90394-69f5-4237-9190-012177145e10';
