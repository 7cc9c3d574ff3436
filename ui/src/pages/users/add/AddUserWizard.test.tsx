import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SubscribedSku } from '../../billing/types';
import { testI18n, wrapper } from '../../groups/testing';
import { AddUserWizard } from './AddUserWizard';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const plans = [{ servicePlanId: 'mail', servicePlanName: 'ATRIUM_MAIL_P1', appliesTo: 'User' }, { servicePlanId: 'chat', servicePlanName: 'ATRIUM_CHAT', appliesTo: 'User' }];
const sku = (skuId: string, enabled: number, consumed: number): SubscribedSku => ({
  id: skuId, skuId, skuPartNumber: skuId.toUpperCase(), appliesTo: 'User', capabilityStatus: 'Enabled', consumedUnits: consumed,
  prepaidUnits: { enabled, warning: 0, suspended: 0, lockedOut: 0 }, subscriptionIds: [], servicePlans: plans,
});
const catalog = [{ skuId: 'std', skuPartNumber: 'STD', displayName: 'Standard', appliesTo: 'User', unitPrice: { amount: 12.5, currency: 'EUR' }, maxSeats: null, servicePlans: plans }];
const roles = [
  { id: 'd1', templateId: 'helpdesk', displayName: 'Helpdesk Administrator', description: '' },
  { id: 'd2', templateId: '62e90394-69f5-4237-9190-012177145e10', displayName: 'Global Administrator', description: '' },
];
const created = { user: { id: 'u9', displayName: 'Joep de Vries', userPrincipalName: 'joep@contoso.nl' }, userPrincipalName: 'joep@contoso.nl',
  licenses: [{ skuId: 'std', disabledPlans: [] }], roles: [], purchased: [], emailsQueued: 1 };

interface Setup { permissions?: string[]; skus?: SubscribedSku[]; answer?: () => Response }

/** serve answers the wizard's reads; posts holds the bodies sent to /api/users/provision. */
function serve({ permissions = ['users.write'], skus = [sku('std', 10, 7)], answer = () => json(201, created) }: Setup = {}) {
  const posts: Record<string, unknown>[] = [];
  vi.stubGlobal('ResizeObserver', class { observe() {} unobserve() {} disconnect() {} });
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
    if (url === '/api/session') return json(200, { tenantId: 't', userId: 'me', userPrincipalName: 'ada@contoso.nl', permissions, roles: [] });
    if (url === '/v1.0/domains') return json(200, { value: [{ id: 'contoso.onatrium.test', isVerified: true, isDefault: false }, { id: 'contoso.nl', isVerified: true, isDefault: true }] });
    if (url === '/v1.0/me') return json(200, { id: 'me', mail: 'ada@contoso.nl', otherMails: [] });
    if (url === '/v1.0/organization/t') return json(200, { defaultUsageLocation: 'NL' });
    if (url === '/v1.0/subscribedSkus') return json(200, { value: skus });
    if (url === '/api/catalog') return json(200, { value: catalog });
    if (url === '/v1.0/roleManagement/directory/roleDefinitions') return json(200, { value: roles });
    if (url === '/api/users/provision') {
      posts.push(JSON.parse(String(init.body)) as Record<string, unknown>);
      return answer();
    }
    return json(404, { error: { code: 'Request_ResourceNotFound', message: url } });
  }));
  return posts;
}

async function show() {
  const i18n = await testI18n('en');
  render(<AddUserWizard onClose={() => undefined} />, { wrapper: wrapper(i18n) });
}

const next = async () => {
  const b = screen.getByRole('button', { name: 'Next' });
  await waitFor(() => expect(b.hasAttribute('disabled')).toBe(false));
  fireEvent.click(b);
};
const field = (name: RegExp) => screen.getByRole('textbox', { name });
const heading = (text: string) => screen.findByRole('heading', { name: text });

/** basics fills the Basics step and waits until the domain and the admin's address are in. */
async function basics(mode?: string) {
  fireEvent.change(await screen.findByRole('textbox', { name: /^First name/ }), { target: { value: 'Joep' } });
  fireEvent.change(field(/^Last name/), { target: { value: 'de Vries' } });
  fireEvent.change(field(/^Username/), { target: { value: 'joep' } });
  await waitFor(() => expect((field(/^Send the sign-in details by email/) as HTMLInputElement).value).toBe('ada@contoso.nl'));
  expect((field(/^Display name/) as HTMLInputElement).value).toBe('Joep de Vries');
  await waitFor(() => expect(screen.getByRole('combobox', { name: /^Domain/ }).textContent).toBe('contoso.nl'));
  if (mode) fireEvent.click(screen.getByRole('radio', { name: mode }));
}

const user = { displayName: 'Joep de Vries', givenName: 'Joep', surname: 'de Vries', userPrincipalName: 'joep@contoso.nl', mailNickname: 'joep', accountEnabled: true };

afterEach(() => vi.unstubAllGlobals());

// Each test walks the whole wizard; on a busy 2-core machine that takes longer than the default 5 s.
describe('AddUserWizard', { timeout: 30_000 }, () => {
  it('link mode with a license: sends one provision request and shows the link with its expiry', async () => {
    const posts = serve({ answer: () => json(201, { ...created, setPasswordUrl: 'https://admin.test/set-password#tok', setPasswordExpiresDateTime: '2030-01-02T03:04:05Z' }) });
    await show();
    await basics();
    expect(screen.queryByRole('checkbox', { name: /Require this user to change/ })).toBeNull();
    await next();
    await heading('Step 2 of 4: Product licenses');
    await screen.findByText('3 of 10 available');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Standard' }));
    fireEvent.click(await screen.findByRole('switch', { name: 'ATRIUM_CHAT' }));
    await next();
    await heading('Step 3 of 4: Optional settings');
    expect(screen.queryByRole('radio', { name: 'User (no admin access)' })).toBeNull();
    fireEvent.change(field(/^Job title/), { target: { value: 'Planner' } });
    await next();
    await heading('Step 4 of 4: Finish');
    fireEvent.click(screen.getByRole('button', { name: 'Finish adding' }));
    await screen.findByText('Joep de Vries was added');
    expect(posts).toEqual([{ user: { ...user, jobTitle: 'Planner' }, password: { mode: 'link' }, usageLocation: 'NL',
      licenses: [{ skuId: 'std', disabledPlans: ['chat'] }], delivery: { emailTo: ['ada@contoso.nl'] } }]);
    expect(screen.getByTestId('created-link').getAttribute('data-value')).toBe('https://admin.test/set-password#tok');
    expect(screen.queryByTestId('created-password')).toBeNull();
    within(screen.getByRole('dialog')).getByText(/^The link works once, until/);
    screen.getByText('1 email with the sign-in details is on its way.');
    const sheet = document.querySelector('.print-sheet')?.textContent ?? '';
    expect(sheet).toContain('joep@contoso.nl');
    expect(sheet).toContain('https://admin.test/set-password#tok');
    expect(sheet).toContain('The link works once, until');
    const print = vi.fn();
    vi.stubGlobal('print', print);
    fireEvent.click(screen.getByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalledOnce();
    screen.getByRole('button', { name: 'Add another user' });
  });

  it('generate mode without a license: force change on, the temporary password shown once', async () => {
    const posts = serve({ answer: () => json(201, { ...created, licenses: [], emailsQueued: 0, temporaryPassword: 'Vx7#kQ2mWp9!aZr4' }) });
    await show();
    await basics('Automatically create a password');
    fireEvent.change(field(/^Send the sign-in details by email/), { target: { value: '' } });
    await next();
    await heading('Step 2 of 4: Product licenses');
    expect(screen.getByRole('button', { name: 'Next' }).hasAttribute('disabled')).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: /^Create user without product license/ }));
    await next();
    await next();
    fireEvent.click(await screen.findByRole('button', { name: 'Finish adding' }));
    await screen.findByText('Joep de Vries was added');
    expect(posts).toEqual([{ user, password: { mode: 'generate', forceChangePasswordNextSignIn: true } }]);
    expect(screen.getByTestId('created-password').getAttribute('data-value')).toBe('Vx7#kQ2mWp9!aZr4');
    screen.getByText('The user must choose a new password when they first sign in.');
    fireEvent.click(screen.getByRole('button', { name: 'Add another user' }));
    await heading('Step 1 of 4: Basics');
    expect((field(/^First name/) as HTMLInputElement).value).toBe('');
    expect(screen.getByRole('radio', { name: 'Send a link to set a password (recommended)' })).toHaveProperty('checked', true);
  });

  it('typed mode with a role: sends the password, its confirmation and the role template', async () => {
    const posts = serve({ permissions: ['users.write', 'roles.delegate'] });
    await show();
    await basics('Let me create the password');
    fireEvent.change(screen.getByLabelText(/^New password/), { target: { value: 'Tulpen-2030!' } });
    fireEvent.change(screen.getByLabelText(/^Confirm new password/), { target: { value: 'Tulpen-2030!' } });
    fireEvent.click(screen.getByRole('checkbox', { name: /Require this user to change/ }));
    await next();
    fireEvent.click(await screen.findByRole('checkbox', { name: /^Create user without product license/ }));
    await next();
    fireEvent.click(await screen.findByRole('radio', { name: 'Admin center access' }));
    const boxes = within(screen.getByRole('group', { name: 'Admin roles' })).getAllByRole('checkbox');
    expect(boxes.map((b) => b.closest('.fui-Checkbox')?.textContent)).toEqual(['Global Administrator', 'Helpdesk Administrator']);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Helpdesk Administrator' }));
    await next();
    fireEvent.click(await screen.findByRole('button', { name: 'Finish adding' }));
    await screen.findByText('Joep de Vries was added');
    expect(posts).toEqual([{ user, password: { mode: 'typed', value: 'Tulpen-2030!', confirm: 'Tulpen-2030!', forceChangePasswordNextSignIn: false },
      roles: ['helpdesk'], delivery: { emailTo: ['ada@contoso.nl'] } }]);
  });

  it('checks the e-mail recipients: at most five, valid, never the new mailbox', async () => {
    serve();
    await show();
    await basics();
    const mails = field(/^Send the sign-in details by email/);
    const nextButton = screen.getByRole('button', { name: 'Next' });
    fireEvent.change(mails, { target: { value: 'a@x.nl;b@x.nl;c@x.nl;d@x.nl;e@x.nl;f@x.nl' } });
    await screen.findByText('Enter at most 5 addresses.');
    expect(nextButton.hasAttribute('disabled')).toBe(true);
    fireEvent.change(mails, { target: { value: 'a@x.nl; not-an-address' } });
    await screen.findByText("not-an-address isn't a valid email address.");
    fireEvent.change(mails, { target: { value: 'ada@contoso.nl; Joep@contoso.nl' } });
    await screen.findByText('Send the password to an address the user can reach now, not to their new mailbox.');
    expect(nextButton.hasAttribute('disabled')).toBe(true);
    fireEvent.change(mails, { target: { value: 'ada@contoso.nl; joep@privé.example' } });
    await waitFor(() => expect(nextButton.hasAttribute('disabled')).toBe(false));
  });

  it('offers to buy a seat for a full product only to a billing admin, and sends autoPurchase', async () => {
    const posts = serve({ permissions: ['users.write', 'billing.manage'], skus: [sku('std', 2, 2)] });
    await show();
    await basics();
    await next();
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Standard' }));
    await screen.findByText('No licenses are available for Standard.');
    expect(screen.getByRole('button', { name: 'Next' }).hasAttribute('disabled')).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Buy one more license for Standard' }));
    await next();
    await next();
    fireEvent.click(await screen.findByRole('button', { name: 'Finish adding' }));
    await screen.findByText('Joep de Vries was added');
    expect(posts[0]).toMatchObject({ licenses: [{ skuId: 'std', disabledPlans: [] }], autoPurchase: true, usageLocation: 'NL' });
  });

  it('shows no purchase to an admin without billing.manage', async () => {
    serve({ skus: [sku('std', 2, 2)] });
    await show();
    await basics();
    await next();
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Standard' }));
    await screen.findByText(/No licenses are available for Standard\. Ask a Billing admin/);
    expect(screen.queryByRole('checkbox', { name: /^Buy one more license/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Next' }).hasAttribute('disabled')).toBe(true);
  });

  it('goes back to the step of the refused field with the server message', async () => {
    let answer = json(409, { error: { code: 'Request_BadRequest', message: 'Another object with the same value for property userPrincipalName already exists.',
      details: [{ code: 'ObjectConflict', message: 'Taken', target: 'user.userPrincipalName' }] } });
    serve({ answer: () => answer });
    await show();
    await basics();
    await next();
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Standard' }));
    await next();
    await next();
    fireEvent.click(await screen.findByRole('button', { name: 'Finish adding' }));
    await heading('Step 1 of 4: Basics');
    await screen.findByText('Another object with the same value for property userPrincipalName already exists.');
    expect(field(/^Username/).getAttribute('aria-invalid')).toBe('true');
    answer = json(400, { error: { code: 'Request_BadRequest', message: 'Usage location is required.', target: 'licenses' } }); // the target on the error itself
    await next();
    await next();
    await next();
    fireEvent.click(await screen.findByRole('button', { name: 'Finish adding' }));
    await heading('Step 2 of 4: Product licenses');
    await screen.findByText('Usage location is required.');
  });
});
