import { render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useSession } from '../../../api/session';
import { testI18n, wrapper } from '../../groups/testing';
import type { User } from '../types';
import { LicensesTab } from './LicensesTab';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const user: User = { id: 'u1', displayName: 'Anna', userPrincipalName: 'anna@x.nl', usageLocation: 'NL' };
const installs = {
  value: [{ id: 'i1', deviceName: 'Laptop 1', kind: 'pc', activatedDateTime: '2026-11-30T15:00:00Z' }],
  limits: { pc: 5, tablet: 5, phone: 5 }, eligible: true,
};

afterEach(() => vi.unstubAllGlobals());

function serve(permissions: string[]) {
  const urls: string[] = [];
  vi.stubGlobal('ResizeObserver', class { observe() {} unobserve() {} disconnect() {} });
  vi.stubGlobal('fetch', vi.fn(async (url: string) => {
    urls.push(url);
    if (url === '/api/session') return json(200, { tenantId: 't', permissions, roles: [] });
    if (url === '/v1.0/organization/t') return json(200, { defaultUsageLocation: 'NL' });
    if (url === '/api/users/u1/installs') return json(200, installs);
    return json(200, { value: [] }); // products, seats, the user's licenses
  }));
  return urls;
}

/** SignedIn renders the tab once the session is loaded, as the admin center does. */
function SignedIn() {
  return useSession().data ? <LicensesTab user={user} /> : null;
}

async function show() {
  const i18n = await testI18n('en');
  render(<SignedIn />, { wrapper: wrapper(i18n) });
}

describe('LicensesTab', () => {
  it('lists the user\'s installs per kind, read-only, to an admin with licenses.read', async () => {
    serve(['licenses.read', 'licenses.manage']);
    await show();
    const apps = await screen.findByRole('region', { name: 'Apps installed' });
    const pcs = await within(apps).findByRole('region', { name: 'PCs and Macs' });
    expect(within(pcs).getByText('1 of 5')).toBeTruthy();
    expect(within(pcs).getByRole('cell', { name: 'Laptop 1' })).toBeTruthy();
    expect(within(apps).getByRole('region', { name: 'Phones' }).textContent).toContain('0 of 5');
    expect(within(apps).queryByRole('button')).toBeNull();
  });

  it('leaves them out without licenses.read', async () => {
    const urls = serve(['licenses.manage']);
    await show();
    await screen.findByRole('region', { name: 'Current licenses' });
    await waitFor(() => expect(urls).toContain('/v1.0/organization/t'));
    expect(screen.queryByRole('region', { name: 'Apps installed' })).toBeNull();
    expect(urls).not.toContain('/api/users/u1/installs');
  });
});
