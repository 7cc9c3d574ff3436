import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, Text,
} from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { ErrorMessage } from '../../../components/Status';
import { useNotify } from '../../../components/useNotify';
import { usePanelStyles } from '../../partner/styles';
import { base, devicesKey, type AutopilotDevice } from './api';

/** FormDialog is a dialog with a form: its fields, the server's error, Cancel and a submit button. */
function FormDialog({ title, submit, busy, ready, error, onSubmit, onClose, children }: {
  title: string; submit: string; busy: boolean; ready: boolean; error: unknown; onSubmit: () => void; onClose: () => void; children: ReactNode;
}) {
  const { t } = useTranslation('autopilot');
  const s = usePanelStyles();
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <form onSubmit={(e) => { e.preventDefault(); if (ready && !busy) onSubmit(); }}>
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className={s.body}>
              {children}
              {!!error && <ErrorMessage error={error} />}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={onClose}>{t('common:action.cancel')}</Button>
              <Button appearance="primary" type="submit" disabled={!ready || busy}>{submit}</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

function useAdded(onClose: () => void) {
  const { t } = useTranslation('autopilot');
  const qc = useQueryClient();
  const notify = useNotify();
  return (r: { value: AutopilotDevice[] } | undefined) => {
    notify(t('added', { count: r?.value?.length ?? 0 }));
    void qc.invalidateQueries({ queryKey: devicesKey });
    onClose();
  };
}

/** UploadCsvDialog uploads a device file in the Partner Center format, with an optional batch name and group tag. */
export function UploadCsvDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('autopilot');
  const [file, setFile] = useState<File | null>(null);
  const [batchName, setBatchName] = useState('');
  const [groupTag, setGroupTag] = useState('');
  const done = useAdded(onClose);
  const upload = useMutation({
    mutationFn: () => {
      const q = new URLSearchParams({ channel: 'adminCenter' });
      if (batchName.trim()) q.set('batchName', batchName.trim());
      if (groupTag.trim()) q.set('groupTag', groupTag.trim());
      return api.post<{ value: AutopilotDevice[] }>(`${base}?${q}`, new Blob([file!], { type: 'text/csv' }));
    },
    onSuccess: done,
  });
  return (
    <FormDialog title={t('upload.title')} submit={t('upload.submit')} busy={upload.isPending} ready={!!file} error={upload.error}
      onSubmit={() => upload.mutate()} onClose={onClose}>
      <Text>{t('upload.help')}</Text>
      <Field label={t('upload.file')} required>
        {(props) => <input {...props} type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />}
      </Field>
      <Field label={t('field.batchName')}><Input value={batchName} onChange={(_, d) => setBatchName(d.value)} /></Field>
      <Field label={t('field.groupTag')}><Input value={groupTag} onChange={(_, d) => setGroupTag(d.value)} /></Field>
    </FormDialog>
  );
}

/** AddDeviceDialog registers one device by manufacturer, serial number and model. */
export function AddDeviceDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('autopilot');
  const [v, setV] = useState({ serialNumber: '', manufacturer: '', model: '', groupTag: '', batchName: '' });
  const done = useAdded(onClose);
  const add = useMutation({
    mutationFn: () => api.post<{ value: AutopilotDevice[] }>(base, {
      batchName: v.batchName.trim(), groupTag: v.groupTag.trim(), channel: 'adminCenter',
      devices: [{ serialNumber: v.serialNumber.trim(), manufacturer: v.manufacturer.trim(), model: v.model.trim() }],
    }),
    onSuccess: done,
  });
  const field = (k: keyof typeof v, required = false) => (
    <Field label={t(`field.${k}`)} required={required}>
      <Input value={v[k]} onChange={(_, d) => setV({ ...v, [k]: d.value })} />
    </Field>
  );
  return (
    <FormDialog title={t('add.title')} submit={t('add.submit')} busy={add.isPending} ready={!!v.serialNumber.trim()} error={add.error}
      onSubmit={() => add.mutate()} onClose={onClose}>
      <Text>{t('add.help')}</Text>
      {field('serialNumber', true)}
      {field('manufacturer', true)}
      {field('model', true)}
      {field('groupTag')}
      {field('batchName')}
    </FormDialog>
  );
}

export { FormDialog };
