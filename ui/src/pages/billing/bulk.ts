// Bulk license actions of the Licenses page: one assignLicense call per user, each ending in its own result.
import { ApiError, api } from '../../api/client';
import type { Collection } from '../../api/types';
import type { LicenseDetail } from './types';

/** maxUsers is how many users one action takes (licensing-and-billing.md §5.4 allows 1,000 with a background job above 100; the UI runs up to 100 itself). */
export const maxUsers = 100;

/** parseUsers splits typed user names (lines, commas, spaces), trimmed and without duplicates (case-insensitive). */
export function parseUsers(text: string): string[] {
  const seen = new Set<string>();
  return text.split(/[\s,;]+/).map((x) => x.trim()).filter((x) => {
    if (!x || seen.has(x.toLowerCase())) return false;
    seen.add(x.toLowerCase());
    return true;
  });
}

/** Result is one user's outcome: ok, already in the wanted state (skipped), or the server's message. */
export interface Result { user: string; ok: boolean; skipped?: boolean; message?: string }

/**
 * applyOne assigns or unassigns a product for one user. A user who already
 * holds it is skipped on assign, so their switched-off plans stay off
 * (adding a held SKU would replace its disabledPlans).
 */
export async function applyOne(user: string, skuId: string, mode: 'assign' | 'unassign'): Promise<Result> {
  const path = `/v1.0/users/${encodeURIComponent(user)}`;
  try {
    if (mode === 'assign') {
      const held = await api.get<Collection<LicenseDetail>>(`${path}/licenseDetails`);
      if (held.value.some((d) => d.skuId === skuId)) return { user, ok: true, skipped: true };
    }
    const body = mode === 'assign' ? { addLicenses: [{ skuId, disabledPlans: [] }], removeLicenses: [] } : { addLicenses: [], removeLicenses: [skuId] };
    await api.post(`${path}/assignLicense`, body);
    return { user, ok: true };
  } catch (e) {
    return { user, ok: false, message: e instanceof ApiError ? e.message : String(e) };
  }
}

/** runAll applies fn to every user, a few at a time, reporting each result as it arrives; results keep the input order. */
export async function runAll(users: string[], fn: (u: string) => Promise<Result>, onResult: (r: Result[]) => void, parallel = 4): Promise<Result[]> {
  const out: Result[] = new Array<Result>(users.length);
  let next = 0;
  const worker = async () => {
    while (next < users.length) {
      const i = next++;
      out[i] = await fn(users[i]!);
      onResult(out.filter(Boolean));
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, users.length) }, worker));
  return out;
}
