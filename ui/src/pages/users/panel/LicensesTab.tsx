import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { useSession } from '../../../api/session';
import { ErrorMessage, Loading } from '../../../components/Status';
import { useCatalog, useLicenseDetails, useSkus } from '../../billing/data';
import type { User } from '../types';
import { LicensesForm } from './LicensesForm';

/** LicensesTab is the user panel's Licenses and apps tab (admin-center.md §5.1): it loads the products, seats and the user's licenses. */
export function LicensesTab({ user }: { user: User }) {
  const tenant = useSession().data!.tenantId;
  const skus = useSkus();
  const catalog = useCatalog();
  const details = useLicenseDetails(user.id);
  // The organization's default usage location preselects the picker (licensing-and-billing.md §6); optional.
  const org = useQuery({
    queryKey: ['organization', tenant],
    queryFn: () => api.get<{ defaultUsageLocation: string | null }>(`/v1.0/organization/${tenant}`),
    retry: false,
  });
  const error = skus.error ?? catalog.error ?? details.error;
  if (error) return <ErrorMessage error={error} />;
  if (!skus.data || !catalog.data || !details.data || org.isPending) return <Loading />;
  return (
    <LicensesForm key={`${user.id}-${user.usageLocation ?? ''}-${details.dataUpdatedAt}`} user={user} skus={skus.data}
      catalog={catalog.data} details={details.data} defaultLocation={org.data?.defaultUsageLocation ?? ''} />
  );
}
