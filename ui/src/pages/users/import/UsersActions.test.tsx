import { Toaster } from '@fluentui/react-components';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useLocation } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { toasterId } from '../../../shell/AppShell';
import { testI18n, wrapper } from '../../groups/testing';
import { catchDownloads, json, serve } from './testing';
import { UsersActions } from './UsersActions';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const session = {
  tenantId: 't', userId: 'u', userPrincipalName: 'ada@contoso.test', displayName: 'Ada', isAdmin: true, mustChangePassword: false,
  mfaRequired: false, mfaEnrollmentRequired: false, tenantName: 'Contoso', preferredLanguage: '', csrfToken: 'c',
  roles: [], permissions: ['org.read', 'users.write'],
};

function Where() {
  return <output data-testid="where">{useLocation().pathname}</output>;
}

async function show(routes: Record<string, () => Response>, viewId?: string) {
  const calls = serve({ 'GET /api/session': () => json(200, session), 'GET /api/permissions': () => json(200, { roles: [] }), ...routes });
  const i18n = await testI18n();
  render(<><Toaster toasterId={toasterId} /><UsersActions viewId={viewId} /><Where /></>, { wrapper: wrapper(i18n, '/admin/users') });
  // Until the session says users.write, the buttons are disabled with the reason.
  await waitFor(() => expect(screen.getByRole('button', { name: 'Export users' }).getAttribute('aria-disabled')).toBeNull());
  return calls;
}

describe('UsersActions', () => {
  it('exports the users of the chosen view as users.csv', async () => {
    const saved = catchDownloads();
    await show({ 'GET /api/users/export?viewId=v%201': () => new Response('\uFEFFUser Name\r\n', { status: 200, headers: { 'Content-Type': 'text/csv' } }) }, 'v 1');
    fireEvent.click(screen.getByRole('button', { name: 'Export users' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.name).toBe('users.csv');
  });

  it('tells when the export fails', async () => {
    await show({ 'GET /api/users/export': () => json(500, { error: { code: 'serviceError', message: 'database is locked' } }) });
    fireEvent.click(screen.getByRole('button', { name: 'Export users' }));
    await screen.findByText("Couldn't export the users: database is locked");
  });

  it('opens Add multiple users', async () => {
    await show({});
    // Until the session says users.write, the button is disabled with the reason.
    await waitFor(() => expect(screen.getByRole('button', { name: 'Add multiple users' }).getAttribute('aria-disabled')).toBeNull());
    fireEvent.click(screen.getByRole('button', { name: 'Add multiple users' }));
    expect(screen.getByTestId('where').textContent).toBe('/admin/users/import');
  });
});
