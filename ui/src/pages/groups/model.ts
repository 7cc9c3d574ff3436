// Wire shapes of groups (internal/api/group_wire.go) and what the admin
// center derives from them.

export interface Group {
  id: string;
  displayName: string;
  description: string | null;
  mail: string | null;
  mailEnabled: boolean;
  mailNickname: string;
  securityEnabled: boolean;
  groupTypes: string[];
  createdDateTime: string | null;
  onPremisesSyncEnabled: boolean | null;
}

/** DirectoryObject is a member or owner as the relationship lists return it. */
export interface DirectoryObject {
  '@odata.type': string;
  id: string;
  displayName: string | null;
  userPrincipalName?: string;
  mail?: string | null;
}

/** GroupKind is the admin center's group type (admin-center.md §6). */
export type GroupKind = 'security' | 'mailSecurity' | 'distribution' | 'unified';

/** creatable are the kinds Atrium creates; Microsoft 365 (Unified) groups it doesn't. */
export const creatable = ['security', 'mailSecurity', 'distribution'] as const;
export type CreatableKind = (typeof creatable)[number];

/**
 * groupKind derives the type from the Graph flags, as the server and the
 * CLI do: Unified in groupTypes wins; mail and security together are a
 * mail-enabled security group; mail alone a distribution list; else security.
 */
export function groupKind(g: Pick<Group, 'mailEnabled' | 'securityEnabled' | 'groupTypes'>): GroupKind {
  if ((g.groupTypes ?? []).some((t) => t.toLowerCase() === 'unified')) return 'unified';
  if (g.mailEnabled && g.securityEnabled) return 'mailSecurity';
  if (g.mailEnabled) return 'distribution';
  return 'security';
}

/** kindFlags are the flags a new group of a kind is created with. */
export const kindFlags: Record<CreatableKind, { mailEnabled: boolean; securityEnabled: boolean }> = {
  security: { mailEnabled: false, securityEnabled: true },
  mailSecurity: { mailEnabled: true, securityEnabled: true },
  distribution: { mailEnabled: true, securityEnabled: false },
};

/** mailKind tells whether a kind has an e-mail address, so the wizard asks for its nickname. */
export const mailKind = (k: GroupKind) => k === 'mailSecurity' || k === 'distribution';

/**
 * nicknameFrom proposes a mail nickname from a group name: ASCII letters,
 * digits and the symbols the server allows, at most 64 characters. Graph
 * requires a nickname even for security groups, so those get this one.
 */
export function nicknameFrom(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9!#$%&'*+/=?^_`{|}~-]/g, '')
    .slice(0, 64);
}

/** nicknameProblem checks a nickname as the server does (checkMailNickname); true when it would be refused. */
export function nicknameProblem(s: string): boolean {
  return s.length === 0 || s.length > 64 || /[^\x21-\x7e]|[@()\\[\]";:.<>,]/.test(s);
}

/** isUser tells users from groups in a relationship list. */
export const isUser = (o: DirectoryObject) => o['@odata.type'] === '#microsoft.graph.user';
