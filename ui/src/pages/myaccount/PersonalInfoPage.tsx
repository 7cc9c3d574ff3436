import { Card, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Me } from '../../api/types';
import { Page } from '../../components/Page';
import { ErrorMessage, Loading } from '../../components/Status';
import { PhotoEditor } from './PhotoEditor';

const useStyles = makeStyles({
  card: { maxWidth: '720px', padding: tokens.spacingHorizontalL },
  list: { display: 'grid', gridTemplateColumns: 'minmax(140px, max-content) 1fr', gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXL}`, margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0 },
  pair: { display: 'contents' },
});

const fields = ['displayName', 'givenName', 'surname', 'userPrincipalName', 'mail', 'jobTitle', 'department', 'officeLocation',
  'companyName', 'businessPhones', 'mobilePhone', 'streetAddress', 'city', 'state', 'postalCode', 'country', 'preferredLanguage', 'otherMails'] as const;

/** PersonalInfoPage shows the user's profile (GET /v1.0/me), which the organization manages, and lets them change their photo. */
export default function PersonalInfoPage() {
  const { t } = useTranslation('myaccount');
  const s = useStyles();
  const q = useQuery({ queryKey: ['me'], queryFn: () => api.get<Me>('/v1.0/me') });
  const show = (v: Me[keyof Me]) => (Array.isArray(v) ? v.join(', ') : v ? String(v) : '') || t('profile.notSet');
  return (
    <Page title={t('profile.title')}>
      {q.isPending && <Loading />}
      {q.error && <ErrorMessage error={q.error} />}
      {q.data && (
        <>
          <PhotoEditor name={q.data.displayName ?? q.data.userPrincipalName} />
          <Card className={s.card}>
            <Text as="p">{q.data.onPremisesSyncEnabled ? t('profile.synced') : t('profile.managed')}</Text>
            <dl className={s.list}>
              {fields.map((f) => (
                <div key={f} className={s.pair}>
                  <dt className={s.term}>{t(`profile.field.${f}`)}</dt>
                  <dd className={s.value}>{show(q.data[f])}</dd>
                </div>
              ))}
            </dl>
          </Card>
        </>
      )}
    </Page>
  );
}
