// Browser flows of Billing and licenses, for e2e/ui/run.mjs. Each takes a
// Playwright page signed in as a Global admin and the catalog function t
// of e2e/ui/catalog.mjs, finds everything by the names a person (or a
// screen reader) sees, and throws when the page doesn't do what it should.
import { openUsers } from './users.mjs';

const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** nav opens an admin page from the left navigation. */
async function nav(page, t, label) {
  await page.getByRole('navigation', { name: t('common:nav.adminLabel') }).getByRole('link', { name: t(label), exact: true }).click();
}

/** pattern turns a catalog text into a RegExp whose {{placeholders}} capture anything. */
function pattern(t, key) {
  const raw = t(key);
  return new RegExp(raw.split(/\{\{\w+\}\}/).map(esc).join('(.+?)'));
}

/** openPanel searches Active users for upn and opens their details panel. */
async function openPanel(page, t, upn) {
  await openUsers(page, t);
  const view = page.getByRole('combobox', { name: t('users:view.label') });
  if ((await view.textContent()).trim() !== t('users:view.all')) {
    await view.click();
    await page.getByRole('option', { name: t('users:view.all'), exact: true }).click();
  }
  await page.getByRole('searchbox', { name: t('users:search') }).fill(upn);
  const row = page.getByRole('grid', { name: t('users:list.label') }).getByRole('row').filter({ hasText: upn });
  await row.first().waitFor();
  await row.first().click();
  const panel = page.getByRole('dialog').filter({ hasText: upn })
    .filter({ has: page.getByRole('tab', { name: t('users:panel.tab.account'), exact: true }) });
  await panel.getByRole('tab', { name: t('users:panel.tab.account'), exact: true }).waitFor();
  return panel;
}

/**
 * buySeats buys quantity licenses of a product on Purchase services, checks
 * the confirmation names the order and its invoice, and that Your products
 * then shows the product. Returns the order's id.
 */
export async function buySeats(page, t, productName, quantity) {
  await nav(page, t, 'common:nav.purchaseServices');
  await page.getByRole('heading', { name: t('billing:purchase.title'), exact: true }).waitFor();
  await page.getByRole('button', { name: t('billing:purchase.buyNamed', { product: productName }), exact: true }).click();
  const dialog = page.getByRole('dialog', { name: t('billing:purchase.dialogTitle', { product: productName }) });
  await dialog.getByRole('spinbutton', { name: t('billing:purchase.quantity'), exact: true }).fill(String(quantity));
  const place = dialog.getByRole('button', { name: t('billing:purchase.place'), exact: true });
  // A double click must buy once: the dialog sends one Idempotency-Key.
  await place.dblclick();
  const done = page.getByRole('dialog', { name: t('billing:purchase.doneTitle'), exact: true });
  const status = done.getByRole('status');
  await status.waitFor();
  const text = await status.textContent();
  const order = pattern(t, 'billing:purchase.done').exec(text)?.[1];
  if (!order) throw new Error(`no order id in the confirmation: ${text}`);
  // The invoice of the order shows once it is read back.
  await done.getByText(pattern(t, 'billing:purchase.invoice')).waitFor();
  await done.getByRole('button', { name: t('common:action.close'), exact: true }).click();
  await nav(page, t, 'common:nav.yourProducts');
  await page.getByRole('table', { name: t('billing:products.tableLabel') }).getByRole('cell', { name: productName, exact: true }).waitFor();
  return order;
}

/**
 * assignLicense gives the user a product on the Licenses and apps tab of
 * their details panel (choosing the Netherlands as usage location when none
 * is set) and checks the tab then lists the product among their licenses.
 */
export async function assignLicense(page, t, upn, productName) {
  const panel = await openPanel(page, t, upn);
  await panel.getByRole('tab', { name: t('users:panel.tab.licenses'), exact: true }).click();
  const location = panel.getByRole('combobox', { name: t('billing:userTab.location') });
  if (!(await location.inputValue())) await location.selectOption('NL');
  await panel.getByRole('checkbox', { name: productName, exact: true }).check();
  await panel.getByRole('group', { name: t('billing:userTab.apps', { product: productName }), exact: true }).waitFor();
  await panel.getByRole('button', { name: t('billing:userTab.save'), exact: true }).click();
  const held = panel.getByRole('region', { name: t('billing:userTab.held'), exact: true });
  await held.getByText(productName, { exact: true }).waitFor();
  // The server's provisioning job (every 5 s) takes each plan from pending
  // to provisioned; the tab polls until none is pending.
  const pending = held.getByText(t('billing:userTab.state.PendingProvisioning'), { exact: true });
  await held.getByText(t('billing:userTab.state.Success'), { exact: true }).first().waitFor({ timeout: 20000 });
  await pending.first().waitFor({ state: 'detached', timeout: 20000 });
  await panel.getByRole('button', { name: t('common:action.close'), exact: true }).first().click();
  await panel.waitFor({ state: 'detached' });
}
