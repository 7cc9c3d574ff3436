// Test helpers for the partner pages: a fetch stub answering from a table
// of "METHOD path" entries and recording every call.
import { vi } from 'vitest';
import type { Session } from '../../api/types';

export const json = (status: number, body: unknown) =>
  new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

export interface Call { method: string; url: string; body: unknown; tenant?: string }

/** serve stubs fetch: answers maps "GET /api/x" to a response (or a function making one); anything else is a 404. */
export function serve(answers: Record<string, Response | (() => Response)>) {
  const calls: Call[] = [];
  vi.stubGlobal('ResizeObserver', class { observe() {} unobserve() {} disconnect() {} });
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
    const method = init.method ?? 'GET';
    const headers = (init.headers ?? {}) as Record<string, string>;
    calls.push({ method, url, body: init.body ? JSON.parse(String(init.body)) : undefined, tenant: headers['Atrium-Tenant'] });
    const a = answers[`${method} ${url}`];
    if (a) return typeof a === 'function' ? a() : a.clone();
    return json(404, { error: { code: 'Request_ResourceNotFound', message: `${method} ${url}` } });
  }));
  return calls;
}

export const globalAdmin: Session = {
  tenantId: 'c1', userId: 'u1', userPrincipalName: 'ada@fabrikam.test', displayName: 'Ada', isAdmin: true, mustChangePassword: false,
  mfaRequired: false, mfaEnrollmentRequired: false, tenantName: 'Fabrikam', preferredLanguage: '', csrfToken: 'x',
  roles: [{ templateId: '62e90394-69f5-4237-9190-012177145e10', displayName: 'Global Administrator' }], permissions: ['org.read', 'org.manage'],
};

export const partnerAgent: Session = {
  ...globalAdmin, tenantId: 'p1', userPrincipalName: 'piet@contoso.test', displayName: 'Piet Jansen', tenantName: 'Contoso Partners',
};

export const partnerInfo = (over: Partial<{ admin: boolean; sales: boolean; helpdesk: boolean; dapEnabled: boolean }> = {}) => ({
  isPartner: true, partnerTenantType: 'resellerPartnerDelegatedAdmin',
  agent: { admin: over.admin ?? true, helpdesk: over.helpdesk ?? false, sales: over.sales ?? false }, dapEnabled: over.dapEnabled ?? true,
});
