import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
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

const plans = [{ servicePlanId: 'mail', servicePlanName: 'ATRIUM_MAIL_P1', appliesTo: 'User' }];
const sku = (skuId: string) => ({ id: skuId, skuId, skuPartNumber: skuId, appliesTo: 'User', capabilityStatus: 'Enabled', consumedUnits: 1,
  prepaidUnits: { enabled: 5, warning: 0, suspended: 0, lockedOut: 0 }, subscriptionIds: [], servicePlans: plans });
const detail = (provisioningStatus: string) => ({ id: 'd1', skuId: 'basic', skuPartNumber: 'basic', servicePlans: [{ ...plans[0], provisioningStatus }] });

function serve(permissions: string[], states: string[] = []) {
  const urls: string[] = [];
  vi.stubGlobal('ResizeObserver', class { observe() {} unobserve() {} disconnect() {} });
  vi.stubGlobal('fetch', vi.fn(async (url: string) => {
    urls.push(url);
    if (url === '/api/session') return json(200, { tenantId: 't', permissions, roles: [] });
    if (url === '/v1.0/organization/t') return json(200, { defaultUsageLocation: 'NL' });
    if (url === '/api/users/u1/installs') return json(200, installs);
    if (url === '/v1.0/subscribedSkus' && states.length) return json(200, { value: [sku('basic'), sku('std')] });
    if (url === '/v1.0/users/u1/licenseDetails' && states.length) return json(200, { value: [detail(states.length > 1 ? states.shift()! : states[0]!)] });
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

  it('keeps the admin\'s unsaved choices while it polls a pending plan', async () => {
    const urls = serve(['licenses.manage'], ['PendingProvisioning', 'Success']);
    await show();
    const held = await screen.findByRole('region', { name: 'Current licenses' });
    await within(held).findByText('Pending');
    fireEvent.click(screen.getByRole('checkbox', { name: 'std' }));
    await waitFor(() => expect(urls.filter((u) => u.endsWith('/licenseDetails'))).toHaveLength(2), { timeout: 8000 });
    await within(screen.getByRole('region', { name: 'Current licenses' })).findByText('Provisioned');
    expect((screen.getByRole('checkbox', { name: 'std' }) as HTMLInputElement).checked).toBe(true);
  }, 15_000); // one 2-second poll, on a busy machine
});
