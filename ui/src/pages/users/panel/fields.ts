// The properties the details panel reads and edits, per tab.

/** FieldDef is one editable user property: text, or a list typed as comma-separated text. */
export interface FieldDef { name: string; list?: boolean; hint?: boolean }

export const accountFields: FieldDef[] = [
  { name: 'userPrincipalName' }, { name: 'displayName' }, { name: 'givenName' }, { name: 'surname' }, { name: 'jobTitle' },
  { name: 'department' }, { name: 'officeLocation' }, { name: 'usageLocation', hint: true }, { name: 'preferredLanguage', hint: true },
];

export const contactFields: FieldDef[] = [
  { name: 'businessPhones', list: true }, { name: 'mobilePhone' }, { name: 'faxNumber' }, { name: 'otherMails', list: true, hint: true },
  { name: 'streetAddress' }, { name: 'city' }, { name: 'state' }, { name: 'postalCode' }, { name: 'country' },
];

/** panelSelect is the $select of the panel's user. */
export const panelSelect = ['id', 'accountEnabled', 'onPremisesSyncEnabled', 'createdDateTime', 'mail', 'companyName',
  ...accountFields.map((f) => f.name), ...contactFields.map((f) => f.name)].join(',');

/** toText shows a value in an input: lists comma-separated. */
export function toText(v: unknown): string {
  if (Array.isArray(v)) return v.join(', ');
  return typeof v === 'string' ? v : '';
}

/** changes compares the edited texts with the user and returns the PATCH body: only what changed, '' as null, lists split. */
export function changes(defs: FieldDef[], user: Record<string, unknown>, texts: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of defs) {
    const text = (texts[f.name] ?? '').trim();
    if (text === toText(user[f.name]).trim()) continue;
    if (f.list) out[f.name] = text ? text.split(',').map((x) => x.trim()).filter(Boolean) : [];
    else out[f.name] = text === '' ? null : f.name === 'usageLocation' ? text.toUpperCase() : text;
  }
  return out;
}
