import { Button, Field, Input, Link, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError, api } from '../../api/client';
import { useSetSession, where } from '../../api/session';
import type { Session } from '../../api/types';
import { signInError } from './errors';
import { SignInFrame } from './SignInFrame';

/** MfaPage asks for the code from the authenticator app, or a recovery code (POST /api/signin/mfa). */
export default function MfaPage() {
  const { t } = useTranslation(['mfa', 'signin']);
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const setSession = useSetSession();
  const [code, setCode] = useState('');
  const [recovery, setRecovery] = useState(false);
  const verify = useMutation({
    mutationFn: () => api.post<Session>('/api/signin/mfa', { code: code.replace(/\s/g, '') }, { authRedirect: false }),
    onSuccess: (s) => {
      setSession(s);
      navigate(where(s, params.get('returnTo')), { replace: true });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.status === 401) setSession(null); // too many wrong codes ended the session
    },
  });
  const err = verify.error;
  const ended = err instanceof ApiError && err.status === 401;
  return (
    <SignInFrame title={t('prompt.title')} intro={recovery ? t('prompt.recoveryIntro') : t('prompt.intro')}
      onSubmit={() => code.trim() && verify.mutate()}>
      {err && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{err instanceof ApiError && err.status === 400 ? `${t('prompt.badCode')} ${err.message}` : signInError(t, err)}</MessageBarBody>
        </MessageBar>
      )}
      {ended ? (
        <Button appearance="primary" onClick={() => navigate('/signin', { replace: true })}>{t('prompt.again')}</Button>
      ) : (
        <>
          <Field label={recovery ? t('prompt.recoveryLabel') : t('code.label')} required>
            <Input value={code} onChange={(_, d) => setCode(d.value)} autoComplete="one-time-code" autoFocus
              inputMode={recovery ? 'text' : 'numeric'} maxLength={recovery ? 32 : 8} />
          </Field>
          <Link as="button" type="button" onClick={() => { setRecovery(!recovery); setCode(''); }}>
            {recovery ? t('prompt.useApp') : t('prompt.useRecovery')}
          </Link>
          <Button appearance="primary" type="submit" disabled={verify.isPending || !code.trim()}>{t('prompt.verify')}</Button>
        </>
      )}
    </SignInFrame>
  );
}
