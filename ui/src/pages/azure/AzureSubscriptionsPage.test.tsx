import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testI18n, wrapper } from '../groups/testing';
import { json, serve } from '../partner/testing';
import AzureSubscriptionsPage from './AzureSubscriptionsPage';

const sub = (over: Record<string, unknown> = {}) => ({
  id: '/subscriptions/s1', subscriptionId: 's1', tenantId: 'c1', displayName: 'Production', state: 'Enabled',
  provisionedByPartnerTenantId: 'p1', createdDateTime: '2026-03-01T10:00:00Z', ...over,
});
const own = sub({ id: '/subscriptions/s2', subscriptionId: 's2', displayName: 'Dev', provisionedByPartnerTenantId: null, state: 'Disabled' });
const path = (role: string) => `/subscriptions/s1/providers/Microsoft.Authorization/roleDefinitions/${role}`;
const partnerOwner = {
  id: '/subscriptions/s1/providers/Microsoft.Authorization/roleAssignments/a1', name: 'a1', type: 'Microsoft.Authorization/roleAssignments',
  properties: { roleDefinitionId: path('8e3af657-a8ff-443c-a75c-2fe8c4bcb635'), principalId: 'g-agents', principalType: 'ForeignGroup', scope: '/subscriptions/s1' },
};
const reader = {
  id: '/subscriptions/s1/providers/Microsoft.Authorization/roleAssignments/a2', name: 'a2', type: 'Microsoft.Authorization/roleAssignments',
  properties: { roleDefinitionId: path('acdd72a7-3385-48ef-bd42-f606fba81ae7'), principalId: 'u2', principalType: 'User', scope: '/subscriptions/s1' },
};
const userId = '0b6b3a0e-55a4-4a43-9d29-1a1f2f3b4c5d';

async function show(lng = 'en') {
  const i18n = await testI18n(lng);
  render(<AzureSubscriptionsPage />, { wrapper: wrapper(i18n, '/admin/billing/azure') });
}

afterEach(() => vi.unstubAllGlobals());

describe('AzureSubscriptionsPage', () => {
  it('lists subscriptions with the partner badge', async () => {
    serve({ 'GET /api/azure/subscriptions': json(200, { value: [sub(), own] }) });
    await show();
    const table = await screen.findByRole('table', { name: 'Azure subscriptions' });
    const row = within(table).getByText('Production').closest('tr')!;
    expect(within(row).getByText('Provisioned by your partner')).toBeTruthy();
    expect(within(row).getByText('Enabled')).toBeTruthy();
    const dev = within(table).getByText('Dev').closest('tr')!;
    expect(within(dev).queryByText('Provisioned by your partner')).toBeNull();
    expect(within(dev).getByText('Disabled')).toBeTruthy();
  });

  it('speaks Dutch', async () => {
    serve({ 'GET /api/azure/subscriptions': json(200, { value: [sub()] }) });
    await show('nl');
    expect(await screen.findByText('Ingericht door uw partner')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Azure-abonnementen' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Abonnement toevoegen' })).toBeTruthy();
  });

  it('adds a subscription, and shows the server\'s refusal', async () => {
    let allowed = false;
    const calls = serve({
      'GET /api/azure/subscriptions': json(200, { value: [] }),
      'POST /api/azure/subscriptions': () => allowed ? json(201, own)
        : json(403, { error: { code: 'Authorization_RequestDenied', message: 'Only Global admins and billing admins create subscriptions.' } }),
    });
    await show();
    await screen.findByText('There are no Azure subscriptions you have access to.');
    fireEvent.click(screen.getByRole('button', { name: 'Add subscription' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add subscription' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Subscription name/ }), { target: { value: 'Dev' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add' }));
    await screen.findByText('Only Global admins and billing admins create subscriptions.');
    allowed = true;
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Add subscription' })).toBeNull());
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.body)).toEqual([{ displayName: 'Dev' }, { displayName: 'Dev' }]);
  });

  it('shows access control and removes the partner\'s Owner after a warning', async () => {
    let removed = false;
    const calls = serve({
      'GET /api/azure/subscriptions': json(200, { value: [sub()] }),
      'GET /api/azure/subscriptions/s1/roleAssignments': () => json(200, { value: removed ? [reader] : [partnerOwner, reader] }),
      'GET /v1.0/directoryObjects/u2': json(200, { id: 'u2', displayName: 'Bea', userPrincipalName: 'bea@fabrikam.test' }),
      'DELETE /api/azure/subscriptions/s1/roleAssignments/a1': () => { removed = true; return json(204, null); },
    });
    await show();
    fireEvent.click(await screen.findByText('Production'));
    const panel = await screen.findByRole('dialog', { name: 'Production' });
    expect(within(panel).getByText('Access control (IAM)')).toBeTruthy();
    const table = await within(panel).findByRole('table', { name: 'Role assignments' });
    const owner = within(table).getByText('Owner').closest('tr')!;
    expect(within(owner).getAllByText('Partner\'s admin agents (foreign group)').length).toBeGreaterThan(0);
    expect(within(owner).getByText('Partner tenant p1')).toBeTruthy();
    await within(table).findByText('Bea');
    fireEvent.click(within(owner).getByRole('button', { name: 'Remove Owner assignment' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Remove the Owner role assignment?' });
    expect(within(confirm).getByText(/Removing it stops your partner managing this subscription/)).toBeTruthy();
    fireEvent.click(within(confirm).getByRole('button', { name: 'Remove', hidden: true }));
    await waitFor(() => expect(within(panel).queryByText('Owner')).toBeNull());
    expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.url)).toEqual(['/api/azure/subscriptions/s1/roleAssignments/a1']);
  }, 20_000);

  it('adds a role assignment for a user named by UPN', async () => {
    const calls = serve({
      'GET /api/azure/subscriptions': json(200, { value: [sub()] }),
      'GET /api/azure/subscriptions/s1/roleAssignments': json(200, { value: [] }),
      'GET /v1.0/users/bea%40fabrikam.test?$select=id': json(200, { id: userId }),
      'POST /api/azure/subscriptions/s1/roleAssignments': json(201, reader),
    });
    await show();
    fireEvent.click(await screen.findByText('Production'));
    const panel = await screen.findByRole('dialog', { name: 'Production' });
    await within(panel).findByText('No role assignments.');
    fireEvent.click(within(panel).getByRole('button', { name: 'Add role assignment' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add role assignment' });
    fireEvent.click(within(dialog).getByRole('combobox', { name: 'Role', hidden: true }));
    fireEvent.click(await screen.findByRole('option', { name: 'Reader', hidden: true }));
    fireEvent.change(within(dialog).getByRole('textbox', { name: /User principal name or object ID/, hidden: true }), { target: { value: 'bea@fabrikam.test' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add', hidden: true }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
      properties: { roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7', principalId: userId, principalType: 'User' },
    });
  }, 20_000);
});
