import { describe, expect, it } from 'vitest';
import en from '../../locales/en/users.json';
import nl from '../../locales/nl/users.json';
import { accountFields, contactFields } from './panel/fields';
import { optionalColumns } from './prefs';
import { standardViews } from './query';

// Keys the Users pages build at run time (t(`column.${c}`) and the like),
// which the string check can't see: each must be in both catalogs.
const dynamicKeys = [
  ...optionalColumns.map((c) => `column.${c}`),
  ...[...accountFields, ...contactFields].map((f) => `column.${f.name}`),
  ...[...accountFields, ...contactFields].filter((f) => f.hint).map((f) => `panel.hint.${f.name}`),
  ...standardViews.map((v) => `view.${v}`),
  ...['account', 'roles', 'contact', 'signIn', 'audit'].map((x) => `panel.tab.${x}`),
  ...['done', 'skipped', 'failed'].map((x) => `outcome.${x}`),
  ...['block', 'unblock', 'delete', 'reset'].flatMap((a) => [`bulk.confirm.${a}_one`, `bulk.confirm.${a}_other`, `bulk.explain.${a}`, `bulk.go.${a}`, `bulk.finished.${a}`]),
  'bulk.finished.roles',
  ...['any', 'allowed', 'blocked'].map((x) => `viewDialog.signIn_${x}`),
  'deleted.restoreTitle', 'deleted.purgeTitle', 'deleted.restoreText', 'deleted.purgeText', 'deleted.restored', 'deleted.purged',
];

const lookup = (cat: unknown, key: string) => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], cat);

describe('users catalogs', () => {
  it.each([['en', en], ['nl', nl]])('%s has every key built at run time', (_, cat) => {
    const missing = dynamicKeys.filter((k) => typeof lookup(cat, k) !== 'string');
    expect(missing).toEqual([]);
  });
});
