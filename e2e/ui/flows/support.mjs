// Browser flows of Support and Health, for e2e/ui/run.mjs. Each takes a
// Playwright page signed in as a Global admin and the catalog function t of
// e2e/ui/catalog.mjs, finds everything by the names a person (or a screen
// reader) sees in the current language, and throws when the page doesn't
// do what it should.

/** nav opens an admin page from the left navigation. */
async function nav(page, t, label) {
  await page.getByRole('navigation', { name: t('common:nav.adminLabel') }).getByRole('link', { name: t(label), exact: true }).click();
}

/**
 * createServiceRequest opens a service request with the New service request
 * form: first without a service (the server's 400 marks that field), then
 * complete. It checks the request opens with its conversation and is listed,
 * and returns its id (SR-YYYYMMDD-nnnn).
 */
export async function createServiceRequest(page, t, { title, description = 'Created by the browser test.', service = 'identity', severity = 'high' }) {
  await nav(page, t, 'common:nav.newServiceRequest');
  await page.getByRole('heading', { name: t('support:new.title'), exact: true }).waitFor();
  const form = page.getByRole('form', { name: t('support:new.title') });
  await form.getByRole('textbox', { name: t('support:field.title'), exact: true }).fill(title);
  await form.getByRole('textbox', { name: t('support:field.description'), exact: true }).fill(description);
  const submit = form.getByRole('button', { name: t('support:new.submit'), exact: true });
  await submit.click();
  const serviceBox = form.getByRole('combobox', { name: t('support:field.service'), exact: true });
  await page.waitForFunction((el) => el.getAttribute('aria-invalid') === 'true', await serviceBox.elementHandle());
  await serviceBox.selectOption(service);
  await form.getByRole('combobox', { name: t('support:field.severity'), exact: true }).selectOption(severity);
  await submit.click();
  await page.waitForURL(/\/admin\/support\/requests\/SR-\d{8}-\d{4}$/);
  const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop());
  await page.getByRole('heading', { name: title, exact: true }).waitFor();
  const thread = page.getByRole('list', { name: t('support:thread.label') });
  await thread.getByText(description, { exact: true }).waitFor();
  await page.getByText(t(`support:status.open`), { exact: true }).first().waitFor();
  // The list has it, newest first.
  // By keyboard: the "created" toast slides in over the page's top-right actions, where a click can land on it.
  await page.getByRole('button', { name: t('support:detail.back'), exact: true }).press('Enter');
  await page.waitForURL(/\/admin\/support\/requests$/);
  const table = page.getByRole('table', { name: t('support:list.title') });
  const row = table.getByRole('row').filter({ hasText: id });
  await row.getByRole('link', { name: title, exact: true }).waitFor();
  return id;
}

/**
 * openServiceHealth opens Health → Service health, checks a row with a
 * status for each of the eight services, and opens the first active issue
 * (when there is one) to see its details and updates.
 */
export async function openServiceHealth(page, t) {
  await nav(page, t, 'common:nav.serviceHealth');
  await page.getByRole('heading', { name: t('health:services.title'), exact: true }).waitFor();
  const services = page.getByRole('table', { name: t('health:services.table'), exact: true });
  await services.waitFor();
  const rows = await services.getByRole('row').count();
  if (rows !== 9) throw new Error(`the services table has ${rows - 1} services, want 8`);
  await services.getByRole('cell', { name: t('health:service.IdentityAndSignIn'), exact: true }).waitFor();
  const active = page.getByRole('table', { name: t('health:services.active'), exact: true });
  const none = page.getByText(t('health:services.noActive'), { exact: true });
  await active.or(none).first().waitFor();
  if (await none.isVisible()) return { activeIssues: 0 };
  const links = active.getByRole('link');
  const count = await links.count();
  const title = (await links.first().textContent()).trim();
  await links.first().click();
  const drawer = page.getByRole('dialog', { name: title, exact: true });
  await drawer.getByText(t('health:issue.impact'), { exact: true }).waitFor();
  if (!/\/admin\/health\/services\/[A-Z]{2}\d+$/.test(new URL(page.url()).pathname)) throw new Error(`the issue opened at ${page.url()}`);
  await drawer.getByRole('button', { name: t('health:issue.close'), exact: true }).click();
  await drawer.waitFor({ state: 'hidden' });
  return { activeIssues: count };
}
