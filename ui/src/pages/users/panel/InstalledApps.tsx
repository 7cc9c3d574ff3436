import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { ErrorMessage, Loading } from '../../../components/Status';
import { KindSection } from '../../myaccount/installs/KindSection';
import { byKind, installKeys, kinds, type Installs } from '../../myaccount/installs/model';

const useStyles = makeStyles({ root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS } });

/**
 * InstalledApps is the Licenses and apps tab's read-only list of the devices
 * a user activated the apps on (GET /api/users/{id}/installs), per kind
 * against its limit. The tab shows it only to an admin with licenses.read.
 */
export function InstalledApps({ userId }: { userId: string }) {
  const { t } = useTranslation('billing');
  const s = useStyles();
  const id = useId();
  const q = useQuery({ queryKey: installKeys.user(userId), queryFn: () => api.get<Installs>(`/api/users/${encodeURIComponent(userId)}/installs`) });
  const d = q.data;
  const groups = byKind(d?.value ?? []);
  return (
    <section className={s.root} aria-labelledby={id}>
      <Text as="h3" id={id} weight="semibold">{t('userTab.installs')}</Text>
      {q.isPending && <Loading />}
      {q.error && <ErrorMessage error={q.error} />}
      {d && !d.eligible && <Text block>{t('userTab.installsNotEligible')}</Text>}
      {d && kinds.map((k) => <KindSection key={k} kind={k} installs={groups[k]} limit={d.limits[k]} heading="h4" />)}
    </section>
  );
}
