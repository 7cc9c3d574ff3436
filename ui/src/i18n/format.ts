import { useTranslation } from 'react-i18next';
import { browserLanguages, supported } from './language';

const locales: Record<string, string> = { en: 'en-US', nl: 'nl-NL' };

/** useFormat formats dates and numbers for the UI's language with Intl, in the browser's region when it speaks that language (en-GB, nl-BE). */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = browserLanguages().find((t) => supported(t) === i18n.language) ?? locales[i18n.language] ?? 'en-US';
  return {
    locale,
    number: (n: number) => new Intl.NumberFormat(locale).format(n),
    date: (d: Date | string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(d)),
    dateTime: (d: Date | string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(d)),
  };
}
