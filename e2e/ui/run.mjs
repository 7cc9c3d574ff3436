// The admin center in a real browser: Debian's Chromium driven by
// playwright-core against a real `atrium serve` started by
// internal/server/browser_test.go, which passes the addresses, the admin's
// sign-in and the language in the environment. One run per language; every
// name the test looks for comes from the UI's catalogs.
import { createRequire } from 'node:module';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { catalog } from './catalog.mjs';
import { png } from './png.mjs';
import { totp } from './totp.mjs';
import { assignRole, createUser, deleteAndUndo, resetPassword } from './flows/users.mjs';
import { createGroup, openAuditLog, openRoles, setHelpdesk } from './flows/admin.mjs';
import { createServiceRequest, openServiceHealth } from './flows/support.mjs';
import { assignLicense, buySeats } from './flows/billing.mjs';
import { activateInstalls } from './flows/installs.mjs';
import { addUserWithWizard, setPasswordFromLink } from './flows/adduser.mjs';
import { exportUsers, importUsers } from './flows/import.mjs';
import { partnerStory } from './flows/partner.mjs';
import { autopilotDevices, azureAccessControl } from './flows/azure.mjs';

const require = createRequire(new URL('../../ui/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const env = (k) => { if (!process.env[k]) throw new Error(`${k} is not set`); return process.env[k]; };
const base = env('ATRIUM_URL');
const control = env('CONTROL_URL');
const locale = env('UI_LOCALE'); // en-US or nl-NL
const shots = env('SCREENSHOTS');
const lang = locale.slice(0, 2);
const t = catalog(lang);
const domain = `${env('DOMAIN_PREFIX')}.example`;
mkdirSync(shots, { recursive: true });

const problems = [];
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const step = (name) => console.error(`[${lang}] ${name}`);
// The app scrolls inside its main area, so the viewport is the whole page.
const shot = (page, name) => page.screenshot({ path: join(shots, `${lang}-${name}.png`), animations: 'disabled' });

const profile = mkdtempSync(join(tmpdir(), 'atrium-chromium-'));
// A fresh profile directory for every run.
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
  locale, viewport: { width: 1280, height: 860 }, colorScheme: 'light',
});
const page = context.pages()[0] ?? await context.newPage();
try {
  context.setDefaultTimeout(15_000);
  page.on('console', (m) => {
    if (/Content.Security.Policy|Refused to/i.test(m.text())) problems.push(`CSP: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  const heading = (text) => page.getByRole('heading', { name: text, exact: true });
  const button = (text) => page.getByRole('button', { name: text, exact: true });
  // A field by its accessible name (the label without the required marker).
  const field = (text, scope = page) => scope.getByRole('textbox', { name: text, exact: true });

  step('sign-in page, reached by a deep link');
  await page.goto(`${base}/admin`);
  await heading(t('signin:signIn.title')).waitFor();
  if (!page.url().includes('/signin?returnTo=%2Fadmin')) problems.push(`deep link went to ${page.url()}`);
  const htmlLang = await page.evaluate(() => document.documentElement.lang);
  if (htmlLang !== lang) problems.push(`html lang ${htmlLang}, want ${lang}`);
  await shot(page, '01-signin');

  step('forgot my password: the self-service reset page');
  await page.getByRole('link', { name: t('signin:signIn.forgot') }).click();
  await heading(t('signin:sspr.title')).waitFor();
  await shot(page, '01b-sspr');
  await page.getByRole('link', { name: t('signin:sspr.back') }).or(page.getByRole('button', { name: t('signin:sspr.back') })).click();
  await heading(t('signin:signIn.title')).waitFor();

  step('wrong password');
  await field(t('signin:signIn.username')).fill(env('ADMIN_USER'));
  await field(t('signin:signIn.password')).fill('not-the-password');
  await button(t('signin:signIn.submit')).click();
  await page.getByRole('alert').filter({ hasText: t('signin:error.AADSTS50126') }).waitFor();

  step('admin signs in and registers an authenticator app');
  await field(t('signin:signIn.password')).fill(env('ADMIN_PASSWORD'));
  await button(t('signin:signIn.submit')).click();
  await heading(t('mfa:enroll.title')).waitFor();
  await button(t('mfa:setup.start')).click();
  const secret = await page.getByTestId('totp-secret').getAttribute('data-secret');
  await page.getByRole('img', { name: t('mfa:setup.qr') }).waitFor();
  await shot(page, '02-enroll');
  await field(t('mfa:code.label')).fill(totp(secret));
  await button(t('mfa:setup.verify')).click();
  await heading(t('mfa:setup.codesTitle')).waitFor();
  const codes = await page.getByTestId('recovery-codes').getByRole('listitem').allTextContents();
  if (codes.length !== 10) problems.push(`${codes.length} recovery codes shown, want 10`);
  await button(t('mfa:setup.continue')).click();

  step('Home');
  await heading(t('home:title')).waitFor();
  if (new URL(page.url()).pathname !== '/admin') problems.push(`after sign-in at ${page.url()}, want /admin`);
  await page.getByTestId('users-count').filter({ hasText: /^1$/ }).waitFor();
  await page.getByRole('region', { name: t('home:domains.title') }).getByText(t('home:domains.allVerified')).waitFor();
  // One Global admin: the server's warning about designating another, in the UI's language (Accept-Language).
  await page.getByRole('region', { name: t('home:security.title') }).getByText(lang === 'nl' ? /meer dan één globale beheerder/ : /more than one Global admin/).waitFor();
  await page.getByRole('region', { name: t('home:roles.title') }).getByRole('cell', { name: 'Global Administrator' }).waitFor();
  await shot(page, '03-home');

  step('tablet width: the navigation moves into a drawer');
  await page.setViewportSize({ width: 800, height: 1100 });
  await page.getByRole('navigation', { name: t('common:nav.adminLabel'), exact: true }).waitFor({ state: 'hidden' });
  await page.getByRole('button', { name: t('common:header.openNav') }).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByRole('link', { name: t('common:nav.home') }).waitFor();
  await shot(page, '03b-tablet-nav');
  await page.keyboard.press('Escape');
  await drawer.waitFor({ state: 'hidden' });
  await page.setViewportSize({ width: 1280, height: 860 });

  step('add a domain and verify it');
  await page.getByRole('navigation', { name: t('common:nav.adminLabel'), exact: true }).getByRole('link', { name: t('common:nav.domains') }).click();
  await heading(t('domains:title')).waitFor();
  await button(t('domains:add.button')).click();
  await field(t('domains:add.name'), page.getByRole('dialog')).fill(domain);
  await button(t('domains:add.submit')).click();
  await heading(t('domains:verify.title')).waitFor();
  const txt = (await page.getByTestId('txt-value').textContent()).trim();
  await button(t('domains:verify.button')).click(); // before the record exists: a clear failure
  await page.getByRole('alert').filter({ hasText: t('domains:verify.failed') }).waitFor();
  await shot(page, '04-domain-verify');
  const res = await fetch(`${control}/txt`, { method: 'POST', body: JSON.stringify({ name: domain, value: txt }) });
  if (!res.ok) throw new Error(`control: ${res.status}`);
  await button(t('domains:verify.button')).click();
  await page.getByText(t('domains:status.healthy'), { exact: true }).waitFor();
  await button(t('domains:default.button')).waitFor();
  await shot(page, '05-domain-verified');

  step('Users: add a user, delete and undo, reset the password');
  const upn = `anna@${domain}`;
  await createUser(page, t, { firstName: 'Anna', lastName: 'de Vries', username: 'anna', domain });
  await shot(page, '05b-users');
  await deleteAndUndo(page, t, upn);
  const temp = await resetPassword(page, t, upn);

  step('Users: a second user becomes Helpdesk admin');
  await createUser(page, t, { firstName: 'Bram', lastName: 'Jansen', username: 'bram', domain });
  await assignRole(page, t, `bram@${domain}`, 'Helpdesk Administrator');
  await shot(page, '05c-users-admin');

  step('Billing: buy seats (a double click buys once), give Anna a license; Licenses and Bills');
  await buySeats(page, t, 'Atrium Business Standard', 2);
  await shot(page, '05c2-your-products');
  await assignLicense(page, t, upn, 'Atrium Business Standard'); // it includes the Office apps Anna installs below
  const nav2 = page.getByRole('navigation', { name: t('common:nav.adminLabel'), exact: true });
  await nav2.getByRole('link', { name: t('common:nav.licenses'), exact: true }).click();
  await heading(t('billing:licenses.title')).waitFor();
  await page.getByText('Atrium Business Standard', { exact: true }).first().waitFor();
  await button(t('billing:licenses.showHoldersFor', { product: 'Atrium Business Standard' })).click();
  await page.getByRole('table', { name: t('billing:licenses.holders', { product: 'Atrium Business Standard' }) }).getByRole('link', { name: 'Anna de Vries' }).waitFor();
  await shot(page, '05c3-licenses');
  await nav2.getByRole('link', { name: t('common:nav.bills'), exact: true }).click();
  await heading(t('billing:bills.title')).waitFor();
  await shot(page, '05c4-bills');

  step('Users: Carla added with the wizard (a license and a one-time link), then she sets her own password');
  const link = await addUserWithWizard(page, t, { firstName: 'Carla', lastName: 'Smit', username: 'carla', domain, product: 'Atrium Business Standard' });
  await setPasswordFromLink(page, t, link, 'Maple-Harbour-3862');
  await shot(page, '05c5-set-password');
  await page.goto(`${base}/admin`);
  await heading(t('home:title')).waitFor();

  step('Users: three more from a CSV file with one bad row (Add multiple users)');
  const csv = join(profile, 'staff.csv');
  writeFileSync(csv, 'User Name,First Name,Last Name,Display Name,Job Title,Department,Office Number,Office Phone,Mobile Phone,Fax,Alternate email address,Address,City,State or Province,ZIP or Postal Code,Country or Region\n' +
    `dirk@${domain},Dirk,Bos,Dirk Bos,Planner,Sales,,,,,,,,,,Nederland\n` +
    `eline@${domain},Eline,Mulder,"Mulder, Eline",,,,,,,,,,,,NL\n` +
    `frank@elsewhere.example,Frank,,Frank,,,,,,,,,,,,\n` +
    `gijs@${domain},Gijs,de Wit,Gijs de Wit,,,,,,,,,,,,\n`);
  const results = await importUsers(page, t, csv);
  if (!results.includes(`dirk@${domain}`) || (results.match(/,Created,/g) ?? []).length !== 3) problems.push(`import results:\n${results}`);
  await shot(page, '05c6-import-results');
  const exported = await exportUsers(page, t);
  if (!exported.startsWith('User Name,First Name') || !exported.includes(`eline@${domain}`) || !exported.includes('"Mulder, Eline"')) {
    problems.push(`export:\n${exported.slice(0, 400)}`);
  }

  step('Roles, a group, the help desk, and the audit log of it all');
  await openRoles(page, t);
  await shot(page, '05d-role-global-admin');
  await page.goBack();
  await page.getByRole('table', { name: t('roles:matrix.caption') }).scrollIntoViewIfNeeded();
  await shot(page, '05d-roles-matrix');
  await createGroup(page, t, 'Team Noord');
  await shot(page, '05d-groups');
  await setHelpdesk(page, t, { phone: '+31 20 555 0100' });
  await shot(page, '05d-org-settings');
  await openAuditLog(page, t, 'Add group');
  await shot(page, '05e-audit');

  step('Reports: the sign-in log; Users: Deleted users');
  const nav = page.getByRole('navigation', { name: t('common:nav.adminLabel'), exact: true });
  await nav.getByRole('link', { name: t('common:nav.signInLog'), exact: true }).click();
  await heading(t('logs:signins.title')).waitFor();
  await page.getByText(env('ADMIN_USER')).first().waitFor();
  await shot(page, '05h-signin-log');
  await nav.getByRole('link', { name: t('common:nav.deletedUsers'), exact: true }).click();
  await heading(t('users:deleted.title')).waitFor();
  await shot(page, '05i-deleted-users');

  step('Support: a service request; Health: the services');
  const sr = await createServiceRequest(page, t, { title: 'Mail to a partner bounces' });
  if (!/^SR-\d{8}-\d{4}$/.test(sr)) problems.push(`service request id ${sr}`);
  await shot(page, '05f-service-request');
  await openServiceHealth(page, t);
  await shot(page, '05g-service-health');

  step('Azure subscriptions: add one, give Anna Reader in Access control and take it back; Autopilot: a device with a profile');
  await azureAccessControl(page, t, { name: 'Production', user: upn });
  await shot(page, '05j-azure');
  await autopilotDevices(page, t, { serial: `SN-${lang}-0001`, profile: 'Kiosk' });
  await shot(page, '05k-autopilot');

  step('sign out');
  await page.getByRole('button', { name: new RegExp(`^${esc(t('common:header.account', { name: '' }))}`) }).click();
  await page.getByRole('menuitem', { name: t('common:header.signOut') }).click();
  await heading(t('signin:signIn.title')).waitFor();

  step('the user signs in and must choose a new password');
  await field(t('signin:signIn.username')).fill(`anna@${domain}`);
  await field(t('signin:signIn.password')).fill(temp);
  await button(t('signin:signIn.submit')).click();
  await heading(t('signin:forced.title')).waitFor();
  await field(t('common:password.current')).fill(temp);
  await field(t('common:password.new')).fill('Tulip-Harbour-2741');
  await field(t('common:password.confirm')).fill('Tulip-Harbour-2741');
  await shot(page, '06-forced-password');
  await button(t('signin:forced.submit')).click();

  step('My account');
  await heading(t('myaccount:overview.title')).waitFor();
  const contact = page.getByRole('region', { name: t('common:contact.title') });
  await contact.getByText(env('ADMIN_USER')).waitFor();
  await contact.getByText('+31 20 555 0100').waitFor(); // the help desk the admin set
  await shot(page, '07-myaccount');

  step('Personal info: the user changes their own photo');
  await page.getByRole('navigation', { name: t('common:myNav.label'), exact: true }).getByRole('link', { name: t('common:myNav.profile') }).click();
  await heading(t('myaccount:profile.title')).waitFor();
  await page.getByText(`anna@${domain}`, { exact: true }).first().waitFor();
  const photo = join(profile, 'photo.png');
  writeFileSync(photo, png());
  await page.locator('input[type=file]').setInputFiles(photo);
  await page.getByText(t('myaccount:photo.changed')).first().waitFor();
  await page.locator('main img[src^="blob:"]').first().waitFor();
  await page.reload(); // the photo is the server's now, not only the page's
  await page.locator('main img[src^="blob:"]').first().waitFor();
  await shot(page, '08-personal-info');

  step('Password page');
  await page.getByRole('navigation', { name: t('common:myNav.label'), exact: true }).getByRole('link', { name: t('common:myNav.password') }).click();
  await heading(t('myaccount:password.title')).waitFor();
  await shot(page, '08b-password');

  step('My sign-ins');
  await page.getByRole('navigation', { name: t('common:myNav.label'), exact: true }).getByRole('link', { name: t('common:myNav.signIns') }).click();
  await heading(t('myaccount:signIns.title')).waitFor();
  await page.getByRole('table', { name: t('myaccount:signIns.title') }).getByText(t('myaccount:signIns.success'), { exact: true }).first().waitFor();

  step('Installs: five PCs, a sixth refused, one deactivated');
  await activateInstalls(page, t);
  await shot(page, '08c-installs');

  step('No access on /admin');
  await page.goto(`${base}/admin/settings/domains`);
  await heading(t('common:noAccess.title')).waitFor();
  await page.getByText(t('common:noAccess.text'), { exact: true }).waitFor();
  await page.getByRole('region', { name: t('common:contact.title') }).getByText(env('ADMIN_USER')).waitFor();
  if (await page.getByRole('navigation', { name: t('common:nav.adminLabel'), exact: true }).count()) problems.push('No access page shows the admin navigation');
  await shot(page, '09-no-access');
  await button(t('common:noAccess.myAccount')).click();
  await heading(t('myaccount:overview.title')).waitFor();

  step('dark theme, remembered');
  await page.getByRole('button', { name: t('common:header.darkTheme') }).click();
  await page.goto(`${base}/myaccount/security-info`);
  await heading(t('myaccount:methods.title')).waitFor();
  await page.getByRole('button', { name: t('common:header.lightTheme') }).waitFor();
  await shot(page, '10-methods-dark');

  step('the admin signs in again: the second-factor prompt, with a recovery code');
  await page.getByRole('button', { name: new RegExp(`^${esc(t('common:header.account', { name: '' }))}`) }).click();
  await page.getByRole('menuitem', { name: t('common:header.signOut') }).click();
  await heading(t('signin:signIn.title')).waitFor();
  await field(t('signin:signIn.username')).fill(env('ADMIN_USER'));
  await field(t('signin:signIn.password')).fill(env('ADMIN_PASSWORD'));
  await button(t('signin:signIn.submit')).click();
  await heading(t('mfa:prompt.title')).waitFor();
  await shot(page, '11-mfa-prompt');
  await page.getByRole('button', { name: t('mfa:prompt.useRecovery') }).click();
  await field(t('mfa:prompt.recoveryLabel')).fill(codes[0]);
  await button(t('mfa:prompt.verify')).click();
  await heading(t('home:title')).waitFor();

  step('a partner invites the organization, acts in it with its own account, and loses delegated admin');
  const agentProfile = mkdtempSync(join(tmpdir(), 'atrium-chromium-agent-'));
  const agentContext = await chromium.launchPersistentContext(agentProfile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
    locale, viewport: { width: 1280, height: 860 }, colorScheme: 'light',
  });
  try {
    agentContext.setDefaultTimeout(15_000);
    const agent = agentContext.pages()[0] ?? await agentContext.newPage();
    agent.on('pageerror', (e) => problems.push(`agent page error at ${agent.url()}: ${e.message}\n${e.stack}`));
    await partnerStory({ admin: page, agent, t, base, shot, customer: env('CUSTOMER_NAME'), partner: env('PARTNER_NAME'),
      agentUser: env('PARTNER_AGENT_USER'), agentName: 'Pat Agent', agentPassword: env('PARTNER_AGENT_PASSWORD'), someUser: 'Anna de Vries' });
  } finally {
    await agentContext.close();
    rmSync(agentProfile, { recursive: true, force: true });
  }
} catch (e) {
  problems.push(e.stack ?? String(e));
  await shot(page, 'failure').catch(() => undefined);
  problems.push(`at ${page.url()}:\n${await page.locator('body').ariaSnapshot().catch(() => '')}`);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(JSON.stringify({ ok: true, lang }));
