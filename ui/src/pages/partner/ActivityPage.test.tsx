import { render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testI18n, wrapper } from '../groups/testing';
import ActivityPage from './ActivityPage';
import { json, serve } from './testing';

const log = {
  value: [{
    customerTenantId: 'c-2', activityDateTime: '2026-11-30T10:00:00Z', activityDisplayName: 'Reset user password',
    initiatedBy: { user: { id: 'u1', userPrincipalName: 'piet@contoso.test', displayName: 'Piet Jansen' } },
    targetResources: [{ id: 'x', displayName: 'Joep de Vries', userPrincipalName: 'joep@northwind.test' }],
    additionalDetails: [{ key: 'DelegationType', value: 'DAP' }],
  }],
};

async function show(lng = 'en') {
  const i18n = await testI18n(lng);
  render(<ActivityPage />, { wrapper: wrapper(i18n, '/partner/activity') });
}

afterEach(() => vi.unstubAllGlobals());

describe('ActivityPage', () => {
  it('lists what the partner\'s users did in customers, with the customer\'s name', async () => {
    const calls = serve({
      'GET /api/partner/activityLog': json(200, log),
      'GET /api/partner/customers': json(200, { value: [{ tenantId: 'c-2', displayName: 'Northwind', defaultDomainName: 'northwind.test', contractId: 'k', resellerSince: '2026-01-01T00:00:00Z', delegatedAdmin: true, delegatedAdminSince: null }] }),
    });
    await show();
    const row = (await screen.findByText('Reset user password')).closest('tr')!;
    expect(within(row).getByText('Piet Jansen')).toBeTruthy();
    expect(within(row).getByText('Joep de Vries')).toBeTruthy();
    await within(row).findByText('Northwind');
    expect(calls.every((c) => c.tenant === undefined)).toBe(true);
  });

  it('says when there is nothing yet, in Dutch', async () => {
    serve({ 'GET /api/partner/activityLog': json(200, { value: [] }), 'GET /api/partner/customers': json(200, { value: [] }) });
    await show('nl');
    await screen.findByText('Nog geen activiteit.');
    expect(screen.getByRole('heading', { name: 'Activiteitenlogboek' })).toBeTruthy();
  });
});
