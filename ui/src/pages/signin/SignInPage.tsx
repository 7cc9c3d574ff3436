import { Button, Field, Input, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { useSession, useSetSession, where } from '../../api/session';
import type { Session } from '../../api/types';
import { RouterLink } from '../../components/RouterLink';
import { signInError } from './errors';
import { SignInFrame } from './SignInFrame';

/** SignInPage asks for the user name and password (POST /api/signin) and moves on to the next sign-in step. */
export default function SignInPage() {
  const { t } = useTranslation('signin');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const returnTo = params.get('returnTo');
  const current = useSession();
  const setSession = useSetSession();
  const [username, setUsername] = useState(params.get('username') ?? '');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);
  const signIn = useMutation({
    mutationFn: () => api.post<Session>('/api/signin', { username: username.trim(), password }, { authRedirect: false }),
    onSuccess: (s) => {
      setSession(s);
      navigate(where(s, returnTo), { replace: true });
    },
  });
  if (current.data && !signIn.isPending && !signIn.isSuccess) return <Navigate to={where(current.data, returnTo)} replace />;
  const submit = () => {
    setMissing(!username.trim() || !password);
    if (username.trim() && password) signIn.mutate();
  };
  return (
    <SignInFrame title={t('signIn.title')} onSubmit={submit}>
      {signIn.error && (
        <MessageBar intent="error" role="alert"><MessageBarBody>{signInError(t, signIn.error)}</MessageBarBody></MessageBar>
      )}
      <Field label={t('signIn.username')} required validationMessage={missing && !username.trim() ? t('signIn.usernameMissing') : undefined}>
        <Input type="email" name="username" autoComplete="username" value={username} onChange={(_, d) => setUsername(d.value)}
          placeholder={t('signIn.usernameHint')} autoFocus />
      </Field>
      <Field label={t('signIn.password')} required validationMessage={missing && !password ? t('signIn.passwordMissing') : undefined}>
        <Input type="password" name="password" autoComplete="current-password" value={password} onChange={(_, d) => setPassword(d.value)} />
      </Field>
      <RouterLink to={`/sspr${username ? `?username=${encodeURIComponent(username.trim())}` : ''}`}>{t('signIn.forgot')}</RouterLink>
      <Button appearance="primary" type="submit" disabled={signIn.isPending}
        icon={signIn.isPending ? <Spinner size="tiny" /> : undefined}>
        {t('signIn.submit')}
      </Button>
    </SignInFrame>
  );
}
