import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { fetchSession, sessionKey, where } from '../../api/session';
import { ChangePasswordForm } from '../../components/ChangePasswordForm';
import { SignInFrame } from './SignInFrame';

/** ForcedPasswordPage is the sign-in step of a user whose password an admin set: choose a new one first. */
export default function ForcedPasswordPage() {
  const { t } = useTranslation('signin');
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const done = async () => {
    const s = await qc.fetchQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 0 });
    navigate(s ? where(s, params.get('returnTo')) : '/signin', { replace: true });
  };
  return (
    <SignInFrame title={t('forced.title')} intro={t('forced.intro')}>
      <ChangePasswordForm submitLabel={t('forced.submit')} onDone={() => void done()} />
    </SignInFrame>
  );
}
