import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, MessageBar, MessageBarBody, Text,
} from '@fluentui/react-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client';
import type { Collection } from '../../api/types';
import { RouterLink } from '../../components/RouterLink';
import { ErrorMessage } from '../../components/Status';
import { useFormat } from '../../i18n/format';
import { billingKeys } from './data';
import { wholeNumber } from './SeatsDialog';
import { formatMoney, multiply, newIdempotencyKey } from './seats';
import type { CatalogProduct, Invoice, Order } from './types';

/** placeOrder buys seats; the key makes a retried or double-clicked purchase happen once (the server replays it). */
export function placeOrder(skuId: string, quantity: number, key: string) {
  return api.post<Order>('/api/billing/orders', { skuId, quantity }, { headers: { 'Idempotency-Key': key } });
}

/**
 * BuyDialog buys a quantity of a product (POST /api/billing/orders) and
 * ends in a confirmation with the order and its invoice. The dialog has
 * one Idempotency-Key for its lifetime.
 */
export function BuyDialog({ product, onClose }: { product: CatalogProduct; onClose: () => void }) {
  const { t } = useTranslation('billing');
  const f = useFormat();
  const qc = useQueryClient();
  const [key] = useState(newIdempotencyKey);
  const [text, setText] = useState('1');
  const [touched, setTouched] = useState(false);
  const n = wholeNumber(text, 1);
  const m = useMutation({
    mutationFn: (q: number) => placeOrder(product.skuId, q, key),
    onSuccess: () => void qc.invalidateQueries({ queryKey: billingKeys.all }),
  });
  const order = m.data;
  const invoice = useQuery({
    queryKey: [...billingKeys.invoices, 'of', order?.id],
    enabled: !!order,
    queryFn: () => api.get<Collection<Invoice>>('/api/billing/invoices').then((r) => r.value.find((i) => i.orderId === order?.id) ?? null),
  }).data;
  const fieldError = m.error instanceof ApiError && m.error.status === 400 ? m.error.message : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (n !== undefined && !m.isPending) m.mutate(n);
  };
  const title = order ? t('purchase.doneTitle') : t('purchase.dialogTitle', { product: product.displayName });
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <form onSubmit={submit} noValidate>
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent>
              {order ? (
                <MessageBar intent="success" role="status">
                  <MessageBarBody>
                    <Text block>{t('purchase.done', { order: order.id, count: order.quantity, product: product.displayName, seats: order.subscription?.quantity ?? '' })}</Text>
                    {invoice && (
                      <Text block>{t('purchase.invoice', { invoice: invoice.id, total: formatMoney(f.locale, invoice.total),
                        status: t(`bills.invoiceStatus.${invoice.status}`, { defaultValue: invoice.status }) })}</Text>
                    )}
                    <RouterLink to="/admin/billing/bills">{t('purchase.viewBills')}</RouterLink>
                  </MessageBarBody>
                </MessageBar>
              ) : (
                <>
                  <Field label={t('purchase.quantity')} validationMessage={touched && n === undefined ? t('purchase.quantityInvalid') : fieldError}>
                    <Input type="number" min={1} value={text} onChange={(_, d) => { setText(d.value); m.reset(); }} />
                  </Field>
                  {n !== undefined && (
                    <Text block aria-live="polite">{t('purchase.total', { count: n, total: formatMoney(f.locale, multiply(product.unitPrice, n)) })}</Text>
                  )}
                  {m.error && !fieldError && <ErrorMessage error={m.error} />}
                </>
              )}
            </DialogContent>
            {/* Close sits away from where Place order was, so the second click of a double click doesn't dismiss the confirmation. */}
            {order ? <DialogActions position="start"><Button onClick={onClose}>{t('common:action.close')}</Button></DialogActions> : (
              <DialogActions>
                <Button appearance="secondary" onClick={onClose}>{t('common:action.cancel')}</Button>
                <Button appearance="primary" type="submit" disabled={m.isPending}>{t('purchase.place')}</Button>
              </DialogActions>
            )}
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
