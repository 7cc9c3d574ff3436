import { describe, expect, it } from 'vitest';
import type { SubscribedSku } from '../../billing/types';
import { displayNameOf, newDraft, parseRecipients, provisionBody, recipientProblem, short, stepOf, type Draft } from './model';

const sku = (skuId: string, enabled: number, consumed: number): SubscribedSku => ({
  id: skuId, skuId, skuPartNumber: skuId, appliesTo: 'User', capabilityStatus: 'Enabled', consumedUnits: consumed,
  prepaidUnits: { enabled, warning: 0, suspended: 0, lockedOut: 0 }, subscriptionIds: [], servicePlans: [],
});
const draft = (p: Partial<Draft> = {}): Draft => ({ ...newDraft(), first: 'Joep', last: 'de Vries', username: 'joep', domain: 'contoso.nl', ...p });

describe('add-user model', () => {
  it('fills the display name from first and last name until it is edited', () => {
    expect(displayNameOf(draft())).toBe('Joep de Vries');
    expect(displayNameOf(draft({ first: ' Joep ', last: '' }))).toBe('Joep');
    expect(displayNameOf(draft({ display: 'J. de Vries' }))).toBe('J. de Vries');
  });

  it('parses recipients: semicolons, trimmed, no empties, no duplicates', () => {
    expect(parseRecipients(' a@x.nl ;; b@y.nl;A@X.nl; ')).toEqual(['a@x.nl', 'b@y.nl']);
  });

  it('refuses more than five recipients, a bad address and the new mailbox', () => {
    const six = ['1', '2', '3', '4', '5', '6'].map((n) => `a${n}@x.nl`);
    expect(recipientProblem(six, 'joep@contoso.nl')).toEqual({ kind: 'tooMany' });
    expect(recipientProblem(six.slice(1), 'joep@contoso.nl')).toBeUndefined();
    expect(recipientProblem(['a@x.nl', 'nope'], 'joep@contoso.nl')).toEqual({ kind: 'invalid', address: 'nope' });
    expect(recipientProblem(['Joep@Contoso.nl'], 'joep@contoso.nl')).toEqual({ kind: 'ownMailbox' });
  });

  it('sends to the step of a refused field', () => {
    expect(['user.userPrincipalName', 'password.confirm', 'delivery.emailTo', 'licenses', 'usageLocation', 'autoPurchase', 'roles', 'other', undefined]
      .map(stepOf)).toEqual([0, 0, 0, 1, 1, 1, 2, undefined, undefined]);
  });

  it('builds a link-mode body without licenses, roles or delivery', () => {
    expect(provisionBody(draft(), 'NL', '', true, [])).toEqual({
      user: { displayName: 'Joep de Vries', givenName: 'Joep', surname: 'de Vries', userPrincipalName: 'joep@contoso.nl', mailNickname: 'joep', accountEnabled: true },
      password: { mode: 'link' },
    });
  });

  it('builds a typed-mode body with licenses, purchase, roles, profile and delivery', () => {
    const d = draft({ mode: 'typed', password: 'Pa55word!', confirm: 'Pa55word!', force: false, chosen: { std: { on: true, disabledPlans: ['b', 'a'] }, off: { on: false, disabledPlans: [] } },
      buy: ['std'], roles: ['r1'], profile: { ...newDraft().profile, jobTitle: ' Planner ', officePhone: '+31 20 123' } });
    const skus = [sku('std', 1, 1)];
    expect(short(d, skus)).toEqual(['std']);
    expect(provisionBody(d, 'BE', 'boss@x.nl; other@y.nl', false, skus)).toEqual({
      user: { displayName: 'Joep de Vries', givenName: 'Joep', surname: 'de Vries', userPrincipalName: 'joep@contoso.nl', mailNickname: 'joep', accountEnabled: true,
        jobTitle: 'Planner', businessPhones: ['+31 20 123'] },
      password: { mode: 'typed', value: 'Pa55word!', confirm: 'Pa55word!', forceChangePasswordNextSignIn: false },
      usageLocation: 'BE', licenses: [{ skuId: 'std', disabledPlans: ['a', 'b'] }], autoPurchase: true,
      delivery: { emailTo: ['boss@x.nl', 'other@y.nl'] },
    });
  });

  it('sends no licenses when the admin chose to create the user without one', () => {
    const body = provisionBody(draft({ mode: 'generate', noLicense: true, chosen: { std: { on: true, disabledPlans: [] } } }), 'NL', '', true, []);
    expect(body).not.toHaveProperty('licenses');
    expect(body.password).toEqual({ mode: 'generate', forceChangePasswordNextSignIn: true });
  });
});
