import { render, renderHook, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useLicenseDetails } from '../../billing/data';
import type { LicenseDetail, LicenseDetailPlan } from '../../billing/types';
import { testI18n, wrapper } from '../../groups/testing';
import { HeldLicenses } from './HeldLicenses';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const plan = (name: string, provisioningStatus: string, provisioningError?: string): LicenseDetailPlan =>
  ({ servicePlanId: name, servicePlanName: name, appliesTo: 'User', provisioningStatus, provisioningError });
const details: LicenseDetail[] = [{
  id: 'd1', skuId: 'basic', skuPartNumber: 'B',
  servicePlans: [plan('MAIL', 'Success'), plan('CHAT', 'PendingProvisioning'), plan('FILES', 'Error', 'webhook answered 500'), plan('APPS', 'Disabled')],
}];

afterEach(() => vi.unstubAllGlobals());

async function show(lng: string) {
  const i18n = await testI18n(lng);
  render(<HeldLicenses details={details} name={() => 'Atrium Business Basic'} />, { wrapper: wrapper(i18n) });
}

const planText = (name: string) => screen.getByText(name, { exact: true }).closest('li')!.textContent;

describe('HeldLicenses', () => {
  it('shows each plan\'s provisioning state, and the reason of an error', async () => {
    await show('en');
    const held = screen.getByRole('region', { name: 'Current licenses' });
    expect(within(held).getByText('Atrium Business Basic')).toBeTruthy();
    expect(planText('MAIL')).toBe('MAILProvisioned');
    expect(planText('CHAT')).toBe('CHATPending');
    expect(planText('FILES')).toBe('FILESErrorReason: webhook answered 500');
    expect(planText('APPS')).toBe('APPSOff');
  });

  it('says them in Dutch', async () => {
    await show('nl');
    expect(planText('MAIL')).toBe('MAILIngericht');
    expect(planText('CHAT')).toBe('CHATIn behandeling');
    expect(planText('FILES')).toBe('FILESFoutReden: webhook answered 500');
    expect(planText('APPS')).toBe('APPSUit');
  });
});

describe('useLicenseDetails', () => {
  it('fetches again while a plan is pending, until it is provisioned', async () => {
    const answers = [plan('CHAT', 'PendingProvisioning'), plan('CHAT', 'Success')];
    const urls: string[] = [];
    vi.stubGlobal('fetch', vi.fn(async (url: string) => {
      urls.push(url);
      const p = answers.length > 1 ? answers.shift()! : answers[0]!;
      return json(200, { value: [{ id: 'd1', skuId: 'basic', skuPartNumber: 'B', servicePlans: [p] }] });
    }));
    const { result } = renderHook(() => useLicenseDetails('u1'), { wrapper: wrapper(await testI18n('en')) });
    await waitFor(() => expect(result.current.data?.[0]?.servicePlans?.[0]?.provisioningStatus).toBe('PendingProvisioning'));
    await waitFor(() => expect(result.current.data?.[0]?.servicePlans?.[0]?.provisioningStatus).toBe('Success'), { timeout: 8000 });
    expect(urls).toEqual(['/v1.0/users/u1/licenseDetails', '/v1.0/users/u1/licenseDetails']);
  }, 15_000); // one 2-second poll, on a busy machine
});
