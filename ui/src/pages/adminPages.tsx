import type { FluentIcon } from '@fluentui/react-icons';
import {
  Receipt20Regular, DocumentBulletList20Regular, Handshake20Regular, HeartPulse20Regular, Home20Regular, Laptop20Regular, People20Regular, PersonSupport20Regular, Settings20Regular,
  ShieldPerson20Regular,
} from '@fluentui/react-icons';
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { PartnerInfo } from './partner/api';

/** AdminPage is one page of the admin center: its route under /admin, where it sits in the navigation, and who may open it. */
export interface AdminPage {
  /** Path under /admin ("" is Home). */
  path: string;
  /** Section of the navigation (adminSections). */
  section: string;
  /** Navigation label, a key in the common namespace. */
  label: string;
  /** Permission that opens the page (admin-center.md §2), or a list of which any one does; every admin page needs an admin role besides. */
  perm?: string | string[];
  /** A page opened from another page (a wizard), not listed in the navigation. */
  hidden?: boolean;
  Component: LazyExoticComponent<ComponentType>;
}

/** adminSections are the navigation's groups, in the order of admin-center.md §2. */
export const adminSections: { key: string; label: string; icon: FluentIcon }[] = [
  { key: 'home', label: 'nav.home', icon: Home20Regular },
  { key: 'users', label: 'nav.users', icon: People20Regular },
  { key: 'groups', label: 'nav.groups', icon: People20Regular },
  { key: 'roles', label: 'nav.roles', icon: ShieldPerson20Regular },
  { key: 'devices', label: 'nav.devices', icon: Laptop20Regular },
  { key: 'billing', label: 'nav.billing', icon: Receipt20Regular },
  { key: 'support', label: 'nav.support', icon: PersonSupport20Regular },
  { key: 'settings', label: 'nav.settings', icon: Settings20Regular },
  { key: 'reports', label: 'nav.reports', icon: DocumentBulletList20Regular },
  { key: 'health', label: 'nav.health', icon: HeartPulse20Regular },
];

/**
 * adminPages lists the built pages. A new page adds one line here (its
 * path, section, label and permission) and its own files; the route, the
 * navigation link and the no-access check follow from this line.
 */
export const adminPages: AdminPage[] = [
  { path: '', section: 'home', label: 'nav.home', Component: lazy(() => import('./home/HomePage')) },
  { path: 'users', section: 'users', label: 'nav.activeUsers', perm: 'org.read', Component: lazy(() => import('./users/UsersPage')) },
  { path: 'users/import', section: 'users', label: 'nav.addMultipleUsers', perm: 'users.write', hidden: true, Component: lazy(() => import('./users/import/ImportPage')) },
  { path: 'users/deleted', section: 'users', label: 'nav.deletedUsers', perm: 'org.read', Component: lazy(() => import('./users/deleted/DeletedUsersPage')) },
  { path: 'settings/domains', section: 'settings', label: 'nav.domains', perm: 'org.read', Component: lazy(() => import('./domains/DomainsPage')) },
  { path: 'groups', section: 'groups', label: 'nav.activeGroups', perm: 'org.read', Component: lazy(() => import('./groups/GroupsPage')) },
  { path: 'roles', section: 'roles', label: 'nav.roleAssignments', perm: 'org.read', Component: lazy(() => import('./roles/RolesPage')) },
  { path: 'settings/org', section: 'settings', label: 'nav.orgSettings', perm: 'org.read', Component: lazy(() => import('./settings/OrgSettingsPage')) },
  { path: 'settings/partners', section: 'settings', label: 'nav.partnerRelationships', perm: 'org.manage', Component: lazy(() => import('./partner/PartnerRelationshipsPage')) },
  { path: 'reports/audit', section: 'reports', label: 'nav.auditLog', perm: 'reports.manage', Component: lazy(() => import('./logs/AuditLogPage')) },
  { path: 'reports/signins', section: 'reports', label: 'nav.signInLog', perm: 'reports.manage', Component: lazy(() => import('./logs/SignInLogPage')) },
  { path: 'devices', section: 'devices', label: 'nav.devices', perm: 'org.read', Component: lazy(() => import('./devices/DevicesPage')) },
  { path: 'devices/autopilot', section: 'devices', label: 'nav.autopilotDevices', perm: 'devices.manage', Component: lazy(() => import('./devices/autopilot/AutopilotPage')) },
  { path: 'billing/products', section: 'billing', label: 'nav.yourProducts', perm: 'billing.manage', Component: lazy(() => import('./billing/ProductsPage')) },
  { path: 'billing/licenses', section: 'billing', label: 'nav.licenses', perm: ['licenses.read', 'billing.manage'], Component: lazy(() => import('./billing/LicensesPage')) },
  { path: 'billing/purchase', section: 'billing', label: 'nav.purchaseServices', perm: 'billing.manage', Component: lazy(() => import('./billing/PurchasePage')) },
  { path: 'billing/azure', section: 'billing', label: 'nav.azureSubscriptions', Component: lazy(() => import('./azure/AzureSubscriptionsPage')) },
  { path: 'billing/bills', section: 'billing', label: 'nav.bills', perm: 'billing.manage', Component: lazy(() => import('./billing/BillsPage')) },
  { path: 'support/new', section: 'support', label: 'nav.newServiceRequest', perm: 'tickets.manage', Component: lazy(() => import('./support/NewRequestPage')) },
  { path: 'support/requests', section: 'support', label: 'nav.serviceRequests', perm: 'tickets.manage', Component: lazy(() => import('./support/RequestsPage')) },
  { path: 'settings/dirsync', section: 'settings', label: 'nav.dirSync', perm: 'dirsync.manage', Component: lazy(() => import('./dirsync/DirSyncPage')) },
  { path: 'health/services', section: 'health', label: 'nav.serviceHealth', perm: 'health.read', Component: lazy(() => import('./health/ServiceHealthPage')) },
  { path: 'health/messages', section: 'health', label: 'nav.messageCenter', perm: 'health.read', Component: lazy(() => import('./health/MessageCenterPage')) },
];

/** PartnerPage is one page of the partner area (/partner/…, partner tenants only; admin-center.md §15). */
export interface PartnerPage {
  /** Path under /partner. */
  path: string;
  /** Navigation label, a key in the common namespace. */
  label: string;
  /** Who may open it, by the user's agent groups (partners.md §1). */
  allowed: (p: PartnerInfo) => boolean;
  Component: LazyExoticComponent<ComponentType>;
}

export const partnerSection = { key: 'partner', label: 'nav.partner', icon: Handshake20Regular };

const anyAgent = (p: PartnerInfo) => p.agent.admin || p.agent.sales || p.agent.helpdesk;

/** partnerPages are the partner area's pages, listed in the navigation when GET /api/partner says the organization is a partner. */
export const partnerPages: PartnerPage[] = [
  { path: 'customers', label: 'nav.customers', allowed: anyAgent, Component: lazy(() => import('./partner/CustomersPage')) },
  { path: 'relationships', label: 'nav.gdapRelationships', allowed: (p) => p.agent.admin, Component: lazy(() => import('./partner/GdapPage')) },
  { path: 'activity', label: 'nav.partnerActivity', allowed: anyAgent, Component: lazy(() => import('./partner/ActivityPage')) },
];
