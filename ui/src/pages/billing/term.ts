import type { Subscription } from './types';

/** TermKey names the text of a subscription's next lifecycle date. */
export type TermKey = 'products.term.renews' | 'products.term.expires' | 'products.term.disabled' | 'products.term.deleted';

/**
 * termKey says what happens to a subscription at its endDateTime (licensing-and-billing.md §4.2): an Enabled one renews
 * or expires, an expired (Warning) one is disabled, a Suspended one deleted; null when nothing is scheduled.
 */
export function termKey(sub: Subscription): TermKey | null {
  if (!sub.endDateTime) return null;
  switch (sub.status) {
    case 'Enabled': return sub.autoRenew ? 'products.term.renews' : 'products.term.expires';
    case 'Warning': return 'products.term.disabled';
    case 'Suspended': return 'products.term.deleted';
    default: return null;
  }
}

/** canReactivate: expired and disabled subscriptions come back; cancelled ones don't (buy again). */
export const canReactivate = (sub: Subscription) => sub.status === 'Warning' || sub.status === 'Suspended';
