import { Field, Input, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { Delete20Regular } from '@fluentui/react-icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorMessage } from '../../components/Status';
import { useNotify } from '../../components/useNotify';
import { useFormat } from '../../i18n/format';
import { PermButton, useMissing } from '../roles/PermButton';
import type { Group } from './model';

const useStyles = makeStyles({
  col: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  dl: { display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`, margin: 0 },
  dd: { margin: 0, wordBreak: 'break-all' },
});

/** GroupGeneral is the General tab: name and description to edit (users.write, not for synced groups), the address, and Delete. */
export function GroupGeneral({ group, onDeleted }: { group: Group; onDeleted: () => void }) {
  const { t } = useTranslation('groups');
  const s = useStyles();
  const f = useFormat();
  const qc = useQueryClient();
  const notify = useNotify();
  const readOnly = !!useMissing('users.write') || !!group.onPremisesSyncEnabled;
  const [name, setName] = useState(group.displayName);
  const [description, setDescription] = useState(group.description ?? '');
  const [deleting, setDeleting] = useState(false);
  const save = useMutation({
    mutationFn: () => api.patch(`/v1.0/groups/${group.id}`, { displayName: name.trim(), description: description.trim() || null }),
    onSuccess: () => { notify(t('panel.saved', { name: name.trim() })); void qc.invalidateQueries({ queryKey: ['groups'] }); },
  });
  const remove = useMutation({
    mutationFn: () => api.del(`/v1.0/groups/${group.id}`),
    onSuccess: () => {
      notify(t('panel.deleted', { name: group.displayName }));
      qc.removeQueries({ queryKey: ['groups', group.id] });
      void qc.invalidateQueries({ queryKey: ['groups', 'list'] });
      onDeleted();
    },
  });
  const fieldError = (field: string) => (save.error instanceof ApiError && save.error.target === field ? save.error.message : undefined);
  const otherError = save.error && !fieldError('displayName') && !fieldError('description');
  const changed = name.trim() !== group.displayName || description.trim() !== (group.description ?? '');
  return (
    <form className={s.col} noValidate onSubmit={(e) => { e.preventDefault(); if (changed && name.trim()) save.mutate(); }}>
      {otherError && <ErrorMessage error={save.error} />}
      <Field label={t('add.name')} required validationMessage={fieldError('displayName')}>
        <Input value={name} readOnly={readOnly} maxLength={256} onChange={(_, d) => setName(d.value)} />
      </Field>
      <Field label={t('add.description')} validationMessage={fieldError('description')}>
        <Textarea value={description} readOnly={readOnly} maxLength={1024} onChange={(_, d) => setDescription(d.value)} />
      </Field>
      <dl className={s.dl}>
        <dt><Text weight="semibold">{t('panel.email')}</Text></dt><dd className={s.dd}>{group.mail ?? t('panel.noEmail')}</dd>
        <dt><Text weight="semibold">{t('panel.nickname')}</Text></dt><dd className={s.dd}>{group.mailNickname}</dd>
        {group.createdDateTime && <><dt><Text weight="semibold">{t('panel.created')}</Text></dt><dd className={s.dd}>{f.dateTime(group.createdDateTime)}</dd></>}
      </dl>
      <div className={s.row}>
        <PermButton perm="users.write" appearance="primary" type="submit" disabled={!changed || !name.trim() || save.isPending || !!group.onPremisesSyncEnabled}>
          {t('panel.save')}
        </PermButton>
        <PermButton perm="users.write" icon={<Delete20Regular />} disabled={!!group.onPremisesSyncEnabled} onClick={() => { remove.reset(); setDeleting(true); }}>
          {t('panel.delete')}
        </PermButton>
      </div>
      {deleting && (
        <ConfirmDialog title={t('panel.deleteTitle', { name: group.displayName })} confirmLabel={t('panel.delete')} busy={remove.isPending}
          onConfirm={() => remove.mutate()} onClose={() => setDeleting(false)}>
          {remove.error ? <ErrorMessage error={remove.error} /> : t('panel.deleteText')}
        </ConfirmDialog>
      )}
    </form>
  );
}
