import type { TFunction } from 'i18next';
import type { OptionalColumn } from './prefs';
import type { User } from './types';

/** cellText is how a column shows a user's value, '' when it has none. */
export function cellText(u: User, c: OptionalColumn, t: TFunction, date: (d: string) => string, roleNames: string[]): string {
  switch (c) {
    case 'roles': return roleNames.join(', ');
    case 'accountEnabled': return u.accountEnabled === false ? t('users:signIn.blocked') : t('users:signIn.allowed');
    case 'onPremisesSyncEnabled': return u.onPremisesSyncEnabled ? t('users:sync.synced') : t('users:sync.cloud');
    case 'createdDateTime': return u.createdDateTime ? date(u.createdDateTime) : '';
    case 'businessPhones':
    case 'otherMails': return (u[c] ?? []).join(', ');
    default: return u[c] ?? '';
  }
}
