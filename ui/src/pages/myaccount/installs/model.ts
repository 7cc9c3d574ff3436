// Wire types of the Office-style app installs (GET/POST /api/me/installs,
// DELETE /api/me/installs/{id}, GET /api/users/{id}/installs) and the pure
// logic the My account page and the admin's user panel share.

/** kinds are the device kinds, each with its own limit, in the order the pages show them. */
export const kinds = ['pc', 'tablet', 'phone'] as const;
export type InstallKind = (typeof kinds)[number];

/** maxDeviceName is the longest device name the server accepts, in characters. */
export const maxDeviceName = 64;

/** Install is one activation of the apps on a device. */
export interface Install {
  id: string;
  deviceName: string;
  kind: InstallKind;
  activatedDateTime: string;
}

/** Installs is a user's activations, the limit per kind, and whether their licenses include the apps. */
export interface Installs {
  value: Install[];
  limits: Record<InstallKind, number>;
  eligible: boolean;
}

/** NewInstall is the body of POST /api/me/installs. */
export interface NewInstall {
  deviceName: string;
  kind: InstallKind;
}

/** installKeys are the query keys of installs: the signed-in user's and another user's (the admin's view). */
export const installKeys = {
  mine: ['me', 'installs'] as const,
  user: (id: string) => ['users', 'installs', id] as const,
};

/** isKind tells whether a value is one of the kinds the server knows. */
export function isKind(x: string): x is InstallKind {
  return (kinds as readonly string[]).includes(x);
}

/** byKind groups installs per kind, oldest activation first; an install of an unknown kind is left out. */
export function byKind(installs: Install[]): Record<InstallKind, Install[]> {
  const out: Record<InstallKind, Install[]> = { pc: [], tablet: [], phone: [] };
  for (const i of installs) if (isKind(i.kind)) out[i.kind].push(i);
  for (const k of kinds) out[k].sort((a, b) => Date.parse(a.activatedDateTime) - Date.parse(b.activatedDateTime));
  return out;
}

/** deviceNameProblem checks a device name as the server will (after trimming): required, at most 64 characters. */
export function deviceNameProblem(name: string): 'required' | 'tooLong' | undefined {
  const n = name.trim();
  if (!n) return 'required';
  if ([...n].length > maxDeviceName) return 'tooLong';
  return undefined;
}
