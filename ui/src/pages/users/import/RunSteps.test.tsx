import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testI18n, wrapper } from '../../groups/testing';
import { ProgressStep } from './ProgressStep';
import { ResultsStep } from './ResultsStep';
import { anImport, catchDownloads, serve } from './testing';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const running = anImport({ status: 'running', total: 12000, valid: 12000, done: 3000, created: 2990, failed: 10, ratePerSecond: 1234.4 });
const finished = anImport({
  status: 'completed', total: 6, valid: 5, invalid: 1, done: 5, created: 4, failed: 1,
  options: { accountEnabled: true, skuIds: [], credentials: 'password', skipInvalidRows: true },
});

describe('ProgressStep', () => {
  it('shows rows done, created, failed and the pace in the UI\'s language', async () => {
    serve({});
    render(<ProgressStep imp={running} />, { wrapper: wrapper(await testI18n('nl')) });
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('0.25');
    expect(screen.getByText('3.000 van 12.000 rijen verwerkt')).toBeTruthy();
    expect(screen.getByText('Gemaakt: 2.990')).toBeTruthy();
    expect(screen.getByText('Mislukt: 10')).toBeTruthy();
    expect(screen.getByText('1.234 gebruikers per seconde')).toBeTruthy();
  });

  it('formats the pace with Intl in English', async () => {
    serve({});
    render(<ProgressStep imp={{ ...running, ratePerSecond: 1 }} />, { wrapper: wrapper(await testI18n()) });
    expect(screen.getByText('1 user per second')).toBeTruthy();
    cleanup();
    render(<ProgressStep imp={{ ...running, ratePerSecond: 2.5 }} />, { wrapper: wrapper(await testI18n()) });
    expect(screen.getByText('2.5 users per second')).toBeTruthy();
    expect(screen.getByText('3,000 of 12,000 rows done')).toBeTruthy();
  });
});

describe('ResultsStep', () => {
  it('counts the results and links the results file and the sign-in sheet', async () => {
    serve({ 'GET /api/imports/imp-1/results': () => new Response('Row,User Name\r\n', { status: 200, headers: { 'Content-Disposition': 'attachment; filename="staff-results.csv"' } }) });
    const saved = catchDownloads();
    render(<ResultsStep imp={finished} />, { wrapper: wrapper(await testI18n()) });
    expect(screen.getByRole('status').textContent).toBe('4 of 6 users created, 1 failed.');
    expect(screen.getByText('1 row with problems was skipped.')).toBeTruthy();
    const print = screen.getByRole('link', { name: 'Print sign-in details' });
    expect(print.getAttribute('href')).toBe('/api/imports/imp-1/sheet');
    expect(print.getAttribute('target')).toBe('_blank');
    fireEvent.click(screen.getByRole('button', { name: 'Download results' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.name).toBe('staff-results.csv');
    expect(screen.getByRole('button', { name: 'Add more users' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Done' })).toBeTruthy();
  });

  it('shows why a failed import stopped', async () => {
    serve({});
    render(<ResultsStep imp={anImport({ status: 'failed', error: 'The server restarted during the import.', created: 0 })} />, { wrapper: wrapper(await testI18n()) });
    expect(screen.getByRole('alert').textContent).toContain('The server restarted during the import.');
    expect(screen.queryByRole('link', { name: 'Print sign-in details' })).toBeNull();
  });
});
