// Wire types of /v1.0/directory/onPremisesSynchronization
// (internal/api/dirsync_handlers.go) and the form's reading of them.

export interface DirSync {
  id: string;
  configuration: {
    synchronizationInterval: string; // ISO 8601, PT10M to P7D
    accidentalDeletionPrevention: { synchronizationPreventionType: string; alertThreshold: number };
  };
  features: Record<string, boolean>;
}

export const preventionTypes = ['disabled', 'enabledForCount', 'enabledForPercentage'] as const;

/** features are the sync feature switches Atrium keeps, in the order the page shows them (hybrid-identity.md §8, §10). */
export const features = [
  'passwordSyncEnabled', 'passwordWritebackEnabled', 'softMatchOnUpnEnabled', 'blockSoftMatchEnabled',
  'blockCloudObjectTakeoverThroughHardMatchEnabled', 'groupWriteBackEnabled', 'userWritebackEnabled', 'directoryExtensionsEnabled',
] as const;

/** The wire names the server's 400 names as its target. */
export const fieldInterval = 'configuration.synchronizationInterval';
export const fieldPrevention = 'configuration.accidentalDeletionPrevention.synchronizationPreventionType';
export const fieldThreshold = 'configuration.accidentalDeletionPrevention.alertThreshold';

/** seconds reads an ISO 8601 duration of days, hours, minutes and seconds (PT30M, P1DT2H); NaN for anything else. */
export function seconds(iso: string): number {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/i.exec(iso.trim());
  if (!m || iso.trim().toUpperCase() === 'P' || /T$/i.test(iso.trim())) return NaN;
  const [d, h, min, s] = m.slice(1).map((x) => Number(x ?? 0));
  return ((d * 24 + h) * 60 + min) * 60 + s;
}

/** isoMinutes writes whole minutes as an ISO 8601 duration the server reads: PT45M, PT2H, P1DT30M. */
export function isoMinutes(minutes: number): string {
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  const time = (h ? `${h}H` : '') + (m ? `${m}M` : '');
  if (!d && !time) return 'PT0S';
  return `P${d ? `${d}D` : ''}${time ? `T${time}` : ''}`;
}

/** Form is what the page edits: the interval in minutes as typed, the threshold as typed. */
export interface Form {
  interval: string;
  prevention: string;
  threshold: string;
  features: Record<string, boolean>;
}

/** formOf reads the settings into the form; an interval that isn't whole minutes shows rounded and is sent only if the admin changes it. */
export function formOf(d: DirSync): Form {
  return {
    interval: String(Math.round(seconds(d.configuration.synchronizationInterval) / 60)),
    prevention: d.configuration.accidentalDeletionPrevention.synchronizationPreventionType,
    threshold: String(d.configuration.accidentalDeletionPrevention.alertThreshold),
    features: { ...d.features },
  };
}

/**
 * patchOf is the PATCH body for what changed between the saved settings
 * and the form, or null when nothing did. Numbers go as typed (a number
 * when it is one), so the server judges them and names the field.
 */
export function patchOf(saved: DirSync, f: Form): Record<string, unknown> | null {
  const was = formOf(saved);
  const body: Record<string, unknown> = {};
  const config: Record<string, unknown> = {};
  const adp: Record<string, unknown> = {};
  if (f.interval.trim() !== was.interval) {
    const n = Number(f.interval);
    config.synchronizationInterval = Number.isInteger(n) && n >= 0 ? isoMinutes(n) : f.interval.trim();
  }
  if (f.prevention !== was.prevention) adp.synchronizationPreventionType = f.prevention;
  if (f.threshold.trim() !== was.threshold) {
    const n = Number(f.threshold);
    adp.alertThreshold = f.threshold.trim() !== '' && Number.isInteger(n) ? n : f.threshold;
  }
  if (Object.keys(adp).length) config.accidentalDeletionPrevention = adp;
  if (Object.keys(config).length) body.configuration = config;
  const changed = Object.fromEntries(Object.entries(f.features).filter(([k, v]) => saved.features[k] !== v));
  if (Object.keys(changed).length) body.features = changed;
  return Object.keys(body).length ? body : null;
}
