// The logic of the Add multiple users wizard, without React: which step an import is at, when to poll, what to send.
import { seats } from '../../billing/seats';
import type { SubscribedSku } from '../../billing/types';
import type { Credentials, Import, ImportStatus, StartRequest } from './types';

/** Step is a step of the wizard (admin-center.md §5.3). */
export type Step = 'upload' | 'verify' | 'options' | 'progress' | 'results';

/** steps are the wizard's steps in order, for the step list. */
export const steps: Step[] = ['upload', 'verify', 'options', 'progress', 'results'];

/**
 * stepOf tells which step shows an import: no import is the upload; a file
 * being checked or waiting for the admin is Verify, or Set user options once
 * the admin went on; a running import shows its progress; a finished or
 * failed one its results.
 */
export function stepOf(status: ImportStatus | undefined, confirmed = false): Step {
  switch (status) {
    case undefined: return 'upload';
    case 'validating': return 'verify';
    case 'awaitingConfirmation': return confirmed ? 'options' : 'verify';
    case 'running': return 'progress';
    default: return 'results';
  }
}

/** pollInterval is how often to read an import again: every second while the server works on it, else not. */
export function pollInterval(status: ImportStatus | undefined): number | false {
  return status === 'validating' || status === 'running' ? 1000 : false;
}

/** canContinue tells whether Verify may go on: some valid rows, and no problems or the admin skips them. */
export function canContinue(imp: Pick<Import, 'valid' | 'invalid'>, skip: boolean): boolean {
  return imp.valid > 0 && (imp.invalid === 0 || skip);
}

/** Choices are what Set user options holds. */
export interface Choices { accountEnabled: boolean; usageLocation: string; skuIds: string[]; credentials: Credentials }

/** startBody is the body of POST /api/imports/{id}/start; an empty location is left out. */
export function startBody(c: Choices, skipInvalidRows: boolean): StartRequest {
  const body: StartRequest = { accountEnabled: c.accountEnabled, skuIds: [...c.skuIds], credentials: c.credentials, skipInvalidRows };
  if (c.usageLocation) body.usageLocation = c.usageLocation;
  return body;
}

/** Shortfall is a chosen product with fewer free seats than rows to create: missing rows will fail. */
export interface Shortfall { skuId: string; available: number; missing: number }

/** shortfalls lists the chosen products whose free seats don't cover the rows to create. */
export function shortfalls(skuIds: string[], skus: SubscribedSku[], rows: number): Shortfall[] {
  return skuIds.flatMap((id) => {
    const sku = skus.find((x) => x.skuId === id);
    if (!sku) return [];
    const { available } = seats(sku);
    return available < rows ? [{ skuId: id, available, missing: rows - available }] : [];
  });
}

/** rateShown rounds the pace for display: whole users from 10 a second, else one decimal (the server sends one). */
export function rateShown(perSecond: number): number {
  return perSecond >= 10 ? Math.round(perSecond) : Math.round(perSecond * 10) / 10;
}

/** progress is the share of rows done, 0..1, for a progress bar. */
export function progress(imp: Pick<Import, 'done' | 'total'>): number {
  return imp.total > 0 ? Math.min(1, imp.done / imp.total) : 0;
}
