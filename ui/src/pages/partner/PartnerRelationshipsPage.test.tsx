import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testI18n, wrapper } from '../groups/testing';
import PartnerRelationshipsPage from './PartnerRelationshipsPage';
import { json, serve } from './testing';

const contoso = {
  partnerTenantId: 'p1', displayName: 'Contoso Partners', contactEmail: 'help@contoso.test', contactPhone: '+31 20 123 4567',
  reseller: true, resellerSince: '2026-03-01T10:00:00Z', delegatedAdmin: true, delegatedAdminSince: '2026-03-01T10:00:00Z',
  gdap: [
    { id: 'g1', displayName: 'Contoso helpdesk', duration: 'P730D', status: 'active', autoExtendDuration: 'PT0S', endDateTime: '2028-03-01T10:00:00Z',
      partnerTenantId: 'p1', partnerName: 'Contoso Partners', partnerHasDelegatedAdmin: true,
      roles: [{ roleDefinitionId: '729827e3-9c14-49f7-bb1b-9608f156bbb8', displayName: 'Helpdesk Administrator', description: '' }] },
    { id: 'g2', displayName: 'Contoso readers', duration: 'P30D', status: 'approvalPending', autoExtendDuration: 'PT0S',
      partnerTenantId: 'p1', partnerName: 'Contoso Partners', partnerHasDelegatedAdmin: true,
      roles: [{ roleDefinitionId: 'f2ef992c-3afb-46b9-b7cf-a126ee74c451', displayName: '', description: '' }] },
  ],
};
const litware = { ...contoso, partnerTenantId: 'p2', displayName: 'Litware', delegatedAdmin: false, delegatedAdminSince: null, gdap: undefined };

async function show(lng = 'en') {
  const i18n = await testI18n(lng);
  render(<PartnerRelationshipsPage />, { wrapper: wrapper(i18n, '/admin/settings/partners') });
}

afterEach(() => vi.unstubAllGlobals());

// A confirmation over the details drawer: in jsdom Fluent's focus trap
// (tabster) marks it aria-hidden a moment after it opens (the browser app
// runs components/modalGuard.ts against that), so its buttons are queried
// with hidden: true.

describe('PartnerRelationshipsPage', () => {
  it('says when there is no partner', async () => {
    serve({ 'GET /api/partnerRelationships': json(200, { value: [] }) });
    await show();
    await screen.findByText('You don\'t yet have a partner.');
  });

  it('says when there is no partner in Dutch', async () => {
    serve({ 'GET /api/partnerRelationships': json(200, { value: [] }) });
    await show('nl');
    await screen.findByText('U hebt nog geen partner.');
    expect(screen.getByRole('heading', { name: 'Partnerrelaties' })).toBeTruthy();
  });

  it('lists partners with their relationship types', async () => {
    serve({ 'GET /api/partnerRelationships': json(200, { value: [contoso, litware] }) });
    await show();
    const row = (await screen.findByText('Contoso Partners')).closest('tr')!;
    expect(within(row).getByText('Reseller')).toBeTruthy();
    expect(within(row).getByText('Delegated admin (DAP)')).toBeTruthy();
    expect(within(row).getByText('GDAP: 1 active')).toBeTruthy();
    const other = screen.getByText('Litware').closest('tr')!;
    expect(within(other).queryByText('Delegated admin (DAP)')).toBeNull();
  });

  it('shows the details and removes delegated admin after confirmation', async () => {
    let removed = false;
    const calls = serve({
      'GET /api/partnerRelationships': () => json(200, { value: [removed ? { ...contoso, delegatedAdmin: false, delegatedAdminSince: null } : contoso] }),
      'DELETE /api/partnerRelationships/p1/delegatedAdmin': () => {
        removed = true;
        return json(204, null);
      },
    });
    await show();
    fireEvent.click(await screen.findByText('Contoso Partners'));
    const panel = await screen.findByRole('dialog', { name: 'Contoso Partners' });
    expect(within(panel).getByText('help@contoso.test')).toBeTruthy();
    expect(within(panel).getByText('Contoso Partners\'s admin agents are Global admins and its helpdesk agents are password admins in your organization.')).toBeTruthy();
    expect(within(panel).getByText(/Removing delegated admin leaves role assignments on Azure resources in place/)).toBeTruthy();
    expect(within(panel).getByRole('button', { name: 'Delete' }).getAttribute('aria-disabled')).toBe('true');
    expect(within(panel).getByText('Contoso helpdesk')).toBeTruthy();
    expect(within(panel).getByRole('link', { name: 'Review and approve' }).getAttribute('href'))
      .toBe('/AdminPortal/Home#/partners/invitation/granularAdminRelationships/g2');
    fireEvent.click(within(panel).getByRole('button', { name: 'Remove delegated admin' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Remove delegated admin for Contoso Partners?' });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Remove', hidden: true }));
    await screen.findByText('Contoso Partners doesn\'t have delegated admin privileges.');
    expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.url)).toEqual(['/api/partnerRelationships/p1/delegatedAdmin']);
  }, 20_000);

  it('keeps the confirmation open with the server\'s refusal', async () => {
    serve({
      'GET /api/partnerRelationships': json(200, { value: [contoso] }),
      'DELETE /api/partnerRelationships/p1/delegatedAdmin': json(403, { error: { code: 'Authorization_RequestDenied', message: 'Only a Global admin can remove delegated admin.' } }),
    });
    await show();
    fireEvent.click(await screen.findByText('Contoso Partners'));
    fireEvent.click(await screen.findByRole('button', { name: 'Remove delegated admin' }));
    const confirm = await screen.findByRole('alertdialog');
    fireEvent.click(within(confirm).getByRole('button', { name: 'Remove', hidden: true }));
    await screen.findByText('Only a Global admin can remove delegated admin.');
    await waitFor(() => expect(screen.getByRole('alertdialog', { hidden: true })).toBeTruthy());
  });

  it('terminates an active GDAP relationship', async () => {
    const calls = serve({
      'GET /api/partnerRelationships': json(200, { value: [contoso] }),
      'POST /api/partnerRelationships/gdap/g1/terminate': json(200, {}),
    });
    await show();
    fireEvent.click(await screen.findByText('Contoso Partners'));
    fireEvent.click(await screen.findByRole('button', { name: 'Terminate' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Terminate Contoso helpdesk?' });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Terminate', hidden: true }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.url === '/api/partnerRelationships/gdap/g1/terminate')).toBe(true));
  });
});
