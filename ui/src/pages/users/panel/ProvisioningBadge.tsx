import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { provisioningColor } from '../../billing/provisioning';
import type { LicenseDetailPlan } from '../../billing/types';

const useStyles = makeStyles({ reason: { color: tokens.colorPaletteRedForeground1 } });

/** ProvisioningBadge shows a plan's provisioning state as a badge, and for Error the server's reason next to it. */
export function ProvisioningBadge({ plan }: { plan: LicenseDetailPlan }) {
  const { t } = useTranslation('billing');
  const s = useStyles();
  const state = plan.provisioningStatus;
  if (!state) return null;
  return (
    <>
      <Badge appearance="tint" color={provisioningColor(state)}>{t(`userTab.state.${state}`, { defaultValue: state })}</Badge>
      {state === 'Error' && plan.provisioningError && (
        <Text size={200} className={s.reason}>{t('userTab.stateReason', { reason: plan.provisioningError })}</Text>
      )}
    </>
  );
}
