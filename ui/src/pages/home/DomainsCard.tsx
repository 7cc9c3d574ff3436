import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Globe24Regular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Collection, Domain } from '../../api/types';
import { InfoCard } from '../../components/InfoCard';
import { RouterLink } from '../../components/RouterLink';
import { ErrorMessage, Loading } from '../../components/Status';

const useStyles = makeStyles({ list: { margin: 0, paddingLeft: tokens.spacingHorizontalL } });

/** DomainsCard shows the default domain and the domains still to verify (GET /v1.0/domains). */
export function DomainsCard() {
  const { t } = useTranslation('home');
  const q = useQuery({ queryKey: ['domains'], queryFn: () => api.get<Collection<Domain>>('/v1.0/domains') });
  const unverified = q.data?.value.filter((d) => !d.isVerified) ?? [];
  const def = q.data?.value.find((d) => d.isDefault);
  return (
    <InfoCard id="domains" title={t('domains.title')} icon={<Globe24Regular />}
      footer={<RouterLink to="/admin/settings/domains">{t('domains.manage')}</RouterLink>}>
      {q.isPending && <Loading />}
      {q.error && <ErrorMessage error={q.error} />}
      {q.data && (
        <>
          {def && <Text>{t('domains.default')} <Badge appearance="tint">{def.id}</Badge></Text>}
          {unverified.length === 0 ? <Text>{t('domains.allVerified')}</Text> : (
            <>
              <Text>{t('domains.unverified', { count: unverified.length })}</Text>
              <ul className={useStyles().list}>{unverified.map((d) => <li key={d.id}>{d.id}</li>)}</ul>
            </>
          )}
        </>
      )}
    </InfoCard>
  );
}
