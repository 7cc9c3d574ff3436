import { describe, expect, it } from 'vitest';
import { activeIssues, serviceId, serviceLevel, worstLevel, type HealthIssue, type HealthOverview } from './model';

const now = Date.parse('2026-11-30T12:00:00Z');
const issue = (p: Partial<HealthIssue>): HealthIssue => ({
  id: 'AM100001', title: 't', impactDescription: '', classification: 'incident', status: 'investigating', service: 'Atrium Mail', feature: null,
  isResolved: false, startDateTime: '2026-11-30T08:00:00Z', endDateTime: null, lastModifiedDateTime: '2026-11-30T08:00:00Z', posts: [], ...p,
});
const mail = (status: string): HealthOverview => ({ id: 'AtriumMail', service: 'Atrium Mail', status });

describe('serviceLevel', () => {
  it('is an incident when an open incident degrades the service', () => {
    expect(serviceLevel(mail('investigating'), [issue({})], now)).toBe('incident');
  });

  it('is an advisory when only advisories are open, whatever their status', () => {
    const adv = issue({ classification: 'advisory', status: 'serviceInterruption' });
    expect(serviceLevel(mail('serviceInterruption'), [adv], now)).toBe('advisory');
  });

  it('counts only its own service\'s issues', () => {
    const other = issue({ service: 'Chat and meetings' });
    expect(serviceLevel(mail('serviceOperational'), [other], now)).toBe('healthy');
    expect(serviceLevel(mail('serviceDegradation'), [other, issue({ classification: 'advisory' })], now)).toBe('advisory');
  });

  it('says Service restored for a day after an issue was resolved as restored, then Healthy', () => {
    const restored = issue({ isResolved: true, status: 'serviceRestored', endDateTime: '2026-11-30T10:00:00Z' });
    expect(serviceLevel(mail('serviceOperational'), [restored], now)).toBe('restored');
    expect(serviceLevel(mail('serviceOperational'), [restored], now + 23 * 3600_000)).toBe('healthy');
    const falseAlarm = { ...restored, status: 'falsePositive' };
    expect(serviceLevel(mail('serviceOperational'), [falseAlarm], now)).toBe('healthy');
  });
});

describe('worstLevel', () => {
  it('orders incident over advisory over restored over healthy', () => {
    expect(worstLevel([])).toBe('healthy');
    expect(worstLevel(['healthy', 'restored'])).toBe('restored');
    expect(worstLevel(['restored', 'advisory', 'healthy'])).toBe('advisory');
    expect(worstLevel(['advisory', 'incident', 'restored'])).toBe('incident');
  });
});

describe('activeIssues', () => {
  it('lists open issues, incidents first, then newest first', () => {
    const list = activeIssues([
      issue({ id: 'a', classification: 'advisory', startDateTime: '2026-11-30T11:00:00Z' }),
      issue({ id: 'b', startDateTime: '2026-11-30T09:00:00Z' }),
      issue({ id: 'c', isResolved: true }),
      issue({ id: 'd', startDateTime: '2026-11-30T10:00:00Z' }),
    ]);
    expect(list.map((i) => i.id)).toEqual(['d', 'b', 'a']);
  });
});

describe('serviceId', () => {
  it('finds a service by the server\'s name or id, in any case', () => {
    expect(serviceId('Identity and sign-in')).toBe('IdentityAndSignIn');
    expect(serviceId('directorysync')).toBe('DirectorySync');
    expect(serviceId('Teleportation')).toBeUndefined();
  });
});
