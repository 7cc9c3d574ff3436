import { describe, expect, it } from 'vitest';
import type { SubscribedSku } from '../../billing/types';
import { canContinue, pollInterval, progress, rateShown, shortfalls, startBody, stepOf } from './model';
import { fileName } from './data';

const sku = (skuId: string, enabled: number, consumed: number): SubscribedSku => ({
  id: skuId, skuId, skuPartNumber: skuId, appliesTo: 'User', capabilityStatus: 'Enabled', consumedUnits: consumed,
  prepaidUnits: { enabled, warning: 0, suspended: 0, lockedOut: 0 }, subscriptionIds: [], servicePlans: [],
});

describe('import model', () => {
  it('shows each status at its step', () => {
    expect(stepOf(undefined)).toBe('upload');
    expect(stepOf('validating')).toBe('verify');
    expect(stepOf('validating', true)).toBe('verify');
    expect(stepOf('awaitingConfirmation')).toBe('verify');
    expect(stepOf('awaitingConfirmation', true)).toBe('options');
    expect(stepOf('running')).toBe('progress');
    expect(stepOf('running', true)).toBe('progress');
    expect(stepOf('completed')).toBe('results');
    expect(stepOf('failed')).toBe('results');
  });

  it('polls every second only while the server works', () => {
    expect(pollInterval('validating')).toBe(1000);
    expect(pollInterval('running')).toBe(1000);
    for (const s of ['awaitingConfirmation', 'completed', 'failed', undefined] as const) expect(pollInterval(s)).toBe(false);
  });

  it('goes on from Verify with valid rows and no problems, or problems skipped', () => {
    expect(canContinue({ valid: 3, invalid: 0 }, false)).toBe(true);
    expect(canContinue({ valid: 3, invalid: 1 }, false)).toBe(false);
    expect(canContinue({ valid: 3, invalid: 1 }, true)).toBe(true);
    expect(canContinue({ valid: 0, invalid: 2 }, true)).toBe(false);
  });

  it('builds the start body, leaving out an empty location', () => {
    expect(startBody({ accountEnabled: false, usageLocation: '', skuIds: [], credentials: 'password' }, true))
      .toEqual({ accountEnabled: false, skuIds: [], credentials: 'password', skipInvalidRows: true });
    expect(startBody({ accountEnabled: true, usageLocation: 'NL', skuIds: ['a'], credentials: 'link' }, false))
      .toEqual({ accountEnabled: true, usageLocation: 'NL', skuIds: ['a'], credentials: 'link', skipInvalidRows: false });
  });

  it('warns for each chosen product whose free seats are fewer than the rows', () => {
    const skus = [sku('a', 10, 8), sku('b', 100, 0)];
    expect(shortfalls(['a', 'b', 'gone'], skus, 5)).toEqual([{ skuId: 'a', available: 2, missing: 3 }]);
    expect(shortfalls(['a'], skus, 2)).toEqual([]);
  });

  it('measures progress as done of total', () => {
    expect(progress({ done: 0, total: 0 })).toBe(0);
    expect(progress({ done: 25, total: 100 })).toBe(0.25);
    expect(progress({ done: 120, total: 100 })).toBe(1);
  });

  it('rounds the pace to whole users from 10 a second', () => {
    expect(rateShown(1234.4)).toBe(1234);
    expect(rateShown(2.46)).toBe(2.5);
    expect(rateShown(0)).toBe(0);
  });

  it('names a download after Content-Disposition, else the fallback', () => {
    expect(fileName('attachment; filename="import-results.csv"', 'x.csv')).toBe('import-results.csv');
    expect(fileName("attachment; filename*=UTF-8''r%C3%A9sultats.csv", 'x.csv')).toBe('résultats.csv');
    expect(fileName(null, 'x.csv')).toBe('x.csv');
  });
});
