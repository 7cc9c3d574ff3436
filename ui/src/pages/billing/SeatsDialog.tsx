import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input,
} from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client';
import { ErrorMessage } from '../../components/Status';
import { useNotify } from '../../components/useNotify';
import { billingKeys } from './data';
import type { Subscription } from './types';

/** wholeNumber parses a typed count: a whole number ≥ min, else undefined. */
export function wholeNumber(text: string, min: number): number | undefined {
  if (!/^\s*\d+\s*$/.test(text)) return undefined;
  const n = Number(text);
  return Number.isSafeInteger(n) && n >= min ? n : undefined;
}

/** SeatsDialog changes a direct subscription's quantity (PATCH /api/billing/subscriptions/{id}); the server's refusal shows at the field. */
export function SeatsDialog({ sub, assigned, onClose }: { sub: Subscription; assigned: number; onClose: () => void }) {
  const { t } = useTranslation('billing');
  const qc = useQueryClient();
  const notify = useNotify();
  const [text, setText] = useState(String(sub.quantity));
  const [touched, setTouched] = useState(false);
  const n = wholeNumber(text, 0);
  const m = useMutation({
    mutationFn: (quantity: number) => api.patch<Subscription>(`/api/billing/subscriptions/${encodeURIComponent(sub.id)}`, { quantity }),
    onSuccess: (s) => {
      void qc.invalidateQueries({ queryKey: billingKeys.all });
      notify(t('products.saved', { product: s.displayName, count: s.quantity }));
      onClose();
    },
  });
  const fieldError = m.error instanceof ApiError && m.error.status === 400 ? m.error.message : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (n !== undefined) m.mutate(n);
  };
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <form onSubmit={submit} noValidate>
          <DialogBody>
            <DialogTitle>{t('products.changeSeatsFor', { product: sub.displayName })}</DialogTitle>
            <DialogContent>
              <Field label={t('products.seatsLabel')} hint={t('products.seatsHint', { assigned })}
                validationMessage={touched && n === undefined ? t('products.seatsInvalid') : fieldError}>
                <Input type="number" min={0} value={text} onChange={(_, d) => { setText(d.value); m.reset(); }} />
              </Field>
              {m.error && !fieldError && <ErrorMessage error={m.error} />}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={onClose}>{t('common:action.cancel')}</Button>
              <Button appearance="primary" type="submit" disabled={m.isPending}>{t('products.save')}</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
