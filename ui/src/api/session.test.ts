import { describe, expect, it } from 'vitest';
import { can, nextStep, safeReturn, where } from './session';
import type { Session } from './types';

const base: Session = {
  tenantId: 't', userId: 'u', userPrincipalName: 'a@x.test', displayName: 'A', isAdmin: true, mustChangePassword: false,
  mfaRequired: false, mfaEnrollmentRequired: false, tenantName: 'X', preferredLanguage: '', roles: [], permissions: ['org.read'],
};

describe('sign-in steps', () => {
  it('follows the server order: code, authenticator, password', () => {
    expect(nextStep({ ...base, mfaRequired: true, mustChangePassword: true })).toBe('mfa');
    expect(nextStep({ ...base, mfaEnrollmentRequired: true, mustChangePassword: true })).toBe('enroll');
    expect(nextStep({ ...base, mustChangePassword: true })).toBe('password');
    expect(nextStep(base)).toBeNull();
  });

  it('goes to the step, then back where the user wanted, else to their start page', () => {
    expect(where({ ...base, mfaRequired: true }, '/admin/settings/domains')).toBe('/signin/mfa?returnTo=%2Fadmin%2Fsettings%2Fdomains');
    expect(where(base, '/admin/settings/domains')).toBe('/admin/settings/domains');
    expect(where(base, null)).toBe('/admin');
    expect(where({ ...base, isAdmin: false }, null)).toBe('/myaccount');
  });

  it('returns only to the app’s own pages', () => {
    expect(safeReturn('https://evil.test/admin')).toBeNull();
    expect(safeReturn('//evil.test/admin')).toBeNull();
    expect(safeReturn('/signin/mfa')).toBeNull();
    expect(safeReturn('/adminx')).toBeNull();
    expect(safeReturn('/myaccount/password')).toBe('/myaccount/password');
    expect(safeReturn('/admin?x=1')).toBe('/admin?x=1');
    expect(safeReturn('/partner/customers')).toBe('/partner/customers');
    expect(safeReturn('/AdminPortal/Home?invType=ResellerRelationship&partnerId=p&msppId=0&DAP=true')).toBe('/AdminPortal/Home?invType=ResellerRelationship&partnerId=p&msppId=0&DAP=true');
    expect(safeReturn('/partnerx')).toBeNull();
  });

  it('checks permissions', () => {
    expect(can(base, 'org.read')).toBe(true);
    expect(can(base, 'domains.manage')).toBe(false);
    expect(can(null, 'org.read')).toBe(false);
  });
});
