import { Badge } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

const colors: Record<string, 'success' | 'warning' | 'danger' | 'informative'> = {
  Enabled: 'success', Warning: 'warning', Suspended: 'danger', LockedOut: 'informative', Deleted: 'informative',
};

/** StatusBadge shows a subscription's status (licensing-and-billing.md §4.2) with the admin center's words. */
export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation('billing');
  return <Badge appearance="tint" color={colors[status] ?? 'informative'}>{t(`status.${status}`, { defaultValue: status })}</Badge>;
}
