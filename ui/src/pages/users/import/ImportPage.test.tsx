import { render, screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testI18n, wrapper } from '../../groups/testing';
import ImportPage from './ImportPage';
import { anImport, json, serve } from './testing';
import type { Import } from './types';

afterEach(() => vi.unstubAllGlobals());

async function open(path: string, imp?: Import) {
  serve({ 'GET /api/imports': () => json(200, { value: [] }), ...(imp && { [`GET /api/imports/${imp.id}`]: () => json(200, imp) }) });
  const i18n = await testI18n();
  render(<Routes><Route path="/admin/users/import/*" element={<ImportPage />} /></Routes>, { wrapper: wrapper(i18n, path) });
}

const current = () => screen.getByRole('list', { name: 'Steps' }).querySelector('[aria-current="step"]')?.textContent;

describe('ImportPage', () => {
  it('starts at Upload', async () => {
    await open('/admin/users/import');
    expect(current()).toBe('1. Upload');
    expect(screen.getByRole('button', { name: 'Download a CSV template with an example row' })).toBeTruthy();
  });

  it.each([
    ['validating', '2. Verify'],
    ['awaitingConfirmation', '2. Verify'],
    ['running', '4. Create users'],
    ['completed', '5. View results'],
    ['failed', '5. View results'],
  ] as const)('resumes an import that is %s at %s', async (status, step) => {
    await open('/admin/users/import/imp-1', anImport({ status }));
    await screen.findByRole('list', { name: 'Steps' });
    expect(current()).toBe(step);
  });
});
