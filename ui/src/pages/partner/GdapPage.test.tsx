import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testI18n, wrapper } from '../groups/testing';
import { approvalLink, durationDays, globalAdminRole, gdapPath } from './api';
import GdapPage, { draftProblem, relationshipBody, type GdapDraft } from './GdapPage';
import { json, serve } from './testing';

const customerId = '6e5e4f2a-1b2c-4d3e-8f90-123456789abc';
const helpdesk = '729827e3-9c14-49f7-bb1b-9608f156bbb8';
const draft: GdapDraft = { customerTenantId: customerId, displayName: 'Contoso helpdesk', days: 730, roles: [helpdesk], autoExtend: true };
const created = {
  id: 'aaaa-bbbb', displayName: 'Contoso helpdesk', duration: 'P730D', status: 'created', autoExtendDuration: 'P180D',
  customer: { tenantId: customerId, displayName: 'Fabrikam' }, accessDetails: { unifiedRoles: [{ roleDefinitionId: helpdesk }] },
};

async function show(lng = 'en') {
  const i18n = await testI18n(lng);
  render(<GdapPage />, { wrapper: wrapper(i18n, '/partner/relationships') });
}

afterEach(() => vi.unstubAllGlobals());

describe('GDAP drafts', () => {
  it('checks the customer, name, duration and roles', () => {
    expect(draftProblem(draft)).toBeUndefined();
    expect(draftProblem({ ...draft, customerTenantId: 'fabrikam' })).toBe('gdap.problem.customer');
    expect(draftProblem({ ...draft, displayName: ' ' })).toBe('gdap.problem.name');
    expect(draftProblem({ ...draft, displayName: 'x'.repeat(51) })).toBe('gdap.problem.nameLength');
    expect(draftProblem({ ...draft, displayName: 'x'.repeat(50) })).toBeUndefined();
    expect(draftProblem({ ...draft, days: 731 })).toBe('gdap.problem.duration');
    expect(draftProblem({ ...draft, days: 0 })).toBe('gdap.problem.duration');
    expect(draftProblem({ ...draft, roles: [] })).toBe('gdap.problem.roles');
  });

  it('builds Graph\'s body, without auto-extend when Global Administrator is among the roles', () => {
    expect(relationshipBody(draft)).toEqual({
      displayName: 'Contoso helpdesk', duration: 'P730D', customer: { tenantId: customerId },
      accessDetails: { unifiedRoles: [{ roleDefinitionId: helpdesk }] }, autoExtendDuration: 'P180D',
    });
    expect(relationshipBody({ ...draft, roles: [helpdesk, globalAdminRole] }).autoExtendDuration).toBe('PT0S');
    expect(relationshipBody({ ...draft, autoExtend: false }).autoExtendDuration).toBe('PT0S');
  });

  it('reads durations and makes the approval link', () => {
    expect(durationDays('P730D')).toBe(730);
    expect(durationDays('P2Y')).toBe(730);
    expect(durationDays('PT0S')).toBeUndefined();
    expect(approvalLink('https://admin.test', 'a-b')).toBe('https://admin.test/AdminPortal/Home#/partners/invitation/granularAdminRelationships/a-b');
  });
});

describe('GdapPage', () => {
  it('lists relationships with customer, roles count, status and end date', async () => {
    serve({
      [`GET ${gdapPath}`]: json(200, { value: [
        { ...created, status: 'active', endDateTime: '2028-11-30T10:00:00Z', accessDetails: { unifiedRoles: [{ roleDefinitionId: helpdesk }, { roleDefinitionId: globalAdminRole }] } },
      ] }),
    });
    await show();
    const row = (await screen.findByText('Contoso helpdesk')).closest('tr')!;
    expect(within(row).getByText('Fabrikam')).toBeTruthy();
    expect(within(row).getByText('2')).toBeTruthy();
    expect(within(row).getByText('Active')).toBeTruthy();
  });

  it('speaks Dutch', async () => {
    serve({ [`GET ${gdapPath}`]: json(200, { value: [] }) });
    await show('nl');
    await screen.findByText('Nog geen GDAP-relaties.');
    expect(screen.getByRole('button', { name: 'Nieuwe relatie' })).toBeTruthy();
  });

  it('creates a relationship, locks it for approval and shows the approval link', async () => {
    const calls = serve({
      [`GET ${gdapPath}`]: json(200, { value: [] }),
      'GET /api/partner/customers': json(200, { value: [] }),
      [`POST ${gdapPath}`]: json(201, created),
      [`POST ${gdapPath}/aaaa-bbbb/requests`]: json(201, { id: 'req', action: 'lockForApproval', status: 'succeeded' }),
    });
    await show();
    fireEvent.click(await screen.findByRole('button', { name: 'New relationship' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Create' }));
    await screen.findByText('Enter the customer\'s tenant ID (a GUID).');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    fireEvent.change(screen.getByRole('textbox', { name: /Customer tenant ID/ }), { target: { value: customerId } });
    fireEvent.change(screen.getByRole('textbox', { name: /Relationship name/ }), { target: { value: 'Contoso helpdesk' } });
    expect((screen.getByRole('spinbutton', { name: 'Duration (days)' }) as HTMLInputElement).value).toBe('730');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Helpdesk Administrator' }));
    fireEvent.click(screen.getByRole('switch', { name: 'Auto-extend by 180 days' }));
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await screen.findByText('Contoso helpdesk was created.');
    expect(calls.find((c) => c.method === 'POST')).toEqual({ method: 'POST', url: gdapPath, body: relationshipBody(draft), tenant: undefined });
    fireEvent.click(screen.getByRole('button', { name: 'Lock for approval' }));
    const link = await screen.findByRole('textbox', { name: 'Approval link' });
    expect((link as HTMLInputElement).value).toBe(`${window.location.origin}/AdminPortal/Home#/partners/invitation/granularAdminRelationships/aaaa-bbbb`);
    expect(calls.filter((c) => c.method === 'POST').at(-1)).toEqual({
      method: 'POST', url: `${gdapPath}/aaaa-bbbb/requests`, body: { action: 'lockForApproval' }, tenant: undefined,
    });
  }, 20_000);

  it('turns auto-extend off and explains why when Global Administrator is chosen', async () => {
    serve({ [`GET ${gdapPath}`]: json(200, { value: [] }), 'GET /api/partner/customers': json(200, { value: [] }) });
    await show();
    fireEvent.click(await screen.findByRole('button', { name: 'New relationship' }));
    const auto = await screen.findByRole('switch', { name: 'Auto-extend by 180 days' });
    expect(auto.hasAttribute('disabled')).toBe(false);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Global Administrator' }));
    await waitFor(() => expect(screen.getByRole('switch', { name: 'Auto-extend by 180 days' }).hasAttribute('disabled')).toBe(true));
    expect(screen.getByText('Relationships with Global Administrator can\'t be extended automatically.')).toBeTruthy();
  });

  it('shows the approval link of a relationship waiting for approval', async () => {
    serve({ [`GET ${gdapPath}`]: json(200, { value: [{ ...created, status: 'approvalPending' }] }) });
    await show();
    fireEvent.click(await screen.findByRole('button', { name: 'Approval link' }));
    const link = await screen.findByRole('textbox', { name: 'Approval link' });
    expect((link as HTMLInputElement).value).toContain('/AdminPortal/Home#/partners/invitation/granularAdminRelationships/aaaa-bbbb');
  });

  it('terminates an active relationship after confirmation', async () => {
    const calls = serve({
      [`GET ${gdapPath}`]: json(200, { value: [{ ...created, status: 'active', endDateTime: '2028-11-30T10:00:00Z' }] }),
      [`POST ${gdapPath}/aaaa-bbbb/requests`]: json(201, { id: 'req', action: 'terminate', status: 'created' }),
    });
    await show();
    fireEvent.click(await screen.findByRole('button', { name: 'Terminate' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Terminate Contoso helpdesk?' });
    within(confirm).getByText('Your agents lose the roles of this relationship in Fabrikam. The reseller relationship and the subscriptions stay.');
    fireEvent.click(within(confirm).getByRole('button', { name: 'Terminate', hidden: true }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toEqual([
      { method: 'POST', url: `${gdapPath}/aaaa-bbbb/requests`, body: { action: 'terminate' }, tenant: undefined },
    ]));
  });
});
