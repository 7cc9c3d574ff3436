import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorMessage } from '../../components/Status';
import { useNotify } from '../../components/useNotify';
import { useFormat } from '../../i18n/format';
import { billingKeys } from './data';
import type { Subscription } from './types';

/** RecurringDialog turns a subscription's recurring billing on or off (PATCH /api/billing/subscriptions/{id} {autoRenew}). */
export function RecurringDialog({ sub, onClose }: { sub: Subscription; onClose: () => void }) {
  const { t } = useTranslation('billing');
  const f = useFormat();
  const qc = useQueryClient();
  const notify = useNotify();
  const on = !sub.autoRenew;
  const m = useMutation({
    mutationFn: () => api.patch<Subscription>(`/api/billing/subscriptions/${encodeURIComponent(sub.id)}`, { autoRenew: on }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: billingKeys.all });
      notify(t(on ? 'products.recurringOnDone' : 'products.recurringOffDone', { product: sub.displayName }));
      onClose();
    },
  });
  const date = sub.endDateTime ? f.date(sub.endDateTime) : '';
  return (
    <ConfirmDialog title={t(on ? 'products.recurringOnTitle' : 'products.recurringOffTitle', { product: sub.displayName })}
      confirmLabel={t(on ? 'products.recurringOn' : 'products.recurringOff')} busy={m.isPending} onConfirm={() => m.mutate()} onClose={onClose}>
      {t(on ? 'products.recurringOnText' : 'products.recurringOffText', { date })}
      {m.error && <ErrorMessage error={m.error} />}
    </ConfirmDialog>
  );
}
