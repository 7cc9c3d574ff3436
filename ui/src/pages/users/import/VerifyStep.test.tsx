import { fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testI18n, wrapper } from '../../groups/testing';
import { anImport, catchDownloads, serve } from './testing';
import type { Import } from './types';
import { VerifyStep } from './VerifyStep';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const bad = anImport({
  total: 4, valid: 3, invalid: 1, problemCount: 120,
  problems: [{ row: 4, column: 'User Name', message: 'The domain example.org is not a verified domain of your organization.' }],
});

async function show(imp: Import, onNext = () => {}) {
  serve({});
  const i18n = await testI18n();
  function Host() {
    const [skip, setSkip] = useState(false);
    return <VerifyStep imp={imp} skip={skip} onSkip={setSkip} onNext={onNext} />;
  }
  render(<Host />, { wrapper: wrapper(i18n) });
}

describe('VerifyStep', () => {
  it('waits while the file is checked', async () => {
    await show(anImport({ status: 'validating' }));
    expect(screen.getByText('Checking staff.csv…')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Next' })).toBeNull();
  });

  it('lists the problems and goes on only once they are skipped', async () => {
    const next = vi.fn();
    await show(bad, next);
    expect(screen.getByRole('status').textContent).toBe('staff.csv: 4 rows, 3 ready to create, 1 with problems.');
    const table = screen.getByRole('table', { name: 'Problems' });
    const cells = within(table).getAllByRole('row')[1]!.querySelectorAll('td');
    expect([...cells].map((c) => c.textContent)).toEqual(['4', 'User Name', 'The domain example.org is not a verified domain of your organization.']);
    expect(screen.getByText('Showing the first 1 of 120 problems.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Download all problems' })).toBeTruthy();
    const nextButton = screen.getByRole('button', { name: 'Next' }) as HTMLButtonElement;
    expect(nextButton.disabled).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Skip the rows with problems and create the others' }));
    expect(nextButton.disabled).toBe(false);
    fireEvent.click(nextButton);
    expect(next).toHaveBeenCalledOnce();
  });

  it('offers no skip when no row can be created', async () => {
    await show(anImport({ total: 1, valid: 0, invalid: 1, problemCount: 1, problems: [{ row: 2, column: 'Display Name', message: 'Required.' }] }));
    expect(screen.getByText('No row can be created. Fix the file and upload it again.')).toBeTruthy();
    expect(screen.queryByRole('checkbox')).toBeNull();
    expect((screen.getByRole('button', { name: 'Next' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('downloads all problems with the session', async () => {
    const saved = catchDownloads();
    await show(bad);
    const fetch = vi.fn(async () => new Response('Row,Column,Problem\r\n', { status: 200, headers: { 'Content-Type': 'text/csv' } }));
    vi.stubGlobal('fetch', fetch);
    fireEvent.click(screen.getByRole('button', { name: 'Download all problems' }));
    await vi.waitFor(() => expect(saved).toHaveLength(1));
    expect(fetch).toHaveBeenCalledWith('/api/imports/imp-1/problems', { credentials: 'same-origin' });
    expect(saved[0]!.name).toBe('problems.csv');
    expect(await saved[0]!.blob.text()).toBe('Row,Column,Problem\r\n');
  });
});
