import { describe, expect, it } from 'vitest';
import { holdersPath } from './HoldersList';

describe('holdersPath', () => {
  it('filters users on the product with Graph\'s assignedLicenses lambda, paged and counted', () => {
    const u = new URL(holdersPath('4c379c46-e966-4606-9a6c-1c591d62591d'), 'http://x');
    expect(u.pathname).toBe('/v1.0/users');
    expect(u.searchParams.get('$filter')).toBe('assignedLicenses/any(x:x/skuId eq 4c379c46-e966-4606-9a6c-1c591d62591d)');
    expect(u.searchParams.get('$count')).toBe('true');
    expect(u.searchParams.get('$top')).toBe('50');
  });
});
