import { describe, expect, it } from 'vitest';
import { passwordRules } from './passwordRules';

const ok = (pw: string, confirm = pw) => Object.fromEntries(passwordRules(pw, confirm).map((r) => [r.key, r.ok]));

describe('password checklist', () => {
  it('checks length, classes and confirmation', () => {
    expect(ok('Ab1')).toEqual({ length: false, classes: true, match: true });
    expect(ok('abcdefgh')).toEqual({ length: true, classes: false, match: true });
    expect(ok('abcdefg1!')).toEqual({ length: true, classes: true, match: true });
    expect(ok('Abcdefg1', 'Abcdefg2')).toEqual({ length: true, classes: true, match: false });
    expect(ok('')).toEqual({ length: false, classes: false, match: false });
    expect(ok('A'.repeat(255) + 'a1')).toMatchObject({ length: false });
  });
});
