// Wire shapes of the logs (client/types.go DirectoryAudit; api/signin_handlers.go signInJSON).

export interface ModifiedProperty {
  displayName: string;
  /** JSON-encoded, as in Graph: "\"old\"". */
  oldValue: string;
  newValue: string;
}

export interface TargetResource {
  id: string;
  displayName: string;
  type: string;
  userPrincipalName: string | null;
  modifiedProperties: ModifiedProperty[];
}

export interface DirectoryAudit {
  id: string;
  category: string;
  correlationId: string;
  result: string;
  resultReason: string;
  activityDisplayName: string;
  activityDateTime: string;
  loggedByService: string;
  operationType: string;
  initiatedBy: {
    user: { id: string; displayName: string; userPrincipalName: string; ipAddress: string } | null;
    app: { appId: string | null; displayName: string } | null;
  };
  targetResources: TargetResource[];
  additionalDetails: { key: string; value: string }[];
}

export interface SignIn {
  id: string;
  createdDateTime: string;
  userDisplayName: string | null;
  userPrincipalName: string;
  userId: string | null;
  appDisplayName: string;
  ipAddress: string;
  clientAppUsed: string;
  status: { errorCode: number; failureReason: string | null; additionalDetails: string | null };
}

/** auditValue shows a modified property's value: Graph sends it JSON-encoded; anything unparsable is shown as sent. */
export function auditValue(v: string): string {
  if (v === '') return '';
  try {
    const parsed: unknown = JSON.parse(v);
    return typeof parsed === 'string' ? parsed : JSON.stringify(parsed);
  } catch {
    return v;
  }
}

/** initiator names who caused an audit event: the user's UPN, else the app. */
export function initiator(e: DirectoryAudit): string {
  return e.initiatedBy.user?.userPrincipalName || e.initiatedBy.app?.displayName || '';
}

/** The audit categories Atrium writes (directory.Service.audit callers). */
export const categories = ['UserManagement', 'GroupManagement', 'RoleManagement', 'DirectoryManagement', 'ApplicationManagement', 'Other'] as const;
