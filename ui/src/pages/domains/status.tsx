import { Badge } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Domain } from '../../api/types';

/** DomainStatus is a domain's status badge: Healthy or Unverified (admin-center.md §9). */
export function DomainStatus({ domain }: { domain: Domain }) {
  const { t } = useTranslation('domains');
  return domain.isVerified
    ? <Badge appearance="tint" color="success">{t('status.healthy')}</Badge>
    : <Badge appearance="tint" color="warning">{t('status.unverified')}</Badge>;
}
