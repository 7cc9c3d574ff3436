import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testI18n, wrapper } from '../groups/testing';
import { CancelDialog } from './CancelDialog';
import type { Subscription } from './types';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const sub: Subscription = { id: 's/1', skuId: 'b', skuPartNumber: 'B', displayName: 'Basic', status: 'Enabled', quantity: 3,
  purchaseChannel: 'direct', partner: null, unitPrice: { amount: 6, currency: 'EUR' }, autoRenew: true, endDateTime: '2026-02-15T10:00:00Z',
  statusChangedDateTime: '2026-01-15T10:00:00Z' };

afterEach(() => vi.unstubAllGlobals());

describe('CancelDialog', () => {
  it('posts the cancel and keeps the dialog open with the server\'s refusal', async () => {
    vi.stubGlobal('ResizeObserver', class { observe() {} unobserve() {} disconnect() {} });
    const calls: { url: string; method?: string }[] = [];
    vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ url, method: init.method });
      return json(400, { error: { code: 'Request_BadRequest', message: 'The subscription is cancelled already; buy the product again to get new licenses.' } });
    }));
    const onClose = vi.fn();
    render(<CancelDialog sub={sub} onClose={onClose} />, { wrapper: wrapper(await testI18n('en')) });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel subscription' }));
    await screen.findByText('The subscription is cancelled already; buy the product again to get new licenses.');
    expect(calls).toEqual([{ url: '/api/billing/subscriptions/s%2F1/cancel', method: 'POST' }]);
    await waitFor(() => expect(onClose).not.toHaveBeenCalled());
  });
});
