import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../api/client';
import { PasswordFields, passwordReady } from './PasswordFields';
import { ErrorMessage } from './Status';

const useStyles = makeStyles({ form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '400px' } });

/** ChangePasswordForm changes the signed-in user's password (POST /v1.0/me/changePassword). */
export function ChangePasswordForm({ onDone, submitLabel }: { onDone: () => void; submitLabel: string }) {
  const { t } = useTranslation();
  const s = useStyles();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const change = useMutation({
    mutationFn: () => api.post('/v1.0/me/changePassword', { currentPassword: current, newPassword: next }),
    onSuccess: () => {
      setCurrent('');
      setNext('');
      setConfirm('');
      onDone();
    },
  });
  const e = change.error;
  // A refused new password names the broken rule in the UI's language (the server reads Accept-Language).
  const bad = e instanceof ApiError && e.status === 400 ? e : undefined;
  const ruleError = bad && (bad.target === 'passwordProfile.password' || bad.target === 'newPassword') ? bad.message : undefined;
  const currentError = bad?.target === 'currentPassword' ? t('password.currentWrong') : undefined;
  return (
    <form className={s.form} noValidate onSubmit={(ev) => { ev.preventDefault(); if (current && passwordReady(next, confirm)) change.mutate(); }}>
      {e && !ruleError && !currentError && <ErrorMessage error={e} />}
      <Field label={t('password.current')} required validationMessage={currentError}>
        <Input type="password" autoComplete="current-password" value={current} onChange={(_, d) => setCurrent(d.value)} />
      </Field>
      <PasswordFields value={next} confirm={confirm} onChange={setNext} onConfirm={setConfirm} error={ruleError} />
      <Button appearance="primary" type="submit" disabled={change.isPending || !current || !passwordReady(next, confirm)}>{submitLabel}</Button>
    </form>
  );
}
