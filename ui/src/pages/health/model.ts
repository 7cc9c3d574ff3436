import type { BadgeProps } from '@fluentui/react-components';

// Wire types of /v1.0/admin/serviceAnnouncement (client/health.go) and how
// the pages sum them up.

export interface HealthOverview {
  id: string;
  service: string;
  status: string;
}

export interface ItemBody {
  contentType: string;
  content: string;
}

export interface HealthIssuePost {
  createdDateTime: string;
  postType: string;
  description: ItemBody;
}

export interface HealthIssue {
  id: string;
  title: string;
  impactDescription: string;
  classification: string; // advisory or incident
  status: string;
  service: string; // the service's name, e.g. "Atrium Mail"
  feature: string | null;
  isResolved: boolean;
  startDateTime: string;
  endDateTime: string | null;
  lastModifiedDateTime: string;
  posts: HealthIssuePost[];
}

export interface ServiceMessage {
  id: string;
  title: string;
  category: string; // planForChange, stayInformed, preventOrFixIssue
  severity: string;
  tags: string[];
  isMajorChange: boolean;
  services: string[]; // names
  startDateTime: string;
  endDateTime: string | null;
  actionRequiredByDateTime: string | null;
  lastModifiedDateTime: string;
  body: ItemBody;
  viewPoint: { isRead: boolean; isArchived: boolean; isFavorited: boolean };
}

export const announcement = '/v1.0/admin/serviceAnnouncement';

/** healthServices are the eight services of the service health page (ids and the server's names), to label them in the UI's language. */
export const healthServices: { id: string; name: string }[] = [
  { id: 'AtriumMail', name: 'Atrium Mail' }, { id: 'FilesAndSites', name: 'Files and sites' },
  { id: 'ChatAndMeetings', name: 'Chat and meetings' }, { id: 'OfficeApps', name: 'Office apps' },
  { id: 'IdentityAndSignIn', name: 'Identity and sign-in' }, { id: 'AdminCenter', name: 'Admin center' },
  { id: 'DeviceManagement', name: 'Device management' }, { id: 'DirectorySync', name: 'Directory sync' },
];

/** serviceId finds a service's id by its name (as issues and messages carry it); undefined for a name the UI doesn't know. */
export function serviceId(name: string): string | undefined {
  return healthServices.find((s) => s.name.toLowerCase() === name.toLowerCase() || s.id.toLowerCase() === name.toLowerCase())?.id;
}

/** Level is what the service health page says of a service (admin-center.md §11). */
export type Level = 'healthy' | 'advisory' | 'incident' | 'restored';

/** restoredFor is how long a service shows "Service restored" after its last issue was resolved. */
export const restoredFor = 24 * 60 * 60 * 1000;

/**
 * serviceLevel sums up a service: an Incident when one of its open issues
 * is an incident, an Advisory when its status is degraded by advisories
 * only, Service restored when it is operational again and an issue of it
 * was resolved as restored in the last day, else Healthy.
 */
export function serviceLevel(o: HealthOverview, issues: HealthIssue[], now: number): Level {
  const mine = issues.filter((i) => i.service === o.service || serviceId(i.service) === o.id);
  if (o.status !== 'serviceOperational') {
    return mine.some((i) => !i.isResolved && i.classification === 'incident') ? 'incident' : 'advisory';
  }
  const restored = mine.some((i) => i.isResolved && i.status === 'serviceRestored' && !!i.endDateTime && now - Date.parse(i.endDateTime) < restoredFor);
  return restored ? 'restored' : 'healthy';
}

const rank: Record<Level, number> = { healthy: 0, restored: 1, advisory: 2, incident: 3 };

/** worstLevel is the most severe of the levels (Healthy for none). */
export function worstLevel(levels: Level[]): Level {
  return levels.reduce<Level>((w, l) => (rank[l] > rank[w] ? l : w), 'healthy');
}

/** levelColor is the badge color of a level. */
export function levelColor(l: Level): BadgeProps['color'] {
  return { healthy: 'success', restored: 'informative', advisory: 'warning', incident: 'danger' }[l] as BadgeProps['color'];
}

/** activeIssues are the open issues, the most severe first (incidents before advisories), then the newest. */
export function activeIssues(issues: HealthIssue[]): HealthIssue[] {
  return issues.filter((i) => !i.isResolved).sort((a, b) =>
    Number(b.classification === 'incident') - Number(a.classification === 'incident') || b.startDateTime.localeCompare(a.startDateTime));
}
