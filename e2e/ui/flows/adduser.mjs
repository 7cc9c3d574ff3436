// Browser flows of Add a user (the wizard of users-and-passwords.md §3.3)
// and of the public Set your password page, for e2e/ui/run.mjs. Each takes
// a Playwright page and the catalog function t of e2e/ui/catalog.mjs, finds
// everything by the names a person (or a screen reader) sees in the current
// language, and throws when the page doesn't do what it should.

/**
 * runWizard walks Add a user from Active users (already open): Basics with
 * the given password mode ('link' or 'generate'), one product (or none),
 * no roles, then Finish adding; emails, when given, replaces the prefilled
 * recipients of the sign-in details ('' sends none). It returns the result dialog.
 */
export async function runWizard(page, t, { firstName, lastName, username, domain, product, mode, emails }) {
  await page.getByRole('button', { name: t('users:add.button'), exact: true }).click();
  const dialog = page.getByRole('dialog', { name: t('adduser:title'), exact: true });
  const box = (key) => dialog.getByRole('textbox', { name: t(key), exact: true });
  const next = () => dialog.getByRole('button', { name: t('adduser:next'), exact: true }).click();
  const step = (n, key) => dialog.getByRole('heading', { name: t('adduser:stepOf', { n: String(n), total: '4', name: t(key) }), exact: true }).waitFor();

  await box('adduser:basics.firstName').fill(firstName);
  await box('adduser:basics.lastName').fill(lastName);
  const display = await box('adduser:basics.displayName').inputValue();
  if (display !== `${firstName} ${lastName}`) throw new Error(`display name filled as "${display}"`);
  await box('adduser:basics.username').fill(username);
  await dialog.getByRole('combobox', { name: t('adduser:basics.domain'), exact: true }).click();
  await page.getByRole('option', { name: domain, exact: true }).click();
  await dialog.getByRole('radio', { name: t(`adduser:basics.${mode}`), exact: true }).check();
  if (emails !== undefined) await box('adduser:basics.emails').fill(emails);
  await next();

  await step(2, 'adduser:step.licenses');
  if (product) {
    await dialog.getByRole('checkbox', { name: product, exact: true }).check();
    const location = dialog.getByRole('combobox', { name: t('adduser:licenses.location'), exact: true });
    if (!(await location.inputValue())) await location.selectOption('NL');
    const buy = dialog.getByRole('checkbox', { name: t('adduser:licenses.buy', { product }), exact: true });
    if (await buy.count()) await buy.check();
  } else {
    await dialog.getByRole('checkbox', { name: t('adduser:licenses.none'), exact: true }).check();
  }
  await next();
  await step(3, 'adduser:step.optional');
  await next();
  await step(4, 'adduser:step.finish');
  await dialog.getByRole('button', { name: t('adduser:submit'), exact: true }).click();

  const done = page.getByRole('dialog', { name: t('adduser:done.title', { name: display }), exact: true });
  const upn = await done.getByTestId('created-upn').getAttribute('data-value');
  if (upn !== `${username}@${domain}`) throw new Error(`created ${upn}, want ${username}@${domain}`);
  if (product) await done.getByText(product, { exact: true }).waitFor();
  return done;
}

/** addUserWithWizard adds a user with the set-password link and a license, and returns the link shown on the result page. */
export async function addUserWithWizard(page, t, { firstName, lastName, username, domain, product }) {
  await page.getByRole('navigation', { name: t('common:nav.adminLabel') })
    .getByRole('link', { name: t('common:nav.activeUsers'), exact: true }).click();
  await page.getByRole('heading', { name: t('users:title'), exact: true }).waitFor();
  const done = await runWizard(page, t, { firstName, lastName, username, domain, product, mode: 'link' });
  const url = await done.getByTestId('created-link').getAttribute('data-value');
  if (!url || !/\/set-password#.+/.test(url)) throw new Error(`no set-password link shown: "${url}"`);
  if (await done.getByTestId('created-password').count()) throw new Error('a temporary password was shown for the link option');
  const head = t('adduser:done.expires', { date: '\u0000' }).split('\u0000')[0];
  await done.getByText(head, { exact: false }).waitFor();
  await done.getByRole('button', { name: t('common:action.close'), exact: true }).last().click();
  await done.waitFor({ state: 'detached' });
  return url;
}

/** setPasswordFromLink opens a set-password link (no sign-in), chooses newPassword and waits for the success message. */
export async function setPasswordFromLink(page, t, url, newPassword) {
  await page.goto(url);
  await page.getByRole('heading', { name: t('signin:setPassword.title'), exact: true }).waitFor();
  await page.getByRole('textbox', { name: t('common:password.new'), exact: true }).fill(newPassword);
  await page.getByRole('textbox', { name: t('common:password.confirm'), exact: true }).fill(newPassword);
  await page.getByRole('button', { name: t('signin:setPassword.submit'), exact: true }).click();
  await page.getByText(t('signin:setPassword.done'), { exact: true }).waitFor();
  await page.getByRole('button', { name: t('signin:setPassword.signIn'), exact: true }).waitFor();
}
