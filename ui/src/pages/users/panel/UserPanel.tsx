import {
  Badge, Button, DrawerBody, DrawerHeader, DrawerHeaderTitle, OverlayDrawer, Tab, TabList, Text, makeStyles, tokens,
} from '@fluentui/react-components';
import { Dismiss24Regular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { ErrorMessage, Loading } from '../../../components/Status';
import { useFormat } from '../../../i18n/format';
import { useAdminRoles, userKeys } from '../data';
import type { User } from '../types';
import { UserAvatar } from '../UserAvatar';
import { AuditTab } from './AuditTab';
import { EditSection } from './EditSection';
import { accountFields, contactFields, panelSelect } from './fields';
import { LicensesTab } from './LicensesTab';
import { PanelActions } from './PanelActions';
import { RolesTab } from './RolesTab';
import { SignInTab } from './SignInTab';

const useStyles = makeStyles({
  head: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center' },
  names: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  badges: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0 },
});

const tabs = ['account', 'roles', 'contact', 'licenses', 'signIn', 'audit'] as const;
type TabName = (typeof tabs)[number];

/** UserPanel is the user details panel (admin-center.md §5.1), a modal drawer deep-linked as /admin/users?user={id}. */
export function UserPanel({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation('users');
  const s = useStyles();
  const f = useFormat();
  const [tab, setTab] = useState<TabName>('account');
  const q = useQuery({ queryKey: userKeys.one(id), queryFn: () => api.get<User>(`/v1.0/users/${encodeURIComponent(id)}?$select=${panelSelect}`) });
  const admin = (useAdminRoles().data?.get(id.toLowerCase())?.length ?? 0) > 0;
  const u = q.data;
  const name = u ? u.displayName ?? u.userPrincipalName : '';
  return (
    <OverlayDrawer open position="end" size="large" onOpenChange={(_, d) => !d.open && onClose()} aria-label={name || t('panel.label')}>
      <DrawerHeader>
        <DrawerHeaderTitle action={<Button appearance="subtle" icon={<Dismiss24Regular />} aria-label={t('common:action.close')} onClick={onClose} />}>
          {u ? (
            <span className={s.head}>
              <UserAvatar id={u.id} name={name} size={56} />
              <span className={s.names}>
                <span>{name}</span>
                <Text size={300} weight="regular">{u.userPrincipalName}</Text>
                <span className={s.badges}>
                  {admin && <Badge appearance="tint" color="brand">{t('badge.admin')}</Badge>}
                  {u.accountEnabled === false && <Badge appearance="tint" color="danger">{t('badge.blocked')}</Badge>}
                  {u.onPremisesSyncEnabled && <Badge appearance="tint" color="informative">{t('sync.synced')}</Badge>}
                </span>
              </span>
            </span>
          ) : t('panel.label')}
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody className={s.body}>
        {q.isPending && <Loading />}
        {q.error && <ErrorMessage error={q.error} />}
        {u && (
          <>
            <PanelActions user={u} onDeleted={onClose} />
            <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabName)}>
              {tabs.map((x) => <Tab key={x} value={x}>{t(`panel.tab.${x}`)}</Tab>)}
            </TabList>
            <div role="tabpanel" aria-label={t(`panel.tab.${tab}`)}>
              {tab === 'account' && (
                <EditSection key={`a-${u.id}`} user={u} fields={accountFields} extra={(
                  <>
                    <dt className={s.term}>{t('column.accountEnabled')}</dt>
                    <dd className={s.value}>{u.accountEnabled === false ? t('signIn.blocked') : t('signIn.allowed')}</dd>
                    <dt className={s.term}>{t('column.onPremisesSyncEnabled')}</dt>
                    <dd className={s.value}>{u.onPremisesSyncEnabled ? t('sync.synced') : t('sync.cloud')}</dd>
                    <dt className={s.term}>{t('column.createdDateTime')}</dt>
                    <dd className={s.value}>{u.createdDateTime ? f.dateTime(u.createdDateTime) : ''}</dd>
                  </>
                )} />
              )}
              {tab === 'roles' && <RolesTab user={u} />}
              {tab === 'contact' && <EditSection key={`c-${u.id}`} user={u} fields={contactFields} />}
              {tab === 'licenses' && <LicensesTab user={u} />}
              {tab === 'signIn' && <SignInTab user={u} />}
              {tab === 'audit' && <AuditTab user={u} />}
            </div>
          </>
        )}
      </DrawerBody>
    </OverlayDrawer>
  );
}
