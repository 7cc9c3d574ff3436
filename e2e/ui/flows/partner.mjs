// Browser flow of the partner story (seed 002), for e2e/ui/run.mjs: a
// partner's admin agent, in a browser of their own, invites the customer
// with delegated admin; the customer's Global admin opens the link and
// accepts; the agent opens the customer's admin center with their own
// account and sees its users; the customer removes delegated admin on
// Settings > Partner relationships, and the agent's next request is refused.

const heading = (page, text) => page.getByRole('heading', { name: text, exact: true });

/** signInAgent signs the agent in on their own browser page and opens Partner > Customers. */
async function signInAgent(agent, t, base, { user, password }) {
  await agent.goto(`${base}/partner/customers`);
  await heading(agent, t('signin:signIn.title')).waitFor();
  await agent.getByRole('textbox', { name: t('signin:signIn.username'), exact: true }).fill(user);
  await agent.getByRole('textbox', { name: t('signin:signIn.password'), exact: true }).fill(password);
  await agent.getByRole('button', { name: t('signin:signIn.submit'), exact: true }).click();
  await heading(agent, t('partner:customers.title')).waitFor();
}

/** invite asks for a reseller relationship with delegated admin and returns the link from the e-mail draft. */
async function invite(agent, t) {
  await agent.getByRole('button', { name: t('partner:request.button'), exact: true }).click();
  const panel = agent.getByRole('dialog');
  await panel.getByRole('checkbox', { name: t('partner:request.includeDap') }).check();
  await panel.getByRole('button', { name: t('partner:request.next'), exact: true }).click();
  const body = await panel.getByRole('textbox', { name: t('partner:request.body') }).inputValue();
  const link = /https?:\/\/\S+#\/BillingAccounts\/partner-invitation\/\S+/.exec(body)?.[0];
  if (!link) throw new Error(`no invitation link in the draft:\n${body}`);
  await panel.getByRole('button', { name: t('partner:request.done'), exact: true }).click();
  await panel.waitFor({ state: 'hidden' });
  return link;
}

/**
 * partnerStory runs the story and returns the problems it saw. admin is the
 * customer's Global admin's page (signed in), agent a fresh page of another
 * browser profile; shot(page, name) takes a screenshot.
 */
export async function partnerStory({ admin, agent, t, base, shot, customer, partner, agentUser, agentName, agentPassword, someUser }) {
  await signInAgent(agent, t, base, { user: agentUser, password: agentPassword });
  await agent.getByText(t('partner:customers.empty')).waitFor();
  const link = await invite(agent, t);
  await shot(agent, '12-partner-invite');

  // The customer's Global admin opens the personal link and accepts.
  await admin.goto(link);
  await heading(admin, t('partner:invitation.title')).waitFor();
  await admin.getByText(t('partner:invitation.grantDap', { partner })).waitFor();
  await admin.getByRole('checkbox', { name: t('partner:invitation.authorizeDap', { partner }) }).check();
  await shot(admin, '13-partner-accept');
  await admin.getByRole('button', { name: t('partner:invitation.accept'), exact: true }).click();
  await admin.getByText(t('partner:invitation.doneDap', { partner })).first().waitFor();

  // The agent sees the customer and opens its admin center with their own account.
  await agent.reload();
  const row = agent.getByRole('table', { name: t('partner:customers.title') }).getByRole('button', { name: customer, exact: true });
  await row.click();
  await agent.getByRole('button', { name: t('partner:customers.openAdmin'), exact: true }).click();
  const banner = agent.getByText(t('common:customerBanner.text', { customer, user: agentName, partner }));
  await banner.waitFor();
  await agent.getByRole('navigation', { name: t('common:nav.adminLabel') })
    .getByRole('link', { name: t('common:nav.activeUsers'), exact: true }).click()
    .catch(async (e) => { await shot(agent, 'failure-agent'); throw new Error(`${e.message}\nagent at ${agent.url()}:\n${await agent.content()}`); });
  await heading(agent, t('users:title')).waitFor();
  await agent.getByText(someUser).first().waitFor();
  await shot(agent, '14-partner-in-customer');

  // The customer removes delegated admin; the agent is refused at once.
  await admin.goto(`${base}/admin/settings/partners`);
  await heading(admin, t('partner:relationships.title')).waitFor();
  await admin.getByRole('table', { name: t('partner:relationships.title') }).getByRole('button', { name: partner, exact: true }).click();
  await admin.getByRole('button', { name: t('partner:relationships.removeDap'), exact: true }).click();
  const confirm = admin.getByRole('alertdialog').or(admin.getByRole('dialog', { name: t('partner:relationships.removeTitle', { partner }) }));
  await confirm.getByRole('button', { name: t('partner:relationships.remove'), exact: true }).click();
  await admin.getByText(t('partner:relationships.dapRemoved', { partner })).first().waitFor();
  await shot(admin, '15-partner-dap-removed');

  await agent.reload();
  await agent.getByText(t('common:customerBanner.noDelegation', { customer })).first().waitFor()
    .catch(async (e) => { await shot(agent, 'failure-agent'); throw new Error(`${e.message}\nagent at ${agent.url()}:\n${await agent.locator('body').ariaSnapshot()}`); });
  await shot(agent, '16-partner-refused');
  await agent.getByRole('button', { name: t('common:customerBanner.back'), exact: true }).first().click();
  await agent.waitForURL((u) => !u.search.includes('tenant='));
}
