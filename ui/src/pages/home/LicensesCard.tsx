import { Field, MessageBar, MessageBarBody, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import { Certificate24Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { can, useSession } from '../../api/session';
import { InfoCard } from '../../components/InfoCard';
import { RouterLink } from '../../components/RouterLink';
import { Empty, ErrorMessage, Loading } from '../../components/Status';
import { productNames, useCatalog, useSkus } from '../billing/data';
import { seats, usage } from '../billing/seats';

const useStyles = makeStyles({ footer: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap' } });

/** LicensesCard is Home's license usage (admin-center.md §4): per product assigned / total as a bar, and over-assignment alerts. */
export function LicensesCard() {
  const { t } = useTranslation('billing');
  const session = useSession().data;
  const skus = useSkus();
  const names = productNames(useCatalog().data);
  const rows = skus.data?.filter((x) => x.appliesTo === 'User') ?? [];
  const name = (skuId: string, part: string) => names.get(skuId) ?? part;
  return (
    <InfoCard id="licenses" title={t('card.title')} icon={<Certificate24Regular />} footer={(
      <span className={useStyles().footer}>
        <RouterLink to="/admin/billing/licenses">{t('card.assign')}</RouterLink>
        {can(session, 'billing.manage') && <RouterLink to="/admin/billing/purchase">{t('card.buy')}</RouterLink>}
      </span>
    )}>
      {skus.isPending && <Loading />}
      {skus.error && <ErrorMessage error={skus.error} />}
      {skus.data && rows.length === 0 && <Empty>{t('card.empty')}</Empty>}
      {rows.filter((x) => seats(x).over > 0).map((x) => (
        <MessageBar key={`over-${x.skuId}`} intent="warning">
          <MessageBarBody>{t('card.over', { product: name(x.skuId, x.skuPartNumber), count: seats(x).over })}</MessageBarBody>
        </MessageBar>
      ))}
      {rows.map((x) => {
        const n = seats(x);
        const label = t('card.bar', { product: name(x.skuId, x.skuPartNumber), assigned: n.assigned, total: n.total });
        return (
          <Field key={x.skuId} label={label} validationState={n.over > 0 ? 'error' : 'none'}>
            <ProgressBar value={usage(n.assigned, n.total)} thickness="large" color={n.over > 0 ? 'error' : 'brand'} />
          </Field>
        );
      })}
    </InfoCard>
  );
}
