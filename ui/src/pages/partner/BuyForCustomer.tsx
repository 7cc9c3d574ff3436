import { Button, Field, Select, SpinButton, Text } from '@fluentui/react-components';
import { Cart20Regular } from '@fluentui/react-icons';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorMessage, Loading } from '../../components/Status';
import { useNotify } from '../../components/useNotify';
import { useCatalog } from '../billing/data';
import type { Subscription } from '../billing/types';
import type { Customer } from './api';
import { usePanelStyles } from './styles';

/**
 * BuyForCustomer is the partner's purchase for a customer (partners.md
 * §2.6; Admin and Sales agents): a product of the catalog and a number of
 * licenses, bought as a partner subscription the customer sees read-only.
 */
export function BuyForCustomer({ customer }: { customer: Customer }) {
  const { t } = useTranslation('partner');
  const s = usePanelStyles();
  const notify = useNotify();
  const catalog = useCatalog();
  const [skuId, setSkuId] = useState('');
  const [quantity, setQuantity] = useState(1);
  const product = catalog.data?.find((p) => p.skuId === skuId);
  const buy = useMutation({
    mutationFn: () => api.post<Subscription>(`/api/partner/customers/${encodeURIComponent(customer.tenantId)}/subscriptions`,
      { skuId, quantity }, { tenant: false }),
    onSuccess: () => {
      notify(t('buy.done', { count: quantity, product: product?.displayName ?? skuId, customer: customer.displayName }));
      setSkuId('');
      setQuantity(1);
    },
  });
  return (
    <section className={s.section}>
      <Text as="h3" weight="semibold">{t('buy.title')}</Text>
      <Text size={200}>{t('buy.intro', { customer: customer.displayName })}</Text>
      {catalog.isPending && <Loading />}
      {catalog.error && <ErrorMessage error={catalog.error} />}
      {catalog.data && (
        <>
          <Field label={t('buy.product')}>
            <Select value={skuId} onChange={(_, d) => setSkuId(d.value)}>
              <option value="">{t('buy.choose')}</option>
              {catalog.data.map((p) => <option key={p.skuId} value={p.skuId}>{p.displayName}</option>)}
            </Select>
          </Field>
          <Field label={t('buy.quantity')}>
            <SpinButton value={quantity} min={1} max={product?.maxSeats ?? 10000}
              onChange={(_, d) => setQuantity(Math.max(1, Math.trunc(d.value ?? Number(d.displayValue)) || 1))} />
          </Field>
          {!!buy.error && <ErrorMessage error={buy.error} />}
          <div className={s.actions}>
            <Button icon={<Cart20Regular />} disabled={!skuId || buy.isPending} onClick={() => buy.mutate()}>{t('buy.button')}</Button>
          </div>
        </>
      )}
    </section>
  );
}
