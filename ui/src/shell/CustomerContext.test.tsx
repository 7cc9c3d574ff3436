import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, useLocation, useNavigate } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, getActingTenant, setActingTenant } from '../api/client';
import { testI18n } from '../pages/groups/testing';
import { json, partnerAgent, serve } from '../pages/partner/testing';
import { CustomerBanner } from './CustomerBanner';
import { CustomerProvider, useCustomer, withTenant } from './CustomerContext';

function Where() {
  const l = useLocation();
  return <output data-testid="where">{l.pathname + l.search}</output>;
}

/** Probe calls the API the way a page does, and offers links without the tenant parameter. */
function Probe() {
  const navigate = useNavigate();
  const c = useCustomer();
  const q = useQuery({ queryKey: ['probe'], queryFn: () => api.get<{ value: unknown[] }>('/v1.0/users') });
  return (
    <>
      <output data-testid="acting">{c.tenantId ?? ''}</output>
      <output data-testid="count">{q.data ? q.data.value.length : ''}</output>
      <button type="button" onClick={() => navigate('/admin/users')}>users</button>
      <button type="button" onClick={() => navigate('/myaccount')}>me</button>
    </>
  );
}

async function show(path: string, lng = 'en') {
  const i18n = await testI18n(lng);
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={qc}>
      <I18nextProvider i18n={i18n}>
        <FluentProvider theme={webLightTheme}>
          <MemoryRouter initialEntries={[path]}>
            <CustomerProvider><CustomerBanner /><Probe /><Where /></CustomerProvider>
          </MemoryRouter>
        </FluentProvider>
      </I18nextProvider>
    </QueryClientProvider>,
  );
}

const customers = { value: [{ tenantId: 'c-2', displayName: 'Northwind', defaultDomainName: 'northwind.test', contractId: 'k', resellerSince: '2026-01-01T00:00:00Z', delegatedAdmin: true, delegatedAdminSince: null }] };

afterEach(() => {
  vi.unstubAllGlobals();
  setActingTenant(undefined);
  sessionStorage.clear();
});

describe('withTenant', () => {
  it('adds the tenant to a path, keeping its query and fragment', () => {
    expect(withTenant('/admin', 'c-1')).toBe('/admin?tenant=c-1');
    expect(withTenant('/admin/users?view=x#top', 'c-1')).toBe('/admin/users?view=x&tenant=c-1#top');
    expect(withTenant('/admin?tenant=old', 'c-1')).toBe('/admin?tenant=c-1');
  });
});

describe('CustomerProvider', () => {
  it('acts in the customer of the URL: the header on API calls, the banner, the parameter kept across links', async () => {
    const calls = serve({
      'GET /v1.0/users': json(200, { value: [1, 2] }),
      'GET /api/session': json(200, partnerAgent),
      'GET /api/partner/customers': json(200, customers),
    });
    await show('/admin?tenant=c-2');
    await screen.findByText('You\'re managing Northwind as Piet Jansen of Contoso Partners.');
    expect(calls.find((c) => c.url === '/v1.0/users')?.tenant).toBe('c-2');
    // The partner's own data goes without the header.
    expect(calls.find((c) => c.url === '/api/session')?.tenant).toBeUndefined();
    expect(calls.find((c) => c.url === '/api/partner/customers')?.tenant).toBeUndefined();
    fireEvent.click(screen.getByRole('button', { name: 'users' }));
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/admin/users?tenant=c-2'));
    expect(screen.getByTestId('acting').textContent).toBe('c-2');
  });

  it('goes back to the partner\'s own organization', async () => {
    serve({ 'GET /v1.0/users': json(200, { value: [] }), 'GET /api/session': json(200, partnerAgent), 'GET /api/partner/customers': json(200, customers) });
    await show('/admin/users?tenant=c-2');
    fireEvent.click(await screen.findByRole('button', { name: 'Back to my organization' }));
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/partner/customers'));
    expect(screen.getByTestId('acting').textContent).toBe('');
    expect(getActingTenant()).toBe('');
    expect(screen.queryByText(/You're managing/)).toBeNull();
  });

  it('acts in no customer outside the admin center', async () => {
    const calls = serve({ 'GET /v1.0/users': json(200, { value: [] }), 'GET /api/session': json(200, partnerAgent), 'GET /api/partner/customers': json(200, customers) });
    await show('/admin?tenant=c-2');
    await screen.findByText(/You're managing Northwind/);
    fireEvent.click(screen.getByRole('button', { name: 'me' }));
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/myaccount'));
    expect(screen.getByTestId('acting').textContent).toBe('');
    // The own organization's data is asked for anew, without the header.
    await waitFor(() => expect(calls.filter((c) => c.url === '/v1.0/users').map((c) => c.tenant)).toEqual(['c-2', undefined]));
  });

  it('keeps the data of each organization apart', async () => {
    let n = 0;
    serve({
      'GET /v1.0/users': () => json(200, { value: Array(++n === 1 ? 3 : 1).fill(0) }),
      'GET /api/session': json(200, partnerAgent), 'GET /api/partner/customers': json(200, customers),
    });
    await show('/admin?tenant=c-2');
    await waitFor(() => expect(screen.getByTestId('count').textContent).toBe('3'));
    fireEvent.click(await screen.findByRole('button', { name: 'Back to my organization' }));
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/partner/customers'));
    await waitFor(() => expect(screen.getByTestId('count').textContent).toBe('1'));
  });

  it('says so when the user has no delegation in the customer, and offers the way back', async () => {
    const denied = 'Your account has no delegated admin access to this organization. Ask your partner organization\'s admins, or the customer, for access.';
    serve({
      'GET /v1.0/users': json(403, { error: { code: 'Authorization_RequestDenied', message: denied, details: [{ code: 'NoDelegation', message: denied }] } }),
      'GET /api/session': json(200, partnerAgent), 'GET /api/partner/customers': json(200, customers),
    });
    await show('/admin?tenant=c-2');
    await screen.findByText('You can\'t manage Northwind.');
    expect(screen.getByText(denied)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Back to my organization' })).toBeTruthy();
  });

  it('speaks Dutch', async () => {
    serve({ 'GET /v1.0/users': json(200, { value: [] }), 'GET /api/session': json(200, partnerAgent), 'GET /api/partner/customers': json(200, customers) });
    await show('/admin?tenant=c-2', 'nl');
    await screen.findByText('U beheert Northwind als Piet Jansen van Contoso Partners.');
    expect(screen.getByRole('button', { name: 'Terug naar mijn organisatie' })).toBeTruthy();
  });
});
