import { describe, expect, it } from 'vitest';
import { requestsPath, severityColor, statusColor, statuses } from './model';

const filterOf = (p: string) => new URLSearchParams(p.split('?')[1]).get('$filter');

describe('requestsPath', () => {
  it('asks for 25 a page, unfiltered when nothing is chosen', () => {
    expect(requestsPath({ status: '', severity: '' })).toBe('/api/support/requests?$top=25');
  });

  it('combines the status and severity filters with and', () => {
    expect(filterOf(requestsPath({ status: 'waitingOnCustomer', severity: '' }))).toBe("status eq 'waitingOnCustomer'");
    expect(filterOf(requestsPath({ status: 'open', severity: 'critical' }))).toBe("status eq 'open' and severity eq 'critical'");
  });

  it('ignores a value that isn\'t one of the server\'s choices', () => {
    expect(filterOf(requestsPath({ status: "open' or 1 eq 1", severity: 'urgent' }))).toBeNull();
  });
});

describe('badge colors', () => {
  it('sets open work apart from finished work', () => {
    const colors = statuses.map(statusColor);
    expect(new Set(colors).size).toBe(statuses.length);
    expect(statusColor('closed')).toBe('subtle');
    expect(statusColor('waitingOnCustomer')).toBe('warning');
    expect(severityColor('critical')).toBe('danger');
    expect(severityColor('normal')).toBe('informative');
  });
});
