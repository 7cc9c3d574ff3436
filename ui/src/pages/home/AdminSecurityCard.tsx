import { MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { ShieldCheckmark24Regular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { InfoCard } from '../../components/InfoCard';
import { ErrorMessage, Loading } from '../../components/Status';

/** AdminSecurityCard shows the admin warnings (GET /api/roles/warnings): Global admin count, admins without contact details. */
export function AdminSecurityCard() {
  const { t } = useTranslation('home');
  const q = useQuery({ queryKey: ['roleWarnings'], queryFn: () => api.get<{ warnings: string[] }>('/api/roles/warnings') });
  return (
    <InfoCard id="security" title={t('security.title')} icon={<ShieldCheckmark24Regular />}>
      {q.isPending && <Loading />}
      {q.error && <ErrorMessage error={q.error} />}
      {q.data && q.data.warnings.length === 0 && <Text>{t('security.none')}</Text>}
      {q.data && q.data.warnings.map((w) => (
        // The server words these warnings (in English).
        <MessageBar key={w} intent="warning" layout="multiline"><MessageBarBody>{w}</MessageBarBody></MessageBar>
      ))}
    </InfoCard>
  );
}
