import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { testI18n, wrapper } from '../groups/testing';
import type { Matrix } from './matrix';
import { PermissionMatrix } from './PermissionMatrix';

const matrix: Matrix = {
  permissions: ['org.read', 'passwords.reset', 'users.write'],
  roles: [
    { templateId: '62e90394-69f5-4237-9190-012177145e10', displayName: 'Global Administrator', label: 'Global admin', description: '',
      cells: { 'org.read': 'Y', 'passwords.reset': 'Y', 'users.write': 'Y' } },
    { templateId: 'fe930be7-5e62-47db-91af-98c3a49a38b1', displayName: 'User Administrator', label: 'User management admin', description: '',
      cells: { 'org.read': 'Y', 'passwords.reset': 'L1', 'users.write': 'L2' } },
    { templateId: '00000000-0000-0000-0000-000000000001', displayName: 'Some Future Role', label: 'Future admin', description: '',
      cells: { 'org.read': 'R', 'passwords.reset': 'N', 'users.write': 'N' } },
  ],
};

afterEach(cleanup);

describe('PermissionMatrix', () => {
  it('renders a row per permission and a column per role, from the data', async () => {
    const i18n = await testI18n('en');
    render(<PermissionMatrix matrix={matrix} caption="Matrix" />, { wrapper: wrapper(i18n) });
    const table = screen.getByRole('table', { name: 'Matrix' });
    const cols = within(table).getAllByRole('columnheader').map((c) => c.textContent);
    expect(cols).toEqual(['Permission', 'Global admin', 'User management admin', 'Future admin']);
    const rows = within(table).getAllByRole('rowheader').map((c) => c.textContent);
    expect(rows).toEqual(['View organization and user information', 'Reset user passwords', 'Create, edit, and delete users and groups']);
    const reset = within(table).getByRole('rowheader', { name: 'Reset user passwords' }).closest('tr')!;
    expect(within(reset).getAllByRole('cell').map((c) => c.textContent)).toEqual(['Yes', 'Yes, restricted2', 'No']);
  });

  it('numbers the restriction notes in order of first use and shows the seed texts', async () => {
    const i18n = await testI18n('nl');
    render(<PermissionMatrix matrix={matrix} caption="Matrix" />, { wrapper: wrapper(i18n) });
    const notes = screen.getAllByRole('listitem').map((li) => [li.id, li.textContent]);
    expect(notes).toEqual([
      ['matrix-note-R', 'Ja (maar kan niet bewerken).'],
      ['matrix-note-L1', 'Ja; met beperkingen. Deze beheerder kan alleen wachtwoorden voor niet-beheerders opnieuw instellen.'],
      ['matrix-note-L2', 'Ja; met beperkingen. Deze beheerder kan geen hoofdbeheerder verwijderen of andere beheerders maken.'],
    ]);
    expect(screen.getByRole('link', { name: 'opmerking 3' }).getAttribute('href')).toBe('#matrix-note-L2');
    // Dutch role names carry soft hyphens, so that narrow columns break them between their parts.
    expect(screen.getByRole('columnheader', { name: (n) => n.replace(/\u00ad/g, '') === 'Gebruikersbeheerder' })).toBeTruthy();
  });

  it('shows one role and only its notes', async () => {
    const i18n = await testI18n('en');
    render(<PermissionMatrix matrix={matrix} roles={[matrix.roles[2]]} caption="One" />, { wrapper: wrapper(i18n) });
    expect(screen.getAllByRole('listitem').map((li) => li.id)).toEqual(['matrix-note-R']);
  });
});
