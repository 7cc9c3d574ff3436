import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useLocation } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CustomerProvider } from '../../shell/CustomerContext';
import { testI18n, wrapper } from '../groups/testing';
import CustomersPage from './CustomersPage';
import { mailtoLink } from './RequestPanel';
import { json, partnerInfo, serve } from './testing';

const customers = {
  value: [
    { tenantId: 'c-1', displayName: 'Fabrikam', defaultDomainName: 'fabrikam.test', contractId: 'k1', resellerSince: '2026-03-01T10:00:00Z', delegatedAdmin: true, delegatedAdminSince: '2026-03-01T10:00:00Z' },
    { tenantId: 'c-2', displayName: 'Northwind', defaultDomainName: 'northwind.test', contractId: 'k2', resellerSince: '2026-04-01T10:00:00Z', delegatedAdmin: false, delegatedAdminSince: null },
  ],
};
const invitation = {
  token: 'tok', url: 'https://admin.test/AdminPortal/Home?invType=ResellerRelationship&partnerId=p1&msppId=0&DAP=true#/BillingAccounts/partner-invitation/tok',
  delegatedAdmin: true, emailSubject: 'Contoso Partners invites you to a reseller relationship', emailBody: 'Hello,\n\nhttps://admin.test/AdminPortal/Home?invType=ResellerRelationship&partnerId=p1&msppId=0&DAP=true#/BillingAccounts/partner-invitation/tok\n',
};

function Where() {
  const l = useLocation();
  return <output data-testid="where">{l.pathname + l.search}</output>;
}

async function show(lng = 'en') {
  const i18n = await testI18n(lng);
  render(<CustomerProvider><CustomersPage /><Where /></CustomerProvider>, { wrapper: wrapper(i18n, '/partner/customers') });
}

afterEach(() => vi.unstubAllGlobals());

describe('CustomersPage', () => {
  it('lists the customers with their domain and delegated admin', async () => {
    const calls = serve({ 'GET /api/partner': json(200, partnerInfo()), 'GET /api/partner/customers': json(200, customers) });
    await show();
    await screen.findByText('Fabrikam');
    expect(screen.getByText('northwind.test')).toBeTruthy();
    expect(screen.getAllByRole('row')).toHaveLength(3);
    expect(screen.getByText('Yes')).toBeTruthy();
    expect(screen.getByText('No')).toBeTruthy();
    expect(calls.every((c) => c.tenant === undefined)).toBe(true);
  });

  it('speaks Dutch', async () => {
    serve({ 'GET /api/partner': json(200, partnerInfo()), 'GET /api/partner/customers': json(200, { value: [] }) });
    await show('nl');
    await screen.findByRole('heading', { name: 'Klanten' });
    await screen.findByText('U hebt nog geen klanten. Vraag een resellerrelatie aan om een klant uit te nodigen.');
    expect(screen.getByRole('button', { name: 'Een resellerrelatie aanvragen' })).toBeTruthy();
  });

  it('requests a reseller relationship with delegated admin and shows the e-mail draft', async () => {
    const calls = serve({
      'GET /api/partner': json(200, partnerInfo()), 'GET /api/partner/customers': json(200, customers),
      'POST /api/partner/invitations': json(201, invitation),
    });
    await show();
    fireEvent.click(await screen.findByRole('button', { name: 'Request a reseller relationship' }));
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Include delegated administration privileges' }));
    fireEvent.click(screen.getByRole('button', { name: 'Create the email' }));
    const subject = await screen.findByRole('textbox', { name: 'Subject' });
    expect((subject as HTMLInputElement).value).toBe(invitation.emailSubject);
    const body = screen.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement;
    expect(body.value).toBe(invitation.emailBody);
    expect(calls.find((c) => c.method === 'POST')).toEqual({ method: 'POST', url: '/api/partner/invitations', body: { delegatedAdmin: true }, tenant: undefined });
    const mail = screen.getByRole('link', { name: 'Open in email app' });
    expect(mail.getAttribute('href')).toBe(mailtoLink(invitation.emailSubject, invitation.emailBody));
    // Editing the text away from the link warns.
    fireEvent.change(body, { target: { value: 'Hello' } });
    await screen.findByText('The link is no longer in the message. Your customer needs it to accept.');
    expect(mail.getAttribute('href')).toBe('mailto:?subject=Contoso%20Partners%20invites%20you%20to%20a%20reseller%20relationship&body=Hello');
    const write = vi.fn(async () => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: write }, configurable: true });
    fireEvent.click(screen.getByRole('button', { name: 'Copy to clipboard' }));
    await waitFor(() => expect(write).toHaveBeenCalledWith('Hello'));
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('textbox', { name: 'Subject' })).toBeNull());
  }, 20_000);

  it('hides delegated admin when the deployment turned it off, and asks without it', async () => {
    const calls = serve({
      'GET /api/partner': json(200, partnerInfo({ dapEnabled: false })), 'GET /api/partner/customers': json(200, customers),
      'POST /api/partner/invitations': json(201, { ...invitation, delegatedAdmin: false }),
    });
    await show();
    fireEvent.click(await screen.findByRole('button', { name: 'Request a reseller relationship' }));
    await screen.findByRole('button', { name: 'Create the email' });
    expect(screen.queryByRole('checkbox', { name: 'Include delegated administration privileges' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Create the email' }));
    await screen.findByRole('textbox', { name: 'Subject' });
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ delegatedAdmin: false });
  });

  it('offers no request to a Helpdesk agent', async () => {
    serve({ 'GET /api/partner': json(200, partnerInfo({ admin: false, helpdesk: true })), 'GET /api/partner/customers': json(200, customers) });
    await show();
    await screen.findByText('Fabrikam');
    expect(screen.queryByRole('button', { name: 'Request a reseller relationship' })).toBeNull();
  });

  it('opens a customer\'s admin center in the customer context', async () => {
    serve({ 'GET /api/partner': json(200, partnerInfo()), 'GET /api/partner/customers': json(200, customers) });
    await show();
    fireEvent.click(await screen.findByText('Northwind'));
    fireEvent.click(await screen.findByRole('button', { name: 'Open admin center' }));
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/admin?tenant=c-2'));
  });

  it('buys licenses for a customer', async () => {
    const calls = serve({
      'GET /api/partner': json(200, partnerInfo({ admin: false, sales: true })), 'GET /api/partner/customers': json(200, customers),
      'GET /api/catalog': json(200, { value: [{ skuId: 'sku-b', skuPartNumber: 'BASIC', displayName: 'Atrium Basic', appliesTo: 'User', unitPrice: { amount: 6, currency: 'EUR' }, maxSeats: 300, servicePlans: null }] }),
      'POST /api/partner/customers/c-2/subscriptions': json(201, { id: 's1', skuId: 'sku-b', quantity: 5, purchaseChannel: 'partner' }),
    });
    await show();
    fireEvent.click(await screen.findByText('Northwind'));
    const buy = await screen.findByRole('button', { name: 'Buy' });
    expect(buy.hasAttribute('disabled')).toBe(true);
    fireEvent.change(await screen.findByRole('combobox', { name: 'Product' }), { target: { value: 'sku-b' } });
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Licenses' }), { target: { value: '5' } });
    fireEvent.blur(screen.getByRole('spinbutton', { name: 'Licenses' }));
    fireEvent.click(screen.getByRole('button', { name: 'Buy' }));
    await waitFor(() => expect(calls.find((c) => c.method === 'POST')).toEqual({
      method: 'POST', url: '/api/partner/customers/c-2/subscriptions', body: { skuId: 'sku-b', quantity: 5 }, tenant: undefined,
    }));
  }, 20_000);

  it('offers buying to no Helpdesk agent', async () => {
    serve({ 'GET /api/partner': json(200, partnerInfo({ admin: false, helpdesk: true })), 'GET /api/partner/customers': json(200, customers) });
    await show();
    fireEvent.click(await screen.findByText('Northwind'));
    await screen.findByRole('button', { name: 'Open admin center' });
    expect(screen.queryByRole('button', { name: 'Buy' })).toBeNull();
  });
});
