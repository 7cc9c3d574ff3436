import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { LicenseDetail } from '../../billing/types';
import { ProvisioningBadge } from './ProvisioningBadge';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  plan: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, paddingBlock: tokens.spacingVerticalXXS },
});

/**
 * HeldLicenses lists the user's licenseDetails: each product with its plans'
 * provisioning states (a plan without one is taken as provisioned).
 */
export function HeldLicenses({ details, name }: { details: LicenseDetail[]; name: (skuId: string) => string }) {
  const { t } = useTranslation('billing');
  const s = useStyles();
  return (
    <section aria-labelledby="held-licenses">
      <Text as="h3" id="held-licenses" weight="semibold">{t('userTab.held')}</Text>
      {details.length === 0 ? <Text block>{t('userTab.noneHeld')}</Text> : (
        <ul className={s.list}>
          {details.map((d) => (
            <li key={d.id}>
              <Text weight="semibold">{name(d.skuId)}</Text>
              <ul className={s.list}>
                {(d.servicePlans ?? []).map((p) => (
                  <li key={p.servicePlanId} className={s.plan}>
                    <span>{p.servicePlanName}</span>
                    <ProvisioningBadge plan={{ ...p, provisioningStatus: p.provisioningStatus ?? 'Success' }} />
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
