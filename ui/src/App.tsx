import { Spinner } from '@fluentui/react-components';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Suspense, useEffect } from 'react';
import { BrowserRouter, useLocation, useNavigate } from 'react-router';
import { ApiError, setUnauthorizedHandler } from './api/client';
import { sessionKey, useSession } from './api/session';
import i18n from './i18n/i18n';
import { browserLanguages, chooseLanguage, storedLanguage } from './i18n/language';
import { AppRoutes } from './routes';
import { CustomerProvider } from './shell/CustomerContext';
import { ThemeProvider } from './theme';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // A refusal or a missing object won't change by asking again.
      retry: (n, e) => !(e instanceof ApiError && e.status >= 400 && e.status < 500) && n < 2,
    },
  },
});

/** SessionLoss sends the user to sign-in when an API call finds the session gone. */
function SessionLoss() {
  const navigate = useNavigate();
  const location = useLocation();
  useEffect(() => {
    setUnauthorizedHandler(() => {
      queryClient.setQueryData(sessionKey, null);
      if (!location.pathname.startsWith('/signin')) {
        navigate(`/signin?returnTo=${encodeURIComponent(location.pathname + location.search)}`, { replace: true });
      }
    });
    return () => setUnauthorizedHandler(undefined);
  }, [navigate, location]);
  return null;
}

/** SessionLanguage speaks the signed-in user's preferred language unless they picked one in the header. */
export function SessionLanguage() {
  const preferred = useSession().data?.preferredLanguage;
  useEffect(() => {
    const l = chooseLanguage({ stored: storedLanguage(), preferred, browser: browserLanguages() });
    if (l !== i18n.language) void i18n.changeLanguage(l);
  }, [preferred]);
  return null;
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <ThemeProvider>
        <BrowserRouter>
          <SessionLoss />
          <CustomerProvider>
            <SessionLanguage />
            <Suspense fallback={<Spinner />}>
              <AppRoutes />
            </Suspense>
          </CustomerProvider>
        </BrowserRouter>
      </ThemeProvider>
    </QueryClientProvider>
  );
}
