import { describe, expect, it } from 'vitest';
import { groupsPath } from './GroupList';
import { relativeLink, searchTerm } from './paging';
import { usersPath } from './UserPicker';

const params = (p: string) => new URL(p, 'http://x').searchParams;

describe('list queries', () => {
  it('pages groups by name with the total, and searches name, description and mail', () => {
    expect(params(groupsPath('')).get('$search')).toBeNull();
    const p = params(groupsPath(' sales "nl" '));
    expect(p.get('$search')).toBe('"displayName:sales  nl" OR "description:sales  nl" OR "mail:sales  nl"');
    expect(p.get('$count')).toBe('true');
    expect(p.get('$top')).toBe('50');
  });

  it('finds users by name or user name, and lists the first by name without a search', () => {
    expect(params(usersPath('')).get('$orderby')).toBe('displayName');
    expect(params(usersPath('meg\\')).get('$search')).toBe('"displayName:meg" OR "userPrincipalName:meg"');
  });

  it('keeps quotes and backslashes out of search terms', () => {
    expect(searchTerm(' a"b\\c ')).toBe('a b c');
  });

  it('follows a nextLink on the server it came from, whatever host the link names', () => {
    expect(relativeLink('https://graph.example.com/v1.0/groups?$top=50&$skiptoken=abc')).toBe('/v1.0/groups?$top=50&$skiptoken=abc');
  });
});
