import {
  Badge, Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, Link, Table, TableBody,
  TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@fluentui/react-components';
import { Add20Regular } from '@fluentui/react-icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { Page } from '../../components/Page';
import { Empty, ErrorMessage, Loading } from '../../components/Status';
import { useNotify } from '../../components/useNotify';
import { AccessControlPanel } from './AccessControlPanel';
import { subscriptionsKey, type Subscription } from './api';

/**
 * AzureSubscriptionsPage is Billing → Azure subscriptions (partners.md §7):
 * the resource subscriptions the admin holds a role on (all of them for a
 * Global admin; the server filters), adding one, and a subscription's
 * Access control (IAM) in a panel.
 */
export default function AzureSubscriptionsPage() {
  const { t } = useTranslation('azure');
  const q = useQuery({ queryKey: subscriptionsKey, queryFn: () => api.get<{ value: Subscription[] }>('/api/azure/subscriptions') });
  const [adding, setAdding] = useState(false);
  const [openId, setOpenId] = useState<string>();
  const open = q.data?.value.find((s) => s.subscriptionId === openId);
  return (
    <Page title={t('title')} intro={t('intro')}
      actions={<Button icon={<Add20Regular />} onClick={() => setAdding(true)}>{t('add.button')}</Button>}>
      {q.isPending && <Loading />}
      {q.error && <ErrorMessage error={q.error} />}
      {q.data && q.data.value.length === 0 && <Empty>{t('empty')}</Empty>}
      {q.data && q.data.value.length > 0 && (
        <Table aria-label={t('title')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('column.name')}</TableHeaderCell>
              <TableHeaderCell>{t('column.id')}</TableHeaderCell>
              <TableHeaderCell>{t('column.state')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {q.data.value.map((s) => (
              <TableRow key={s.subscriptionId}>
                <TableCell>
                  <Link onClick={() => setOpenId(s.subscriptionId)}>{s.displayName}</Link>{' '}
                  {s.provisionedByPartnerTenantId && <Badge appearance="tint" color="informative">{t('byPartner')}</Badge>}
                </TableCell>
                <TableCell>{s.subscriptionId}</TableCell>
                <TableCell>{t(`state.${s.state}`, s.state)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {adding && <AddSubscriptionDialog onClose={() => setAdding(false)} />}
      {open && <AccessControlPanel subscription={open} onClose={() => setOpenId(undefined)} />}
    </Page>
  );
}

function AddSubscriptionDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('azure');
  const qc = useQueryClient();
  const notify = useNotify();
  const [name, setName] = useState('');
  const add = useMutation({
    mutationFn: () => api.post<Subscription>('/api/azure/subscriptions', { displayName: name.trim() }),
    onSuccess: (s) => {
      notify(t('add.done', { name: s?.displayName ?? name.trim() }));
      void qc.invalidateQueries({ queryKey: subscriptionsKey });
      onClose();
    },
  });
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <form onSubmit={(e) => { e.preventDefault(); if (name.trim()) add.mutate(); }}>
          <DialogBody>
            <DialogTitle>{t('add.title')}</DialogTitle>
            <DialogContent>
              <Field label={t('add.name')} required>
                <Input value={name} onChange={(_, d) => setName(d.value)} />
              </Field>
              {!!add.error && <ErrorMessage error={add.error} />}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={onClose}>{t('common:action.cancel')}</Button>
              <Button appearance="primary" type="submit" disabled={!name.trim() || add.isPending}>{t('add.submit')}</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
