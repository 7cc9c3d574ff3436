import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testI18n, wrapper } from '../groups/testing';
import { ReactivateDialog } from './ReactivateDialog';
import { RecurringDialog } from './RecurringDialog';
import type { Subscription } from './types';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const sub: Subscription = { id: 's/1', skuId: 'b', skuPartNumber: 'B', displayName: 'Basic', status: 'Enabled', quantity: 3,
  purchaseChannel: 'direct', partner: null, unitPrice: { amount: 6, currency: 'EUR' }, autoRenew: true,
  endDateTime: '2026-02-15T10:00:00Z', statusChangedDateTime: '2026-01-15T10:00:00Z' };

afterEach(() => vi.unstubAllGlobals());

/** stubFetch answers every request with status and body, and records them. */
function stubFetch(status: number, body: unknown) {
  vi.stubGlobal('ResizeObserver', class { observe() {} unobserve() {} disconnect() {} });
  const calls: { url: string; method?: string; body?: unknown }[] = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
    calls.push({ url, method: init.method, body: init.body ? JSON.parse(String(init.body)) : undefined });
    return json(status, body);
  }));
  return calls;
}

describe('RecurringDialog', () => {
  it('turns recurring billing off, saying when the subscription expires', async () => {
    const calls = stubFetch(200, { ...sub, autoRenew: false });
    const onClose = vi.fn();
    render(<RecurringDialog sub={sub} onClose={onClose} />, { wrapper: wrapper(await testI18n('en')) });
    expect(screen.getByText(/The subscription expires on/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Turn recurring billing off' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(calls).toEqual([{ url: '/api/billing/subscriptions/s%2F1', method: 'PATCH', body: { autoRenew: false } }]);
  });
});

describe('ReactivateDialog', () => {
  it('posts the reactivation with the invoice total and keeps the server\'s refusal', async () => {
    const refusal = "The subscription is cancelled and can't be reactivated; buy the product again (POST /api/billing/orders).";
    const calls = stubFetch(400, { error: { code: 'Request_BadRequest', message: refusal } });
    const onClose = vi.fn();
    render(<ReactivateDialog sub={{ ...sub, status: 'Warning', autoRenew: false }} onClose={onClose} />, { wrapper: wrapper(await testI18n('nl')) });
    expect(screen.getByText(/factuur van .*18,00 voor 3 licenties/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Opnieuw activeren' }));
    await screen.findByText(refusal);
    expect(calls).toEqual([{ url: '/api/billing/subscriptions/s%2F1/reactivate', method: 'POST', body: undefined }]);
    expect(onClose).not.toHaveBeenCalled();
  });
});
