// Filters of the audit and sign-in logs turned into Graph queries, using
// only what the server supports (internal/api/query_rules.go auditRules,
// signin_handlers.go signInRules).

/** quote makes an OData string literal ('' escapes a quote). */
export const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** DateRange is a range of days picked in the browser, as yyyy-mm-dd; either end may be empty. */
export interface DateRange {
  from: string;
  to: string;
}

/** dayStart is local midnight at the start of a yyyy-mm-dd day, as UTC ISO; undefined for an empty or bad day. */
export function dayStart(day: string, offsetDays = 0): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return undefined;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + offsetDays).toISOString();
}

/** rangeClauses filters a date property to the days of r, both ends included, in the browser's time zone. */
export function rangeClauses(prop: string, r: DateRange): string[] {
  const out: string[] = [];
  const from = dayStart(r.from);
  const to = dayStart(r.to, 1);
  if (from) out.push(`${prop} ge ${from}`);
  if (to) out.push(`${prop} lt ${to}`);
  return out;
}

export interface AuditFilter extends DateRange {
  activity: string;
  initiatedBy: string;
  category: string;
  result: string;
}

export const emptyAudit: AuditFilter = { from: '', to: '', activity: '', initiatedBy: '', category: '', result: '' };

/** auditFilter is the $filter of the audit log for f, or '' when nothing narrows it. */
export function auditFilter(f: AuditFilter): string {
  const c = rangeClauses('activityDateTime', f);
  if (f.activity.trim()) c.push(`startswith(activityDisplayName,${quote(f.activity.trim())})`);
  if (f.initiatedBy.trim()) c.push(`startswith(initiatedBy/user/userPrincipalName,${quote(f.initiatedBy.trim())})`);
  if (f.category) c.push(`category eq ${quote(f.category)}`);
  if (f.result) c.push(`result eq ${quote(f.result)}`);
  return c.join(' and ');
}

export interface SignInFilter extends DateRange {
  user: string;
  app: string;
  status: '' | 'success' | 'failure';
}

export const emptySignIn: SignInFilter = { from: '', to: '', user: '', app: '', status: '' };

/** signInFilter is the $filter of the sign-in log for f: success is error code 0, failure any other. */
export function signInFilter(f: SignInFilter): string {
  const c = rangeClauses('createdDateTime', f);
  if (f.user.trim()) c.push(`startswith(userPrincipalName,${quote(f.user.trim())})`);
  if (f.app.trim()) c.push(`appDisplayName eq ${quote(f.app.trim())}`);
  if (f.status === 'success') c.push('status/errorCode eq 0');
  if (f.status === 'failure') c.push('status/errorCode ne 0');
  return c.join(' and ');
}

/** listPath is a log's first page: newest first, top a page, the filter when there is one. */
export function listPath(base: string, filter: string, order: string, top = 50): string {
  let p = `${base}?$top=${top}&$orderby=${encodeURIComponent(`${order} desc`)}`;
  if (filter) p += `&$filter=${encodeURIComponent(filter)}`;
  return p;
}
