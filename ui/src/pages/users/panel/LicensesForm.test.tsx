import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CatalogProduct, LicenseDetail, SubscribedSku } from '../../billing/types';
import { testI18n, wrapper } from '../../groups/testing';
import type { User } from '../types';
import { LicensesForm } from './LicensesForm';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const plans = [
  { servicePlanId: 'mail', servicePlanName: 'ATRIUM_MAIL_P1', appliesTo: 'User' },
  { servicePlanId: 'chat', servicePlanName: 'ATRIUM_CHAT', appliesTo: 'User' },
];
const catalog: CatalogProduct[] = [
  { skuId: 'basic', skuPartNumber: 'B', displayName: 'Basic', appliesTo: 'User', unitPrice: { amount: 6, currency: 'EUR' }, maxSeats: null, servicePlans: plans },
  { skuId: 'std', skuPartNumber: 'S', displayName: 'Standard', appliesTo: 'User', unitPrice: { amount: 12.5, currency: 'EUR' }, maxSeats: null, servicePlans: plans },
];
const sku = (skuId: string, enabled: number, consumed: number): SubscribedSku => ({
  id: skuId, skuId, skuPartNumber: skuId, appliesTo: 'User', capabilityStatus: 'Enabled', consumedUnits: consumed,
  prepaidUnits: { enabled, warning: 0, suspended: 0, lockedOut: 0 }, subscriptionIds: [], servicePlans: plans,
});
const held: LicenseDetail[] = [{ id: 'd1', skuId: 'basic', skuPartNumber: 'B', servicePlans: plans.map((p) => ({ ...p, provisioningStatus: 'Success' })) }];
const user = (usageLocation: string | null): User => ({ id: 'u1', displayName: 'Anna', userPrincipalName: 'anna@x.nl', usageLocation });

afterEach(() => vi.unstubAllGlobals());

const loaded = { subscriptions: false };

/** settled waits until the subscriptions were fetched and their answer reached the form. */
async function settled() {
  await waitFor(() => expect(loaded.subscriptions).toBe(true));
  await new Promise((r) => setTimeout(r, 30));
}

function serve(permissions: string[], channel: 'direct' | 'partner' = 'direct') {
  const calls: { method: string; url: string; body?: unknown }[] = [];
  loaded.subscriptions = false;
  vi.stubGlobal('ResizeObserver', class { observe() {} unobserve() {} disconnect() {} });
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
    if (url === '/api/session') return json(200, { tenantId: 't', permissions, roles: [] });
    if (url === '/api/billing/subscriptions') {
      loaded.subscriptions = true;
      return json(200, { value: [{ id: 's', skuId: 'std', displayName: 'Standard', status: 'Enabled', quantity: 1, purchaseChannel: channel,
        partner: channel === 'partner' ? { tenantId: 'p', displayName: 'Fabrikam Partners' } : null, unitPrice: { amount: 12.5, currency: 'EUR' } }] });
    }
    calls.push({ method: init.method ?? 'GET', url, body: init.body ? JSON.parse(String(init.body)) : undefined });
    return json(200, {});
  }));
  return calls;
}

async function show(u: User, skus: SubscribedSku[]) {
  const i18n = await testI18n('en');
  render(<LicensesForm user={u} skus={skus} catalog={catalog} details={held} defaultLocation="" />, { wrapper: wrapper(i18n) });
}

describe('LicensesForm', () => {
  it('requires a usage location before adding a license, and sends nothing', async () => {
    const calls = serve(['licenses.manage']);
    await show(user(null), [sku('basic', 5, 1), sku('std', 5, 0)]);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Standard' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(screen.getByRole('combobox', { name: /^Usage location/ }).getAttribute('aria-invalid')).toBe('true'));
    expect(calls).toEqual([]);
  });

  it('switching a plan off re-adds the held product with its disabledPlans, in one call', async () => {
    const calls = serve(['licenses.manage']);
    await show(user('NL'), [sku('basic', 5, 1)]);
    fireEvent.click(screen.getByRole('switch', { name: 'ATRIUM_CHAT' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toEqual({ method: 'POST', url: '/v1.0/users/u1/assignLicense',
      body: { addLicenses: [{ skuId: 'basic', disabledPlans: ['chat'] }], removeLicenses: [] } });
  });

  it('sets the location first, then assigns', async () => {
    const calls = serve(['licenses.manage']);
    await show(user(null), [sku('basic', 5, 1), sku('std', 5, 0)]);
    fireEvent.change(screen.getByRole('combobox', { name: /^Usage location/ }), { target: { value: 'BE' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Basic' })); // unassign
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[0]).toEqual({ method: 'PATCH', url: '/v1.0/users/u1', body: { usageLocation: 'BE' } });
    expect(calls[1]!.body).toEqual({ addLicenses: [], removeLicenses: ['basic'] });
  });

  it('offers to buy a seat to a billing admin and sends autoPurchase only after the confirmation', async () => {
    const calls = serve(['licenses.manage', 'billing.manage']);
    await show(user('NL'), [sku('basic', 5, 1), sku('std', 1, 1)]);
    await settled();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Standard' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Buy and assign' });
    expect(dialog.textContent).toContain('1 more license of Standard at €12.50 per month');
    expect(calls).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Buy and assign' }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]!.body).toEqual({ addLicenses: [{ skuId: 'std', disabledPlans: [] }], removeLicenses: [], autoPurchase: true });
  });

  it('tells an admin without billing.manage to ask a Billing admin', async () => {
    const calls = serve(['licenses.manage']);
    await show(user('NL'), [sku('std', 1, 1)]);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Standard' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByText('No licenses are available for Standard. Ask a Billing admin or Global admin to buy more.');
    expect(calls).toEqual([]);
  });

  it('tells a billing admin whose product came from a partner to contact the partner', async () => {
    const calls = serve(['licenses.manage', 'billing.manage'], 'partner');
    await show(user('NL'), [sku('std', 1, 1)]);
    await settled();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Standard' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByText('Standard was bought through Fabrikam Partners. Contact them to buy more licenses.');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(calls).toEqual([]);
  });
});
