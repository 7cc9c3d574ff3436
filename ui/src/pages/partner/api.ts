// Wire types and queries of the partner pages (partners.md §2–§5): the
// partner's own side (/api/partner/…, GDAP under /v1.0/tenantRelationships)
// and the customer's side (/api/partnerRelationships/…). The partner's own
// calls never carry the Atrium-Tenant header (tenant: false): they are about
// the signed-in user's organization even while acting in a customer.
import { useQuery } from '@tanstack/react-query';
import { ApiError, api } from '../../api/client';

/** PartnerInfo is GET /api/partner: whether the user's organization is a partner and which agent groups the user is in. */
export interface PartnerInfo {
  isPartner: boolean;
  partnerTenantType: string;
  agent: { admin: boolean; helpdesk: boolean; sales: boolean };
  dapEnabled: boolean;
}

export const notPartner: PartnerInfo = { isPartner: false, partnerTenantType: '', agent: { admin: false, helpdesk: false, sales: false }, dapEnabled: false };

export const partnerKey = ['partner', 'info'] as const;

/** usePartner is GET /api/partner; an organization the server doesn't know as a partner (or an older server) is not one. */
export function usePartner() {
  return useQuery({
    queryKey: partnerKey, staleTime: 5 * 60_000,
    queryFn: async () => {
      try {
        return (await api.get<PartnerInfo>('/api/partner', { tenant: false })) ?? notPartner;
      } catch (e) {
        if (e instanceof ApiError && (e.status === 404 || e.status === 403)) return notPartner;
        throw e;
      }
    },
  });
}

/** Invitation is POST /api/partner/invitations' answer: the link and the e-mail draft (partners.md §2.3). */
export interface Invitation {
  token: string;
  url: string;
  delegatedAdmin: boolean;
  emailSubject: string;
  emailBody: string;
}

/** Customer is one row of GET /api/partner/customers. */
export interface Customer {
  tenantId: string;
  displayName: string;
  defaultDomainName: string;
  contractId: string;
  resellerSince: string;
  delegatedAdmin: boolean;
  delegatedAdminSince: string | null;
}

export const customersKey = ['partner', 'customers'] as const;

/** useCustomers is the partner's customers (GET /api/partner/customers). */
export function useCustomers(enabled = true) {
  return useQuery({
    queryKey: customersKey, enabled,
    queryFn: () => api.get<{ value: Customer[] }>('/api/partner/customers', { tenant: false }),
  });
}

/** InvitationInfo is GET /api/partner/invitations/{token}: who invites, for what, and what the customer has already. */
export interface InvitationInfo {
  partnerTenantId: string;
  partnerName: string;
  contactEmail: string;
  contactPhone: string;
  invitedBy: string;
  delegatedAdmin: boolean;
  existing: '' | 'reseller' | 'delegatedAdmin';
}

/** Accepted is POST /api/partner/invitations/{token}/accept's answer. */
export interface Accepted {
  partnerTenantId: string;
  partnerName: string;
  resellerSince: string;
  delegatedAdmin: boolean;
}

/** PartnerRelationship is one partner of the customer (GET /api/partnerRelationships). */
export interface PartnerRelationship {
  partnerTenantId: string;
  displayName: string;
  contactEmail: string;
  contactPhone: string;
  website?: string;
  /** reseller is false for a partner with GDAP relationships alone. */
  reseller: boolean;
  resellerSince: string | null;
  delegatedAdmin: boolean;
  delegatedAdminSince: string | null;
  /** GDAP relationships with this partner (the list carries them; acceptance doesn't). */
  gdap?: GdapApproval[];
}

/** GdapApproval is a GDAP relationship as the customer's Global admin sees it (GET /api/partnerRelationships/gdap/{id}). */
export interface GdapApproval {
  id: string;
  displayName: string;
  partnerTenantId: string;
  partnerName: string;
  /** partnerHasDelegatedAdmin: the partner still holds DAP, which approving can remove. */
  partnerHasDelegatedAdmin: boolean;
  roles: { roleDefinitionId: string; displayName: string; description: string }[];
  duration: string;
  autoExtendDuration: string;
  status: string;
  approvalExpiresDateTime?: string | null;
  endDateTime?: string | null;
}

/** approvalRoleName names a role of an approval, by the server's name or the local list. */
export const approvalRoleName = (r: { roleDefinitionId: string; displayName: string }) => r.displayName || roleName(r.roleDefinitionId);

/** GdapRelationship is a delegatedAdminRelationship (Graph shape, partners.md §5.2). */
export interface GdapRelationship {
  id: string;
  displayName: string;
  duration: string;
  customer?: { tenantId: string; displayName?: string } | null;
  partner?: { tenantId: string; displayName?: string } | null;
  accessDetails: { unifiedRoles: { roleDefinitionId: string }[] };
  autoExtendDuration: string;
  status: string;
  createdDateTime?: string;
  activatedDateTime?: string | null;
  endDateTime?: string | null;
}

export const gdapPath = '/v1.0/tenantRelationships/delegatedAdminRelationships';

/** activeGdap tells whether a GDAP relationship gives (or is about to give) access. */
export const activeGdap = (r: { status: string }) => ['approved', 'activating', 'active', 'expiring'].includes(r.status);

/** gdapRoles are the built-in roles a GDAP relationship may list (template ids; partners.md §5.2, §5.9). */
export const gdapRoles: { id: string; name: string }[] = [
  { id: '88d8e3e3-8f55-4a1e-953a-9b9898b8876b', name: 'Directory Readers' },
  { id: '9360feb5-f418-4baa-8175-e2a00bac4301', name: 'Directory Writers' },
  { id: '4d6ac14f-3453-41d0-bef9-a3e0c569773a', name: 'License Administrator' },
  { id: 'f023fd81-a637-4b56-95fd-791ac0226033', name: 'Service Support Administrator' },
  { id: 'fe930be7-5e62-47db-91af-98c3a49a38b1', name: 'User Administrator' },
  { id: 'e8611ab8-c189-46e8-94e1-60213ab1f814', name: 'Privileged Role Administrator' },
  { id: '729827e3-9c14-49f7-bb1b-9608f156bbb8', name: 'Helpdesk Administrator' },
  { id: '7be44c8a-adaf-4e2a-84d6-ab2649e08a13', name: 'Privileged Authentication Administrator' },
  { id: 'f2ef992c-3afb-46b9-b7cf-a126ee74c451', name: 'Global Reader' },
  { id: '3a2c62db-5318-420d-8d74-23affee5d9d5', name: 'Intune Administrator' },
  { id: '62e90394-69f5-4237-9190-012177145e10', name: 'Global Administrator' },
];

export const globalAdminRole = '62e90394-69f5-4237-9190-012177145e10';

/** roleName names a role template id, or shows the id of one the list doesn't know. */
export const roleName = (id: string) => gdapRoles.find((r) => r.id === id)?.name ?? id;

/** approvalLink is the link a customer's Global admin opens to approve a GDAP relationship (partners.md §5.4). */
export const approvalLink = (origin: string, id: string) => `${origin}/AdminPortal/Home#/partners/invitation/granularAdminRelationships/${id}`;

/** durationDays reads an ISO 8601 duration of days ("P730D"), or years ("P2Y"); undefined for others. */
export function durationDays(d: string): number | undefined {
  const m = /^P(?:(\d+)Y)?(?:(\d+)D)?$/.exec(d);
  if (!m || (!m[1] && !m[2])) return undefined;
  return Number(m[1] ?? 0) * 365 + Number(m[2] ?? 0);
}
