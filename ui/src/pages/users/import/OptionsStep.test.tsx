import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testI18n, wrapper } from '../../groups/testing';
import { OptionsStep } from './OptionsStep';
import { anImport, json, serve } from './testing';

afterEach(() => vi.unstubAllGlobals());

const skus = {
  value: [{
    id: 's1', skuId: 'sku-basic', skuPartNumber: 'ATRIUM_BUSINESS_BASIC', appliesTo: 'User', capabilityStatus: 'Enabled', consumedUnits: 8,
    prepaidUnits: { enabled: 10, warning: 0, suspended: 0, lockedOut: 0 }, subscriptionIds: [], servicePlans: [],
  }],
};
const catalog = { value: [{ skuId: 'sku-basic', skuPartNumber: 'ATRIUM_BUSINESS_BASIC', displayName: 'Atrium Business Basic', appliesTo: 'User' }] };

const session = (permissions: string[]) => ({
  tenantId: 't', userId: 'u', userPrincipalName: 'ada@contoso.test', displayName: 'Ada', isAdmin: true, mustChangePassword: false,
  mfaRequired: false, mfaEnrollmentRequired: false, tenantName: 'Contoso', preferredLanguage: '', csrfToken: 'c', roles: [], permissions,
});

async function show(start: () => Response, permissions = ['users.write', 'licenses.manage']) {
  const calls = serve({
    'GET /api/session': () => json(200, session(permissions)),
    'GET /api/permissions': () => json(200, { roles: [{ displayName: 'License Administrator', label: '', cells: { 'licenses.manage': 'Y' } }] }),
    'GET /v1.0/subscribedSkus': () => json(200, skus),
    'GET /api/catalog': () => json(200, catalog),
    'POST /api/imports/imp-1/start': start,
  });
  const i18n = await testI18n();
  render(<OptionsStep imp={anImport({ total: 6, valid: 5, invalid: 1 })} skip onBack={() => {}} />, { wrapper: wrapper(i18n) });
  return calls;
}

describe('OptionsStep', () => {
  it('sends the chosen options, warns about missing seats and asks for a location with licenses', async () => {
    const calls = await show(() => json(202, anImport({ status: 'running' })));
    fireEvent.click(screen.getByRole('radio', { name: 'Block users from signing in' }));
    const product = await screen.findByRole('checkbox', { name: 'Atrium Business Basic' });
    await waitFor(() => expect((product as HTMLInputElement).disabled).toBe(false));
    fireEvent.click(product);
    expect(screen.getByText('2 of 10 licenses available')).toBeTruthy();
    expect(screen.getByText('Atrium Business Basic: 2 free, 5 needed. 3 rows will fail; buy more licenses first to create every user with it.')).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: 'Create temporary passwords' }));
    fireEvent.click(screen.getByRole('button', { name: 'Create users' }));
    expect(screen.getByText('Select a location to assign licenses.')).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    fireEvent.change(screen.getByRole('combobox', { name: 'Select location' }), { target: { value: 'NL' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create users' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1));
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
      accountEnabled: false, usageLocation: 'NL', skuIds: ['sku-basic'], credentials: 'password', skipInvalidRows: true,
    });
  });

  it('defaults to sign-in allowed, no license and set-password links, and shows a refusal', async () => {
    const calls = await show(() => json(400, { error: { code: 'Request_BadRequest', message: 'The import is not waiting for options.' } }));
    expect(screen.getByText('5 users will be created.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Create users' }));
    await screen.findByText('The import is not waiting for options.', { exact: false });
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ accountEnabled: true, skuIds: [], credentials: 'link', skipInvalidRows: true });
  });

  it('offers products only to holders of licenses.manage, naming the roles that carry it', async () => {
    await show(() => json(202, anImport({ status: 'running' })), ['users.write']);
    const product = await screen.findByRole('checkbox', { name: 'Atrium Business Basic' });
    expect((product as HTMLInputElement).disabled).toBe(true);
    await screen.findByText('Needs the licenses.manage permission, which these roles carry: License Administrator.');
  });
});
