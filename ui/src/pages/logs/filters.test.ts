import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { auditFilter, dayStart, emptyAudit, emptySignIn, listPath, quote, signInFilter } from './filters';

describe('log filters', () => {
  beforeEach(() => { vi.stubEnv('TZ', 'Europe/Amsterdam'); });
  afterEach(() => { vi.unstubAllEnvs(); });

  it('quotes OData strings', () => {
    expect(quote("O'Neil")).toBe("'O''Neil'");
  });

  it('turns a day range into local-midnight bounds, the last day included', () => {
    const from = dayStart('2026-03-01')!;
    expect(new Date(from).getHours()).toBe(0);
    expect(new Date(from).getDate()).toBe(1);
    const next = dayStart('2026-03-01', 1)!;
    expect(new Date(next).getTime() - new Date(from).getTime()).toBe(24 * 3600 * 1000);
    expect(dayStart('')).toBeUndefined();
    expect(dayStart('1-2-3')).toBeUndefined();
  });

  it('builds the audit filter from the fields that are set, in the operators the server supports', () => {
    expect(auditFilter(emptyAudit)).toBe('');
    const f = auditFilter({ ...emptyAudit, from: '2026-03-01', to: '2026-03-02', activity: ' Add member ', initiatedBy: "o'neil@", category: 'GroupManagement', result: 'success' });
    const from = dayStart('2026-03-01');
    const to = dayStart('2026-03-03');
    expect(f).toBe(`activityDateTime ge ${from} and activityDateTime lt ${to} and startswith(activityDisplayName,'Add member') and `
      + "startswith(initiatedBy/user/userPrincipalName,'o''neil@') and category eq 'GroupManagement' and result eq 'success'");
  });

  it('builds the sign-in filter, failures as a non-zero error code', () => {
    expect(signInFilter(emptySignIn)).toBe('');
    expect(signInFilter({ ...emptySignIn, user: 'megan', status: 'failure' })).toBe("startswith(userPrincipalName,'megan') and status/errorCode ne 0");
    expect(signInFilter({ ...emptySignIn, app: 'Atrium', status: 'success' })).toBe("appDisplayName eq 'Atrium' and status/errorCode eq 0");
  });

  it('encodes the query so that & and + in a value survive', () => {
    const p = listPath('/v1.0/auditLogs/directoryAudits', "startswith(activityDisplayName,'A&B+C')", 'activityDateTime');
    const u = new URL(p, 'http://x');
    expect(u.searchParams.get('$filter')).toBe("startswith(activityDisplayName,'A&B+C')");
    expect(u.searchParams.get('$orderby')).toBe('activityDateTime desc');
    expect(u.searchParams.get('$top')).toBe('50');
    expect(new URL(listPath('/v1.0/auditLogs/signIns', '', 'createdDateTime'), 'http://x').searchParams.has('$filter')).toBe(false);
  });
});

describe('audit values', async () => {
  const { auditValue } = await import('./types');
  it('decodes Graph\'s JSON-encoded values and keeps anything else as sent', () => {
    expect(auditValue('"Sales"')).toBe('Sales');
    expect(auditValue('')).toBe('');
    expect(auditValue('true')).toBe('true');
    expect(auditValue('not json')).toBe('not json');
  });
});
