import { Spinner } from '@fluentui/react-components';
import { lazy, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { homeOf, nextStep, useSession, where, type Step } from './api/session';
import { keepReturnHash } from './api/returnHash';
import { ErrorMessage } from './components/Status';

// Every page is its own chunk: the sign-in pages load little, the shell
// and the admin pages come when a signed-in user needs them.
const SignInPage = lazy(() => import('./pages/signin/SignInPage'));
const MfaPage = lazy(() => import('./pages/signin/MfaPage'));
const EnrollPage = lazy(() => import('./pages/signin/EnrollPage'));
const ForcedPasswordPage = lazy(() => import('./pages/signin/ForcedPasswordPage'));
const SsprPage = lazy(() => import('./pages/signin/SsprPage'));
const SetPasswordPage = lazy(() => import('./pages/signin/SetPasswordPage'));
const AdminArea = lazy(() => import('./shell/AdminArea'));
const MyAccountArea = lazy(() => import('./shell/MyAccountArea'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage'));
const InvitationPage = lazy(() => import('./pages/partner/InvitationPage'));


/** RequireSession shows its page to a signed-in user whose sign-in is complete, or who is at the given step. */
function RequireSession({ step = null, children }: { step?: Step; children: ReactNode }) {
  const { data: session, isPending, error } = useSession();
  const location = useLocation();
  if (isPending) return <Spinner />;
  if (error) return <ErrorMessage error={error} />;
  const here = location.pathname + location.search;
  if (!session && location.hash) keepReturnHash(location.pathname, location.hash);
  if (!session) return <Navigate to={step ? '/signin' : `/signin?returnTo=${encodeURIComponent(here)}`} replace />;
  if (nextStep(session) !== step) {
    // A step page the session isn't at, or a page before the sign-in is done.
    const returnTo = step ? new URLSearchParams(location.search).get('returnTo') : here;
    return <Navigate to={where(session, returnTo)} replace />;
  }
  return <>{children}</>;
}

/** Start sends / to the signed-in user's start page, or to sign-in. */
function Start() {
  const { data: session, isPending } = useSession();
  if (isPending) return <Spinner />;
  return <Navigate to={session ? homeOf(session) : '/signin'} replace />;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/" element={<Start />} />
      <Route path="/signin" element={<SignInPage />} />
      <Route path="/signin/mfa" element={<RequireSession step="mfa"><MfaPage /></RequireSession>} />
      <Route path="/signin/enroll" element={<RequireSession step="enroll"><EnrollPage /></RequireSession>} />
      <Route path="/signin/password" element={<RequireSession step="password"><ForcedPasswordPage /></RequireSession>} />
      <Route path="/sspr" element={<SsprPage />} />
      <Route path="/set-password" element={<SetPasswordPage />} />
      <Route path="/admin/*" element={<RequireSession><AdminArea /></RequireSession>} />
      <Route path="/partner/*" element={<RequireSession><AdminArea area="partner" /></RequireSession>} />
      {/* The partner's invitation links (partners.md §2.2, §5.4): the token or relationship id is in the fragment. */}
      <Route path="/AdminPortal/Home" element={<RequireSession><InvitationPage /></RequireSession>} />
      <Route path="/myaccount/*" element={<RequireSession><MyAccountArea /></RequireSession>} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
