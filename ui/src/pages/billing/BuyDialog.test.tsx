import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testI18n, wrapper } from '../groups/testing';
import { BuyDialog } from './BuyDialog';
import type { CatalogProduct } from './types';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const product: CatalogProduct = {
  skuId: 'sku-basic', skuPartNumber: 'ATRIUM_BUSINESS_BASIC', displayName: 'Atrium Business Basic', appliesTo: 'User',
  unitPrice: { amount: 6.1, currency: 'EUR' }, maxSeats: 300, servicePlans: [],
};
const order = { id: 'order-1', skuId: 'sku-basic', quantity: 3, subscriptionId: 'sub-1', createdBy: 'admin',
  subscription: { id: 'sub-1', skuId: 'sku-basic', skuPartNumber: 'B', displayName: 'Atrium Business Basic', status: 'Enabled', quantity: 8,
    purchaseChannel: 'direct', partner: null, unitPrice: product.unitPrice } };
const invoices = { value: [{ id: 'inv-9', orderId: 'order-1', status: 'due', total: { amount: 18.3, currency: 'EUR' }, lines: [] }] };

afterEach(() => vi.unstubAllGlobals());

/** serve answers orders with the given responses in turn and records each order's Idempotency-Key and body. */
function serve(answers: Response[]) {
  const orders: { key: string; body: unknown }[] = [];
  vi.stubGlobal('ResizeObserver', class { observe() {} unobserve() {} disconnect() {} });
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
    if (url === '/api/billing/invoices') return json(200, invoices);
    orders.push({ key: (init.headers as Record<string, string>)['Idempotency-Key']!, body: JSON.parse(String(init.body)) });
    return answers.shift() ?? json(500, { error: { code: 'x', message: 'no more answers' } });
  }));
  return orders;
}

async function open(lng = 'en') {
  const i18n = await testI18n(lng);
  return render(<BuyDialog product={product} onClose={() => {}} />, { wrapper: wrapper(i18n) });
}

describe('BuyDialog', () => {
  it('retries with the same Idempotency-Key and ends in the order and its invoice', async () => {
    const orders = serve([json(503, { error: { code: 'serviceUnavailable', message: 'try again' } }), json(201, order)]);
    await open();
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Quantity' }), { target: { value: '3' } });
    expect(screen.getByText('Monthly price for 3 licenses: €18.30')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Place order' }));
    await screen.findByText('try again', { exact: false });
    fireEvent.click(screen.getByRole('button', { name: 'Place order' }));
    await screen.findByText('Order order-1: 3 licenses of Atrium Business Basic. The subscription now has 8 licenses.');
    await screen.findByText('Invoice inv-9: €18.30, Due.');
    expect(orders).toHaveLength(2);
    expect(orders[0]!.body).toEqual({ skuId: 'sku-basic', quantity: 3 });
    expect(orders[0]!.key).toMatch(/^[0-9a-f-]{36}$/);
    expect(orders[1]!.key).toBe(orders[0]!.key);
  });

  it('uses a new key in a new dialog', async () => {
    const orders = serve([json(201, order), json(201, order)]);
    const first = await open();
    fireEvent.click(screen.getByRole('button', { name: 'Place order' }));
    await screen.findByText(/^Order order-1/);
    first.unmount();
    await open();
    fireEvent.click(screen.getByRole('button', { name: 'Place order' }));
    await waitFor(() => expect(orders).toHaveLength(2));
    expect(orders[1]!.key).not.toBe(orders[0]!.key);
  });

  it('shows the server\'s refusal at the quantity and sends nothing for a bad number', async () => {
    const orders = serve([json(400, { error: { code: 'Request_BadRequest', message: 'Atrium Business Basic allows at most 300 licenses per organization.' } })]);
    await open('nl');
    const field = screen.getByRole('spinbutton', { name: 'Aantal' });
    fireEvent.change(field, { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Bestelling plaatsen' }));
    await screen.findByText('Voer een geheel getal van minimaal 1 in.');
    expect(orders).toHaveLength(0);
    fireEvent.change(field, { target: { value: '301' } });
    expect(screen.getByText(/^Maandprijs voor 301 licenties: € 1\.836,10$/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Bestelling plaatsen' }));
    await screen.findByText('Atrium Business Basic allows at most 300 licenses per organization.');
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
  });
});
