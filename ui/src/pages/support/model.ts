import type { BadgeProps } from '@fluentui/react-components';

// Wire types of /api/support/requests (client/support.go) and the choices
// the server accepts (internal/directory/support.go).

export const services = ['mail', 'filesAndSites', 'chat', 'officeApps', 'identity', 'billing', 'other'] as const;
export const severities = ['normal', 'high', 'critical'] as const;
export const statuses = ['open', 'inProgress', 'waitingOnCustomer', 'resolved', 'closed'] as const;
export const contactMethods = ['email', 'phone'] as const;

/** SupportAuthor is who opened a request or wrote a message: a user of the organization, or support (displayName only). */
export interface SupportAuthor {
  id?: string;
  userPrincipalName?: string;
  displayName?: string;
}

/** SupportMessage is one message of a request's thread. */
export interface SupportMessage {
  id: number;
  from: 'customer' | 'support';
  author: SupportAuthor | null;
  text: string;
  createdDateTime: string;
}

/** SupportRequest is a service request; messages come only with a single request. */
export interface SupportRequest {
  id: string;
  title: string;
  description: string;
  service: string;
  severity: string;
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  preferredContactMethod: string;
  status: string;
  createdBy?: SupportAuthor;
  createdDateTime: string;
  lastModifiedDateTime: string;
  messages?: SupportMessage[];
}

/** NewRequest is the create body: every writable field, as strings. */
export interface NewRequest {
  title: string;
  description: string;
  service: string;
  severity: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  preferredContactMethod: string;
}

/** newRequestFields are the form's fields, the names the server's 400 names as its target. */
export const newRequestFields = ['title', 'description', 'service', 'severity', 'contactName', 'contactPhone', 'contactEmail', 'preferredContactMethod'] as const;

/** RequestFilter narrows the list; '' means any. */
export interface RequestFilter {
  status: string;
  severity: string;
}

/** requestsPath is the list query: 25 a page, newest first (the server's order), with eq filters on status and severity. */
export function requestsPath(f: RequestFilter): string {
  const clauses: string[] = [];
  if ((statuses as readonly string[]).includes(f.status)) clauses.push(`status eq '${f.status}'`);
  if ((severities as readonly string[]).includes(f.severity)) clauses.push(`severity eq '${f.severity}'`);
  let p = '/api/support/requests?$top=25';
  if (clauses.length) p += `&$filter=${encodeURIComponent(clauses.join(' and '))}`;
  return p;
}

/** statusColor is the badge color of a request's status: open work stands out, finished work recedes. */
export function statusColor(status: string): BadgeProps['color'] {
  switch (status) {
    case 'open': return 'brand';
    case 'inProgress': return 'informative';
    case 'waitingOnCustomer': return 'warning';
    case 'resolved': return 'success';
    default: return 'subtle';
  }
}

/** severityColor is the badge color of a severity. */
export function severityColor(severity: string): BadgeProps['color'] {
  return severity === 'critical' ? 'danger' : severity === 'high' ? 'warning' : 'informative';
}

/** requestPath is the API path of one request. */
export const requestPath = (id: string) => `/api/support/requests/${encodeURIComponent(id)}`;
