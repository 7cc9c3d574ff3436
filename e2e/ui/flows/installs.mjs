// Browser flow of My account → Installs, for e2e/ui/run.mjs. It takes a
// Playwright page signed in to My account as a user whose license includes
// the Office apps and who has activated them nowhere yet, and the catalog
// function t of e2e/ui/catalog.mjs; it finds everything by the names a
// person (or a screen reader) sees in the current language, and throws when
// the page doesn't do what it should. The server words its refusals itself
// (in either language), so the flow checks only the device names in them.

const limit = 5;

/** openInstalls opens Installs from My account's navigation and waits for the PC section. */
async function openInstalls(page, t) {
  await page.getByRole('navigation', { name: t('common:myNav.label'), exact: true })
    .getByRole('link', { name: t('common:myNav.installs'), exact: true }).click();
  await page.getByRole('heading', { name: t('myaccount:installs.title'), exact: true, level: 1 }).waitFor();
  const pcs = page.getByRole('region', { name: t('myaccount:installs.kind.pc'), exact: true });
  await pcs.waitFor();
  return pcs;
}

/** expectUsed waits until the PC section says "n of 5", else throws with what it says. */
async function expectUsed(pcs, t, n) {
  const want = t('myaccount:installs.used', { used: String(n), limit: String(limit) });
  try {
    await pcs.getByText(want, { exact: true }).waitFor();
  } catch {
    throw new Error(`the PC section should say "${want}"; it says: ${await pcs.textContent()}`);
  }
}

/** deviceRow is the row of a device in the PC section's table. */
function deviceRow(page, pcs, device) {
  return pcs.getByRole('row').filter({ has: page.getByRole('cell', { name: device, exact: true }) });
}

/**
 * activateInstalls opens My account → Installs, activates the apps on
 * "Laptop 1" to "Laptop 5" as PCs, checks a sixth PC is refused with a
 * message that lists the five, deactivates "Laptop 3" after the
 * confirmation, then activates the sixth, and checks after a reload that
 * the server keeps Laptops 1, 2, 4, 5 and 6. Returns the devices it left.
 */
export async function activateInstalls(page, t) {
  const pcs = await openInstalls(page, t);
  if (await page.getByText(t('myaccount:installs.notEligible'), { exact: true }).count()) {
    throw new Error('Installs says the account does not include the Office apps; the user needs a license with them');
  }
  await expectUsed(pcs, t, 0);
  const form = page.getByRole('form', { name: t('myaccount:installs.activate.title'), exact: true });
  const name = form.getByRole('textbox', { name: t('myaccount:installs.activate.deviceName'), exact: true });
  const kind = form.getByRole('combobox', { name: t('myaccount:installs.activate.kind'), exact: true });
  const submit = form.getByRole('button', { name: t('myaccount:installs.activate.submit'), exact: true });
  const refusal = form.getByRole('alert');

  // activate sends one device and waits until the list shows it (after the
  // form has emptied the name field, so the next fill isn't cleared).
  const activate = async (device, n) => {
    await name.fill(device);
    await kind.selectOption('pc');
    await submit.click();
    await deviceRow(page, pcs, device).waitFor();
    await expectUsed(pcs, t, n);
  };

  const laptops = Array.from({ length: limit }, (_, i) => `Laptop ${i + 1}`);
  for (const [i, device] of laptops.entries()) await activate(device, i + 1);

  // A sixth PC: the server refuses (409) and names the five active ones.
  await name.fill('Laptop 6');
  await kind.selectOption('pc');
  await submit.click();
  await refusal.first().waitFor();
  const text = await refusal.first().textContent();
  const missing = laptops.filter((d) => !text.includes(d));
  if (missing.length) throw new Error(`the refusal of a sixth PC should list ${missing.join(', ')}: ${text}`);
  if (await deviceRow(page, pcs, 'Laptop 6').count()) throw new Error('a sixth PC was listed although the server refused it');
  await expectUsed(pcs, t, limit);

  // Deactivate one, only after the confirmation.
  await deviceRow(page, pcs, 'Laptop 3').getByRole('button', { name: t('myaccount:installs.deactivate'), exact: true }).click();
  const dialog = page.getByRole('alertdialog', { name: t('myaccount:installs.confirmTitle', { device: 'Laptop 3' }), exact: true });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: t('myaccount:installs.deactivate'), exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  await deviceRow(page, pcs, 'Laptop 3').waitFor({ state: 'detached' });
  await expectUsed(pcs, t, limit - 1);

  // Now the sixth fits, and the earlier refusal is gone.
  await activate('Laptop 6', limit);
  if (await refusal.count()) throw new Error(`an error is still shown after activating Laptop 6: ${await refusal.first().textContent()}`);

  // The server kept it all.
  const left = ['Laptop 1', 'Laptop 2', 'Laptop 4', 'Laptop 5', 'Laptop 6'];
  await page.reload();
  await page.getByRole('heading', { name: t('myaccount:installs.title'), exact: true, level: 1 }).waitFor();
  await expectUsed(pcs, t, limit);
  for (const device of left) await deviceRow(page, pcs, device).waitFor();
  if (await deviceRow(page, pcs, 'Laptop 3').count()) throw new Error('Laptop 3 is listed again after a reload');
  return left;
}
