import { describe, expect, it } from 'vitest';
import { chooseLanguage, supported } from './language';

describe('language choice', () => {
  it('maps tags to the languages the app has', () => {
    expect([supported('nl-NL'), supported('NL_be'), supported('en-GB'), supported('de-DE'), supported(''), supported(null)])
      .toEqual(['nl', 'nl', 'en', null, null, null]);
  });

  it('prefers the header choice, then the user, then the browser, then English', () => {
    expect(chooseLanguage({ stored: 'en', preferred: 'nl-NL', browser: ['nl'] })).toBe('en');
    expect(chooseLanguage({ stored: null, preferred: 'nl-NL', browser: ['en-US'] })).toBe('nl');
    expect(chooseLanguage({ stored: 'fr', preferred: '', browser: ['de-DE', 'nl-BE', 'en'] })).toBe('nl');
    expect(chooseLanguage({ preferred: 'de-DE', browser: ['fr-FR'] })).toBe('en');
    expect(chooseLanguage({})).toBe('en');
  });
});
