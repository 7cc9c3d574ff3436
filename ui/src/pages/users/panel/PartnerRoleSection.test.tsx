import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testI18n, wrapper } from '../../groups/testing';
import { json, partnerInfo, serve } from '../../partner/testing';
import type { User } from '../types';
import { PartnerRoleSection } from './PartnerRoleSection';

const user = { id: 'u2', displayName: 'Bea', userPrincipalName: 'bea@contoso.test' } as User;

async function show(lng = 'en') {
  const i18n = await testI18n(lng);
  render(<PartnerRoleSection user={user} />, { wrapper: wrapper(i18n, '/admin/users') });
}

afterEach(() => vi.unstubAllGlobals());

describe('PartnerRoleSection', () => {
  it('reads and saves the partner role', async () => {
    const calls = serve({
      'GET /api/partner': json(200, partnerInfo()),
      'GET /api/users/u2/partnerRole': json(200, { partnerRole: 'fullAdministration' }),
      'PUT /api/users/u2/partnerRole': json(200, { partnerRole: 'limitedAdministration' }),
    });
    await show();
    const full = await screen.findByRole('radio', { name: 'Full administration — similar to Global admin' });
    expect((full as HTMLInputElement).checked).toBe(true);
    expect(screen.getByRole('radio', { name: 'None' })).toBeTruthy();
    const save = screen.getByRole('button', { name: 'Save partner role' });
    expect(save.hasAttribute('disabled')).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: 'Limited administration — similar to Password admin' }));
    fireEvent.click(save);
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    expect(calls.find((c) => c.method === 'PUT')!.body).toEqual({ partnerRole: 'limitedAdministration' });
  });

  it('shows the server\'s refusal', async () => {
    serve({
      'GET /api/partner': json(200, partnerInfo()),
      'GET /api/users/u2/partnerRole': json(200, { partnerRole: 'none' }),
      'PUT /api/users/u2/partnerRole': json(403, { error: { code: 'Authorization_RequestDenied', message: 'Needs roles.delegate (Global Administrator).' } }),
    });
    await show();
    fireEvent.click(await screen.findByRole('radio', { name: /^Full administration/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Save partner role' }));
    await screen.findByText(/Needs roles\.delegate \(Global Administrator\)\./);
  });

  it('speaks Dutch', async () => {
    serve({ 'GET /api/partner': json(200, partnerInfo()), 'GET /api/users/u2/partnerRole': json(200, { partnerRole: 'none' }) });
    await show('nl');
    expect(await screen.findByRole('radio', { name: /^Volledig beheer/ })).toBeTruthy();
    expect(screen.getByRole('radio', { name: /^Beperkt beheer/ })).toBeTruthy();
    expect(((screen.getByRole('radio', { name: 'Geen' })) as HTMLInputElement).checked).toBe(true);
  });

  it('is absent outside a partner organization', async () => {
    const calls = serve({ 'GET /api/partner': json(200, { isPartner: false, partnerTenantType: '', agent: { admin: false, helpdesk: false, sales: false }, dapEnabled: false }) });
    await show();
    await waitFor(() => expect(calls.some((c) => c.url === '/api/partner')).toBe(true));
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByText('Partner role')).toBeNull();
    expect(calls.some((c) => c.url.includes('partnerRole'))).toBe(false);
  });
});
