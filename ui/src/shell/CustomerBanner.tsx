import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Session } from '../api/types';
import { useCustomers } from '../pages/partner/api';
import { useCustomer } from './CustomerContext';

const useStyles = makeStyles({ root: { gridColumn: '1 / -1' } });

/**
 * CustomerBanner is the permanent banner of a partner user acting in a
 * customer (partners.md §4.2): "You're managing {customer} as {user} of
 * {partner}", with the way back; and, when the server finds no delegation
 * for the user there, says so instead.
 */
export function CustomerBanner() {
  const { t } = useTranslation();
  const s = useStyles();
  const c = useCustomer();
  const acting = !!c.tenantId;
  // Who the user is at home: the session of their own organization.
  const me = useQuery({
    queryKey: ['session', 'home'], enabled: acting, staleTime: Infinity,
    queryFn: () => api.get<Session>('/api/session', { authRedirect: false, tenant: false }),
  });
  const customers = useCustomers(acting && !c.name);
  if (!acting) return <div className={s.root} />;
  const customer = c.name || customers.data?.value.find((x) => x.tenantId === c.tenantId)?.displayName || c.tenantId!;
  const back = (
    <MessageBarActions>
      <Button onClick={c.leave}>{t('customerBanner.back')}</Button>
    </MessageBarActions>
  );
  if (c.noDelegation) {
    return (
      <div className={s.root}>
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('customerBanner.noDelegation', { customer })}</MessageBarTitle> {c.noDelegation.message}
          </MessageBarBody>
          {back}
        </MessageBar>
      </div>
    );
  }
  return (
    <div className={s.root} role="region" aria-label={t('customerBanner.label')}>
      <MessageBar intent="warning" layout="singleline">
        <MessageBarBody>
          {t('customerBanner.text', { customer, user: me.data?.displayName || me.data?.userPrincipalName || '…', partner: me.data?.tenantName || '…' })}
        </MessageBarBody>
        {back}
      </MessageBar>
    </div>
  );
}
