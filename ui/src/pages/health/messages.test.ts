import { describe, expect, it } from 'vitest';
import { applyAction, distinct, filterMessages, noFilter, unreadCount } from './messages';
import type { ServiceMessage } from './model';

const msg = (id: string, p: Partial<ServiceMessage> = {}, vp: Partial<ServiceMessage['viewPoint']> = {}): ServiceMessage => ({
  id, title: id, category: 'stayInformed', severity: 'normal', tags: [], isMajorChange: false, services: ['Atrium Mail'],
  startDateTime: '2026-11-30T08:00:00Z', endDateTime: null, actionRequiredByDateTime: null, lastModifiedDateTime: '2026-11-30T08:00:00Z',
  body: { contentType: 'html', content: '' }, ...p,
  viewPoint: { isRead: false, isArchived: false, isFavorited: false, ...vp },
});

const all = [
  msg('MC1', { category: 'planForChange', tags: ['Admin impact'], services: ['Atrium Mail', 'Identity and sign-in'] }),
  msg('MC2', { services: ['Admin center'], tags: ['User impact'] }, { isRead: true, isFavorited: true }),
  msg('MC3', { category: 'preventOrFixIssue' }, { isArchived: true }),
  msg('MC4', { category: 'planForChange', services: ['Admin center'] }, { isArchived: true, isFavorited: true }),
];
const ids = (ms: ServiceMessage[]) => ms.map((m) => m.id);

describe('filterMessages', () => {
  it('shows the inbox without archived messages, and the archive apart', () => {
    expect(ids(filterMessages(all, noFilter))).toEqual(['MC1', 'MC2']);
    expect(ids(filterMessages(all, { ...noFilter, view: 'archived' }))).toEqual(['MC3', 'MC4']);
  });

  it('shows unread and favourites from the inbox only', () => {
    expect(ids(filterMessages(all, { ...noFilter, view: 'unread' }))).toEqual(['MC1']);
    expect(ids(filterMessages(all, { ...noFilter, view: 'favorites' }))).toEqual(['MC2']);
  });

  it('narrows by category, service and tag, all together', () => {
    expect(ids(filterMessages(all, { ...noFilter, category: 'planForChange' }))).toEqual(['MC1']);
    expect(ids(filterMessages(all, { ...noFilter, service: 'Identity and sign-in' }))).toEqual(['MC1']);
    expect(ids(filterMessages(all, { ...noFilter, service: 'Admin center', tag: 'User impact' }))).toEqual(['MC2']);
    expect(ids(filterMessages(all, { ...noFilter, service: 'Admin center', category: 'planForChange' }))).toEqual([]);
    expect(ids(filterMessages(all, { view: 'archived', service: 'Admin center', category: 'planForChange', tag: '' }))).toEqual(['MC4']);
  });
});

describe('distinct, unreadCount, applyAction', () => {
  it('lists each service or tag once, sorted', () => {
    expect(distinct(all, (m) => m.services)).toEqual(['Admin center', 'Atrium Mail', 'Identity and sign-in']);
    expect(distinct(all, (m) => m.tags)).toEqual(['Admin impact', 'User impact']);
  });

  it('counts unread messages outside the archive', () => {
    expect(unreadCount(all)).toBe(1);
  });

  it('changes only the state the action is about', () => {
    const m = all[1];
    expect(applyAction(m, 'markUnread').viewPoint).toEqual({ isRead: false, isArchived: false, isFavorited: true });
    expect(applyAction(m, 'archive').viewPoint).toEqual({ isRead: true, isArchived: true, isFavorited: true });
    expect(applyAction(m, 'unfavorite').viewPoint).toEqual({ isRead: true, isArchived: false, isFavorited: false });
    expect(m.viewPoint.isRead).toBe(true); // not mutated
  });
});
