// Checks the admin center's texts: no user-facing string literal in JSX
// (text between tags, or a literal in a label-like attribute), every
// t('key') names a key of its catalog, and the English and Dutch catalogs
// have the same keys. Run by `npm run lint:strings` (scripts/test.sh).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const root = new URL('../src/', import.meta.url).pathname;
const labelAttrs = new Set(['aria-label', 'label', 'placeholder', 'title', 'alt', 'content', 'hint', 'validationMessage', 'description', 'header']);
const problems = [];

function files(dir, ext) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return files(p, ext);
    return ext.some((e) => p.endsWith(e)) && !p.includes('.test.') ? [p] : [];
  });
}

/** flatten turns a catalog into its dotted keys. */
function flatten(obj, prefix = '') {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? flatten(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

const catalogs = {};
for (const lang of ['en', 'nl']) {
  for (const f of readdirSync(join(root, 'locales', lang))) {
    catalogs[lang] ??= {};
    catalogs[lang][f.replace(/\.json$/, '')] = new Set(flatten(JSON.parse(readFileSync(join(root, 'locales', lang, f), 'utf8'))));
  }
}
for (const ns of new Set([...Object.keys(catalogs.en), ...Object.keys(catalogs.nl)])) {
  const en = catalogs.en[ns] ?? new Set();
  const nl = catalogs.nl[ns] ?? new Set();
  for (const k of en) if (!nl.has(k)) problems.push(`locales/nl/${ns}.json lacks ${k}`);
  for (const k of nl) if (!en.has(k)) problems.push(`locales/en/${ns}.json lacks ${k}`);
}

const hasKey = (ns, key) => {
  const set = catalogs.en[ns];
  return !!set && (set.has(key) || set.has(`${key}_one`) || set.has(`${key}_other`));
};

for (const file of files(root, ['.tsx', '.ts'])) {
  const src = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const where = (node) => `${relative(root, file)}:${src.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  let ns = 'common';
  const visit = (node) => {
    if (ts.isJsxText(node) && /\p{L}/u.test(node.text)) problems.push(`${where(node)}: text in JSX: "${node.text.trim()}"`);
    if (ts.isJsxAttribute(node) && labelAttrs.has(node.name.getText()) && node.initializer) {
      const init = node.initializer;
      const lit = ts.isStringLiteral(init) ? init : ts.isJsxExpression(init) && init.expression && ts.isStringLiteral(init.expression) ? init.expression : undefined;
      if (lit && /\p{L}/u.test(lit.text)) problems.push(`${where(node)}: literal ${node.name.getText()}="${lit.text}"`);
    }
    if (ts.isCallExpression(node) && node.expression.getText() === 'useTranslation' && node.arguments[0]) {
      const a = node.arguments[0];
      if (ts.isStringLiteral(a)) ns = a.text;
      else if (ts.isArrayLiteralExpression(a) && a.elements[0] && ts.isStringLiteral(a.elements[0])) ns = a.elements[0].text;
    }
    if (ts.isCallExpression(node) && node.expression.getText() === 't' && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      const full = node.arguments[0].text;
      const [kns, key] = full.includes(':') ? full.split(':') : [ns, full];
      if (!hasKey(kns, key)) problems.push(`${where(node)}: t('${full}') has no entry in locales/en/${kns}.json`);
    }
    ts.forEachChild(node, visit);
  };
  visit(src);
}

if (problems.length) {
  console.error(problems.join('\n'));
  console.error(`${problems.length} problem(s) with the UI's texts`);
  process.exit(1);
}
console.log('texts: no literals in JSX, every key in its catalog, en and nl alike');
