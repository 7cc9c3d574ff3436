import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input,
} from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError, api } from '../../api/client';
import type { Domain } from '../../api/types';
import { ErrorMessage } from '../../components/Status';

/** AddDomainDialog is the first step of Add domain: the name (POST /v1.0/domains); the domain's page then shows the TXT record to create. */
export function AddDomainDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('domains');
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [name, setName] = useState('');
  const add = useMutation({
    mutationFn: () => api.post<Domain>('/v1.0/domains', { id: name.trim().toLowerCase() }),
    onSuccess: (d) => {
      void qc.invalidateQueries({ queryKey: ['domains'] });
      onClose();
      navigate(`/admin/settings/domains/${encodeURIComponent(d.id)}`);
    },
  });
  const fieldError = add.error instanceof ApiError && add.error.status === 400 ? add.error.message : undefined;
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <form noValidate onSubmit={(e) => { e.preventDefault(); if (name.trim()) add.mutate(); }}>
          <DialogBody>
            <DialogTitle>{t('add.title')}</DialogTitle>
            <DialogContent>
              {add.error && !fieldError && <ErrorMessage error={add.error} />}
              <Field label={t('add.name')} hint={t('add.hint')} required validationMessage={fieldError}>
                <Input value={name} onChange={(_, d) => setName(d.value)} autoFocus placeholder={t('add.placeholder')} />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={onClose}>{t('common:action.cancel')}</Button>
              <Button appearance="primary" type="submit" disabled={add.isPending || !name.trim()}>{t('add.submit')}</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
