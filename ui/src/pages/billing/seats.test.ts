import { describe, expect, it } from 'vitest';
import { assignBody, choiceOf, formatMoney, multiply, newIdempotencyKey, seats, shortfall, usage } from './seats';
import type { SubscribedSku } from './types';

const sku = (skuId: string, enabled: number, consumed: number): SubscribedSku => ({
  id: `t_${skuId}`, skuId, skuPartNumber: skuId, appliesTo: 'User', capabilityStatus: 'Enabled', consumedUnits: consumed,
  prepaidUnits: { enabled, warning: 3, suspended: 2, lockedOut: 1 }, subscriptionIds: [], servicePlans: [],
});

describe('seats', () => {
  it('counts only enabled seats as total and never shows negative availability', () => {
    expect(seats(sku('a', 10, 4))).toEqual({ assigned: 4, total: 10, available: 6, over: 0 });
    expect(seats(sku('a', 2, 5))).toEqual({ assigned: 5, total: 2, available: 0, over: 0 });
  });
  it('counts holders over the served seats (enabled and warning) as over-assigned', () => {
    expect(seats(sku('a', 2, 7))).toEqual({ assigned: 7, total: 2, available: 0, over: 2 });
  });
  it('usage is a clamped share, full when holders have no seats', () => {
    expect(usage(5, 20)).toBe(0.25);
    expect(usage(7, 5)).toBe(1);
    expect(usage(0, 0)).toBe(0);
    expect(usage(1, 0)).toBe(1);
  });
});

describe('money', () => {
  it('formats in the catalog currency per locale', () => {
    expect(formatMoney('en-US', { amount: 6, currency: 'EUR' })).toBe('€6.00');
    expect(formatMoney('nl-NL', { amount: 1234.5, currency: 'EUR' }).replace(/\s/g, ' ')).toBe('€ 1.234,50');
    expect(formatMoney('en-US', { amount: 12.5, currency: 'USD' })).toBe('$12.50');
  });
  it('multiplies in cents', () => {
    expect(multiply({ amount: 6.1, currency: 'EUR' }, 3)).toEqual({ amount: 18.3, currency: 'EUR' });
    expect(multiply({ amount: 0.1, currency: 'EUR' }, 7).amount).toBe(0.7);
  });
});

describe('newIdempotencyKey', () => {
  it('is a fresh v4 UUID each time', () => {
    const a = newIdempotencyKey();
    const b = newIdempotencyKey();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a).not.toBe(b);
  });
});

describe('assignBody', () => {
  const held = choiceOf([
    { id: '1', skuId: 'basic', skuPartNumber: 'B', servicePlans: [
      { servicePlanId: 'mail', servicePlanName: 'MAIL', provisioningStatus: 'Success', appliesTo: 'User' },
      { servicePlanId: 'chat', servicePlanName: 'CHAT', provisioningStatus: 'Disabled', appliesTo: 'User' },
    ] },
    { id: '2', skuId: 'files', skuPartNumber: 'F', servicePlans: null },
  ]);
  it('reads disabled plans from licenseDetails', () => {
    expect(held).toEqual({ basic: { on: true, disabledPlans: ['chat'] }, files: { on: true, disabledPlans: [] } });
  });
  it('sends nothing when nothing changed, whatever the order of plans', () => {
    expect(assignBody(held, { ...held, basic: { on: true, disabledPlans: ['chat'] } })).toEqual({ addLicenses: [], removeLicenses: [] });
  });
  it('re-adds a held product whose plans changed, adds new ones, removes unchecked ones', () => {
    const chosen = { basic: { on: true, disabledPlans: [] }, files: { on: false, disabledPlans: [] }, premium: { on: true, disabledPlans: ['x', 'a'] } };
    expect(assignBody(held, chosen)).toEqual({
      addLicenses: [{ skuId: 'basic', disabledPlans: [] }, { skuId: 'premium', disabledPlans: ['a', 'x'] }],
      removeLicenses: ['files'],
    });
  });
  it('ignores unchecked products the user never held', () => {
    expect(assignBody({}, { premium: { on: false, disabledPlans: [] } })).toEqual({ addLicenses: [], removeLicenses: [] });
  });
  it('finds a shortfall only for newly added products without a free seat', () => {
    const body = { addLicenses: [{ skuId: 'basic', disabledPlans: [] }, { skuId: 'premium', disabledPlans: [] }, { skuId: 'std', disabledPlans: [] }] };
    expect(shortfall(body, held, [sku('basic', 1, 1), sku('premium', 2, 2), sku('std', 3, 1)])).toEqual([{ skuId: 'premium', missing: 1 }]);
  });
});
