import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useLocation } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testI18n, wrapper } from '../../groups/testing';
import { anImport, json, serve } from './testing';
import { UploadStep } from './UploadStep';

afterEach(() => vi.unstubAllGlobals());

function Where() {
  return <output data-testid="where">{useLocation().pathname}</output>;
}

async function show(lng = 'en') {
  const i18n = await testI18n(lng);
  render(<><UploadStep /><Where /></>, { wrapper: wrapper(i18n, '/admin/users/import') });
}

const pick = (label: string) =>
  fireEvent.change(screen.getByLabelText(label, { exact: false }), { target: { files: [new File(['User Name,Display Name\n'], 'staff.csv', { type: 'text/csv' })] } });

describe('UploadStep', () => {
  it('shows the server\'s message when it refuses the file', async () => {
    serve({
      'GET /api/imports': () => json(200, { value: [] }),
      'POST /api/imports': () => json(400, { error: { code: 'Request_BadRequest', message: 'The header must be the 16 columns of the template.' } }),
    });
    await show();
    const upload = screen.getByRole('button', { name: 'Upload' });
    expect((upload as HTMLButtonElement).disabled).toBe(true);
    pick('CSV file');
    fireEvent.click(upload);
    await screen.findByText('The header must be the 16 columns of the template.', { exact: false });
    expect(screen.getByTestId('where').textContent).toBe('/admin/users/import');
    await screen.findByText('No imports in the last 7 days.');
  });

  it('explains a 413 without an error body', async () => {
    serve({ 'POST /api/imports': () => new Response('too big', { status: 413, statusText: 'Request Entity Too Large' }) });
    await show('nl');
    pick('CSV-bestand');
    fireEvent.click(screen.getByRole('button', { name: 'Uploaden' }));
    await screen.findByText('Het bestand is te groot om te uploaden.');
  });

  it('sends the file as multipart with autoStart and opens the import', async () => {
    const calls = serve({ 'POST /api/imports': () => json(202, anImport({ id: 'imp-7', status: 'validating' })) });
    await show();
    pick('CSV file');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Start creating as soon as the file checks out' }));
    fireEvent.click(screen.getByRole('button', { name: 'Upload' }));
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/admin/users/import/imp-7'));
    const body = calls.find((c) => c.method === 'POST')!.body as FormData;
    expect(body).toBeInstanceOf(FormData);
    expect((body.get('file') as File).name).toBe('staff.csv');
    expect(body.get('autoStart')).toBe('true');
  });

  it('lists recent imports with a link that reopens each', async () => {
    serve({ 'GET /api/imports': () => json(200, { value: [anImport({ status: 'completed', created: 4, total: 5 })] }) });
    await show();
    const link = await screen.findByRole('link', { name: 'staff.csv' });
    expect(link.getAttribute('href')).toBe('/admin/users/import/imp-1');
    expect(screen.getByText('Completed')).toBeTruthy();
    expect(screen.getByText('4 created of 5')).toBeTruthy();
  });
});
