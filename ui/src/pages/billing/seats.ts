// Seat math, money and purchase helpers shared by the Billing and Licenses pages.
import type { AssignedLicense, LicenseDetail, Money, SubscribedSku } from './types';

/**
 * seats sums a product's seats: total counts the enabled bucket (new assignments need it); over is how many holders
 * exceed the seats still served, enabled plus the 30 days of an expired (warning) subscription.
 */
export function seats(s: Pick<SubscribedSku, 'consumedUnits' | 'prepaidUnits'>): { assigned: number; total: number; available: number; over: number } {
  const total = s.prepaidUnits.enabled;
  const assigned = s.consumedUnits;
  const served = total + s.prepaidUnits.warning;
  return { assigned, total, available: Math.max(0, total - assigned), over: Math.max(0, assigned - served) };
}

/** usage is the share of seats in use for a progress bar, 0..1 (1 when over-assigned or when there are no seats but holders). */
export function usage(assigned: number, total: number): number {
  if (total <= 0) return assigned > 0 ? 1 : 0;
  return Math.min(1, assigned / total);
}

/** formatMoney formats an amount in its own currency for a locale with Intl. */
export function formatMoney(locale: string, m: Money): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: m.currency }).format(m.amount);
}

/** multiply is quantity × unit price, computed in cents so 3 × 6.10 is 18.30 and not 18.299999. */
export function multiply(m: Money, quantity: number): Money {
  return { amount: Math.round(Math.round(m.amount * 100) * quantity) / 100, currency: m.currency };
}

/** newIdempotencyKey is a random UUID: one per purchase dialog, so a double click or a retry buys once. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Choice is what the Licenses and apps tab holds per product: checked, and the plans switched off. */
export type Choice = Record<string, { on: boolean; disabledPlans: string[] }>;

/** choiceOf reads the user's licenses: each held product checked, its plans in state Disabled switched off. */
export function choiceOf(details: LicenseDetail[]): Choice {
  const out: Choice = {};
  for (const d of details) {
    out[d.skuId] = { on: true, disabledPlans: (d.servicePlans ?? []).filter((p) => p.provisioningStatus === 'Disabled').map((p) => p.servicePlanId).sort() };
  }
  return out;
}

/**
 * assignBody diffs the chosen state against the user's licenses into one
 * assignLicense body: newly checked products and held products whose
 * disabled plans changed go to addLicenses (adding a held SKU replaces
 * its disabledPlans), unchecked held products to removeLicenses.
 */
export function assignBody(held: Choice, chosen: Choice): { addLicenses: AssignedLicense[]; removeLicenses: string[] } {
  const addLicenses: AssignedLicense[] = [];
  const removeLicenses: string[] = [];
  for (const [skuId, c] of Object.entries(chosen)) {
    const h = held[skuId];
    const plans = [...c.disabledPlans].sort();
    if (c.on && (!h?.on || plans.join() !== [...h.disabledPlans].sort().join())) addLicenses.push({ skuId, disabledPlans: plans });
    if (!c.on && h?.on) removeLicenses.push(skuId);
  }
  for (const skuId of Object.keys(held)) if (held[skuId]!.on && !chosen[skuId]) removeLicenses.push(skuId);
  return { addLicenses, removeLicenses };
}

/** shortfall lists the newly added products without a free seat, with how many seats are missing (one per user). */
export function shortfall(body: { addLicenses: AssignedLicense[] }, held: Choice, skus: SubscribedSku[]): { skuId: string; missing: number }[] {
  return body.addLicenses.filter((a) => !held[a.skuId]?.on).flatMap((a) => {
    const s = skus.find((x) => x.skuId === a.skuId);
    return s && seats(s).available < 1 ? [{ skuId: a.skuId, missing: 1 }] : [];
  });
}
