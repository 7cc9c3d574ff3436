import { describe, expect, it } from 'vitest';
import { canReactivate, termKey } from './term';
import type { Subscription } from './types';

const sub = (status: string, autoRenew: boolean, endDateTime: string | null = '2026-02-15T10:00:00Z'): Subscription => ({
  id: 's', skuId: 'b', skuPartNumber: 'B', displayName: 'Basic', status, quantity: 1, purchaseChannel: 'direct', partner: null,
  unitPrice: { amount: 6, currency: 'EUR' }, autoRenew, endDateTime, statusChangedDateTime: null,
});

describe('termKey', () => {
  it('names what happens at the end date, for each status', () => {
    expect(termKey(sub('Enabled', true))).toBe('products.term.renews');
    expect(termKey(sub('Enabled', false))).toBe('products.term.expires');
    expect(termKey(sub('Warning', false))).toBe('products.term.disabled');
    expect(termKey(sub('Suspended', true))).toBe('products.term.deleted');
    expect(termKey(sub('LockedOut', true))).toBeNull();
    expect(termKey(sub('Enabled', true, null))).toBeNull();
  });
  it('lets only expired and disabled subscriptions be reactivated', () => {
    expect(['Enabled', 'Warning', 'Suspended', 'LockedOut'].filter((s) => canReactivate(sub(s, false)))).toEqual(['Warning', 'Suspended']);
  });
});
