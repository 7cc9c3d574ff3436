// The UI's message catalogs, so that the test finds buttons, headings and
// fields by the names a person (or a screen reader) sees, in either language.
import { readFileSync, readdirSync } from 'node:fs';

const dir = new URL('../../ui/src/locales/', import.meta.url);

export function catalog(lang) {
  const ns = {};
  for (const f of readdirSync(new URL(`${lang}/`, dir))) {
    ns[f.replace(/\.json$/, '')] = JSON.parse(readFileSync(new URL(`${lang}/${f}`, dir), 'utf8'));
  }
  // t('signin:signIn.title') → the text, with {{name}} filled from vars.
  return (key, vars = {}) => {
    const [n, path] = key.split(':');
    let v = path.split('.').reduce((o, k) => o?.[k], ns[n]);
    if (typeof v !== 'string') throw new Error(`no text ${lang} ${key}`);
    for (const [k, x] of Object.entries(vars)) v = v.replaceAll(`{{${k}}}`, x);
    return v;
  };
}
