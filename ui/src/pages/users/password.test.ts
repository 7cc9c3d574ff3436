import { describe, expect, it } from 'vitest';
import { passwordRules } from '../../components/passwordRules';
import { generatePassword } from './password';

describe('generated passwords', () => {
  it('meet the password rules and differ every time', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const p = generatePassword();
      expect(p).toHaveLength(16);
      expect([/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].every((r) => r.test(p))).toBe(true);
      expect(/[0O1lI]/.test(p)).toBe(false);
      expect(passwordRules(p, p).every((r) => r.ok)).toBe(true);
      seen.add(p);
    }
    expect(seen.size).toBe(200);
  });
});
