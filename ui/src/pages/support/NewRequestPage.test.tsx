import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Route, Routes } from 'react-router';
import { testI18n, wrapper } from '../groups/testing';
import NewRequestPage from './NewRequestPage';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

afterEach(() => vi.unstubAllGlobals());

async function renderPage(answer: (body: Record<string, string>) => Response) {
  const sent: Record<string, string>[] = [];
  // Fluent's MessageBar watches its size.
  vi.stubGlobal('ResizeObserver', class { observe() {} unobserve() {} disconnect() {} });
  vi.stubGlobal('fetch', vi.fn(async (_url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body)) as Record<string, string>;
    sent.push(body);
    return answer(body);
  }));
  const i18n = await testI18n('en');
  render(
    <Routes>
      <Route path="/admin/support/new" element={<NewRequestPage />} />
      <Route path="/admin/support/requests/:id" element={<p>opened</p>} />
    </Routes>,
    { wrapper: wrapper(i18n, '/admin/support/new') },
  );
  return sent;
}

describe('NewRequestPage', () => {
  it('puts the server\'s 400 under the field it names', async () => {
    const sent = await renderPage(() => json(400, { error: { code: 'Request_BadRequest', message: 'Give a contact phone number, or prefer email.',
      details: [{ code: 'Request_BadRequest', message: 'Give a contact phone number, or prefer email.', target: 'contactPhone' }] } }));
    fireEvent.change(screen.getByRole('textbox', { name: /^Title/ }), { target: { value: '  Mail is slow  ' } });
    fireEvent.change(screen.getByRole('combobox', { name: /^Affected service/ }), { target: { value: 'mail' } });
    fireEvent.click(screen.getByRole('radio', { name: 'Phone' }));
    fireEvent.click(screen.getByRole('button', { name: 'Submit' }));
    const phone = screen.getByRole('textbox', { name: 'Contact phone' });
    await waitFor(() => expect(phone.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('Give a contact phone number, or prefer email.')).toBeTruthy();
    expect(screen.queryByText("That didn't work.")).toBeNull(); // not also above the form
    expect(sent[0]).toMatchObject({ title: 'Mail is slow', service: 'mail', severity: 'normal', preferredContactMethod: 'phone', contactPhone: '' });
    expect(sent[0]).not.toHaveProperty('attachments');
  });

  it('shows an error without a field above the form', async () => {
    await renderPage(() => json(403, { error: { code: 'Authorization_RequestDenied', message: 'You need the permission tickets.manage.' } }));
    fireEvent.click(screen.getByRole('button', { name: 'Submit' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain("You don't have permission for this.");
    expect(alert.textContent).toContain('You need the permission tickets.manage.');
  });

  it('goes to the new request when the server opens it', async () => {
    await renderPage((b) => json(201, { ...b, id: 'SR-20261130-0001', status: 'open' }));
    fireEvent.change(screen.getByRole('textbox', { name: /^Title/ }), { target: { value: 'x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Submit' }));
    expect(await screen.findByText('opened')).toBeTruthy();
  });
});
