import i18next, { type BackendModule, type ReadCallback } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setLanguage } from '../api/client';
import { browserLanguages, chooseLanguage, storedLanguage, type Language } from './language';

// Message catalogs live in locales/<language>/<namespace>.json, one
// namespace per area of the app; each is loaded when a page first needs it,
// so a new page adds its own file and nothing else.
const catalogs = import.meta.glob<{ default: Record<string, unknown> }>('../locales/*/*.json');

const backend: BackendModule = {
  type: 'backend',
  init() {},
  read(language: string, namespace: string, callback: ReadCallback) {
    const load = catalogs[`../locales/${language}/${namespace}.json`];
    if (!load) {
      callback(new Error(`no catalog ${language}/${namespace}`), false);
      return;
    }
    load().then((m) => callback(null, m.default), (e: Error) => callback(e, false));
  },
};

/** initI18n starts i18next in the language chosen before anyone signed in. */
export function initI18n(): typeof i18next {
  const lng = chooseLanguage({ stored: storedLanguage(), browser: browserLanguages() });
  void i18next
    .use(backend)
    .use(initReactI18next)
    .init({
      lng,
      fallbackLng: 'en',
      supportedLngs: ['en', 'nl'],
      ns: ['common'],
      defaultNS: 'common',
      interpolation: { escapeValue: false }, // React escapes
      react: { useSuspense: true },
      returnNull: false,
    });
  applyLanguage(lng);
  i18next.on('languageChanged', (l) => applyLanguage(l as Language));
  return i18next;
}

function applyLanguage(l: string) {
  setLanguage(l);
  document.documentElement.lang = l;
}

export default i18next;
