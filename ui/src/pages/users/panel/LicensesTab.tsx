import { makeStyles, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { can, useSession } from '../../../api/session';
import { ErrorMessage, Loading } from '../../../components/Status';
import { useCatalog, useLicenseDetails, useSkus } from '../../billing/data';
import { choiceOf } from '../../billing/seats';
import type { User } from '../types';
import { InstalledApps } from './InstalledApps';
import { LicensesForm } from './LicensesForm';

const useStyles = makeStyles({ root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL } });

/**
 * LicensesTab is the user panel's Licenses and apps tab (admin-center.md §5.1): it loads the products, seats and the user's
 * licenses, and shows an admin with licenses.read the devices the user activated the apps on.
 */
export function LicensesTab({ user }: { user: User }) {
  const s = useStyles();
  const session = useSession().data!;
  const tenant = session.tenantId;
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
  // The form starts over when the user's licenses change, not on every poll of a pending plan's state.
  const held = JSON.stringify(choiceOf(details.data));
  return (
    <div className={s.root}>
      <LicensesForm key={`${user.id}-${user.usageLocation ?? ''}-${held}`} user={user} skus={skus.data}
        catalog={catalog.data} details={details.data} defaultLocation={org.data?.defaultUsageLocation ?? ''} />
      {can(session, 'licenses.read') && <InstalledApps userId={user.id} />}
    </div>
  );
}
