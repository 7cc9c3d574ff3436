import {
  Badge, Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page';
import { RouterLink } from '../../components/RouterLink';
import { Empty, ErrorMessage, Loading } from '../../components/Status';
import { useFormat } from '../../i18n/format';
import { useSkus, useSubscriptions } from './data';
import { CancelDialog } from './CancelDialog';
import { ReactivateDialog } from './ReactivateDialog';
import { RecurringDialog } from './RecurringDialog';
import { SeatsDialog } from './SeatsDialog';
import { StatusBadge } from './StatusBadge';
import { canReactivate, termKey } from './term';
import type { Subscription } from './types';

const useStyles = makeStyles({
  partner: { color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/**
 * ProductsPage is Billing → Your products: one row per subscription with its status and the date it renews, expires or
 * moves on; quantity, recurring billing, reactivation and cancellation for direct ones (licensing-and-billing.md §4.2, §12).
 */
export default function ProductsPage() {
  const { t } = useTranslation('billing');
  const f = useFormat();
  const s = useStyles();
  const subs = useSubscriptions();
  const skus = useSkus();
  const [editing, setEditing] = useState<Subscription>();
  const [cancelling, setCancelling] = useState<Subscription>();
  const [recurring, setRecurring] = useState<Subscription>();
  const [reactivating, setReactivating] = useState<Subscription>();
  const term = (sub: Subscription) => {
    const key = termKey(sub);
    return key && sub.endDateTime ? t(key, { date: f.date(sub.endDateTime) }) : '—';
  };
  const assigned = (skuId: string) => skus.data?.find((x) => x.skuId === skuId)?.consumedUnits ?? 0;
  return (
    <Page title={t('products.title')} intro={t('products.intro')}
      actions={<RouterLink to="/admin/billing/purchase">{t('products.buy')}</RouterLink>}>
      {subs.isPending && <Loading />}
      {subs.error && <ErrorMessage error={subs.error} />}
      {skus.error && <ErrorMessage error={skus.error} />}
      {subs.data?.length === 0 && <Empty>{t('products.empty')}</Empty>}
      {!!subs.data?.length && (
        <Table aria-label={t('products.tableLabel')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('products.column.product')}</TableHeaderCell>
              <TableHeaderCell>{t('products.column.seats')}</TableHeaderCell>
              <TableHeaderCell>{t('products.column.assigned')}</TableHeaderCell>
              <TableHeaderCell>{t('products.column.status')}</TableHeaderCell>
              <TableHeaderCell>{t('products.column.term')}</TableHeaderCell>
              <TableHeaderCell>{t('products.column.boughtFrom')}</TableHeaderCell>
              <TableHeaderCell>{t('products.column.actions')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {subs.data.map((sub) => (
              <TableRow key={sub.id}>
                <TableCell>{sub.displayName || sub.skuPartNumber}</TableCell>
                <TableCell>{f.number(sub.quantity)}</TableCell>
                <TableCell>{f.number(assigned(sub.skuId))}</TableCell>
                <TableCell><StatusBadge status={sub.status} /></TableCell>
                <TableCell>{term(sub)}</TableCell>
                <TableCell>
                  {sub.purchaseChannel === 'partner'
                    ? <Text className={s.partner}>{t('products.partner', { partner: sub.partner?.displayName ?? '' })}</Text>
                    : <Badge appearance="outline">{t('products.direct')}</Badge>}
                </TableCell>
                <TableCell>
                  {sub.purchaseChannel === 'direct' && sub.status !== 'LockedOut' && sub.status !== 'Deleted' && (
                    <span className={s.actions}>
                      {canReactivate(sub) && (
                        <Button size="small" appearance="primary" aria-label={t('products.reactivateFor', { product: sub.displayName })}
                          onClick={() => setReactivating(sub)}>
                          {t('products.reactivate')}
                        </Button>
                      )}
                      {sub.status === 'Enabled' && (
                        <Button size="small" onClick={() => setRecurring(sub)}
                          aria-label={t(sub.autoRenew ? 'products.recurringOffFor' : 'products.recurringOnFor', { product: sub.displayName })}>
                          {t(sub.autoRenew ? 'products.recurringOff' : 'products.recurringOn')}
                        </Button>
                      )}
                      <Button size="small" aria-label={t('products.changeSeatsFor', { product: sub.displayName })} onClick={() => setEditing(sub)}>
                        {t('products.changeSeats')}
                      </Button>
                      <Button size="small" aria-label={t('products.cancelFor', { product: sub.displayName })} onClick={() => setCancelling(sub)}>
                        {t('products.cancel')}
                      </Button>
                    </span>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {recurring && <RecurringDialog sub={recurring} onClose={() => setRecurring(undefined)} />}
      {reactivating && <ReactivateDialog sub={reactivating} onClose={() => setReactivating(undefined)} />}
      {cancelling && <CancelDialog sub={cancelling} onClose={() => setCancelling(undefined)} />}
      {editing && <SeatsDialog sub={editing} assigned={assigned(editing.skuId)} onClose={() => setEditing(undefined)} />}
    </Page>
  );
}
