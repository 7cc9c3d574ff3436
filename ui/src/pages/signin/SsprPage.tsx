import { Button, Field, Input, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiError, api } from '../../api/client';
import { PasswordFields, passwordReady } from '../../components/PasswordFields';
import { RouterLink } from '../../components/RouterLink';
import { signInError } from './errors';
import { SignInFrame } from './SignInFrame';

type Stage = 'start' | 'verify' | 'reset' | 'done';

/**
 * SsprPage is "Forgot my password" (POST /api/sspr/start, verify, reset).
 * The server never says which methods an account has, so the page asks for
 * the code from each place one may have arrived: the alternate e-mail and
 * the mobile phone; an admin's reset needs both.
 */
export default function SsprPage() {
  const { t } = useTranslation('signin');
  const [params] = useSearchParams();
  const [stage, setStage] = useState<Stage>('start');
  const [username, setUsername] = useState(params.get('username') ?? '');
  const [challengeId, setChallengeId] = useState('');
  const [emailCode, setEmailCode] = useState('');
  const [smsCode, setSmsCode] = useState('');
  const [pw, setPw] = useState('');
  const [confirm, setConfirm] = useState('');
  const start = useMutation({
    mutationFn: () => api.post<{ challengeId: string }>('/api/sspr/start', { username: username.trim() }, { authRedirect: false }),
    onSuccess: (r) => { setChallengeId(r.challengeId); setStage('verify'); },
  });
  const verify = useMutation({
    mutationFn: async () => {
      const body = { username: username.trim(), challengeId };
      if (emailCode.trim()) await api.post('/api/sspr/verify', { ...body, channel: 'email', code: emailCode.trim() }, { authRedirect: false });
      if (smsCode.trim()) await api.post('/api/sspr/verify', { ...body, channel: 'sms', code: smsCode.trim() }, { authRedirect: false });
    },
    onSuccess: () => setStage('reset'),
  });
  const reset = useMutation({
    mutationFn: () => api.post('/api/sspr/reset', { username: username.trim(), challengeId, newPassword: pw }, { authRedirect: false }),
    onSuccess: () => setStage('done'),
  });
  const failed = (e: unknown) => e ? (
    <MessageBar intent="error" role="alert"><MessageBarBody>{signInError(t, e)}</MessageBarBody></MessageBar>
  ) : null;
  const back = <RouterLink to={`/signin?username=${encodeURIComponent(username.trim())}`}>{t('sspr.back')}</RouterLink>;

  if (stage === 'done') {
    return (
      <SignInFrame title={t('sspr.title')}>
        <MessageBar intent="success"><MessageBarBody>{t('sspr.done')}</MessageBarBody></MessageBar>
        {back}
      </SignInFrame>
    );
  }
  if (stage === 'start') {
    return (
      <SignInFrame title={t('sspr.title')} intro={t('sspr.intro')} onSubmit={() => username.trim() && start.mutate()}>
        {failed(start.error)}
        <Field label={t('signIn.username')} required>
          <Input type="email" autoComplete="username" value={username} onChange={(_, d) => setUsername(d.value)} autoFocus />
        </Field>
        <Button appearance="primary" type="submit" disabled={start.isPending || !username.trim()}>{t('sspr.next')}</Button>
        {back}
      </SignInFrame>
    );
  }
  if (stage === 'verify') {
    return (
      <SignInFrame title={t('sspr.title')} intro={t('sspr.sent')} onSubmit={() => (emailCode.trim() || smsCode.trim()) && verify.mutate()}>
        {failed(verify.error)}
        <Field label={t('sspr.emailCode')}>
          <Input value={emailCode} onChange={(_, d) => setEmailCode(d.value)} inputMode="numeric" autoComplete="one-time-code" autoFocus />
        </Field>
        <Field label={t('sspr.smsCode')}>
          <Input value={smsCode} onChange={(_, d) => setSmsCode(d.value)} inputMode="numeric" autoComplete="one-time-code" />
        </Field>
        <Button appearance="primary" type="submit" disabled={verify.isPending || !(emailCode.trim() || smsCode.trim())}>{t('sspr.next')}</Button>
        {back}
      </SignInFrame>
    );
  }
  const e = reset.error;
  const rule = e instanceof ApiError && e.status === 400 && e.target !== 'code' ? e.message : undefined;
  return (
    <SignInFrame title={t('sspr.title')} intro={t('sspr.choose')} onSubmit={() => passwordReady(pw, confirm) && reset.mutate()}>
      {e && !rule && failed(e)}
      <PasswordFields value={pw} confirm={confirm} onChange={setPw} onConfirm={setConfirm} error={rule} />
      <Button appearance="primary" type="submit" disabled={reset.isPending || !passwordReady(pw, confirm)}>{t('sspr.reset')}</Button>
      {back}
    </SignInFrame>
  );
}
