import type { ServiceMessage } from './model';

// The message center filters. GET …/messages takes no query options in
// Atrium (the server answers 400 to $filter), and returns at most 500
// current posts with the caller's viewPoint, so the page filters the one
// list it has.

export const categories = ['planForChange', 'stayInformed', 'preventOrFixIssue'] as const;
export const views = ['inbox', 'unread', 'favorites', 'archived'] as const;
export type View = (typeof views)[number];

/** MessageFilter is what the admin chose; '' means any. */
export interface MessageFilter {
  view: View;
  category: string;
  /** A service's name as messages carry it. */
  service: string;
  tag: string;
}

export const noFilter: MessageFilter = { view: 'inbox', category: '', service: '', tag: '' };

/** inView: the inbox is every message not archived; unread and favorites leave the archive out too. */
function inView(m: ServiceMessage, v: View): boolean {
  const vp = m.viewPoint;
  switch (v) {
    case 'archived': return vp.isArchived;
    case 'unread': return !vp.isArchived && !vp.isRead;
    case 'favorites': return !vp.isArchived && vp.isFavorited;
    default: return !vp.isArchived;
  }
}

/** filterMessages keeps the messages that match every chosen filter, in the server's order (newest first). */
export function filterMessages(msgs: ServiceMessage[], f: MessageFilter): ServiceMessage[] {
  return msgs.filter((m) => inView(m, f.view)
    && (!f.category || m.category === f.category)
    && (!f.service || m.services.includes(f.service))
    && (!f.tag || m.tags.includes(f.tag)));
}

/** distinct lists the values the messages use (their services or tags), sorted, each once. */
export function distinct(msgs: ServiceMessage[], pick: (m: ServiceMessage) => string[]): string[] {
  return [...new Set(msgs.flatMap(pick))].sort((a, b) => a.localeCompare(b));
}

/** unreadCount counts the unread messages not archived: the Home card's number. */
export function unreadCount(msgs: ServiceMessage[]): number {
  return msgs.filter((m) => !m.viewPoint.isRead && !m.viewPoint.isArchived).length;
}

/** Action is one of Graph's message actions (POST …/messages/{action} with messageIds). */
export type Action = 'markRead' | 'markUnread' | 'archive' | 'unarchive' | 'favorite' | 'unfavorite';

/** applyAction is what an action does to a message's viewPoint, to update the list at once while the server confirms. */
export function applyAction(m: ServiceMessage, a: Action): ServiceMessage {
  const vp = { ...m.viewPoint };
  if (a === 'markRead' || a === 'markUnread') vp.isRead = a === 'markRead';
  if (a === 'archive' || a === 'unarchive') vp.isArchived = a === 'archive';
  if (a === 'favorite' || a === 'unfavorite') vp.isFavorited = a === 'favorite';
  return { ...m, viewPoint: vp };
}
