import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorMessage } from '../../components/Status';
import { useNotify } from '../../components/useNotify';
import { billingKeys } from './data';
import type { Subscription } from './types';

/** CancelDialog cancels a direct subscription (POST /api/billing/subscriptions/{id}/cancel); the server refuses what it may not cancel. */
export function CancelDialog({ sub, onClose }: { sub: Subscription; onClose: () => void }) {
  const { t } = useTranslation('billing');
  const qc = useQueryClient();
  const notify = useNotify();
  const m = useMutation({
    mutationFn: () => api.post<Subscription>(`/api/billing/subscriptions/${encodeURIComponent(sub.id)}/cancel`),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: billingKeys.all });
      notify(t('products.cancelled', { product: sub.displayName }));
      onClose();
    },
  });
  return (
    <ConfirmDialog title={t('products.cancelTitle', { product: sub.displayName })} confirmLabel={t('products.cancelConfirm')}
      busy={m.isPending} onConfirm={() => m.mutate()} onClose={onClose}>
      {t('products.cancelText')}
      {m.error && <ErrorMessage error={m.error} />}
    </ConfirmDialog>
  );
}
