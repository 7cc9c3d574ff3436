// Active users' choices (view, search, sort, columns) turned into the
// Graph requests the server answers (internal/api/query_rules.go): $search
// on the searchable properties, $filter on accountEnabled and
// onPremisesSyncEnabled, $orderby on displayName or userPrincipalName, and
// always $count=true with ConsistencyLevel: eventual, which advanced
// queries (ne, endsWith, $orderby with $filter) need.

/** StandardView is one of the built-in views of the filter drop-down. */
export type StandardView = 'all' | 'allowed' | 'blocked' | 'admins' | 'synced' | 'cloud';
export const standardViews: StandardView[] = ['all', 'allowed', 'blocked', 'admins', 'synced', 'cloud'];

/** ViewRef is the chosen view: a standard one, or a saved user view by id. */
export type ViewRef = { kind: 'standard'; name: StandardView } | { kind: 'custom'; id: string };

export type SortField = 'displayName' | 'userPrincipalName';
export interface Sort { field: SortField; dir: 'asc' | 'desc' }

export interface ListChoice {
  view: ViewRef;
  search: string;
  sort: Sort;
  /** Properties to $select. */
  select: string[];
}

/** pageSize is how many users one request asks for. */
export const pageSize = 100;

/** maxIdsPerFilter keeps an `id in (…)` filter under the server's 4,096-byte limit. */
export const maxIdsPerFilter = 80;

/** searchProps are the properties the search box looks in (admin-center.md §5.1). */
const searchProps = ['displayName', 'givenName', 'surname', 'userPrincipalName', 'mail'];

/** searchExpr is Graph's $search for text: each property's clause, joined with OR; '' for no text. */
export function searchExpr(text: string): string {
  const words = text.trim().replace(/\s+/g, ' ');
  if (!words) return '';
  const escaped = words.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  return searchProps.map((p) => `"${p}:${escaped}"`).join(' OR ');
}

/** quote is an OData string literal. */
export const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** viewFilter is a standard view's $filter ('' for none); admins filter by the ids given. */
export function viewFilter(view: StandardView, ids: string[] = []): string {
  switch (view) {
    case 'allowed': return 'accountEnabled eq true';
    case 'blocked': return 'accountEnabled eq false';
    case 'synced': return 'onPremisesSyncEnabled eq true';
    case 'cloud': return 'onPremisesSyncEnabled ne true';
    case 'admins': return `id in (${ids.map(quote).join(',')})`;
    default: return '';
  }
}

function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/**
 * firstPages are the URLs of the first page of each part of a choice: one
 * URL, except for the Admins view of more than maxIdsPerFilter admins,
 * whose ids are asked for in parts (each sorted on its own). No URL means
 * the view is known to be empty (no admins).
 */
export function firstPages(c: ListChoice, adminIds: string[] = []): string[] {
  const params = (filter: string) => {
    const p = new URLSearchParams();
    if (filter) p.set('$filter', filter);
    const s = searchExpr(c.search);
    if (s) p.set('$search', s);
    p.set('$orderby', `${c.sort.field}${c.sort.dir === 'desc' ? ' desc' : ''}`);
    p.set('$select', [...new Set(['id', ...c.select])].join(','));
    p.set('$top', String(pageSize));
    p.set('$count', 'true');
    return p.toString();
  };
  if (c.view.kind === 'custom') return [`/api/userViews/${encodeURIComponent(c.view.id)}/users?${params('')}`];
  if (c.view.name === 'admins') {
    return chunks([...adminIds].sort(), maxIdsPerFilter).map((ids) => `/v1.0/users?${params(viewFilter('admins', ids))}`);
  }
  return [`/v1.0/users?${params(viewFilter(c.view.name))}`];
}

/** sameOrigin turns the server's absolute @odata.nextLink into a path on this origin. */
export function sameOrigin(link: string): string {
  const u = new URL(link, 'http://x');
  return u.pathname + u.search;
}

/** viewKey names a view in a query key and in saved preferences. */
export const viewKey = (v: ViewRef) => (v.kind === 'custom' ? `view:${v.id}` : v.name);

/** parseViewKey reads a viewKey back, defaulting to all users. */
export function parseViewKey(k: string | null | undefined): ViewRef {
  if (k?.startsWith('view:')) return { kind: 'custom', id: k.slice(5) };
  const name = standardViews.find((v) => v === k);
  return { kind: 'standard', name: name ?? 'all' };
}
