import { Badge, Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page';
import { Empty, ErrorMessage, Loading } from '../../components/Status';
import { useFormat } from '../../i18n/format';
import { useInvoices } from './data';
import { InvoiceDialog } from './InvoiceDialog';
import { formatMoney } from './seats';
import type { Invoice } from './types';

/** BillsPage is Billing → Bills & payments: the invoices, each opening its detail (licensing-and-billing.md §12). */
export default function BillsPage() {
  const { t } = useTranslation('billing');
  const f = useFormat();
  const q = useInvoices();
  const [open, setOpen] = useState<Invoice>();
  return (
    <Page title={t('bills.title')} intro={t('bills.intro')}>
      {q.isPending && <Loading />}
      {q.error && <ErrorMessage error={q.error} />}
      {q.data?.length === 0 && <Empty>{t('bills.empty')}</Empty>}
      {!!q.data?.length && (
        <Table aria-label={t('bills.tableLabel')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('bills.column.invoice')}</TableHeaderCell>
              <TableHeaderCell>{t('bills.column.lines')}</TableHeaderCell>
              <TableHeaderCell>{t('bills.column.total')}</TableHeaderCell>
              <TableHeaderCell>{t('bills.column.status')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {q.data.map((inv) => (
              <TableRow key={inv.id}>
                <TableCell>
                  <Button appearance="transparent" aria-label={t('bills.open', { invoice: inv.id })} onClick={() => setOpen(inv)}>{inv.id}</Button>
                </TableCell>
                <TableCell>{(inv.lines ?? []).map((l) => l.description).join(', ')}</TableCell>
                <TableCell>{formatMoney(f.locale, inv.total)}</TableCell>
                <TableCell>
                  <Badge appearance="tint" color={inv.status === 'paid' ? 'success' : 'warning'}>
                    {t(`bills.invoiceStatus.${inv.status}`, { defaultValue: inv.status })}
                  </Badge>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {open && <InvoiceDialog invoice={open} onClose={() => setOpen(undefined)} />}
    </Page>
  );
}
