import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useSession } from '../../api/session';
import { keepReturnHash } from '../../api/returnHash';
import { testI18n, wrapper } from '../groups/testing';
import InvitationPage, { parseFragment } from './InvitationPage';
import { globalAdmin, json, serve } from './testing';

const link = '/AdminPortal/Home?invType=ResellerRelationship&partnerId=p1&msppId=0&DAP=true#/BillingAccounts/partner-invitation/tok-1';
const info = {
  partnerTenantId: 'p1', partnerName: 'Contoso Partners', contactEmail: 'help@contoso.test', contactPhone: '+31 20 123 4567',
  invitedBy: 'Piet Jansen', delegatedAdmin: true, existing: '',
};
const invalid = json(400, { error: { code: 'Request_BadRequest', message: 'This invitation isn\'t valid. Ask your partner for a new link.', details: [{ code: 'InvalidInvitation', target: 'token' }] } });

function Gate() {
  return useSession().data ? <InvitationPage /> : null;
}

async function show(path: string, lng = 'en') {
  const i18n = await testI18n(lng);
  render(<Gate />, { wrapper: wrapper(i18n, path) });
}

afterEach(() => {
  vi.unstubAllGlobals();
  sessionStorage.clear();
});

describe('parseFragment', () => {
  it('reads a reseller token and a GDAP relationship id', () => {
    expect(parseFragment('#/BillingAccounts/partner-invitation/abc')).toEqual({ kind: 'reseller', token: 'abc' });
    expect(parseFragment('#/partners/invitation/granularAdminRelationships/a-b-c')).toEqual({ kind: 'gdap', id: 'a-b-c' });
    expect(parseFragment('#/BillingAccounts/partner-invitation')).toEqual({ kind: 'none' });
    expect(parseFragment('')).toEqual({ kind: 'none' });
  });
});

describe('InvitationPage: reseller invitation', () => {
  it('shows who asks for what, with the implicit roles of delegated admin, and accepts once authorized', async () => {
    const calls = serve({
      'GET /api/session': json(200, globalAdmin),
      'GET /api/partner/invitations/tok-1': json(200, info),
      'POST /api/partner/invitations/tok-1/accept': json(200, { partnerTenantId: 'p1', partnerName: 'Contoso Partners', resellerSince: '2026-11-30T10:00:00Z', delegatedAdmin: true }),
    });
    await show(link);
    await screen.findByText('Contoso Partners would like to become your reseller, with delegated administration.');
    expect(screen.getByText('help@contoso.test')).toBeTruthy();
    expect(screen.getByText('+31 20 123 4567')).toBeTruthy();
    expect(screen.getByText('Contoso Partners\'s admin agents become Global admins and its helpdesk agents password admins in your organization.')).toBeTruthy();
    const accept = screen.getByRole('button', { name: 'Accept' });
    expect(accept.hasAttribute('disabled')).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: 'I authorize Contoso Partners to act as my reseller and to have delegated admin privileges.' }));
    fireEvent.click(accept);
    await screen.findByText('Contoso Partners is now your reseller and has delegated admin privileges.');
    expect(screen.getByRole('link', { name: 'Go to Settings > Partner relationships' }).getAttribute('href')).toBe('/admin/settings/partners');
    expect(calls.filter((c) => c.url.startsWith('/api/partner/')).map((c) => `${c.method} ${c.url}`))
      .toEqual(['GET /api/partner/invitations/tok-1', 'POST /api/partner/invitations/tok-1/accept']);
  }, 20_000);

  it('says a reseller-only invitation grants no admin roles', async () => {
    serve({ 'GET /api/session': json(200, globalAdmin), 'GET /api/partner/invitations/tok-1': json(200, { ...info, delegatedAdmin: false }) });
    await show(link);
    await screen.findByText('Contoso Partners would like to become your reseller.');
    expect(screen.queryByText(/become Global admins/)).toBeNull();
    expect(screen.getByRole('checkbox', { name: 'I authorize Contoso Partners to act as my reseller.' })).toBeTruthy();
  });

  it('says an invalid link is not valid', async () => {
    serve({ 'GET /api/session': json(200, globalAdmin), 'GET /api/partner/invitations/tok-1': invalid });
    await show(link);
    await screen.findByText('This invitation isn\'t valid. Ask your partner for a new link.');
    expect(screen.queryByRole('button', { name: 'Accept' })).toBeNull();
  });

  it('says so in Dutch', async () => {
    serve({ 'GET /api/session': json(200, globalAdmin), 'GET /api/partner/invitations/tok-1': invalid });
    await show(link, 'nl');
    await screen.findByText('Deze uitnodiging is niet geldig. Vraag uw partner om een nieuwe koppeling.');
  });

  it('says a link without a token is not valid, without asking the server', async () => {
    const calls = serve({ 'GET /api/session': json(200, globalAdmin) });
    await show('/AdminPortal/Home?invType=ResellerRelationship&partnerId=p1&msppId=0&DAP=false#/BillingAccounts/partner-invitation');
    await screen.findByText('This invitation isn\'t valid. Ask your partner for a new link.');
    expect(calls.map((c) => c.url)).toEqual(['/api/session']);
  });

  it('tells a user who is not a Global admin to ask one, without asking the server', async () => {
    const calls = serve({ 'GET /api/session': json(200, { ...globalAdmin, roles: [] }) });
    await show(link);
    await screen.findByText(/Only a Global admin of your organization can accept this/);
    expect(calls.map((c) => c.url)).toEqual(['/api/session']);
  });

  it('takes the fragment kept while the user signed in', async () => {
    keepReturnHash('/AdminPortal/Home', '#/BillingAccounts/partner-invitation/tok-1');
    serve({ 'GET /api/session': json(200, globalAdmin), 'GET /api/partner/invitations/tok-1': json(200, info) });
    await show('/AdminPortal/Home?invType=ResellerRelationship&partnerId=p1&msppId=0&DAP=true');
    await screen.findByText('Contoso Partners would like to become your reseller, with delegated administration.');
    expect(sessionStorage.length).toBe(0);
  });
});

describe('InvitationPage: GDAP approval', () => {
  const rel = {
    id: 'r1-r2', displayName: 'Contoso helpdesk', duration: 'P730D', status: 'approvalPending', autoExtendDuration: 'PT0S',
    partnerTenantId: 'p1', partnerName: 'Contoso Partners', partnerHasDelegatedAdmin: true,
    roles: [{ roleDefinitionId: '729827e3-9c14-49f7-bb1b-9608f156bbb8', displayName: 'Helpdesk Administrator', description: '' },
      { roleDefinitionId: 'f2ef992c-3afb-46b9-b7cf-a126ee74c451', displayName: 'Global Reader', description: '' }],
  };
  const gdapLink = '/AdminPortal/Home#/partners/invitation/granularAdminRelationships/r1-r2';

  it('approves all roles and removes DAP by default', async () => {
    const calls = serve({
      'GET /api/session': json(200, globalAdmin),
      'GET /api/partnerRelationships/gdap/r1-r2': json(200, rel),
      'POST /api/partnerRelationships/gdap/r1-r2/approve': json(200, { ...rel, status: 'approved' }),
    });
    await show(gdapLink);
    await screen.findByText('Contoso helpdesk');
    expect(screen.getByText('Helpdesk Administrator')).toBeTruthy();
    expect(screen.getByText('Global Reader')).toBeTruthy();
    expect(screen.getByText('730 days')).toBeTruthy();
    expect((screen.getByRole('checkbox', { name: 'Also remove delegated admin (DAP)' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Approve all' }));
    await screen.findByText('You approved the roles for Contoso Partners.');
    expect(calls.at(-1)).toEqual({ method: 'POST', url: '/api/partnerRelationships/gdap/r1-r2/approve', body: { removeDap: true }, tenant: undefined });
  });

  it('keeps DAP when unchecked, and declines', async () => {
    const calls = serve({
      'GET /api/session': json(200, globalAdmin),
      'GET /api/partnerRelationships/gdap/r1-r2': json(200, rel),
      'POST /api/partnerRelationships/gdap/r1-r2/approve': json(200, rel),
      'POST /api/partnerRelationships/gdap/r1-r2/decline': json(200, { ...rel, status: 'terminated' }),
    });
    await show(gdapLink);
    fireEvent.click(await screen.findByRole('button', { name: 'Decline' }));
    await screen.findByText('You declined the request of Contoso Partners.');
    expect(calls.at(-1)?.url).toBe('/api/partnerRelationships/gdap/r1-r2/decline');
  });

  it('sends removeDap false when the box is cleared', async () => {
    const calls = serve({
      'GET /api/session': json(200, globalAdmin),
      'GET /api/partnerRelationships/gdap/r1-r2': json(200, rel),
      'POST /api/partnerRelationships/gdap/r1-r2/approve': json(200, rel),
    });
    await show(gdapLink);
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Also remove delegated admin (DAP)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Approve all' }));
    await screen.findByText('You approved the roles for Contoso Partners.');
    expect(calls.at(-1)?.body).toEqual({ removeDap: false });
  });

  it('offers no buttons for a relationship that is not waiting for approval', async () => {
    serve({ 'GET /api/session': json(200, globalAdmin), 'GET /api/partnerRelationships/gdap/r1-r2': json(200, { ...rel, status: 'active' }) });
    await show(gdapLink);
    await screen.findByText('This request isn\'t waiting for approval anymore (Active).');
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Approve all' })).toBeNull());
  });

  it('neither warns about nor removes DAP when the partner holds none', async () => {
    const calls = serve({
      'GET /api/session': json(200, globalAdmin),
      'GET /api/partnerRelationships/gdap/r1-r2': json(200, { ...rel, partnerHasDelegatedAdmin: false }),
      'POST /api/partnerRelationships/gdap/r1-r2/approve': json(200, rel),
    });
    await show(gdapLink);
    await screen.findByText('Contoso helpdesk');
    await waitFor(() => expect(screen.queryByRole('checkbox', { name: 'Also remove delegated admin (DAP)' })).toBeNull());
    fireEvent.click(screen.getByRole('button', { name: 'Approve all' }));
    await screen.findByText('You approved the roles for Contoso Partners.');
    expect(calls.at(-1)?.body).toEqual({ removeDap: false });
  });
});
