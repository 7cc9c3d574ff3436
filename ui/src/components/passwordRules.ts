/** PasswordRule is one line of the live checklist under a new password (users-and-passwords.md §4.2). */
export interface PasswordRule {
  key: 'length' | 'classes' | 'match';
  ok: boolean;
}

/** passwordRules checks what the browser can: 8 to 256 characters, three of four character classes, and the confirmation. The server checks the rest (banned words, names). */
export function passwordRules(pw: string, confirm: string): PasswordRule[] {
  const n = [...pw].length;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(pw)).length;
  return [
    { key: 'length', ok: n >= 8 && n <= 256 },
    { key: 'classes', ok: classes >= 3 },
    { key: 'match', ok: pw !== '' && pw === confirm },
  ];
}
