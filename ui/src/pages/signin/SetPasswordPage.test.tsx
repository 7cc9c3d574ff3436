import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useLocation } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testI18n, wrapper } from '../groups/testing';
import SetPasswordPage from './SetPasswordPage';

const json = (status: number, body: unknown) =>
  new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const bad = (message: string) => json(400, { error: { code: 'Request_BadRequest', message } });

function Where() {
  const l = useLocation();
  return <output data-testid="where">{l.pathname + l.search}</output>;
}

/** serve answers inspect and redeem; calls records every request made. */
function serve(inspect: Response, redeem: Response = json(204, null)) {
  const calls: { url: string; body: unknown }[] = [];
  vi.stubGlobal('ResizeObserver', class { observe() {} unobserve() {} disconnect() {} });
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
    calls.push({ url, body: init.body ? JSON.parse(String(init.body)) : undefined });
    if (url === '/api/passwordLinks/inspect') return inspect;
    if (url === '/api/passwordLinks/redeem') return redeem;
    return json(404, { error: { code: 'Request_ResourceNotFound', message: url } });
  }));
  return calls;
}

async function show(path: string) {
  const i18n = await testI18n('en');
  render(<><SetPasswordPage /><Where /></>, { wrapper: wrapper(i18n, path) });
}

const info = { userPrincipalName: 'joep@contoso.nl', displayName: 'Joep de Vries', expiresDateTime: '2030-01-02T03:04:05Z' };

async function typePassword(pw: string) {
  fireEvent.change(await screen.findByLabelText(/^New password/), { target: { value: pw } });
  fireEvent.change(screen.getByLabelText(/^Confirm new password/), { target: { value: pw } });
  fireEvent.click(screen.getByRole('button', { name: 'Set password' }));
}

afterEach(() => vi.unstubAllGlobals());

describe('SetPasswordPage', () => {
  it('shows the server message for a link that is not valid', async () => {
    const calls = serve(bad('This link to set a password is not valid: it has expired.'));
    await show('/set-password#abc123');
    await screen.findByText('This link to set a password is not valid: it has expired.');
    expect(calls).toEqual([{ url: '/api/passwordLinks/inspect', body: { token: 'abc123' } }]);
    expect(screen.queryByLabelText(/^New password/)).toBeNull();
  });

  it('says a link without a token is not valid, without asking the server', async () => {
    const calls = serve(json(200, info));
    await show('/set-password');
    await screen.findByText(/This link to set a password is not valid/);
    expect(calls).toEqual([]);
  });

  it('sets the password and offers sign-in with the user name filled in', async () => {
    const calls = serve(json(200, info));
    await show('/set-password#tok-1');
    await screen.findByText(/Choose a password for Joep de Vries \(joep@contoso\.nl\)/);
    await typePassword('Tulpen-2030!');
    await screen.findByText('Your password is set. You can now sign in with your new password.');
    expect(calls[1]).toEqual({ url: '/api/passwordLinks/redeem', body: { token: 'tok-1', newPassword: 'Tulpen-2030!' } });
    expect(calls.some((c) => c.url.includes('tok-1'))).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Go to sign-in' }));
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/signin?username=joep%40contoso.nl'));
  });

  it('shows the password policy message at the password', async () => {
    const policy = 'The specified password does not comply with password complexity requirements. Please provide a different password.';
    serve(json(200, info), bad(policy));
    await show('/set-password#tok-2');
    await typePassword('Password123!');
    await screen.findByText(policy);
    expect(screen.getByLabelText(/^New password/).getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByText(/Your password is set/)).toBeNull();
  });

  it('says so when the link was used up before the password was set', async () => {
    const gone = 'This link to set a password is not valid: it may have expired or been used already. Ask your admin for a new one.';
    serve(json(200, info), json(400, { error: { code: 'InvalidLink', message: gone, details: [{ code: 'InvalidLink', message: gone, target: 'token' }] } }));
    await show('/set-password#tok-3');
    await typePassword('Tulpen-2030!');
    await screen.findByText(gone);
    expect(screen.queryByLabelText(/^New password/)).toBeNull();
  });
});
