import {
  MessageBar, MessageBarBody, ProgressBar, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useSession } from '../../api/session';
import { Page } from '../../components/Page';
import { RouterLink } from '../../components/RouterLink';
import { Empty, ErrorMessage, Loading } from '../../components/Status';
import { useFormat } from '../../i18n/format';
import { PermButton } from '../roles/PermButton';
import { BulkDialog } from './BulkDialog';
import { HoldersList } from './HoldersList';
import { productNames, useCatalog, useSkus } from './data';
import { seats, usage } from './seats';
import type { SubscribedSku } from './types';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  bar: { minWidth: '120px' },
});

/** LicensesPage is Billing → Licenses: per product assigned / available / total, with assign and unassign for many users. */
export default function LicensesPage() {
  const { t } = useTranslation('billing');
  const f = useFormat();
  const s = useStyles();
  const session = useSession().data;
  const skus = useSkus();
  const names = productNames(useCatalog().data);
  const [action, setAction] = useState<{ sku: SubscribedSku; mode: 'assign' | 'unassign' }>();
  const [shown, setShown] = useState<SubscribedSku>();
  const rows = skus.data?.filter((x) => x.appliesTo === 'User') ?? [];
  const name = (x: SubscribedSku) => names.get(x.skuId) ?? x.skuPartNumber;
  return (
    <Page title={t('licenses.title')} intro={t('licenses.intro')}
      actions={can(session, 'billing.manage') ? <RouterLink to="/admin/billing/purchase">{t('licenses.buyMore')}</RouterLink> : undefined}>
      {skus.isPending && <Loading />}
      {skus.error && <ErrorMessage error={skus.error} />}
      {skus.data && rows.length === 0 && <Empty>{t('licenses.empty')}</Empty>}
      {rows.filter((x) => seats(x).over > 0).map((x) => (
        <MessageBar key={x.skuId} intent="warning">
          <MessageBarBody>{t('licenses.over', { product: name(x), count: seats(x).over })}</MessageBarBody>
        </MessageBar>
      ))}
      {rows.length > 0 && (
        <>
          <Table aria-label={t('licenses.tableLabel')}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('licenses.column.product')}</TableHeaderCell>
                <TableHeaderCell>{t('licenses.column.assigned')}</TableHeaderCell>
                <TableHeaderCell>{t('licenses.column.available')}</TableHeaderCell>
                <TableHeaderCell>{t('licenses.column.total')}</TableHeaderCell>
                <TableHeaderCell>{t('products.column.actions')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((x) => {
                const n = seats(x);
                return (
                  <TableRow key={x.skuId}>
                    <TableCell>{name(x)}</TableCell>
                    <TableCell>
                      {f.number(n.assigned)}
                      <ProgressBar className={s.bar} value={usage(n.assigned, n.total)} color={n.over > 0 ? 'error' : 'brand'}
                        aria-label={t('licenses.assignedOf', { assigned: n.assigned, total: n.total })} />
                    </TableCell>
                    <TableCell>{f.number(n.available)}</TableCell>
                    <TableCell>{f.number(n.total)}</TableCell>
                    <TableCell>
                      <span className={s.actions}>
                        <PermButton perm="licenses.manage" size="small" aria-label={t('licenses.assignFor', { product: name(x) })}
                          onClick={() => setAction({ sku: x, mode: 'assign' })}>{t('licenses.assign')}</PermButton>
                        <PermButton perm="licenses.manage" size="small" aria-label={t('licenses.unassignFor', { product: name(x) })}
                          onClick={() => setAction({ sku: x, mode: 'unassign' })}>{t('licenses.unassign')}</PermButton>
                        <PermButton perm="licenses.read" size="small" aria-label={t('licenses.showHoldersFor', { product: name(x) })}
                          aria-pressed={shown?.skuId === x.skuId} onClick={() => setShown(x)}>{t('licenses.showHolders')}</PermButton>
                      </span>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
          {shown && (
            <section aria-label={t('licenses.holders', { product: name(shown) })}>
              <h2>{t('licenses.holders', { product: name(shown) })}</h2>
              <HoldersList skuId={shown.skuId} product={name(shown)} />
            </section>
          )}
        </>
      )}
      {action && <BulkDialog sku={action.sku} product={name(action.sku)} mode={action.mode} onClose={() => setAction(undefined)} />}
    </Page>
  );
}
