import {
  Button, Checkbox, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, MessageBar, MessageBarBody,
  Radio, RadioGroup, makeStyles, tokens,
} from '@fluentui/react-components';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../../api/client';
import { PasswordFields, passwordReady } from '../../../components/PasswordFields';
import { ErrorMessage } from '../../../components/Status';
import { SecretValue } from '../SecretValue';
import type { User } from '../types';

const useStyles = makeStyles({ body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

/**
 * ResetPasswordDialog resets one user's password (POST /api/users/{id}/resetPassword): generated (shown once) or typed.
 * It stays mounted and closes through `open`, so that Fluent's focus trap hands the details panel back its
 * accessibility (unmounting an open dialog inside the drawer could leave the drawer hidden from screen readers).
 */
export function ResetPasswordDialog({ user, open, onClose }: { user: User; open: boolean; onClose: () => void }) {
  const { t } = useTranslation('users');
  const s = useStyles();
  const [auto, setAuto] = useState(true);
  const [pw, setPw] = useState('');
  const [confirm, setConfirm] = useState('');
  const [force, setForce] = useState(true);
  const reset = useMutation({
    mutationFn: () => api.post<{ temporaryPassword: string | null }>(`/api/users/${user.id}/resetPassword`,
      auto ? { generate: true, forceChangePasswordNextSignIn: force } : { password: pw, forceChangePasswordNextSignIn: force }),
  });
  const fieldError = reset.error instanceof ApiError && reset.error.status === 400 && !auto ? reset.error.message : undefined;
  return (
    <Dialog open={open} onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('reset.title', { name: user.displayName ?? user.userPrincipalName })}</DialogTitle>
          <DialogContent className={s.body}>
            {reset.isSuccess ? (
              <>
                <MessageBar intent="success"><MessageBarBody>{t('reset.done')}</MessageBarBody></MessageBar>
                <SecretValue label={t('add.signInName')} value={user.userPrincipalName} />
                {reset.data.temporaryPassword && <SecretValue label={t('add.password')} value={reset.data.temporaryPassword} testId="reset-password" />}
                {force && <span>{t('add.mustChange')}</span>}
              </>
            ) : (
              <>
                {reset.error && !fieldError ? <ErrorMessage error={reset.error} /> : null}
                <RadioGroup value={auto ? 'auto' : 'typed'} onChange={(_, d) => setAuto(d.value === 'auto')} aria-label={t('add.passwordChoice')}>
                  <Radio value="auto" label={t('add.autoPassword')} />
                  <Radio value="typed" label={t('add.typedPassword')} />
                </RadioGroup>
                {!auto && <PasswordFields value={pw} confirm={confirm} onChange={setPw} onConfirm={setConfirm} error={fieldError} />}
                <Checkbox label={t('add.force')} checked={force} onChange={(_, d) => setForce(!!d.checked)} />
              </>
            )}
          </DialogContent>
          <DialogActions>
            {reset.isSuccess ? <Button appearance="primary" onClick={onClose}>{t('common:action.close')}</Button> : (
              <>
                <Button appearance="secondary" onClick={onClose}>{t('common:action.cancel')}</Button>
                <Button appearance="primary" disabled={reset.isPending || (!auto && !passwordReady(pw, confirm))} onClick={() => reset.mutate()}>
                  {t('reset.submit')}
                </Button>
              </>
            )}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
