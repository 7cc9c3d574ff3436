import { useCallback, useState } from 'react';
import type { Sort } from './query';

// What each admin chose on Active users (columns, sort, view) is kept in
// localStorage under a key of their own, so that the next visit on this
// browser looks the same (admin-center.md §1: "keep column, sort and
// filter choices per admin").

/** optionalColumns are the columns "Choose columns" adds, in the spec's order; each is a user property except roles. */
export const optionalColumns = [
  'givenName', 'surname', 'jobTitle', 'department', 'officeLocation', 'businessPhones', 'mobilePhone', 'faxNumber',
  'otherMails', 'streetAddress', 'city', 'state', 'postalCode', 'country', 'usageLocation', 'preferredLanguage',
  'accountEnabled', 'onPremisesSyncEnabled', 'createdDateTime', 'roles',
] as const;
export type OptionalColumn = (typeof optionalColumns)[number];

export interface UserPrefs {
  columns: OptionalColumn[];
  sort: Sort;
  view: string;
}

export const defaultPrefs: UserPrefs = { columns: [], sort: { field: 'userPrincipalName', dir: 'asc' }, view: 'all' };

export const prefsKey = (tenantId: string, userId: string) => `atrium.users.prefs.${tenantId}.${userId}`;

/** readPrefs returns the saved choices, dropping anything unknown (an older or tampered entry). */
export function readPrefs(key: string): UserPrefs {
  let raw: unknown;
  try {
    raw = JSON.parse(localStorage.getItem(key) ?? 'null');
  } catch {
    raw = null;
  }
  if (!raw || typeof raw !== 'object') return defaultPrefs;
  const r = raw as Partial<UserPrefs>;
  const columns = Array.isArray(r.columns) ? optionalColumns.filter((c) => r.columns!.includes(c)) : defaultPrefs.columns;
  const sort = r.sort && (r.sort.field === 'displayName' || r.sort.field === 'userPrincipalName') && (r.sort.dir === 'asc' || r.sort.dir === 'desc')
    ? { field: r.sort.field, dir: r.sort.dir } : defaultPrefs.sort;
  const view = typeof r.view === 'string' ? r.view : defaultPrefs.view;
  return { columns, sort, view };
}

function writePrefs(key: string, p: UserPrefs) {
  try {
    localStorage.setItem(key, JSON.stringify(p));
  } catch {
    // private mode or full: the choice lasts for this visit
  }
}

/** useUserPrefs is the signed-in admin's saved choices and a setter that saves them. */
export function useUserPrefs(tenantId: string, userId: string) {
  const key = prefsKey(tenantId, userId);
  const [prefs, setState] = useState(() => readPrefs(key));
  const update = useCallback((change: Partial<UserPrefs>) => {
    setState((cur) => {
      const next = { ...cur, ...change };
      if (change.columns) next.columns = optionalColumns.filter((c) => change.columns!.includes(c));
      writePrefs(key, next);
      return next;
    });
  }, [key]);
  return [prefs, update] as const;
}

/** selectFor lists the properties a list with these columns needs: the fixed ones, the markers and each column's. */
export function selectFor(columns: OptionalColumn[]): string[] {
  const base = ['id', 'displayName', 'userPrincipalName', 'accountEnabled', 'onPremisesSyncEnabled'];
  return [...new Set([...base, ...columns.filter((c) => c !== 'roles')])];
}
