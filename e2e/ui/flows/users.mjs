// Browser flows of Users → Active users, for e2e/ui/run.mjs. Each takes a
// Playwright page signed in as a Global admin and the catalog function t of
// e2e/ui/catalog.mjs, finds everything by the names a person (or a screen
// reader) sees in the current language, and throws when the page doesn't
// do what it should.

import { runWizard } from './adduser.mjs';

const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** named matches a text with a {{name}} placeholder, whatever the name. */
const named = (t, key) => new RegExp(`^${t(key, { name: '\u0000' }).split('\u0000').map(esc).join('.*')}$`);

/** openUsers opens Active users from the left navigation. */
export async function openUsers(page, t) {
  await page.getByRole('navigation', { name: t('common:nav.adminLabel') })
    .getByRole('link', { name: t('common:nav.activeUsers'), exact: true }).click();
  await page.getByRole('heading', { name: t('users:title'), exact: true }).waitFor();
}

/** findUser searches Active users for upn and returns the user's row. */
async function findUser(page, t, upn) {
  if (!new URL(page.url()).pathname.startsWith('/admin/users') || new URL(page.url()).pathname.startsWith('/admin/users/deleted')) {
    await openUsers(page, t);
  }
  // The view is remembered per admin: search all users.
  const view = page.getByRole('combobox', { name: t('users:view.label') });
  if ((await view.textContent()).trim() !== t('users:view.all')) {
    await view.click();
    await page.getByRole('option', { name: t('users:view.all'), exact: true }).click();
  }
  await page.getByRole('searchbox', { name: t('users:search') }).fill(upn);
  const row = page.getByRole('grid', { name: t('users:list.label') }).getByRole('row').filter({ hasText: upn });
  await row.first().waitFor();
  const n = await row.count();
  if (n !== 1) throw new Error(`searching for ${upn} shows ${n} matching rows, want 1`);
  return row;
}

/** openPanel opens the user's details panel from their row and returns it. */
async function openPanel(page, t, upn) {
  const row = await findUser(page, t, upn);
  await row.click();
  // The panel is the dialog with the user's tabs (a dialog opened from it, such as Reset password, also shows the name).
  const panel = page.getByRole('dialog').filter({ hasText: upn })
    .filter({ has: page.getByRole('tab', { name: t('users:panel.tab.account'), exact: true }) });
  await panel.getByRole('tab', { name: t('users:panel.tab.account'), exact: true }).waitFor();
  if (new URL(page.url()).searchParams.get('user') === null) throw new Error(`the open panel isn't in the address: ${page.url()}`);
  return panel;
}

async function closePanel(page, t, panel) {
  await panel.getByRole('button', { name: t('common:action.close'), exact: true }).first().click();
  await panel.waitFor({ state: 'detached' });
}

/** createUser adds a user with the Add a user wizard (automatic password, no license) and returns the temporary password it shows once. */
export async function createUser(page, t, { firstName, lastName, username, domain }) {
  await openUsers(page, t);
  const done = await runWizard(page, t, { firstName, lastName, username, domain, mode: 'generate', emails: '' });
  const password = await done.getByTestId('created-password').getAttribute('data-value');
  if (!password || password.length < 8) throw new Error(`no temporary password shown: "${password}"`);
  await done.getByRole('button', { name: t('common:action.close'), exact: true }).last().click();
  await findUser(page, t, `${username}@${domain}`);
  return password;
}

/** resetPassword resets the user's password from their details panel and returns the new temporary password. */
export async function resetPassword(page, t, upn) {
  const panel = await openPanel(page, t, upn);
  await panel.getByRole('button', { name: t('users:action.resetPassword'), exact: true }).click();
  const dialog = page.getByRole('dialog', { name: named(t, 'users:reset.title') });
  await dialog.getByRole('button', { name: t('users:reset.submit'), exact: true }).click();
  await dialog.getByText(t('users:reset.done')).waitFor();
  const password = await dialog.getByTestId('reset-password').getAttribute('data-value');
  if (!password || password.length < 8) throw new Error(`no temporary password shown: "${password}"`);
  await dialog.getByRole('button', { name: t('common:action.close'), exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  await closePanel(page, t, panel);
  return password;
}

/** assignRole gives the user a role on the Roles tab of their details panel and checks the tab lists it. */
export async function assignRole(page, t, upn, roleDisplayName) {
  const panel = await openPanel(page, t, upn);
  await panel.getByRole('tab', { name: t('users:panel.tab.roles'), exact: true }).click();
  await panel.getByRole('combobox', { name: t('users:roles.pick'), exact: true }).click();
  await page.getByRole('option', { name: roleDisplayName, exact: true }).click();
  await panel.getByRole('button', { name: t('users:roles.assign'), exact: true }).click();
  await panel.getByRole('table', { name: t('users:panel.tab.roles') }).getByText(roleDisplayName, { exact: true }).waitFor();
  await closePanel(page, t, panel);
  // The list marks the user as an admin.
  const row = await findUser(page, t, upn);
  await row.getByText(t('users:badge.admin'), { exact: true }).waitFor();
}

/** deleteAndUndo deletes the user from their details panel, then restores them with Undo in the toast. */
export async function deleteAndUndo(page, t, upn) {
  const panel = await openPanel(page, t, upn);
  await panel.getByRole('button', { name: t('users:action.deleteOne'), exact: true }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: t('users:action.deleteOne'), exact: true }).click();
  await panel.waitFor({ state: 'detached' });
  const grid = page.getByRole('grid', { name: t('users:list.label') });
  await page.getByText(t('users:list.noMatch'), { exact: true }).waitFor();
  if (await grid.getByRole('row').filter({ hasText: upn }).count()) throw new Error(`${upn} is still listed after deleting`);
  await page.getByRole('button', { name: t('users:delete.undo'), exact: true }).or(page.getByRole('link', { name: t('users:delete.undo'), exact: true })).click();
  await grid.getByRole('row').filter({ hasText: upn }).waitFor();
}
