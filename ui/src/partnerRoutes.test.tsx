import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Suspense } from 'react';
import { MemoryRouter, useLocation } from 'react-router';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Session } from './api/types';
import { initI18n } from './i18n/i18n';
import en from './locales/en/common.json';
import partner from './locales/en/partner.json';
import { AppRoutes } from './routes';
import { CustomerProvider } from './shell/CustomerContext';
import { ThemeProvider } from './theme';

const admin: Session = {
  tenantId: 'p1', userId: 'u', userPrincipalName: 'piet@contoso.test', displayName: 'Piet', isAdmin: true, mustChangePassword: false,
  mfaRequired: false, mfaEnrollmentRequired: false, tenantName: 'Contoso Partners', preferredLanguage: '', csrfToken: 'c',
  roles: [{ templateId: '62e90394-69f5-4237-9190-012177145e10', displayName: 'Global Administrator' }], permissions: ['org.read', 'org.manage'],
};
const isPartner = { isPartner: true, partnerTenantType: 'resellerPartnerDelegatedAdmin', agent: { admin: true, helpdesk: false, sales: false }, dapEnabled: true };

/** serve answers the app's API calls from a table; anything else is a 404 in Graph's shape. */
function serve(session: Session | null, partnerInfo: unknown) {
  vi.stubGlobal('ResizeObserver', class { observe() {} unobserve() {} disconnect() {} });
  vi.stubGlobal('fetch', vi.fn(async (url: string) => {
    const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
    if (url === '/api/session') return session ? json(200, session) : json(401, { error: { code: 'InvalidAuthenticationToken', message: 'no' } });
    if (url === '/api/partner') return partnerInfo ? json(200, partnerInfo) : json(404, { error: { code: 'Request_ResourceNotFound', message: url } });
    if (url === '/api/partner/customers' || url === '/api/partnerRelationships' || url === '/v1.0/domains') return json(200, { value: [] });
    return json(404, { error: { code: 'Request_ResourceNotFound', message: url } });
  }));
}

function Where() {
  const l = useLocation();
  return <output data-testid="where">{l.pathname + l.search}</output>;
}

function show(path: string) {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={qc}>
      <ThemeProvider>
        <MemoryRouter initialEntries={[path]}>
          <CustomerProvider>
            <Suspense fallback={null}><AppRoutes /><Where /></Suspense>
          </CustomerProvider>
        </MemoryRouter>
      </ThemeProvider>
    </QueryClientProvider>,
  );
}

beforeAll(() => {
  initI18n();
});
afterEach(() => {
  vi.unstubAllGlobals();
  sessionStorage.clear();
});

describe('partner routes', () => {
  it('lists the Partner section for a partner organization and opens Customers', async () => {
    serve(admin, isPartner);
    show('/partner/customers');
    expect(await screen.findByRole('heading', { name: partner.customers.title, level: 1 })).toBeTruthy();
    const nav = screen.getAllByRole('navigation', { name: en.nav.adminLabel })[0];
    expect(within(nav).getByRole('link', { name: en.nav.customers }).getAttribute('aria-current')).toBe('page');
    expect(within(nav).getByRole('link', { name: en.nav.gdapRelationships })).toBeTruthy();
    expect(within(nav).getByRole('link', { name: en.nav.partnerActivity })).toBeTruthy();
    expect(within(nav).getByRole('link', { name: en.nav.partnerRelationships })).toBeTruthy();
  }, 20_000);

  it('lists no Partner section for other organizations, and answers its URL with No access', async () => {
    serve(admin, { ...isPartner, isPartner: false });
    show('/partner/customers');
    expect(await screen.findByRole('heading', { name: en.noAccess.title })).toBeTruthy();
    const nav = screen.getAllByRole('navigation', { name: en.nav.adminLabel })[0];
    expect(within(nav).queryByRole('link', { name: en.nav.customers })).toBeNull();
  }, 20_000);

  it('treats a server without the partner API as no partner', async () => {
    serve(admin, null);
    show('/admin/settings/partners');
    expect(await screen.findByRole('heading', { name: partner.relationships.title, level: 1 })).toBeTruthy();
    const nav = screen.getAllByRole('navigation', { name: en.nav.adminLabel })[0];
    await waitFor(() => expect(within(nav).queryByRole('link', { name: en.nav.customers })).toBeNull());
  }, 20_000);

  it('keeps an invitation link\'s fragment for after sign-in, out of the returnTo', async () => {
    serve(null, null);
    show('/AdminPortal/Home?invType=ResellerRelationship&partnerId=p1&msppId=0&DAP=true#/BillingAccounts/partner-invitation/tok-9');
    await waitFor(() => expect(screen.getByTestId('where').textContent)
      .toBe(`/signin?returnTo=${encodeURIComponent('/AdminPortal/Home?invType=ResellerRelationship&partnerId=p1&msppId=0&DAP=true')}`));
    expect(JSON.parse(sessionStorage.getItem('atrium.returnHash')!)).toEqual({ path: '/AdminPortal/Home', hash: '#/BillingAccounts/partner-invitation/tok-9' });
  }, 20_000);

  it('offers a partner\'s user to switch organization in the user menu', async () => {
    serve(admin, isPartner);
    show('/admin/settings/partners');
    await screen.findByRole('heading', { name: partner.relationships.title, level: 1 });
    await waitFor(() => expect(screen.getAllByRole('link', { name: en.nav.customers }).length).toBeGreaterThan(0));
    fireEvent.click(screen.getByRole('button', { name: en.header.account.replace('{{name}}', 'Piet') }));
    fireEvent.click(await screen.findByRole('menuitem', { name: en.header.switchOrganization }));
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/partner/customers'));
  }, 20_000);
});
