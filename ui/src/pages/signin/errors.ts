import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client';

/** signInError explains a failed sign-in step in the user's language where the code is known, else with the server's message. */
export function signInError(t: TFunction, e: unknown): string {
  if (!(e instanceof ApiError)) return t('common:error.failed');
  if (e.status === 0) return t('common:error.network');
  if (e.status === 429) {
    return e.retryAfter ? t('signin:error.tooManyWait', { minutes: Math.ceil(e.retryAfter / 60) }) : t('signin:error.tooMany');
  }
  const known = ['AADSTS50126', 'AADSTS50057', 'AADSTS50055', 'AADSTS500121'];
  if (known.includes(e.code)) return t(`signin:error.${e.code}`);
  return e.message;
}
