import {
  Button, DrawerBody, DrawerHeader, DrawerHeaderTitle, Dropdown, Field, OverlayDrawer, Option, Text,
} from '@fluentui/react-components';
import { Delete20Regular, Dismiss24Regular } from '@fluentui/react-icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorMessage } from '../../../components/Status';
import { useNotify } from '../../../components/useNotify';
import { useFormat } from '../../../i18n/format';
import { usePanelStyles } from '../../partner/styles';
import { addedBy, base, devicesKey, profilesKey, type AutopilotDevice, type DeploymentProfile } from './api';

const none = '';

/** AutopilotDevicePanel is an Autopilot device's details: its identity, who added it, its profile (assign or remove), and Delete. */
export function AutopilotDevicePanel({ device: d, profiles, onClose }: { device: AutopilotDevice; profiles: DeploymentProfile[]; onClose: () => void }) {
  const { t } = useTranslation('autopilot');
  const s = usePanelStyles();
  const f = useFormat();
  const qc = useQueryClient();
  const notify = useNotify();
  const [pick, setPick] = useState(d.deploymentProfileId ?? none);
  const [deleting, setDeleting] = useState(false);
  const url = `${base}/${encodeURIComponent(d.id)}`;
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: devicesKey });
    void qc.invalidateQueries({ queryKey: profilesKey });
  };
  const assign = useMutation({
    mutationFn: () => api.post<AutopilotDevice>(`${url}/profile`, { profileId: pick === none ? null : pick }),
    onSuccess: () => { notify(pick === none ? t('panel.profileRemoved') : t('panel.profileAssigned')); refresh(); },
  });
  const remove = useMutation({
    mutationFn: () => api.del(url),
    onSuccess: () => { notify(t('panel.deleted', { serial: d.serialNumber })); setDeleting(false); onClose(); refresh(); },
  });
  const name = d.serialNumber || d.productKey || d.id;
  const profileName = (id: string) => (id === none ? t('panel.noProfile') : profiles.find((p) => p.id === id)?.name ?? id);
  const [who, whoArgs] = addedBy(d);
  return (
    <OverlayDrawer open position="end" size="medium" onOpenChange={(_, e) => !e.open && onClose()} aria-label={name}>
      <DrawerHeader>
        <DrawerHeaderTitle action={<Button appearance="subtle" aria-label={t('common:action.close')} icon={<Dismiss24Regular />} onClick={onClose} />}>
          {name}
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody className={s.body}>
        <div className={s.actions}>
          <Button icon={<Delete20Regular />} onClick={() => { remove.reset(); setDeleting(true); }}>{t('panel.delete')}</Button>
        </div>
        <dl className={s.facts}>
          <dt className={s.dt}>{t('column.serialNumber')}</dt><dd className={s.dd}>{d.serialNumber || '—'}</dd>
          <dt className={s.dt}>{t('field.productKey')}</dt><dd className={s.dd}>{d.productKey || '—'}</dd>
          <dt className={s.dt}>{t('column.manufacturer')}</dt><dd className={s.dd}>{d.manufacturer || '—'}</dd>
          <dt className={s.dt}>{t('column.model')}</dt><dd className={s.dd}>{d.model || '—'}</dd>
          <dt className={s.dt}>{t('column.groupTag')}</dt><dd className={s.dd}>{d.groupTag || '—'}</dd>
          <dt className={s.dt}>{t('field.batchName')}</dt><dd className={s.dd}>{d.batchName || '—'}</dd>
          <dt className={s.dt}>{t('column.addedBy')}</dt><dd className={s.dd}>{t(who, whoArgs)}</dd>
          <dt className={s.dt}>{t('panel.uploaded')}</dt><dd className={s.dd}>{d.uploadedDateTime ? f.dateTime(d.uploadedDateTime) : '—'}</dd>
          <dt className={s.dt}>{t('panel.status')}</dt><dd className={s.dd}>{t(`status.${d.profileAssignmentStatus}`, d.profileAssignmentStatus)}</dd>
        </dl>
        <section className={s.section}>
          <Text as="h3" weight="semibold">{t('panel.profile')}</Text>
          <div className={s.actions}>
            <Field label={t('panel.pickProfile')}>
              <Dropdown value={profileName(pick)} selectedOptions={[pick]} onOptionSelect={(_, e) => setPick(e.optionValue ?? none)}>
                <Option value={none}>{t('panel.noProfile')}</Option>
                {profiles.map((p) => <Option key={p.id} value={p.id}>{p.name}</Option>)}
              </Dropdown>
            </Field>
            <Button appearance="primary" disabled={assign.isPending || pick === (d.deploymentProfileId ?? none)} onClick={() => assign.mutate()}>
              {t('panel.assign')}
            </Button>
          </div>
          {!!assign.error && <ErrorMessage error={assign.error} />}
        </section>
        {deleting && (
          <ConfirmDialog title={t('panel.deleteTitle', { serial: name })} confirmLabel={t('panel.delete')} busy={remove.isPending}
            onConfirm={() => remove.mutate()} onClose={() => setDeleting(false)}>
            <Text block>{t('panel.deleteText')}</Text>
            {!!remove.error && <ErrorMessage error={remove.error} />}
          </ConfirmDialog>
        )}
      </DrawerBody>
    </OverlayDrawer>
  );
}
