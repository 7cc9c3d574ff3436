// Wire types of /v1.0/devices (internal/api/devices_handlers.go) and the list query.

export interface Device {
  id: string;
  deviceId: string;
  displayName: string;
  operatingSystem: string | null;
  operatingSystemVersion: string | null;
  trustType: string; // Workplace, AzureAd or ServerAd
  accountEnabled: boolean;
  isCompliant: boolean;
  isManaged: boolean;
  registrationDateTime: string | null;
  approximateLastSignInDateTime: string | null;
}

/** DeviceOwner is a device's registered owner (a user, as GET …/registeredOwners lists it). */
export interface DeviceOwner {
  id: string;
  displayName: string | null;
  userPrincipalName: string;
}

/** osFamilies are the operating systems the filter offers; each matches the names that start with it ("Windows" finds "Windows 11"). */
export const osFamilies = ['Windows', 'macOS', 'iOS', 'iPadOS', 'Android', 'Linux'] as const;

/** DeviceFilter narrows the list: a name's beginning, an operating system; '' means any. */
export interface DeviceFilter {
  name: string;
  os: string;
}

/** odataString quotes a value for $filter, doubling single quotes as OData wants. */
export function odataString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/** devicesPath is the list query: 50 a page by name, with the total, narrowed by name and operating system (startswith, which the server allows on both). */
export function devicesPath(f: DeviceFilter): string {
  const clauses: string[] = [];
  const name = f.name.trim();
  if (name) clauses.push(`startswith(displayName,${odataString(name)})`);
  if (f.os) clauses.push(`startswith(operatingSystem,${odataString(f.os)})`);
  let p = '/v1.0/devices?$top=50&$count=true&$orderby=displayName';
  if (clauses.length) p += `&$filter=${encodeURIComponent(clauses.join(' and '))}`;
  return p;
}

export const devicePath = (id: string) => `/v1.0/devices/${encodeURIComponent(id)}`;
