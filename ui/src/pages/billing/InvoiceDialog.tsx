import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Table, TableBody, TableCell, TableHeader,
  TableHeaderCell, TableRow, Text,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { formatMoney } from './seats';
import type { Invoice } from './types';

/** InvoiceDialog is an invoice's detail: its order, lines, total, currency and status. */
export function InvoiceDialog({ invoice, onClose }: { invoice: Invoice; onClose: () => void }) {
  const { t } = useTranslation('billing');
  const f = useFormat();
  const money = (m: Invoice['total']) => formatMoney(f.locale, m);
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('bills.detailTitle', { invoice: invoice.id })}</DialogTitle>
          <DialogContent>
            {invoice.orderId && <Text block>{t('bills.column.order')}: {invoice.orderId}</Text>}
            <Text block>{t('bills.column.status')}: {t(`bills.invoiceStatus.${invoice.status}`, { defaultValue: invoice.status })}</Text>
            <Table aria-label={t('bills.column.lines')} size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('bills.line.description')}</TableHeaderCell>
                  <TableHeaderCell>{t('bills.line.quantity')}</TableHeaderCell>
                  <TableHeaderCell>{t('bills.line.unitPrice')}</TableHeaderCell>
                  <TableHeaderCell>{t('bills.line.amount')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {(invoice.lines ?? []).map((l, i) => (
                  <TableRow key={i}>
                    <TableCell>{l.description}</TableCell>
                    <TableCell>{f.number(l.quantity)}</TableCell>
                    <TableCell>{money(l.unitPrice)}</TableCell>
                    <TableCell>{money(l.amount)}</TableCell>
                  </TableRow>
                ))}
                <TableRow>
                  <TableCell><Text weight="semibold">{t('bills.totalRow')}</Text></TableCell>
                  <TableCell />
                  <TableCell />
                  <TableCell><Text weight="semibold">{money(invoice.total)}</Text></TableCell>
                </TableRow>
              </TableBody>
            </Table>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onClose}>{t('common:action.close')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
