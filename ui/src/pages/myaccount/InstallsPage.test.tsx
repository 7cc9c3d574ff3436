import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testI18n, wrapper } from '../groups/testing';
import type { Install } from './installs/model';
import InstallsPage from './InstallsPage';

const json = (status: number, body: unknown) =>
  new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const install = (id: string, deviceName: string, kind: Install['kind']): Install => ({ id, deviceName, kind, activatedDateTime: '2026-11-30T15:00:00Z' });
const limits = { pc: 5, tablet: 5, phone: 5 };

afterEach(() => vi.unstubAllGlobals());

/** serve answers GET /api/me/installs with the current list and other calls with answer; it records the unsafe calls. */
function serve(list: Install[], eligible = true, answer: (method: string, url: string) => Response = () => json(204, null)) {
  const calls: { method: string; url: string; body?: unknown }[] = [];
  let value = list;
  vi.stubGlobal('ResizeObserver', class { observe() {} unobserve() {} disconnect() {} });
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
    const method = init.method ?? 'GET';
    if (method === 'GET' && url === '/api/me/installs') return json(200, { value, limits, eligible });
    calls.push({ method, url, body: init.body ? JSON.parse(String(init.body)) : undefined });
    if (method === 'DELETE') value = value.filter((i) => url !== `/api/me/installs/${i.id}`);
    const res = answer(method, url);
    if (method === 'POST' && res.status === 201) value = [...value, (await res.clone().json()) as Install];
    return res;
  }));
  return calls;
}

async function show(lng = 'en') {
  const i18n = await testI18n(lng);
  render(<InstallsPage />, { wrapper: wrapper(i18n, '/myaccount/installs') });
}

const laptops = [1, 2, 3, 4, 5].map((n) => install(`i${n}`, `Laptop ${n}`, 'pc'));

describe('InstallsPage', () => {
  it('shows per kind the devices and how many of the limit they use', async () => {
    serve([install('a', 'Laptop', 'pc'), install('b', 'Desktop', 'pc'), install('c', 'Pixel', 'phone')]);
    await show();
    const pcs = await screen.findByRole('region', { name: 'PCs and Macs' });
    expect(within(pcs).getByText('2 of 5')).toBeTruthy();
    expect(within(pcs).getAllByRole('row').map((r) => r.textContent)).toEqual([
      expect.stringContaining('Device'), expect.stringContaining('Laptop'), expect.stringContaining('Desktop'),
    ]);
    expect(within(screen.getByRole('region', { name: 'Tablets' })).getByText('0 of 5')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Tablets' })).getByText('No devices.')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Phones' })).getByText('1 of 5')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('names the kinds in Dutch', async () => {
    serve([install('a', 'Laptop', 'pc')]);
    await show('nl');
    const pcs = await screen.findByRole('region', { name: "Pc's en Macs" });
    expect(within(pcs).getByText('1 van 5')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Telefoons' })).toBeTruthy();
  });

  it('asks for a device name before sending, then shows the server\'s refusal as it is', async () => {
    const refusal = 'You have activated the apps on 5 PCs or Macs already: Laptop 1, Laptop 2, Laptop 3, Laptop 4, Laptop 5. Deactivate one first.';
    const calls = serve(laptops, true, () => json(409, { error: { code: 'Request_Conflict', message: refusal } }));
    await show();
    await screen.findByText('5 of 5');
    fireEvent.click(screen.getByRole('button', { name: 'Activate' }));
    await screen.findByText('Enter a device name.');
    expect(calls).toEqual([]);
    fireEvent.change(screen.getByRole('textbox', { name: /^Device name/ }), { target: { value: '  Laptop 6 ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Activate' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(refusal);
    expect(calls).toEqual([{ method: 'POST', url: '/api/me/installs', body: { deviceName: 'Laptop 6', kind: 'pc' } }]);
  });

  it('sends the chosen kind and lists the new device', async () => {
    const calls = serve([], true, () => json(201, install('t1', 'iPad', 'tablet')));
    await show();
    fireEvent.change(await screen.findByRole('textbox', { name: /^Device name/ }), { target: { value: 'iPad' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Device type' }), { target: { value: 'tablet' } });
    fireEvent.click(screen.getByRole('button', { name: 'Activate' }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]!.body).toEqual({ deviceName: 'iPad', kind: 'tablet' });
    await waitFor(() => expect((screen.getByRole('textbox', { name: /^Device name/ }) as HTMLInputElement).value).toBe(''));
    const tablets = screen.getByRole('region', { name: 'Tablets' });
    await within(tablets).findByText('1 of 5');
    expect(within(tablets).getByRole('cell', { name: 'iPad' })).toBeTruthy();
  });

  it('deactivates a device only after the confirmation', async () => {
    const calls = serve(laptops);
    await show();
    const row = (await screen.findAllByRole('row')).find((r) => r.textContent?.includes('Laptop 3'))!;
    fireEvent.click(within(row).getByRole('button', { name: 'Deactivate' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Deactivate Laptop 3?' });
    expect(calls).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Deactivate' }));
    await waitFor(() => expect(calls).toEqual([{ method: 'DELETE', url: '/api/me/installs/i3' }]));
    await screen.findByText('4 of 5');
    expect(screen.queryByText('Laptop 3')).toBeNull();
  });

  it('says why and disables the form when the account doesn\'t include the apps', async () => {
    serve([install('a', 'Old laptop', 'pc')], false);
    await show();
    await screen.findByText("Your account doesn't include the Office apps. Ask your admin for a license.");
    expect((screen.getByRole('textbox', { name: /^Device name/ }) as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByRole('combobox', { name: 'Device type' }) as HTMLSelectElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Activate' }) as HTMLButtonElement).disabled).toBe(true);
    // An old activation can still be deactivated.
    expect((screen.getByRole('button', { name: 'Deactivate' }) as HTMLButtonElement).disabled).toBe(false);
  });
});
