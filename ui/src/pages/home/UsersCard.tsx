import { Text } from '@fluentui/react-components';
import { People24Regular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { InfoCard } from '../../components/InfoCard';
import { ErrorMessage, Loading } from '../../components/Status';
import { useFormat } from '../../i18n/format';

const count = (filter?: string) => api.get<string>(`/v1.0/users/$count${filter ? `?$filter=${encodeURIComponent(filter)}` : ''}`,
  { headers: { ConsistencyLevel: 'eventual' } }).then(Number);

/** UsersCard counts the organization's users and those blocked from signing in (GET /v1.0/users/$count). */
export function UsersCard() {
  const { t } = useTranslation('home');
  const f = useFormat();
  const q = useQuery({ queryKey: ['home', 'userCounts'], queryFn: async () => ({ all: await count(), blocked: await count('accountEnabled eq false') }) });
  return (
    <InfoCard id="users" title={t('users.title')} icon={<People24Regular />}>
      {q.isPending && <Loading />}
      {q.error && <ErrorMessage error={q.error} />}
      {q.data && (
        <>
          <Text size={800} weight="semibold" data-testid="users-count">{f.number(q.data.all)}</Text>
          <Text>{t('users.total', { count: q.data.all })}</Text>
          <Text>{t('users.blocked', { count: q.data.blocked, formatted: f.number(q.data.blocked) })}</Text>
        </>
      )}
    </InfoCard>
  );
}
