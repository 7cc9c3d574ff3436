import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { ApiError, api } from '../../api/client';
import { Loading } from '../../components/Status';
import { PasswordFields, passwordReady } from '../../components/PasswordFields';
import { useFormat } from '../../i18n/format';
import { signInError } from './errors';
import { SignInFrame } from './SignInFrame';

/** LinkInfo is POST /api/passwordLinks/inspect's answer: whose link it is and until when it works. */
interface LinkInfo { userPrincipalName: string; displayName: string; expiresDateTime: string }

/**
 * SetPasswordPage is "Set your password" for a new user's one-time link
 * (/set-password#<token>). The token stays in the fragment, which browsers
 * never send to a server or in a Referer; the page posts it in a body only.
 */
export default function SetPasswordPage() {
  const { t } = useTranslation('signin');
  const f = useFormat();
  const navigate = useNavigate();
  const token = decodeURIComponent(useLocation().hash.replace(/^#/, ''));
  const [pw, setPw] = useState('');
  const [confirm, setConfirm] = useState('');
  const link = useQuery({
    queryKey: ['passwordLink'], enabled: token !== '', retry: false, gcTime: 0, staleTime: Infinity,
    queryFn: () => api.post<LinkInfo>('/api/passwordLinks/inspect', { token }, { authRedirect: false }),
  });
  const redeem = useMutation({
    mutationFn: () => api.post('/api/passwordLinks/redeem', { token, newPassword: pw }, { authRedirect: false }),
  });
  const failed = (text: string) => <MessageBar intent="error" role="alert"><MessageBarBody>{text}</MessageBarBody></MessageBar>;
  const title = t('setPassword.title');

  if (!token) return <SignInFrame title={title}>{failed(t('setPassword.noToken'))}</SignInFrame>;
  if (link.isPending) return <SignInFrame title={title}><Loading label={t('setPassword.checking')} /></SignInFrame>;
  if (link.error) return <SignInFrame title={title}>{failed(signInError(t, link.error))}</SignInFrame>;
  const info = link.data;
  if (redeem.isSuccess) {
    return (
      <SignInFrame title={title}>
        <MessageBar intent="success"><MessageBarBody>{t('setPassword.done')}</MessageBarBody></MessageBar>
        <Button appearance="primary" onClick={() => navigate(`/signin?username=${encodeURIComponent(info.userPrincipalName)}`)}>
          {t('setPassword.signIn')}
        </Button>
      </SignInFrame>
    );
  }
  const e = redeem.error;
  // The link was used up or expired meanwhile (target token): nothing to retry here.
  if (e instanceof ApiError && e.target === 'token') return <SignInFrame title={title}>{failed(e.message)}</SignInFrame>;
  const rule = e instanceof ApiError && e.status === 400 ? e.message : undefined;
  return (
    <SignInFrame title={title} onSubmit={() => passwordReady(pw, confirm) && redeem.mutate()}
      intro={t('setPassword.intro', { name: info.displayName, upn: info.userPrincipalName, date: f.dateTime(info.expiresDateTime) })}>
      {e && !rule && failed(signInError(t, e))}
      <input type="text" hidden readOnly autoComplete="username" value={info.userPrincipalName} />
      <PasswordFields value={pw} confirm={confirm} onChange={setPw} onConfirm={setConfirm} error={rule} />
      <Button appearance="primary" type="submit" disabled={redeem.isPending || !passwordReady(pw, confirm)}>{t('setPassword.submit')}</Button>
    </SignInFrame>
  );
}
