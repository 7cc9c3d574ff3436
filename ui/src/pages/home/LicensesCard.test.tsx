import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testI18n, wrapper } from '../groups/testing';
import { LicensesCard } from './LicensesCard';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const sku = (skuId: string, enabled: number, consumed: number) => ({
  id: skuId, skuId, skuPartNumber: skuId.toUpperCase(), appliesTo: 'User', capabilityStatus: 'Enabled', consumedUnits: consumed,
  prepaidUnits: { enabled, warning: 0, suspended: 0, lockedOut: 0 }, subscriptionIds: [], servicePlans: [],
});

afterEach(() => vi.unstubAllGlobals());

describe('LicensesCard', () => {
  it('shows assigned / total per product with a bar and alerts over-assignment', async () => {
    vi.stubGlobal('ResizeObserver', class { observe() {} unobserve() {} disconnect() {} });
    vi.stubGlobal('fetch', vi.fn(async (url: string) => {
      if (url === '/api/session') return json(200, { tenantId: 't', permissions: ['licenses.read'], roles: [] });
      if (url === '/api/catalog') return json(200, { value: [{ skuId: 'basic', displayName: 'Atrium Business Basic' }] });
      if (url === '/v1.0/subscribedSkus') return json(200, { value: [sku('basic', 10, 4), sku('std', 2, 5), { ...sku('audit', 1, 0), appliesTo: 'Company' }] });
      return json(404, { error: { code: 'x', message: url } });
    }));
    render(<LicensesCard />, { wrapper: wrapper(await testI18n('nl')) });
    expect(await screen.findByText('Atrium Business Basic: 4 van 10 toegewezen')).toBeTruthy();
    expect(screen.getByText('STD: 5 van 2 toegewezen')).toBeTruthy(); // no catalog name: the part number
    expect(screen.getByText('STD: 3 te veel')).toBeTruthy();
    expect(screen.queryByText(/AUDIT/)).toBeNull(); // company-wide products take no seats
    const bars = screen.getAllByRole('progressbar');
    expect(bars.map((b) => b.getAttribute('aria-valuenow'))).toEqual(['0.4', '1']);
  });
});
