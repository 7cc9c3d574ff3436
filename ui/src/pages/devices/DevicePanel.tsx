import {
  Badge, Button, DrawerBody, DrawerHeader, DrawerHeaderTitle, OverlayDrawer, Text, makeStyles, tokens,
} from '@fluentui/react-components';
import { Delete20Regular, Dismiss24Regular, Power20Regular } from '@fluentui/react-icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import type { Collection } from '../../api/types';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { RouterLink } from '../../components/RouterLink';
import { ErrorMessage, Loading } from '../../components/Status';
import { useNotify } from '../../components/useNotify';
import { usePageTitle } from '../../components/usePageTitle';
import { useFormat } from '../../i18n/format';
import { PermButton } from '../roles/PermButton';
import { devicePath, type Device, type DeviceOwner } from './model';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS, margin: 0 },
  dt: { color: tokens.colorNeutralForeground3 },
  dd: { margin: 0, overflowWrap: 'anywhere' },
});

/** DevicePanel is a device's details (deep link /admin/devices/{id}): its properties, its registered owner, enable or disable, delete. */
export function DevicePanel({ id }: { id: string }) {
  const { t } = useTranslation('devices');
  const s = useStyles();
  const f = useFormat();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const notify = useNotify();
  const [deleting, setDeleting] = useState(false);
  const q = useQuery({ queryKey: ['devices', id], queryFn: () => api.get<Device>(devicePath(id)) });
  const owners = useQuery({ queryKey: ['devices', id, 'owners'], queryFn: () => api.get<Collection<DeviceOwner>>(`${devicePath(id)}/registeredOwners`) });
  const close = () => navigate('/admin/devices');
  const toggle = useMutation({
    mutationFn: (on: boolean) => api.patch(devicePath(id), { accountEnabled: on }),
    onSuccess: (_, on) => {
      notify(on ? t('panel.enabledNow') : t('panel.disabledNow'));
      void qc.invalidateQueries({ queryKey: ['devices'] });
    },
  });
  const remove = useMutation({
    mutationFn: () => api.del(devicePath(id)),
    onSuccess: () => {
      notify(t('panel.deleted', { name: q.data?.displayName ?? id }));
      qc.removeQueries({ queryKey: ['devices', id] });
      void qc.invalidateQueries({ queryKey: ['devices', 'list'] });
      close();
    },
  });
  const d = q.data;
  usePageTitle(d?.displayName ?? t('panel.label'));
  const yesNo = (b: boolean) => (b ? t('yes') : t('no'));
  return (
    <OverlayDrawer open position="end" size="medium" onOpenChange={(_, x) => !x.open && close()} aria-label={d?.displayName ?? t('panel.label')}>
      <DrawerHeader>
        <DrawerHeaderTitle action={<Button appearance="subtle" aria-label={t('panel.close')} icon={<Dismiss24Regular />} onClick={close} />}>
          {d?.displayName ?? t('panel.label')}
        </DrawerHeaderTitle>
        {d && <div><Badge appearance="tint" color={d.accountEnabled ? 'success' : 'subtle'}>{d.accountEnabled ? t('enabled') : t('disabled')}</Badge></div>}
      </DrawerHeader>
      <DrawerBody className={s.body}>
        {q.isPending && <Loading />}
        {q.error && <ErrorMessage error={q.error} />}
        {d && (
          <>
            <div className={s.actions}>
              <PermButton perm="devices.manage" icon={<Power20Regular />} disabled={toggle.isPending} onClick={() => toggle.mutate(!d.accountEnabled)}>
                {d.accountEnabled ? t('panel.disable') : t('panel.enable')}
              </PermButton>
              <PermButton perm="devices.manage" icon={<Delete20Regular />} onClick={() => setDeleting(true)}>{t('panel.delete')}</PermButton>
            </div>
            {!!toggle.error && <ErrorMessage error={toggle.error} />}
            <dl className={s.facts}>
              <dt className={s.dt}>{t('field.name')}</dt><dd className={s.dd}>{d.displayName}</dd>
              <dt className={s.dt}>{t('field.deviceId')}</dt><dd className={s.dd}>{d.deviceId}</dd>
              <dt className={s.dt}>{t('field.os')}</dt><dd className={s.dd}>{d.operatingSystem ?? ''}</dd>
              <dt className={s.dt}>{t('field.osVersion')}</dt><dd className={s.dd}>{d.operatingSystemVersion ?? ''}</dd>
              <dt className={s.dt}>{t('field.trustType')}</dt><dd className={s.dd}>{t(`trust.${d.trustType}`, d.trustType)}</dd>
              <dt className={s.dt}>{t('field.compliant')}</dt><dd className={s.dd}>{yesNo(d.isCompliant)}</dd>
              <dt className={s.dt}>{t('field.managed')}</dt><dd className={s.dd}>{yesNo(d.isManaged)}</dd>
              <dt className={s.dt}>{t('field.registered')}</dt><dd className={s.dd}>{d.registrationDateTime ? f.dateTime(d.registrationDateTime) : ''}</dd>
              <dt className={s.dt}>{t('field.lastSignIn')}</dt>
              <dd className={s.dd}>{d.approximateLastSignInDateTime ? f.dateTime(d.approximateLastSignInDateTime) : t('never')}</dd>
              <dt className={s.dt}>{t('field.owner')}</dt>
              <dd className={s.dd}>
                {owners.isPending && <Loading />}
                {owners.error && <ErrorMessage error={owners.error} />}
                {owners.data && owners.data.value.length === 0 && <Text>{t('panel.noOwner')}</Text>}
                {owners.data?.value.map((o) => (
                  <div key={o.id}><RouterLink to={`/admin/users/${o.id}`}>{o.displayName || o.userPrincipalName}</RouterLink> <Text>{o.userPrincipalName}</Text></div>
                ))}
              </dd>
            </dl>
          </>
        )}
        {deleting && d && (
          <ConfirmDialog title={t('panel.deleteTitle', { name: d.displayName })} confirmLabel={t('panel.delete')} busy={remove.isPending}
            onConfirm={() => remove.mutate()} onClose={() => { setDeleting(false); remove.reset(); }}>
            <Text block>{t('panel.deleteText')}</Text>
            {!!remove.error && <ErrorMessage error={remove.error} />}
          </ConfirmDialog>
        )}
      </DrawerBody>
    </OverlayDrawer>
  );
}
