import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Collection } from '../../api/types';
import { pollWhilePending } from './provisioning';
import type { CatalogProduct, Invoice, LicenseDetail, Subscription, SubscribedSku } from './types';

/** billingKeys are the query keys of the billing data; a purchase invalidates them all. */
export const billingKeys = {
  all: ['billing'] as const,
  catalog: ['billing', 'catalog'] as const,
  skus: ['billing', 'skus'] as const,
  subscriptions: ['billing', 'subscriptions'] as const,
  invoices: ['billing', 'invoices'] as const,
  licenseDetails: (user: string) => ['billing', 'licenseDetails', user] as const,
};

export const useCatalog = () => useQuery({ queryKey: billingKeys.catalog, queryFn: () => api.get<Collection<CatalogProduct>>('/api/catalog').then((r) => r.value) });
export const useSkus = (enabled = true) =>
  useQuery({ queryKey: billingKeys.skus, enabled, queryFn: () => api.get<Collection<SubscribedSku>>('/v1.0/subscribedSkus').then((r) => r.value) });
export const useSubscriptions = (enabled = true) =>
  useQuery({ queryKey: billingKeys.subscriptions, enabled, queryFn: () => api.get<Collection<Subscription>>('/api/billing/subscriptions').then((r) => r.value) });
export const useInvoices = () => useQuery({ queryKey: billingKeys.invoices, queryFn: () => api.get<Collection<Invoice>>('/api/billing/invoices').then((r) => r.value) });
export const useLicenseDetails = (user: string) => useQuery({
  queryKey: billingKeys.licenseDetails(user),
  queryFn: () => api.get<Collection<LicenseDetail>>(`/v1.0/users/${encodeURIComponent(user)}/licenseDetails`).then((r) => r.value),
  // Provisioning runs in the background: look again while a plan is still pending.
  refetchInterval: (q) => pollWhilePending(q.state.data),
});

/** productNames maps skuId to the catalog's display name (subscribedSkus carry only the part number). */
export function productNames(catalog: CatalogProduct[] | undefined): Map<string, string> {
  return new Map((catalog ?? []).map((p) => [p.skuId, p.displayName]));
}
