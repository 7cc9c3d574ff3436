// Wire types of Windows Autopilot (partners.md §8): devices registered for
// Autopilot and deployment profiles, under /api/devices/autopilot.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';

export interface AutopilotDevice {
  id: string;
  serialNumber: string;
  productKey: string;
  hardwareHash: string;
  manufacturer: string;
  model: string;
  groupTag: string;
  batchName: string;
  uploadedDateTime: string;
  addedBy: { kind: 'partner' | 'customer' | string; partnerTenantId: string | null; channel: string };
  deploymentProfileId: string | null;
  profileAssignmentStatus: 'notAssigned' | 'pending' | 'assigned' | 'failed' | string;
}

/** profileSettings are a deployment profile's switches, in the order the form shows them. */
export const profileSettings = [
  'skipPrivacySettings', 'disableLocalAdminAccount', 'skipWorkOrSchoolQuestion', 'skipAssistantCloudAndOemPages', 'skipEula',
] as const;
export type ProfileSetting = (typeof profileSettings)[number];

export type ProfileInput = { name: string; description: string } & Record<ProfileSetting, boolean>;

export interface DeploymentProfile extends ProfileInput {
  id: string;
  createdBy?: string;
  devicesAssigned?: number;
  createdDateTime?: string;
  lastModifiedDateTime?: string;
}

export const base = '/api/devices/autopilot';
export const devicesKey = ['autopilot', 'devices'] as const;
export const profilesKey = ['autopilot', 'profiles'] as const;

/** addedByKey is the autopilot-namespace key saying who added a device, with its values. */
export function addedBy(d: AutopilotDevice): [string, Record<string, string>] {
  if (d.addedBy.kind === 'partner') return ['addedBy.partner', { id: d.addedBy.partnerTenantId ?? '' }];
  return [`addedBy.${d.addedBy.channel || 'adminCenter'}`, {}];
}

/** useProfiles is GET /api/devices/autopilot/profiles. */
export const useProfiles = () => useQuery({ queryKey: profilesKey, queryFn: () => api.get<{ value: DeploymentProfile[] }>(`${base}/profiles`) });
