// The fragment of a page that needed a sign-in first (see returnHashKey).

/**
 * returnHashKey keeps, for this tab, the fragment of a page that needed a
 * sign-in first: returnTo carries path and query only, and a partner's
 * invitation link has its token in the fragment (partners.md §2.2), which
 * thus never goes to the server.
 */
const returnHashKey = 'atrium.returnHash';

/** keptReturnHash is the fragment kept for pathname when the user had to sign in first, or ''. */
export function keptReturnHash(pathname: string): string {
  try {
    const kept = JSON.parse(sessionStorage.getItem(returnHashKey) ?? 'null') as { path: string; hash: string } | null;
    return kept && kept.path === pathname ? kept.hash : '';
  } catch {
    return '';
  }
}

/** forgetReturnHash drops the kept fragment once the page has it. */
export function forgetReturnHash(): void {
  try {
    sessionStorage.removeItem(returnHashKey);
  } catch {
    // storage off: nothing kept
  }
}

/** keepReturnHash keeps hash for pathname until the user is back from sign-in. */
export function keepReturnHash(pathname: string, hash: string): void {
  try {
    sessionStorage.setItem(returnHashKey, JSON.stringify({ path: pathname, hash }));
  } catch {
    // storage off: the page asks for the link again
  }
}
