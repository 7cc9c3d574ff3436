import { Button, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Edit20Regular } from '@fluentui/react-icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../../api/client';
import { ErrorMessage } from '../../../components/Status';
import { useNotify } from '../../../components/useNotify';
import { userKeys } from '../data';
import { GuardedButton } from '../Guarded';
import type { User } from '../types';
import { changes, toText, type FieldDef } from './fields';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: { display: 'grid', gridTemplateColumns: 'minmax(140px, auto) 1fr', gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`, margin: 0 },
  pair: { display: 'contents' },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: 'anywhere' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

/**
 * EditSection shows a tab's properties and, for users.write holders, edits
 * them: PATCH /v1.0/users/{id} with what changed; a 400 is shown at the
 * field its target names.
 */
export function EditSection({ user, fields, extra }: { user: User; fields: FieldDef[]; extra?: ReactNode }) {
  const { t } = useTranslation('users');
  const s = useStyles();
  const qc = useQueryClient();
  const notify = useNotify();
  const record = user as unknown as Record<string, unknown>;
  const initial = () => Object.fromEntries(fields.map((f) => [f.name, toText(record[f.name])]));
  const [texts, setTexts] = useState<Record<string, string> | null>(null);
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) => api.patch<void>(`/v1.0/users/${user.id}`, body),
    onSuccess: () => {
      setTexts(null);
      notify(t('panel.saved'));
      void qc.invalidateQueries({ queryKey: userKeys.all });
    },
  });
  const err = save.error instanceof ApiError && save.error.status === 400 ? save.error : undefined;
  const fieldError = (name: string) => (err?.target === name ? err.message : undefined);
  const atField = !!err?.target && fields.some((f) => f.name === err.target);

  if (!texts) {
    return (
      <div className={s.root}>
        <dl className={s.list}>
          {fields.map((f) => (
            <div key={f.name} className={s.pair}>
              <dt className={s.term}>{t(`column.${f.name}`)}</dt>
              <dd className={s.value}>{toText(record[f.name]) || <Text italic>{t('panel.notSet')}</Text>}</dd>
            </div>
          ))}
          {extra}
        </dl>
        <div className={s.actions}>
          <GuardedButton perm="users.write" icon={<Edit20Regular />} onClick={() => { save.reset(); setTexts(initial()); }}>{t('panel.edit')}</GuardedButton>
        </div>
      </div>
    );
  }
  const body = changes(fields, record, texts);
  return (
    <form className={s.root} noValidate onSubmit={(e) => { e.preventDefault(); if (Object.keys(body).length) save.mutate(body); }}>
      {save.error && !atField ? <ErrorMessage error={save.error} /> : null}
      {fields.map((f) => (
        <Field key={f.name} label={t(`column.${f.name}`)} validationMessage={fieldError(f.name)}
          hint={f.hint ? t(`panel.hint.${f.name}`) : undefined}>
          <Input value={texts[f.name]} onChange={(_, d) => setTexts({ ...texts, [f.name]: d.value })} />
        </Field>
      ))}
      <div className={s.actions}>
        <Button appearance="primary" type="submit" disabled={save.isPending || Object.keys(body).length === 0}>{t('panel.save')}</Button>
        <Button onClick={() => setTexts(null)}>{t('common:action.cancel')}</Button>
      </div>
    </form>
  );
}
