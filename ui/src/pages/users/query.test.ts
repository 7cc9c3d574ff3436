import { describe, expect, it } from 'vitest';
import { firstPages, maxIdsPerFilter, parseViewKey, sameOrigin, searchExpr, viewFilter, viewKey, type ListChoice } from './query';

const choice = (over: Partial<ListChoice> = {}): ListChoice => ({
  view: { kind: 'standard', name: 'all' }, search: '', sort: { field: 'userPrincipalName', dir: 'asc' }, select: ['displayName'], ...over,
});
const params = (url: string) => Object.fromEntries(new URL(url, 'http://x').searchParams);

describe('filter → OData query', () => {
  it('asks for a page with the count, the sort and the selected properties', () => {
    const [url] = firstPages(choice());
    expect(url.startsWith('/v1.0/users?')).toBe(true);
    expect(params(url)).toEqual({ $orderby: 'userPrincipalName', $select: 'id,displayName', $top: '100', $count: 'true' });
    expect(params(firstPages(choice({ sort: { field: 'displayName', dir: 'desc' } }))[0]).$orderby).toBe('displayName desc');
  });

  it('searches the spec’s properties with OR, escaping quotes and backslashes', () => {
    expect(searchExpr('  ')).toBe('');
    expect(searchExpr(' Ade  V ')).toBe('"displayName:Ade V" OR "givenName:Ade V" OR "surname:Ade V" OR "userPrincipalName:Ade V" OR "mail:Ade V"');
    expect(searchExpr('a"b\\')).toContain('"displayName:a\\"b\\\\"');
    expect(params(firstPages(choice({ search: 'zoë' }))[0]).$search).toBe(searchExpr('zoë'));
  });

  it('filters the standard views the way the server supports', () => {
    expect(viewFilter('all')).toBe('');
    expect(params(firstPages(choice({ view: { kind: 'standard', name: 'blocked' } }))[0]).$filter).toBe('accountEnabled eq false');
    expect(viewFilter('allowed')).toBe('accountEnabled eq true');
    expect(viewFilter('synced')).toBe('onPremisesSyncEnabled eq true');
    expect(viewFilter('cloud')).toBe('onPremisesSyncEnabled ne true');
    expect(viewFilter('admins', ["a'1", 'b2'])).toBe("id in ('a''1','b2')");
  });

  it('splits a long admin list into parts under the filter size limit, and an empty one into none', () => {
    const ids = Array.from({ length: maxIdsPerFilter * 2 + 1 }, (_, i) => `00000000-0000-0000-0000-${String(i).padStart(12, '0')}`);
    const urls = firstPages(choice({ view: { kind: 'standard', name: 'admins' } }), ids);
    expect(urls).toHaveLength(3);
    expect(urls.every((u) => new URL(u, 'http://x').search.length < 4096)).toBe(true);
    expect(params(urls[2]).$filter).toBe(`id in ('${ids[ids.length - 1]}')`);
    expect(firstPages(choice({ view: { kind: 'standard', name: 'admins' } }), [])).toEqual([]);
  });

  it('lists a saved view through its own endpoint', () => {
    const [url] = firstPages(choice({ view: { kind: 'custom', id: 'v 1' } }));
    expect(url.startsWith('/api/userViews/v%201/users?')).toBe(true);
    expect(params(url).$filter).toBeUndefined();
  });

  it('keeps view choices and next links on this origin', () => {
    expect(parseViewKey(viewKey({ kind: 'custom', id: 'abc' }))).toEqual({ kind: 'custom', id: 'abc' });
    expect(parseViewKey('blocked')).toEqual({ kind: 'standard', name: 'blocked' });
    expect(parseViewKey('bogus')).toEqual({ kind: 'standard', name: 'all' });
    expect(sameOrigin('http://127.0.0.1:8091/v1.0/users?$top=2&$skiptoken=x.y')).toBe('/v1.0/users?$top=2&$skiptoken=x.y');
  });
});
