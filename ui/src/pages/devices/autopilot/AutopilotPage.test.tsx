import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testI18n, wrapper } from '../../groups/testing';
import { json } from '../../partner/testing';
import AutopilotPage from './AutopilotPage';

const device = (over: Record<string, unknown> = {}) => ({
  id: 'd1', serialNumber: 'SN-001', productKey: '', hardwareHash: '', manufacturer: 'Microsoft Corporation', model: 'Surface Laptop',
  groupTag: 'Sales', batchName: 'b1', uploadedDateTime: '2026-03-01T10:00:00Z',
  addedBy: { kind: 'customer', partnerTenantId: null, channel: 'adminCenter' }, deploymentProfileId: null, profileAssignmentStatus: 'notAssigned', ...over,
});
const fromPartner = device({ id: 'd2', serialNumber: 'SN-002', addedBy: { kind: 'partner', partnerTenantId: 'p1', channel: 'partnerCenter' },
  deploymentProfileId: 'k1', profileAssignmentStatus: 'assigned' });
const store = device({ id: 'd3', serialNumber: 'SN-003', addedBy: { kind: 'customer', partnerTenantId: null, channel: 'storeForBusiness' } });
const kiosk = { id: 'k1', name: 'Kiosk', description: 'Lobby', skipPrivacySettings: true, disableLocalAdminAccount: false, skipWorkOrSchoolQuestion: true,
  skipAssistantCloudAndOemPages: false, skipEula: false, devicesAssigned: 1 };

interface Call { method: string; url: string; body: unknown; type?: string }

/** serve stubs fetch like the partner pages' helper, and also reads a file body as text. */
function serve(answers: Record<string, Response | (() => Response)>) {
  const calls: Call[] = [];
  vi.stubGlobal('ResizeObserver', class { observe() {} unobserve() {} disconnect() {} });
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
    const method = init.method ?? 'GET';
    const headers = (init.headers ?? {}) as Record<string, string>;
    let body: unknown;
    if (init.body instanceof Blob) body = await init.body.text();
    else if (init.body) body = JSON.parse(String(init.body));
    calls.push({ method, url, body, type: headers['Content-Type'] });
    const a = answers[`${method} ${url}`];
    if (a) return typeof a === 'function' ? a() : a.clone();
    return json(404, { error: { code: 'Request_ResourceNotFound', message: `${method} ${url}` } });
  }));
  return calls;
}

async function show(lng = 'en', path = '/admin/devices/autopilot') {
  const i18n = await testI18n(lng);
  render(<Routes><Route path="/admin/devices/autopilot/*" element={<AutopilotPage />} /></Routes>, { wrapper: wrapper(i18n, path) });
}

afterEach(() => vi.unstubAllGlobals());

describe('AutopilotPage', () => {
  it('lists devices with who added them and their profile', async () => {
    serve({
      'GET /api/devices/autopilot': json(200, { value: [device(), fromPartner, store] }),
      'GET /api/devices/autopilot/profiles': json(200, { value: [kiosk] }),
    });
    await show();
    const table = await screen.findByRole('table', { name: 'Autopilot devices' });
    const own = within(table).getByText('SN-001').closest('tr')!;
    expect(within(own).getByText('You (admin center)')).toBeTruthy();
    expect(within(own).getByText('Not assigned')).toBeTruthy();
    const p = within(table).getByText('SN-002').closest('tr')!;
    expect(within(p).getByText('Partner p1')).toBeTruthy();
    await within(p).findByText(/Kiosk/);
    expect(within(p).getByText('Assigned')).toBeTruthy();
    expect(within(within(table).getByText('SN-003').closest('tr')!).getByText('Store for Business')).toBeTruthy();
  });

  it('speaks Dutch', async () => {
    serve({ 'GET /api/devices/autopilot': json(200, { value: [device()] }), 'GET /api/devices/autopilot/profiles': json(200, { value: [] }) });
    await show('nl');
    expect(await screen.findByText('U (beheercentrum)')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'CSV uploaden' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Implementatieprofielen' })).toBeTruthy();
  });

  it('adds a device and shows the server\'s 400 naming the field', async () => {
    let ok = false;
    const calls = serve({
      'GET /api/devices/autopilot': json(200, { value: [] }),
      'GET /api/devices/autopilot/profiles': json(200, { value: [] }),
      'POST /api/devices/autopilot': () => ok ? json(201, { value: [device()] })
        : json(400, { error: { code: 'Request_BadRequest', message: 'Device 1: serialNumber SN-001 is already registered.', target: 'serialNumber' } }),
    });
    await show();
    await screen.findByText('No devices are registered for Autopilot.');
    fireEvent.click(screen.getByRole('button', { name: 'Add a device' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a device' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Serial number/ }), { target: { value: 'SN-001' } });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Manufacturer/ }), { target: { value: 'Microsoft Corporation' } });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Model/ }), { target: { value: 'Surface Laptop' } });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Group tag/ }), { target: { value: 'Sales' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add' }));
    await screen.findByText(/Device 1: serialNumber SN-001 is already registered\./);
    ok = true;
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add', hidden: true }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Add a device' })).toBeNull());
    expect(calls.filter((c) => c.method === 'POST').pop()!.body).toEqual({
      batchName: '', groupTag: 'Sales', channel: 'adminCenter',
      devices: [{ serialNumber: 'SN-001', manufacturer: 'Microsoft Corporation', model: 'Surface Laptop' }],
    });
  }, 20_000);

  it('uploads a CSV file as text/csv', async () => {
    const csv = 'Device Serial Number,Windows Product ID,Hardware Hash,Manufacturer name,Device model\nSN-9,,,Microsoft Corporation,Surface Laptop\n';
    const calls = serve({
      'GET /api/devices/autopilot': json(200, { value: [] }),
      'GET /api/devices/autopilot/profiles': json(200, { value: [] }),
      'POST /api/devices/autopilot?channel=adminCenter&batchName=March': json(201, { value: [device()] }),
    });
    await show();
    fireEvent.click(await screen.findByRole('button', { name: 'Upload CSV' }));
    const dialog = await screen.findByRole('dialog', { name: 'Upload devices' });
    const input = within(dialog).getByLabelText(/Device file \(CSV\)/) as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File([csv], 'devices.csv', { type: 'text/csv' })] });
    fireEvent.change(input);
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Batch name/ }), { target: { value: 'March' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Upload' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.type).toBe('text/csv');
    expect(post.body).toBe(csv);
  }, 20_000);

  it('assigns a profile and deletes a device after confirmation', async () => {
    const calls = serve({
      'GET /api/devices/autopilot': json(200, { value: [device()] }),
      'GET /api/devices/autopilot/profiles': json(200, { value: [kiosk] }),
      'POST /api/devices/autopilot/d1/profile': json(200, device({ deploymentProfileId: 'k1', profileAssignmentStatus: 'assigned' })),
      'DELETE /api/devices/autopilot/d1': json(204, null),
    });
    await show();
    fireEvent.click(await screen.findByText('SN-001'));
    const panel = await screen.findByRole('dialog', { name: 'SN-001' });
    fireEvent.click(within(panel).getByRole('combobox', { name: 'Profile' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Kiosk' }));
    fireEvent.click(within(panel).getByRole('button', { name: 'Assign profile' }));
    await waitFor(() => expect(calls.some((c) => c.url === '/api/devices/autopilot/d1/profile')).toBe(true));
    expect(calls.find((c) => c.url === '/api/devices/autopilot/d1/profile')!.body).toEqual({ profileId: 'k1' });
    fireEvent.click(within(panel).getByRole('button', { name: 'Delete' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Delete device SN-001?' });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Delete', hidden: true }));
    await waitFor(() => expect(calls.some((c) => c.method === 'DELETE' && c.url === '/api/devices/autopilot/d1')).toBe(true));
  }, 20_000);

  it('creates, edits and deletes deployment profiles', async () => {
    const calls = serve({
      'GET /api/devices/autopilot/profiles': json(200, { value: [kiosk] }),
      'POST /api/devices/autopilot/profiles': json(201, { ...kiosk, id: 'k2', name: 'Office' }),
      'PATCH /api/devices/autopilot/profiles/k1': json(200, kiosk),
      'DELETE /api/devices/autopilot/profiles/k1': json(204, null),
    });
    await show('en', '/admin/devices/autopilot/profiles');
    const table = await screen.findByRole('table', { name: 'Deployment profiles' });
    fireEvent.click(screen.getByRole('button', { name: 'Create profile' }));
    let dialog = await screen.findByRole('dialog', { name: 'Create deployment profile' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Name/ }), { target: { value: 'Office' } });
    fireEvent.click(within(dialog).getByRole('switch', { name: 'Skip privacy settings' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
      name: 'Office', description: '', skipPrivacySettings: true, disableLocalAdminAccount: false, skipWorkOrSchoolQuestion: false,
      skipAssistantCloudAndOemPages: false, skipEula: false,
    });
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Create deployment profile' })).toBeNull());
    fireEvent.click(within(table).getByText('Kiosk'));
    dialog = await screen.findByRole('dialog', { name: 'Edit Kiosk' });
    expect((within(dialog).getByRole('switch', { name: 'Set up for work or school automatically', hidden: true }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(within(dialog).getByRole('switch', { name: 'Skip the license terms (EULA)', hidden: true }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save', hidden: true }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    expect((calls.find((c) => c.method === 'PATCH')!.body as { skipEula: boolean }).skipEula).toBe(true);
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Edit Kiosk' })).toBeNull());
    fireEvent.click(within(table).getByRole('button', { name: 'Delete profile Kiosk' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Delete profile Kiosk?' });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Delete', hidden: true }));
    await waitFor(() => expect(calls.some((c) => c.method === 'DELETE')).toBe(true));
  }, 20_000);
});
