import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Collection } from '../../api/types';
import { Page } from '../../components/Page';
import { ErrorMessage, Loading } from '../../components/Status';
import type { DirSync } from './model';
import { SettingsForm } from './SettingsForm';
import { SyncSwitch } from './SyncSwitch';

/** DirSyncPage is Settings → Directory sync (dirsync.manage): sync on or off for the organization, and the settings the sync engine reads. */
export default function DirSyncPage() {
  const { t } = useTranslation('dirsync');
  const q = useQuery({
    queryKey: ['dirsync'],
    queryFn: () => api.get<Collection<DirSync>>('/v1.0/directory/onPremisesSynchronization').then((c) => c.value[0]),
  });
  return (
    <Page title={t('title')} intro={t('intro')}>
      <SyncSwitch />
      {q.isPending && <Loading />}
      {q.error && <ErrorMessage error={q.error} />}
      {q.data && <SettingsForm key={JSON.stringify(q.data)} saved={q.data} />}
    </Page>
  );
}
