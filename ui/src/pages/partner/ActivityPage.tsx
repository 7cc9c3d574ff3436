import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { Page } from '../../components/Page';
import { Empty, ErrorMessage, Loading } from '../../components/Status';
import { useFormat } from '../../i18n/format';
import { useCustomers } from './api';

/** PartnerActivity is one entry of GET /api/partner/activityLog: something a partner user did in a customer (partners.md §4.3). */
export interface PartnerActivity {
  customerTenantId: string;
  activityDateTime: string;
  activityDisplayName: string;
  initiatedBy: { user?: { id: string; userPrincipalName: string; displayName: string } | null };
  targetResources: { displayName?: string; userPrincipalName?: string; id?: string }[] | null;
  additionalDetails: { key: string; value: string }[] | null;
}

/** target names what an activity changed: its first target's name. */
export const target = (a: PartnerActivity) => {
  const r = a.targetResources?.[0];
  return r ? (r.displayName || r.userPrincipalName || r.id || '') : '';
};

/**
 * ActivityPage is Partner → Activity log (/partner/activity;
 * admin-center.md §15): the partner side of every change its users made
 * on behalf of a customer, newest first.
 */
export default function ActivityPage() {
  const { t } = useTranslation('partner');
  const f = useFormat();
  const q = useQuery({ queryKey: ['partner', 'activity'], queryFn: () => api.get<{ value: PartnerActivity[] }>('/api/partner/activityLog', { tenant: false }) });
  const customers = useCustomers();
  const names = new Map((customers.data?.value ?? []).map((c) => [c.tenantId, c.displayName]));
  return (
    <Page title={t('activity.title')} intro={t('activity.intro')}>
      {q.isPending && <Loading />}
      {q.error && <ErrorMessage error={q.error} />}
      {q.data && q.data.value.length === 0 && <Empty>{t('activity.empty')}</Empty>}
      {q.data && q.data.value.length > 0 && (
        <Table aria-label={t('activity.title')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('activity.column.date')}</TableHeaderCell>
              <TableHeaderCell>{t('activity.column.customer')}</TableHeaderCell>
              <TableHeaderCell>{t('activity.column.activity')}</TableHeaderCell>
              <TableHeaderCell>{t('activity.column.target')}</TableHeaderCell>
              <TableHeaderCell>{t('activity.column.by')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {q.data.value.map((a, i) => (
              <TableRow key={`${a.activityDateTime}-${i}`}>
                <TableCell>{f.dateTime(a.activityDateTime)}</TableCell>
                <TableCell>{names.get(a.customerTenantId) ?? a.customerTenantId}</TableCell>
                <TableCell>{a.activityDisplayName}</TableCell>
                <TableCell>{target(a)}</TableCell>
                <TableCell>{a.initiatedBy.user?.displayName || a.initiatedBy.user?.userPrincipalName || ''}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Page>
  );
}
