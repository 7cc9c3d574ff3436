// Which language the app speaks: the one the user picked in the header
// (remembered in localStorage), else the signed-in user's preferred
// language (the organization's when the user has none), else the
// browser's, else English.

export const languages = ['en', 'nl'] as const;
export type Language = (typeof languages)[number];

const storageKey = 'atrium.language';

/** supported maps a language tag ("nl-BE", "EN") to a language the app has, or null. */
export function supported(tag: string | null | undefined): Language | null {
  const base = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return (languages as readonly string[]).includes(base) ? (base as Language) : null;
}

export interface LanguageSources {
  stored?: string | null;
  preferred?: string | null;
  browser?: readonly string[];
}

/** chooseLanguage applies the order above. */
export function chooseLanguage({ stored, preferred, browser = [] }: LanguageSources): Language {
  const picked = supported(stored) ?? supported(preferred);
  if (picked) return picked;
  for (const tag of browser) {
    const l = supported(tag);
    if (l) return l;
  }
  return 'en';
}

export function storedLanguage(): string | null {
  try {
    return localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

export function storeLanguage(l: Language): void {
  try {
    localStorage.setItem(storageKey, l);
  } catch {
    // private mode: the choice lasts for this page only
  }
}

export function browserLanguages(): readonly string[] {
  return typeof navigator === 'undefined' ? [] : navigator.languages?.length ? navigator.languages : [navigator.language];
}
