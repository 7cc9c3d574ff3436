// Provisioning states of a user's service plans (licenseDetails): their
// badge colors and how often the Licenses and apps tab looks again.
import type { LicenseDetail } from './types';

/** provisioningStates are the states the server reports per plan. */
export const provisioningStates = ['Success', 'PendingProvisioning', 'Error', 'Disabled'] as const;

/** pendingPollMs is how often licenseDetails is fetched again while a plan is being provisioned. */
export const pendingPollMs = 2000;

type BadgeColor = 'success' | 'warning' | 'danger' | 'informative';

const colors: Record<string, BadgeColor> = { Success: 'success', PendingProvisioning: 'warning', Error: 'danger', Disabled: 'informative' };

/** provisioningColor is a state's badge color; an unknown state is informative. */
export function provisioningColor(state: string): BadgeColor {
  return colors[state] ?? 'informative';
}

/** anyPending tells whether a plan of the user's products is still being provisioned. */
export function anyPending(details: LicenseDetail[] | undefined): boolean {
  return (details ?? []).some((d) => (d.servicePlans ?? []).some((p) => p.provisioningStatus === 'PendingProvisioning'));
}

/** pollWhilePending is licenseDetails' refetchInterval: every 2 s while a plan is pending, else no polling. */
export function pollWhilePending(details: LicenseDetail[] | undefined): number | false {
  return anyPending(details) ? pendingPollMs : false;
}
