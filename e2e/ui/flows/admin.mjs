// Browser flows of Groups, Roles, Org settings and the Audit log, for
// e2e/ui/run.mjs. Each takes a Playwright page signed in as a Global admin
// and the catalog function t of e2e/ui/catalog.mjs, finds everything by the
// names a person (or a screen reader) sees, and throws when the page
// doesn't do what it should.

const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const startsWith = (s) => new RegExp(`^${esc(s)}`);

/** nav opens an admin page from the left navigation. */
async function nav(page, t, label) {
  await page.getByRole('navigation', { name: t('common:nav.adminLabel') }).getByRole('link', { name: t(label), exact: true }).click();
}

/** openRoles opens Role assignments, checks the permission matrix (15 permissions × the roles) and the Global admin's Assigned list. */
export async function openRoles(page, t) {
  await nav(page, t, 'common:nav.roleAssignments');
  await page.getByRole('heading', { name: t('roles:title'), exact: true }).waitFor();
  const matrix = page.getByRole('table', { name: t('roles:matrix.caption') });
  await matrix.waitFor();
  const rows = await matrix.getByRole('rowheader').count();
  if (rows !== 15) throw new Error(`the permission matrix has ${rows} permission rows, want 15`);
  const globalAdmin = t('roles:role.62e90394-69f5-4237-9190-012177145e10.label');
  await matrix.getByRole('columnheader', { name: globalAdmin, exact: true }).waitFor();
  const row = matrix.getByRole('row').filter({ has: page.getByRole('rowheader', { name: t('roles:perm.roles_delegate'), exact: true }) });
  const cells = await row.getByRole('cell').allTextContents();
  const yes = cells.filter((c) => c === t('roles:cell.Y')).length;
  if (yes !== 1) throw new Error(`"${t('roles:perm.roles_delegate')}" is granted by ${yes} roles in the matrix, want 1 (Global admin)`);
  await page.getByRole('link', { name: globalAdmin, exact: true }).click();
  await page.getByRole('heading', { name: globalAdmin, exact: true }).waitFor();
  await page.getByRole('table', { name: t('roles:page.assigned'), exact: true }).getByRole('row').nth(1).waitFor();
}

/** createGroup adds a security group with the Add a group wizard and checks that its details panel opens and the list shows it. */
export async function createGroup(page, t, name) {
  await nav(page, t, 'common:nav.activeGroups');
  await page.getByRole('heading', { name: t('groups:title'), exact: true }).waitFor();
  await page.getByRole('button', { name: t('groups:add.button'), exact: true }).click();
  const dialog = page.getByRole('dialog', { name: t('groups:add.title') });
  await dialog.getByRole('radio', { name: t('groups:kind.security'), exact: true }).check();
  const next = dialog.getByRole('button', { name: t('groups:add.next'), exact: true });
  await next.click();
  await dialog.getByRole('textbox', { name: t('groups:add.name'), exact: true }).fill(name);
  await next.click();
  await dialog.getByRole('searchbox').first().waitFor();
  await next.click();
  await dialog.getByText(name, { exact: true }).waitFor();
  await dialog.getByRole('button', { name: t('groups:add.submit'), exact: true }).click();
  const panel = page.getByRole('dialog', { name, exact: true });
  await panel.getByRole('tab', { name: t('groups:panel.members'), exact: true }).waitFor();
  if (!/\/admin\/groups\/[0-9a-f-]{36}$/.test(new URL(page.url()).pathname)) throw new Error(`after creating, the address is ${page.url()}`);
  await panel.getByRole('button', { name: t('groups:panel.close'), exact: true }).click();
  await page.getByRole('table', { name: t('groups:title') }).getByRole('link', { name, exact: true }).waitFor();
}

/** setHelpdesk saves the help desk phone on Org settings and checks the saved value comes back after a reload. */
export async function setHelpdesk(page, t, { phone }) {
  await nav(page, t, 'common:nav.orgSettings');
  await page.getByRole('heading', { name: t('settings:title'), exact: true }).waitFor();
  const section = () => page.getByRole('region', { name: t('settings:helpdesk.title') });
  const field = () => section().getByRole('textbox', { name: t('settings:helpdesk.phone'), exact: true });
  await field().fill(phone);
  await section().getByRole('button', { name: t('settings:save'), exact: true }).click();
  await page.getByText(t('settings:helpdesk.saved'), { exact: true }).first().waitFor();
  await page.reload();
  await field().waitFor();
  const saved = await field().inputValue();
  if (saved !== phone) throw new Error(`the help desk phone reads "${saved}" after saving "${phone}"`);
}

/** openAuditLog filters the audit log on an activity, finds an entry of it and opens its details. */
export async function openAuditLog(page, t, activity = 'Add group') {
  await nav(page, t, 'common:nav.auditLog');
  await page.getByRole('heading', { name: t('logs:audit.title'), exact: true }).waitFor();
  const filters = page.getByRole('search', { name: t('logs:filters') });
  await filters.getByRole('textbox', { name: t('logs:audit.activity'), exact: true }).fill(activity);
  await filters.getByRole('button', { name: t('logs:apply'), exact: true }).click();
  const table = page.getByRole('table', { name: t('logs:audit.title') });
  const entry = table.getByRole('button', { name: startsWith(activity) }).first();
  await entry.waitFor();
  const others = await table.getByRole('button').filter({ hasNotText: activity }).count();
  if (others > 0) throw new Error(`the audit log filtered on "${activity}" shows ${others} other activities`);
  await entry.click();
  const detail = page.getByRole('dialog', { name: activity, exact: true });
  await detail.getByText(t('logs:column.correlationId'), { exact: true }).waitFor();
  await detail.getByRole('button', { name: t('logs:close'), exact: true }).click();
}
