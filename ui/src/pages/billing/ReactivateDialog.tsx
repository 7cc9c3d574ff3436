import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorMessage } from '../../components/Status';
import { useNotify } from '../../components/useNotify';
import { useFormat } from '../../i18n/format';
import { billingKeys } from './data';
import { formatMoney, multiply } from './seats';
import type { Subscription } from './types';

/** ReactivateDialog brings back an expired or disabled subscription for a new term (POST /api/billing/subscriptions/{id}/reactivate). */
export function ReactivateDialog({ sub, onClose }: { sub: Subscription; onClose: () => void }) {
  const { t } = useTranslation('billing');
  const f = useFormat();
  const qc = useQueryClient();
  const notify = useNotify();
  const m = useMutation({
    mutationFn: () => api.post<Subscription>(`/api/billing/subscriptions/${encodeURIComponent(sub.id)}/reactivate`),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: billingKeys.all });
      notify(t('products.reactivated', { product: sub.displayName }));
      onClose();
    },
  });
  return (
    <ConfirmDialog title={t('products.reactivateTitle', { product: sub.displayName })} confirmLabel={t('products.reactivate')}
      busy={m.isPending} onConfirm={() => m.mutate()} onClose={onClose}>
      {t('products.reactivateText', { count: sub.quantity, total: formatMoney(f.locale, multiply(sub.unitPrice, sub.quantity)) })}
      {m.error && <ErrorMessage error={m.error} />}
    </ConfirmDialog>
  );
}
