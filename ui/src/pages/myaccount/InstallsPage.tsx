import { MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Page } from '../../components/Page';
import { ErrorMessage, Loading } from '../../components/Status';
import { useNotify } from '../../components/useNotify';
import { ActivateForm } from './installs/ActivateForm';
import { KindSection } from './installs/KindSection';
import { byKind, installKeys, kinds, type Install, type Installs } from './installs/model';

/**
 * InstallsPage is My account → Installs: the devices the user activated the
 * Office apps on, per kind against its limit (GET /api/me/installs), each
 * one deactivated after a confirmation, and the form that activates another.
 */
export default function InstallsPage() {
  const { t } = useTranslation('myaccount');
  const qc = useQueryClient();
  const notify = useNotify();
  const q = useQuery({ queryKey: installKeys.mine, queryFn: () => api.get<Installs>('/api/me/installs') });
  const [confirm, setConfirm] = useState<Install>();
  const remove = useMutation({
    mutationFn: (i: Install) => api.del(`/api/me/installs/${encodeURIComponent(i.id)}`),
    onSuccess: (_, i) => {
      setConfirm(undefined);
      notify(t('installs.deactivated', { device: i.deviceName }));
      void qc.invalidateQueries({ queryKey: installKeys.mine });
    },
    onError: () => setConfirm(undefined),
  });
  const d = q.data;
  const groups = byKind(d?.value ?? []);
  return (
    <Page title={t('installs.title')} intro={d ? t('installs.intro', { pc: d.limits.pc, tablet: d.limits.tablet, phone: d.limits.phone }) : undefined}>
      {q.isPending && <Loading />}
      {q.error && <ErrorMessage error={q.error} />}
      {d && (
        <>
          {!d.eligible && (
            <MessageBar intent="warning"><MessageBarBody>{t('installs.notEligible')}</MessageBarBody></MessageBar>
          )}
          {remove.error && <ErrorMessage error={remove.error} />}
          {kinds.map((k) => (
            <KindSection key={k} kind={k} installs={groups[k]} limit={d.limits[k]}
              onDeactivate={(i) => { remove.reset(); setConfirm(i); }} />
          ))}
          <ActivateForm disabled={!d.eligible} />
        </>
      )}
      {confirm && (
        <ConfirmDialog title={t('installs.confirmTitle', { device: confirm.deviceName })} confirmLabel={t('installs.deactivate')}
          busy={remove.isPending} onConfirm={() => remove.mutate(confirm)} onClose={() => setConfirm(undefined)}>
          <Text>{t('installs.confirmText', { device: confirm.deviceName })}</Text>
        </ConfirmDialog>
      )}
    </Page>
  );
}
