// Test helpers for the admin pages: the real catalogs in an i18next
// instance of their own, and a query client that doesn't retry.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createInstance } from 'i18next';
import type { ReactNode } from 'react';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { MemoryRouter } from 'react-router';

const files = import.meta.glob<{ default: Record<string, unknown> }>('../../locales/*/*.json', { eager: true });

/** testI18n is an i18next instance with every catalog loaded, in lng. */
export async function testI18n(lng = 'en') {
  const resources: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const [path, mod] of Object.entries(files)) {
    const [, lang, ns] = /locales\/(\w+)\/(\w+)\.json$/.exec(path)!;
    (resources[lang] ??= {})[ns] = mod.default;
  }
  const i18n = createInstance();
  await i18n.use(initReactI18next).init({
    lng, resources, fallbackLng: 'en', defaultNS: 'common', ns: Object.keys(resources.en),
    interpolation: { escapeValue: false }, react: { useSuspense: false },
  });
  return i18n;
}

/** Wrap renders children with the providers the pages expect. */
export function wrapper(i18n: Awaited<ReturnType<typeof testI18n>>, path = '/') {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return function Wrap({ children }: { children: ReactNode }) {
    return (
      <QueryClientProvider client={qc}>
        <I18nextProvider i18n={i18n}>
          <FluentProvider theme={webLightTheme}>
            <MemoryRouter initialEntries={[path]}>{children}</MemoryRouter>
          </FluentProvider>
        </I18nextProvider>
      </QueryClientProvider>
    );
  };
}
