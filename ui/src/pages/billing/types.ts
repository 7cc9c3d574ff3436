// Wire types of the Billing and Licenses pages, as internal/api renders
// them (billing_handlers.go, licensing_handlers.go, client/licensing.go).

/** Money is an amount in a currency (the catalog's). */
export interface Money { amount: number; currency: string }

/** ServicePlan is one service plan of a product; provisioningStatus is set on subscribedSkus and licenseDetails. */
export interface ServicePlan { servicePlanId: string; servicePlanName: string; provisioningStatus?: string; appliesTo: string }

/** CatalogProduct is a product the tenant can buy (GET /api/catalog). */
export interface CatalogProduct {
  skuId: string; skuPartNumber: string; displayName: string; appliesTo: string;
  unitPrice: Money; maxSeats: number | null; servicePlans: ServicePlan[] | null;
}

/** SubscribedSku is a product the tenant owns, with its seats (GET /v1.0/subscribedSkus). */
export interface SubscribedSku {
  id: string; skuId: string; skuPartNumber: string; appliesTo: string; capabilityStatus: string; consumedUnits: number;
  prepaidUnits: { enabled: number; warning: number; suspended: number; lockedOut: number };
  subscriptionIds: string[] | null; servicePlans: ServicePlan[] | null;
}

/**
 * Subscription is one purchase of a product (GET /api/billing/subscriptions). endDateTime ends the term (Enabled: it
 * renews then when autoRenew, else it expires) or the Warning or Suspended period (licensing-and-billing.md §4.2).
 */
export interface Subscription {
  id: string; skuId: string; skuPartNumber: string; displayName: string; status: string; quantity: number;
  purchaseChannel: 'direct' | 'partner'; partner: { tenantId: string; displayName: string } | null; unitPrice: Money;
  autoRenew: boolean; endDateTime: string | null; statusChangedDateTime: string | null;
}

/** Order is one purchase of seats; subscription is the one that grew (POST /api/billing/orders). */
export interface Order { id: string; skuId: string; quantity: number; subscriptionId: string; createdBy: string; subscription?: Subscription }

/** Invoice bills one order, or a renewal or reactivation (orderId empty) (GET /api/billing/invoices). */
export interface Invoice {
  id: string; orderId: string; status: string; total: Money;
  lines: { skuId: string; description: string; quantity: number; unitPrice: Money; amount: Money }[] | null;
}

/**
 * LicenseDetailPlan is a plan of a product a user holds: provisioningStatus is
 * Success, PendingProvisioning, Error or Disabled, and provisioningError the
 * reason (set only when Error).
 */
export interface LicenseDetailPlan extends ServicePlan { provisioningError?: string }

/** LicenseDetail is one product a user holds, with its plans' states (GET /v1.0/users/{id}/licenseDetails). */
export interface LicenseDetail { id: string; skuId: string; skuPartNumber: string; servicePlans: LicenseDetailPlan[] | null }

/** AssignedLicense is one entry of assignLicense's addLicenses. */
export interface AssignedLicense { skuId: string; disabledPlans: string[] }
