import { describe, expect, it } from 'vitest';
import { countries } from './countries';

describe('countries', () => {
  it('names ISO codes per language and leaves out non-countries', () => {
    const en = countries('en');
    const nl = countries('nl');
    expect(en.find((c) => c.code === 'NL')?.name).toBe('Netherlands');
    expect(nl.find((c) => c.code === 'DE')?.name).toBe('Duitsland');
    expect(en.some((c) => c.code === 'EU' || c.code === 'UN' || c.code === 'AA')).toBe(false);
    expect(en.some((c) => c.code === 'UK' || c.code === 'SU')).toBe(false);
    expect(en.length).toBe(249);
  });
  it('sorts by the localized name', () => {
    const nl = countries('nl').map((c) => c.name);
    expect(nl).toEqual([...nl].sort((a, b) => a.localeCompare(b, 'nl')));
  });
});
