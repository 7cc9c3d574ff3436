import { describe, expect, it } from 'vitest';
import { currentItem } from './SideNav';

const items = [
  { to: '/admin', label: 'home', end: true },
  { to: '/admin/users', label: 'active' },
  { to: '/admin/users/deleted', label: 'deleted' },
  { to: '/admin/settings/domains', label: 'domains' },
];

describe('currentItem', () => {
  it('marks the longest link the path lies below', () => {
    expect(currentItem(items, '/admin')).toBe('/admin');
    expect(currentItem(items, '/admin/users')).toBe('/admin/users');
    expect(currentItem(items, '/admin/users/6f1c2d3e-aaaa-bbbb-cccc-123456789012')).toBe('/admin/users');
    expect(currentItem(items, '/admin/users/deleted')).toBe('/admin/users/deleted');
    expect(currentItem(items, '/admin/settings/domains/contoso.example')).toBe('/admin/settings/domains');
  });
  it('marks nothing on a path no link covers, and Home only on its own path', () => {
    expect(currentItem(items, '/admin/nowhere')).toBeUndefined();
    expect(currentItem(items, '/admin/usersx')).toBeUndefined();
  });
});
