/** retentionDays is how long deleted users stay restorable (users-and-passwords.md: purged after 30 days). */
export const retentionDays = 30;

/** daysLeft is how many whole days remain before a user deleted at `deleted` is purged, never below 0. */
export function daysLeft(deleted: string | Date, now: Date = new Date()): number {
  const age = (now.getTime() - new Date(deleted).getTime()) / 86_400_000;
  return Math.max(0, Math.ceil(retentionDays - age));
}
