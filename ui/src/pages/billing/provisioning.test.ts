import { describe, expect, it } from 'vitest';
import { anyPending, pollWhilePending, provisioningColor, provisioningStates } from './provisioning';
import type { LicenseDetail } from './types';

const detail = (...states: string[]): LicenseDetail => ({
  id: 'd', skuId: 's', skuPartNumber: 'S',
  servicePlans: states.map((provisioningStatus, i) => ({ servicePlanId: `p${i}`, servicePlanName: `P${i}`, appliesTo: 'User', provisioningStatus })),
});

describe('polling licenseDetails', () => {
  it('polls every 2 s while any plan of any product is pending', () => {
    expect(anyPending([detail('Success'), detail('Disabled', 'PendingProvisioning')])).toBe(true);
    expect(pollWhilePending([detail('Success'), detail('Disabled', 'PendingProvisioning')])).toBe(2000);
  });

  it('stops when none is pending, and before the first answer', () => {
    expect(pollWhilePending([detail('Success', 'Error', 'Disabled')])).toBe(false);
    expect(pollWhilePending([{ id: 'd', skuId: 's', skuPartNumber: 'S', servicePlans: null }])).toBe(false);
    expect(pollWhilePending(undefined)).toBe(false);
  });
});

describe('provisioningColor', () => {
  it('gives each state its own color, and an unknown one the neutral color', () => {
    expect(new Set(provisioningStates.map(provisioningColor)).size).toBe(4);
    expect(provisioningColor('Error')).toBe('danger');
    expect(provisioningColor('Suspended')).toBe('informative');
  });
});
