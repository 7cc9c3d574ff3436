import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Collection } from '../../api/types';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorMessage, Loading } from '../../components/Status';
import { useNotify } from '../../components/useNotify';
import { PermButton } from '../roles/PermButton';

export const useSectionStyles = makeStyles({
  section: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '720px',
    padding: tokens.spacingVerticalL, borderRadius: tokens.borderRadiusLarge, border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  h2: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
});

interface Org { id: string; onPremisesSyncEnabled: boolean | null }

/**
 * SyncSwitch turns directory synchronization on or off: the organization's
 * onPremisesSyncEnabled, null until it was first turned on. Turning it off
 * asks first.
 */
export function SyncSwitch() {
  const { t } = useTranslation('dirsync');
  const s = useSectionStyles();
  const qc = useQueryClient();
  const notify = useNotify();
  const [confirm, setConfirm] = useState(false);
  const q = useQuery({ queryKey: ['organization'], queryFn: () => api.get<Collection<Org>>('/v1.0/organization').then((c) => c.value[0]) });
  const set = useMutation({
    mutationFn: (on: boolean) => api.patch(`/v1.0/organization/${encodeURIComponent(q.data!.id)}`, { onPremisesSyncEnabled: on }),
    onSuccess: (_, on) => {
      setConfirm(false);
      notify(on ? t('sync.turnedOn') : t('sync.turnedOff'));
      void qc.invalidateQueries({ queryKey: ['organization'] });
    },
  });
  const state = q.data?.onPremisesSyncEnabled;
  const on = state === true;
  return (
    <section className={s.section} aria-labelledby="dirsync-state">
      <h2 id="dirsync-state" className={s.h2}>{t('sync.title')}</h2>
      {q.isPending && <Loading />}
      {q.error && <ErrorMessage error={q.error} />}
      {q.data && (
        <>
          <div className={s.row}>
            <Badge appearance={on ? 'filled' : 'tint'} color={on ? 'success' : 'informative'}>{on ? t('sync.on') : state === false ? t('sync.off') : t('sync.never')}</Badge>
            <Text>{on ? t('sync.onText') : t('sync.offText')}</Text>
          </div>
          {!!set.error && !confirm && <ErrorMessage error={set.error} />}
          <div>
            <PermButton perm="dirsync.manage" appearance={on ? 'secondary' : 'primary'} disabled={set.isPending}
              onClick={() => (on ? setConfirm(true) : set.mutate(true))}>
              {on ? t('sync.turnOff') : t('sync.turnOn')}
            </PermButton>
          </div>
        </>
      )}
      {confirm && (
        <ConfirmDialog title={t('sync.confirmTitle')} confirmLabel={t('sync.turnOff')} busy={set.isPending}
          onConfirm={() => set.mutate(false)} onClose={() => { setConfirm(false); set.reset(); }}>
          <Text block>{t('sync.confirmText')}</Text>
          {!!set.error && <ErrorMessage error={set.error} />}
        </ConfirmDialog>
      )}
    </section>
  );
}
