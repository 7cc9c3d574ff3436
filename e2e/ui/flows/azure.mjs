// Browser flows of Azure subscriptions and Windows Autopilot, for
// e2e/ui/run.mjs: a Global admin adds a resource subscription, gives a user
// Reader on it in Access control (IAM) and removes it again; registers an
// Autopilot device, creates a deployment profile and assigns it.

const nav = (page, t, label) => page.getByRole('navigation', { name: t('common:nav.adminLabel') })
  .getByRole('link', { name: t(label), exact: true }).click();
const heading = (page, text) => page.getByRole('heading', { name: text, exact: true });

/** azureAccessControl runs the IAM flow; user is a user principal name of the organization. */
export async function azureAccessControl(page, t, { name, user }) {
  await nav(page, t, 'common:nav.azureSubscriptions');
  await heading(page, t('azure:title')).waitFor();
  await page.getByRole('button', { name: t('azure:add.button'), exact: true }).click();
  const add = page.getByRole('dialog', { name: t('azure:add.title') });
  await add.getByRole('textbox', { name: t('azure:add.name') }).fill(name);
  await add.getByRole('button', { name: t('azure:add.submit'), exact: true }).click();
  await add.waitFor({ state: 'hidden' });
  await page.getByRole('table', { name: t('azure:title') }).getByRole('button', { name, exact: true }).click();
  const panel = page.getByRole('dialog', { name });
  await heading(panel, t('azure:iam.title')).waitFor();
  const owner = t('azure:role.owner');
  await panel.getByRole('table', { name: t('azure:iam.table') }).getByRole('cell', { name: owner, exact: true }).first().waitFor(); // the creator is Owner

  await panel.getByRole('button', { name: t('azure:iam.add'), exact: true }).click();
  const assign = page.getByRole('dialog', { name: t('azure:iam.addTitle') });
  await assign.getByRole('combobox', { name: t('azure:iam.role') }).click();
  await page.getByRole('option', { name: t('azure:role.reader'), exact: true }).click();
  await assign.getByRole('textbox', { name: t('azure:iam.principal.User') }).fill(user);
  await assign.getByRole('button', { name: t('azure:iam.addSubmit'), exact: true }).click();
  await assign.waitFor({ state: 'hidden' });
  const reader = t('azure:role.reader');
  const remove = panel.getByRole('button', { name: t('azure:iam.remove', { role: reader }), exact: true });
  await remove.waitFor();
  await remove.click();
  const confirm = page.getByRole('alertdialog', { name: t('azure:iam.removeTitle', { role: reader }) });
  await confirm.getByRole('button', { name: t('azure:iam.removeConfirm'), exact: true }).click();
  await remove.waitFor({ state: 'detached' });
  await panel.getByRole('button', { name: t('common:action.close'), exact: true }).click();
  await panel.waitFor({ state: 'hidden' });
}

/** autopilotDevices registers a device, creates a profile and assigns it to the device. */
export async function autopilotDevices(page, t, { serial, profile }) {
  await nav(page, t, 'common:nav.autopilotDevices');
  await heading(page, t('autopilot:title')).waitFor();
  await page.getByRole('button', { name: t('autopilot:add.button'), exact: true }).click();
  const add = page.getByRole('dialog', { name: t('autopilot:add.title') });
  await add.getByRole('textbox', { name: t('autopilot:field.serialNumber') }).fill(serial);
  await add.getByRole('textbox', { name: t('autopilot:field.manufacturer') }).fill('Microsoft Corporation');
  await add.getByRole('textbox', { name: t('autopilot:field.model') }).fill('Surface Laptop 7');
  await add.getByRole('button', { name: t('autopilot:add.submit'), exact: true }).click();
  await add.waitFor({ state: 'hidden' });
  const devices = page.getByRole('table', { name: t('autopilot:table') });
  await devices.getByText(t('autopilot:addedBy.adminCenter')).first().waitFor();

  await page.getByRole('tab', { name: t('autopilot:tab.profiles'), exact: true }).click();
  await page.getByRole('button', { name: t('autopilot:profiles.create'), exact: true }).click();
  const create = page.getByRole('dialog', { name: t('autopilot:profiles.createTitle') });
  await create.getByRole('textbox', { name: t('autopilot:profiles.column.name') }).fill(profile);
  await create.getByRole('switch', { name: t('autopilot:profiles.setting.skipPrivacySettings') }).check();
  await create.getByRole('button', { name: t('autopilot:profiles.save'), exact: true }).click();
  await create.waitFor({ state: 'hidden' });
  await page.getByRole('table', { name: t('autopilot:profiles.table') }).getByText(profile).first().waitFor();

  await page.getByRole('tab', { name: t('autopilot:tab.devices'), exact: true }).click();
  await devices.getByRole('button', { name: serial, exact: true }).or(devices.getByText(serial, { exact: true })).first().click();
  const panel = page.getByRole('dialog', { name: serial });
  await panel.getByRole('combobox', { name: t('autopilot:panel.pickProfile') }).click();
  await page.getByRole('option', { name: profile, exact: true }).click();
  await panel.getByRole('button', { name: t('autopilot:panel.assign'), exact: true }).click();
  await page.getByText(t('autopilot:panel.profileAssigned')).first().waitFor();
  await panel.getByText(t('autopilot:status.assigned')).first().waitFor();
  await panel.getByRole('button', { name: t('common:action.close'), exact: true }).click();
  await panel.waitFor({ state: 'hidden' });
}
