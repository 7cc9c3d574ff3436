import { Switch, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { LicenseDetailPlan, ServicePlan } from '../../billing/types';
import { ProvisioningBadge } from './ProvisioningBadge';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', paddingLeft: tokens.spacingHorizontalXXL, margin: 0, border: 'none' },
  row: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** PlanSwitches turns a product's apps (service plans) on and off for a user and shows each one's provisioning state. */
export function PlanSwitches({ product, plans, disabledPlans, states, onChange }: {
  product: string; plans: ServicePlan[]; disabledPlans: string[]; states: LicenseDetailPlan[]; onChange: (disabledPlans: string[]) => void;
}) {
  const { t } = useTranslation('billing');
  const s = useStyles();
  return (
    <fieldset className={s.root}>
      <legend>{t('userTab.apps', { product })}</legend>
      {plans.filter((p) => p.appliesTo !== 'Company').map((p) => {
        const on = !disabledPlans.includes(p.servicePlanId);
        const state = states.find((x) => x.servicePlanId === p.servicePlanId);
        return (
          <div key={p.servicePlanId} className={s.row}>
            <Switch checked={on} label={p.servicePlanName}
              onChange={(_, d) => onChange(d.checked ? disabledPlans.filter((x) => x !== p.servicePlanId) : [...disabledPlans, p.servicePlanId])} />
            {state && <ProvisioningBadge plan={state} />}
          </div>
        );
      })}
    </fieldset>
  );
}
