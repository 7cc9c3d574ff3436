import {
  Button, Checkbox, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Dropdown, Field, Input, Option,
  makeStyles, tokens,
} from '@fluentui/react-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client';
import type { Collection, Domain } from '../../api/types';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorMessage } from '../../components/Status';
import { useNotify } from '../../components/useNotify';
import { useRoleDefinitions, userKeys } from './data';
import type { UserView, ViewConditions } from './types';

const useStyles = makeStyles({ grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))', gap: tokens.spacingHorizontalM } });

const textConditions = ['department', 'jobTitle', 'city', 'state', 'country', 'usageLocation'] as const;
/** fieldTargets are the 400 targets shown at their field rather than above the form. */
const fieldTargets = ['name', 'conditions.domain', 'conditions.roleTemplateId', ...textConditions.map((k) => `conditions.${k}`)];

/** ViewDialog creates or edits a saved user view (POST/PATCH /api/userViews) and deletes one; the server checks each condition. */
export function ViewDialog({ view, onClose, onSaved }: { view?: UserView; onClose: () => void; onSaved: (id: string | null) => void }) {
  const { t } = useTranslation('users');
  const s = useStyles();
  const qc = useQueryClient();
  const notify = useNotify();
  const [name, setName] = useState(view?.name ?? '');
  const [c, setC] = useState<ViewConditions>(view?.conditions ?? {});
  const [confirmDelete, setConfirmDelete] = useState(false);
  const domains = useQuery({ queryKey: ['domains'], queryFn: () => api.get<Collection<Domain>>('/v1.0/domains') });
  const roles = useRoleDefinitions();
  const set = (k: keyof ViewConditions, v: string | boolean | undefined) => setC((cur) => ({ ...cur, [k]: v === '' ? undefined : v }));
  const save = useMutation({
    mutationFn: async () => {
      const body = { name, conditions: c };
      if (view) { await api.patch(`/api/userViews/${view.id}`, body); return view.id; }
      return (await api.post<UserView>('/api/userViews', body)).id;
    },
    onSuccess: (id) => { void qc.invalidateQueries({ queryKey: userKeys.views }); notify(t('viewDialog.saved', { name })); onSaved(id); },
  });
  const remove = useMutation({
    mutationFn: () => api.del(`/api/userViews/${view!.id}`),
    onSuccess: () => { void qc.invalidateQueries({ queryKey: userKeys.views }); notify(t('viewDialog.deleted', { name: view!.name })); onSaved(null); },
  });
  const err = save.error instanceof ApiError && save.error.status === 400 ? save.error : undefined;
  const fieldError = (f: string) => (err?.target === f ? err.message : undefined);
  const signIn = c.signInAllowed === undefined ? 'any' : c.signInAllowed ? 'allowed' : 'blocked';
  const roleName = roles.data?.find((r) => r.id === c.roleTemplateId)?.displayName ?? '';
  if (confirmDelete) {
    return (
      <ConfirmDialog title={t('viewDialog.deleteTitle', { name: view!.name })} confirmLabel={t('viewDialog.delete')} busy={remove.isPending}
        onConfirm={() => remove.mutate()} onClose={() => setConfirmDelete(false)}>
        {remove.error ? <ErrorMessage error={remove.error} /> : t('viewDialog.deleteText')}
      </ConfirmDialog>
    );
  }
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <form noValidate onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
          <DialogBody>
            <DialogTitle>{view ? t('viewDialog.editTitle') : t('viewDialog.newTitle')}</DialogTitle>
            <DialogContent>
              {save.error && !(err?.target && fieldTargets.includes(err.target)) ? <ErrorMessage error={save.error} /> : null}
              <Field label={t('viewDialog.name')} required validationMessage={fieldError('name')}>
                <Input value={name} onChange={(_, d) => setName(d.value)} maxLength={64} />
              </Field>
              <div className={s.grid}>
                <Field label={t('viewDialog.domain')} validationMessage={fieldError('conditions.domain')}>
                  <Dropdown value={c.domain ?? t('viewDialog.any')} selectedOptions={[c.domain ?? '']} onOptionSelect={(_, d) => set('domain', d.optionValue)}>
                    <Option value="">{t('viewDialog.any')}</Option>
                    {domains.data?.value.filter((d) => d.isVerified).map((d) => <Option key={d.id} value={d.id}>{d.id}</Option>)}
                  </Dropdown>
                </Field>
                <Field label={t('viewDialog.signIn')}>
                  <Dropdown value={t(`viewDialog.signIn_${signIn}`)} selectedOptions={[signIn]}
                    onOptionSelect={(_, d) => set('signInAllowed', d.optionValue === 'any' ? undefined : d.optionValue === 'allowed')}>
                    <Option value="any">{t('viewDialog.signIn_any')}</Option>
                    <Option value="allowed">{t('viewDialog.signIn_allowed')}</Option>
                    <Option value="blocked">{t('viewDialog.signIn_blocked')}</Option>
                  </Dropdown>
                </Field>
                <Field label={t('viewDialog.role')} validationMessage={fieldError('conditions.roleTemplateId')}>
                  <Dropdown value={roleName || t('viewDialog.any')} selectedOptions={[c.roleTemplateId ?? '']} onOptionSelect={(_, d) => set('roleTemplateId', d.optionValue)}>
                    <Option value="">{t('viewDialog.any')}</Option>
                    {roles.data?.map((r) => <Option key={r.id} value={r.id}>{r.displayName}</Option>)}
                  </Dropdown>
                </Field>
                {textConditions.map((k) => (
                  <Field key={k} label={t(`column.${k}`)} validationMessage={fieldError(`conditions.${k}`)}>
                    <Input value={c[k] ?? ''} onChange={(_, d) => set(k, d.value)} />
                  </Field>
                ))}
              </div>
              <Checkbox label={t('viewDialog.syncedOnly')} checked={!!c.syncedOnly} onChange={(_, d) => set('syncedOnly', d.checked ? true : undefined)} />
            </DialogContent>
            <DialogActions>
              {view && <Button appearance="subtle" onClick={() => setConfirmDelete(true)}>{t('viewDialog.delete')}</Button>}
              <Button appearance="secondary" onClick={onClose}>{t('common:action.cancel')}</Button>
              <Button appearance="primary" type="submit" disabled={save.isPending || !name.trim()}>{t('viewDialog.save')}</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
