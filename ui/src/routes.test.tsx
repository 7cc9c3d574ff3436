import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { Suspense } from 'react';
import { MemoryRouter, useLocation } from 'react-router';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Session } from './api/types';
import { initI18n } from './i18n/i18n';
import en from './locales/en/common.json';
import mfa from './locales/en/mfa.json';
import signin from './locales/en/signin.json';
import { SessionLanguage } from './App';
import i18n from './i18n/i18n';
import nl from './locales/nl/common.json';
import { AppRoutes } from './routes';
import { ThemeProvider } from './theme';

const admin: Session = {
  tenantId: 't', userId: 'u', userPrincipalName: 'ada@contoso.test', displayName: 'Ada', isAdmin: true, mustChangePassword: false,
  mfaRequired: false, mfaEnrollmentRequired: false, tenantName: 'Contoso', preferredLanguage: '', csrfToken: 'c',
  roles: [{ templateId: 'r', displayName: 'Helpdesk Administrator' }], permissions: ['org.read'],
};

/** serve answers the app's API calls from a table; anything else is a 404 in Graph's shape. */
function serve(session: Session | null) {
  vi.stubGlobal('fetch', vi.fn(async (url: string) => {
    const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
    if (url === '/api/session') return session ? json(200, session) : json(401, { error: { code: 'InvalidAuthenticationToken', message: 'no' } });
    if (url === '/api/myAdmins') return json(200, { organization: 'Contoso', globalAdmins: [{ displayName: 'Gil', userPrincipalName: 'gil@contoso.test', mail: null, businessPhones: [] }], technicalContacts: [] });
    if (url === '/v1.0/domains' || url === '/v1.0/subscribedSkus' || url === '/api/catalog' || url === '/api/imports') return json(200, { value: [] });
    return json(404, { error: { code: 'Request_ResourceNotFound', message: url } });
  }));
}

function Where() {
  const l = useLocation();
  return <output data-testid="where">{l.pathname + l.search}</output>;
}

function show(path: string, app = false) {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={qc}>
      <ThemeProvider>
        <MemoryRouter initialEntries={[path]}>
          <Suspense fallback={null}>{app && <SessionLanguage />}<AppRoutes /><Where /></Suspense>
        </MemoryRouter>
      </ThemeProvider>
    </QueryClientProvider>,
  );
}

beforeAll(() => {
  initI18n();
});
afterEach(async () => {
  vi.unstubAllGlobals();
  localStorage.clear();
  await i18n.changeLanguage('en');
});

describe('routes and access', () => {
  it('sends a signed-out deep link to sign-in and back afterwards', async () => {
    serve(null);
    show('/admin/settings/domains');
    expect(await screen.findByRole('heading', { name: signin.signIn.title })).toBeTruthy();
    expect(screen.getByTestId('where').textContent).toBe('/signin?returnTo=%2Fadmin%2Fsettings%2Fdomains');
  });

  it('sends a session with a pending step to that step', async () => {
    serve({ ...admin, mfaEnrollmentRequired: true });
    show('/admin');
    await screen.findByRole('heading', { name: mfa.enroll.title });
    expect(screen.getByTestId('where').textContent).toBe('/signin/enroll?returnTo=%2Fadmin');
  });

  it('shows a user without an admin role the full-page No access with their admins', async () => {
    serve({ ...admin, isAdmin: false, roles: [] });
    show('/admin/settings/domains');
    expect(await screen.findByRole('heading', { name: en.noAccess.title })).toBeTruthy();
    expect(screen.getByText(en.noAccess.text)).toBeTruthy();
    expect(screen.getByRole('button', { name: en.noAccess.myAccount })).toBeTruthy();
    expect(await screen.findByText('gil@contoso.test')).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: en.nav.adminLabel })).toBeNull();
  });

  it('hides pages an admin may not open and answers their URL with No access inside the frame', async () => {
    serve({ ...admin, permissions: [] });
    show('/admin/settings/domains');
    expect(await screen.findByRole('heading', { name: en.noAccess.title })).toBeTruthy();
    const nav = screen.getAllByRole('navigation', { name: en.nav.adminLabel })[0];
    expect(within(nav).getByRole('link', { name: en.nav.home })).toBeTruthy();
    expect(within(nav).queryByRole('link', { name: en.nav.domains })).toBeNull();
  });

  it('opens a permitted page by its deep link and marks it in the navigation', async () => {
    serve(admin);
    show('/admin/settings/domains');
    expect(await screen.findByRole('heading', { name: 'Domains', level: 1 })).toBeTruthy();
    const nav = screen.getAllByRole('navigation', { name: en.nav.adminLabel })[0];
    expect(within(nav).getByRole('link', { name: en.nav.domains }).getAttribute('aria-current')).toBe('page');
  });
});

describe('Billing navigation', () => {
  it('opens Licenses with billing.manage alone, and shows the Billing pages in the order of the spec', async () => {
    serve({ ...admin, permissions: ['billing.manage'] });
    show('/admin/billing/licenses');
    expect(await screen.findByRole('heading', { name: 'Licenses', level: 1 })).toBeTruthy();
    const nav = screen.getAllByRole('navigation', { name: en.nav.adminLabel })[0]!;
    const names = within(nav).getAllByRole('link').map((l) => l.textContent);
    const billing = [en.nav.yourProducts, en.nav.licenses, en.nav.purchaseServices, en.nav.bills];
    expect(names.filter((n) => billing.includes(n ?? ''))).toEqual(billing);
    expect(within(nav).queryByRole('link', { name: en.nav.activeUsers })).toBeNull();
  });

  it('opens Licenses with licenses.read but not Your products', async () => {
    serve({ ...admin, permissions: ['licenses.read'] });
    show('/admin/billing/products');
    expect(await screen.findByRole('heading', { name: en.noAccess.title })).toBeTruthy();
    const nav = screen.getAllByRole('navigation', { name: en.nav.adminLabel })[0]!;
    expect(within(nav).getByRole('link', { name: en.nav.licenses })).toBeTruthy();
    expect(within(nav).queryByRole('link', { name: en.nav.yourProducts })).toBeNull();
  });
});

describe('Add multiple users route', () => {
  it('needs users.write and stays out of the navigation', async () => {
    serve({ ...admin, permissions: ['org.read', 'users.write'] });
    show('/admin/users/import');
    expect(await screen.findByRole('heading', { name: 'Add multiple users', level: 1 })).toBeTruthy();
    const nav = screen.getAllByRole('navigation', { name: en.nav.adminLabel })[0]!;
    expect(within(nav).getByRole('link', { name: en.nav.activeUsers })).toBeTruthy();
    expect(within(nav).queryByRole('link', { name: en.nav.addMultipleUsers })).toBeNull();
  });

  it('answers an admin without users.write with No access', async () => {
    serve(admin);
    show('/admin/users/import/imp-1');
    expect(await screen.findByRole('heading', { name: en.noAccess.title })).toBeTruthy();
  });
});

describe('language', () => {
  it('speaks the signed-in user\'s preferred language', async () => {
    serve({ ...admin, isAdmin: false, roles: [], preferredLanguage: 'nl-NL' });
    show('/admin', true);
    expect(await screen.findByRole('heading', { name: nl.noAccess.title })).toBeTruthy();
    expect(document.documentElement.lang).toBe('nl');
  });

  it('keeps the language picked in the header over the user\'s', async () => {
    localStorage.setItem('atrium.language', 'en');
    serve({ ...admin, isAdmin: false, roles: [], preferredLanguage: 'nl-NL' });
    show('/admin', true);
    expect(await screen.findByRole('heading', { name: en.noAccess.title })).toBeTruthy();
    expect(i18n.language).toBe('en');
  });
});

describe('Azure subscriptions and Autopilot routes', () => {
  it('lists Azure subscriptions for every admin and answers Autopilot without devices.manage with No access', async () => {
    serve({ ...admin, permissions: [] });
    show('/admin/devices/autopilot');
    expect(await screen.findByRole('heading', { name: en.noAccess.title })).toBeTruthy();
    const nav = screen.getAllByRole('navigation', { name: en.nav.adminLabel })[0]!;
    expect(within(nav).getByRole('link', { name: en.nav.azureSubscriptions }).getAttribute('href')).toBe('/admin/billing/azure');
    expect(within(nav).queryByRole('link', { name: en.nav.autopilotDevices })).toBeNull();
  });

  it('opens Autopilot devices with devices.manage, not as a device of the Devices page', async () => {
    serve({ ...admin, permissions: ['org.read', 'devices.manage'] });
    show('/admin/devices/autopilot');
    expect(await screen.findByRole('heading', { name: en.nav.autopilotDevices, level: 1 })).toBeTruthy();
    const nav = screen.getAllByRole('navigation', { name: en.nav.adminLabel })[0]!;
    expect(within(nav).getByRole('link', { name: en.nav.autopilotDevices }).getAttribute('aria-current')).toBe('page');
  });
});
