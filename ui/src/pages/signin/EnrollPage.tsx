import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { fetchSession, sessionKey, where } from '../../api/session';
import { TotpSetup } from '../../components/TotpSetup';
import { SignInFrame } from './SignInFrame';

/** EnrollPage is the sign-in step security defaults add for admins: register an authenticator app before anything else. */
export default function EnrollPage() {
  const { t } = useTranslation('mfa');
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const done = async () => {
    const s = await qc.fetchQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 0 });
    navigate(s ? where(s, params.get('returnTo')) : '/signin', { replace: true });
  };
  return (
    <SignInFrame title={t('enroll.title')} intro={t('enroll.intro')}>
      <TotpSetup onDone={() => void done()} />
    </SignInFrame>
  );
}
