import { act, renderHook } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { defaultPrefs, prefsKey, readPrefs, selectFor, useUserPrefs } from './prefs';

beforeEach(() => localStorage.clear());

describe('column picker persistence', () => {
  it('remembers each admin’s columns, sort and view across visits', () => {
    const first = renderHook(() => useUserPrefs('t1', 'admin1'));
    expect(first.result.current[0]).toEqual(defaultPrefs);
    act(() => first.result.current[1]({ columns: ['roles', 'department'], sort: { field: 'displayName', dir: 'desc' } }));
    // Kept in the picker's order, not the click order.
    expect(first.result.current[0].columns).toEqual(['department', 'roles']);
    act(() => first.result.current[1]({ view: 'blocked' }));
    first.unmount();

    const again = renderHook(() => useUserPrefs('t1', 'admin1'));
    expect(again.result.current[0]).toEqual({ columns: ['department', 'roles'], sort: { field: 'displayName', dir: 'desc' }, view: 'blocked' });
    const other = renderHook(() => useUserPrefs('t1', 'admin2'));
    expect(other.result.current[0]).toEqual(defaultPrefs);
    const otherOrg = renderHook(() => useUserPrefs('t2', 'admin1'));
    expect(otherOrg.result.current[0]).toEqual(defaultPrefs);
  });

  it('drops unknown or broken entries', () => {
    localStorage.setItem(prefsKey('t', 'u'), JSON.stringify({ columns: ['city', 'password', 7], sort: { field: 'id', dir: 'up' }, view: 3 }));
    expect(readPrefs(prefsKey('t', 'u'))).toEqual({ ...defaultPrefs, columns: ['city'] });
    localStorage.setItem(prefsKey('t', 'u'), '{not json');
    expect(readPrefs(prefsKey('t', 'u'))).toEqual(defaultPrefs);
  });

  it('selects the properties the columns show, plus the markers', () => {
    expect(selectFor(['city', 'roles'])).toEqual(['id', 'displayName', 'userPrincipalName', 'accountEnabled', 'onPremisesSyncEnabled', 'city']);
  });
});
