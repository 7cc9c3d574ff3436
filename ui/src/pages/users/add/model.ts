// The Add a user wizard's pure logic (users-and-passwords.md §3.3, §6):
// the draft it collects, the e-mail recipients, the seats it lacks, the
// POST /api/users/provision body, and which step a refused field is on.
import type { Choice } from '../../billing/seats';
import { seats } from '../../billing/seats';
import type { SubscribedSku } from '../../billing/types';
import type { User } from '../types';

export type PasswordMode = 'link' | 'generate' | 'typed';

/** Profile is the optional profile info; every field is plain text. */
export interface Profile {
  jobTitle: string; department: string; officeLocation: string; officePhone: string; mobilePhone: string; faxNumber: string;
  streetAddress: string; city: string; state: string; postalCode: string; country: string;
}

export const profileFields: (keyof Profile)[] = ['jobTitle', 'department', 'officeLocation', 'officePhone', 'mobilePhone', 'faxNumber',
  'streetAddress', 'city', 'state', 'postalCode', 'country'];

/** Draft is what the wizard collects; null display name and emails follow their defaults until edited. */
export interface Draft {
  first: string; last: string; display: string | null; username: string; domain: string;
  mode: PasswordMode; password: string; confirm: string; force: boolean; emails: string | null;
  location: string | null; chosen: Choice; noLicense: boolean; buy: string[];
  roles: string[]; profile: Profile;
}

export const emptyProfile: Profile = { jobTitle: '', department: '', officeLocation: '', officePhone: '', mobilePhone: '', faxNumber: '',
  streetAddress: '', city: '', state: '', postalCode: '', country: '' };

export const newDraft = (): Draft => ({
  first: '', last: '', display: null, username: '', domain: '', mode: 'link', password: '', confirm: '', force: true, emails: null,
  location: null, chosen: {}, noLicense: false, buy: [], roles: [], profile: { ...emptyProfile },
});

/** displayNameOf is the display name: as typed, else "First Last". */
export const displayNameOf = (d: Draft) => d.display ?? [d.first.trim(), d.last.trim()].filter(Boolean).join(' ');

/** upnOf is the new user's sign-in name. */
export const upnOf = (d: Draft) => `${d.username.trim()}@${d.domain}`;

export const maxRecipients = 5;
const address = /^[^\s@;,<>]+@[^\s@;,<>]+\.[^\s@;,<>]+$/;

export type RecipientProblem = { kind: 'tooMany' } | { kind: 'invalid'; address: string } | { kind: 'ownMailbox' };

/** parseRecipients splits on semicolons, trims, drops empty entries and collapses duplicates (case-insensitive). */
export function parseRecipients(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(';')) {
    const a = raw.trim();
    if (!a || seen.has(a.toLowerCase())) continue;
    seen.add(a.toLowerCase());
    out.push(a);
  }
  return out;
}

/** recipientProblem is what is wrong with the recipients for a user named upn: more than five, a bad address, or the new mailbox. */
export function recipientProblem(list: string[], upn: string): RecipientProblem | undefined {
  if (list.length > maxRecipients) return { kind: 'tooMany' };
  const bad = list.find((a) => !address.test(a));
  if (bad) return { kind: 'invalid', address: bad };
  if (list.some((a) => a.toLowerCase() === upn.toLowerCase())) return { kind: 'ownMailbox' };
  return undefined;
}

/** chosenSkus are the checked products, unless the admin chose to create the user without a license. */
export const chosenSkus = (d: Draft) => (d.noLicense ? [] : Object.entries(d.chosen).filter(([, c]) => c.on).map(([skuId]) => skuId));

/** short lists the chosen products without a free seat. */
export const short = (d: Draft, skus: SubscribedSku[]) =>
  chosenSkus(d).filter((id) => { const s = skus.find((x) => x.skuId === id); return !!s && seats(s).available < 1; });

const opt = (v: string) => (v.trim() ? v.trim() : undefined);

/** provisionBody is the POST /api/users/provision request for a draft; location and emails are the defaults already resolved. */
export function provisionBody(d: Draft, location: string, emails: string, canDelegate: boolean, skus: SubscribedSku[]): Record<string, unknown> {
  const p = d.profile;
  const user: Record<string, unknown> = {
    displayName: displayNameOf(d).trim(), givenName: d.first.trim(), surname: d.last.trim(), userPrincipalName: upnOf(d),
    mailNickname: d.username.trim(), accountEnabled: true,
  };
  for (const k of ['jobTitle', 'department', 'officeLocation', 'mobilePhone', 'faxNumber', 'streetAddress', 'city', 'state', 'postalCode', 'country'] as const) {
    const v = opt(p[k]);
    if (v) user[k] = v;
  }
  if (opt(p.officePhone)) user.businessPhones = [p.officePhone.trim()];
  const password: Record<string, unknown> = { mode: d.mode };
  if (d.mode === 'typed') Object.assign(password, { value: d.password, confirm: d.confirm });
  if (d.mode !== 'link') password.forceChangePasswordNextSignIn = d.force;
  const body: Record<string, unknown> = { user, password };
  const licenses = chosenSkus(d).map((skuId) => ({ skuId, disabledPlans: [...(d.chosen[skuId]?.disabledPlans ?? [])].sort() }));
  if (licenses.length) {
    body.usageLocation = location;
    body.licenses = licenses;
    const lacking = short(d, skus);
    if (lacking.length && lacking.every((id) => d.buy.includes(id))) body.autoPurchase = true;
  }
  if (canDelegate && d.roles.length) body.roles = d.roles;
  const to = parseRecipients(emails);
  if (to.length) body.delivery = { emailTo: to };
  return body;
}

/** stepOf is the wizard step (0 Basics, 1 Product licenses, 2 Optional settings) that shows a refused field, or undefined. */
export function stepOf(target: string | undefined): number | undefined {
  if (!target) return undefined;
  if (/^(user|password|delivery)(\.|$)/.test(target)) return 0;
  if (/^(licenses|usageLocation|autoPurchase)(\.|\[|$)/.test(target)) return 1;
  if (/^roles(\.|\[|$)/.test(target)) return 2;
  return undefined;
}

/** Provisioned is the 201 answer of POST /api/users/provision. */
export interface Provisioned {
  user: User; userPrincipalName: string; temporaryPassword?: string; setPasswordUrl?: string; setPasswordExpiresDateTime?: string;
  licenses: { skuId: string; disabledPlans: string[] }[]; roles: string[]; purchased: { skuId: string; quantity: number }[]; emailsQueued: number;
}
