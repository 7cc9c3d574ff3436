// Wire types of the API calls the app makes (see client/ in the Go module
// and internal/api for the server side).

export interface Session {
  tenantId: string;
  userId: string;
  userPrincipalName: string;
  displayName: string;
  isAdmin: boolean;
  mustChangePassword: boolean;
  mfaRequired: boolean;
  mfaEnrollmentRequired: boolean;
  csrfToken?: string;
  tenantName: string;
  /** The user's language, else the organization's ("nl-NL"); may be empty. */
  preferredLanguage: string;
  roles: { templateId: string; displayName: string }[];
  /** Permission ids the user holds, e.g. "org.read", "domains.manage". */
  permissions: string[];
}

export interface Collection<T> {
  value: T[];
  '@odata.nextLink'?: string;
}

export interface Domain {
  id: string;
  authenticationType: string;
  isDefault: boolean;
  isInitial: boolean;
  isVerified: boolean;
  supportedServices: string[];
}

export interface DomainDnsRecord {
  label: string;
  recordType: string;
  ttl: number;
  text: string;
}

export interface AdminContact {
  displayName: string;
  userPrincipalName: string;
  mail: string | null;
  businessPhones: string[];
}

export interface MyAdmins {
  organization: string;
  globalAdmins: AdminContact[];
  technicalContacts: string[];
  /** The organization's help desk (Settings → Org settings → Organization profile); empty fields are not set. */
  helpdesk?: { phone: string; email: string; url: string; showAdminsToUsers: boolean };
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
}

export interface Me {
  id: string;
  displayName: string | null;
  givenName: string | null;
  surname: string | null;
  userPrincipalName: string;
  mail: string | null;
  jobTitle: string | null;
  department: string | null;
  officeLocation: string | null;
  companyName: string | null;
  businessPhones: string[];
  mobilePhone: string | null;
  streetAddress: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
  country: string | null;
  preferredLanguage: string | null;
  otherMails: string[];
  onPremisesSyncEnabled: boolean;
}

export interface MfaStatus {
  authenticatorApp: boolean;
  recoveryCodesLeft: number;
}

export interface TotpBegin {
  secret: string;
  otpauthUrl: string;
}
