import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, setCsrfToken } from './client';
import type { Session } from './types';

export const sessionKey = ['session'] as const;

/** fetchSession returns the signed-in session, or null when there is none. */
export async function fetchSession(): Promise<Session | null> {
  try {
    let s: Session;
    try {
      // While acting in a customer the session answers with the user's roles there.
      s = await api.get<Session>('/api/session', { authRedirect: false });
    } catch (e) {
      // No delegation in that customer: the customer context says so (and
      // offers the way back); the frame is the user's own organization's.
      if (!(e instanceof ApiError && e.noDelegation)) throw e;
      s = await api.get<Session>('/api/session', { authRedirect: false, tenant: false });
    }
    setCsrfToken(s.csrfToken);
    return s;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      setCsrfToken(undefined);
      return null;
    }
    throw e;
  }
}

/** useSession is the session query; data is null when signed out. */
export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 60_000 });
}

/** useSetSession stores a session a sign-in step answered with. */
export function useSetSession() {
  const qc = useQueryClient();
  return (s: Session | null) => {
    setCsrfToken(s?.csrfToken);
    qc.setQueryData(sessionKey, s);
  };
}

export type Step = 'mfa' | 'enroll' | 'password' | null;

/** nextStep is the unfinished sign-in step of s, in the server's order: code, authenticator, new password. */
export function nextStep(s: Session): Step {
  if (s.mfaRequired) return 'mfa';
  if (s.mfaEnrollmentRequired) return 'enroll';
  if (s.mustChangePassword) return 'password';
  return null;
}

export const stepPath: Record<Exclude<Step, null>, string> = {
  mfa: '/signin/mfa',
  enroll: '/signin/enroll',
  password: '/signin/password',
};

/** homeOf is where a fully signed-in user starts: admins in the admin center, everyone else in My account. */
export function homeOf(s: Session): string {
  return s.isAdmin ? '/admin' : '/myaccount';
}

/** safeReturn accepts only the app's own paths as a place to go back to after sign-in. */
export function safeReturn(to: string | null): string | null {
  if (!to || !to.startsWith('/') || to.startsWith('//') || to.startsWith('/signin')) return null;
  return /^\/(admin|myaccount|partner|AdminPortal)(\/|$|\?)/.test(to) ? to : null;
}

/** where tells where a session goes next after a sign-in step. */
export function where(s: Session, returnTo: string | null): string {
  const step = nextStep(s);
  if (step) return stepPath[step] + (returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : '');
  return safeReturn(returnTo) ?? homeOf(s);
}

/** can tells whether the session holds a permission. */
export function can(s: Session | null | undefined, perm: string): boolean {
  return !!s && s.permissions.includes(perm);
}
