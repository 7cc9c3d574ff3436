import { Checkbox, Field, MessageBar, MessageBarBody, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';
import { countries } from '../../billing/countries';
import { formatMoney, seats } from '../../billing/seats';
import type { CatalogProduct, SubscribedSku } from '../../billing/types';
import { PlanSwitches } from '../panel/PlanSwitches';
import { chosenSkus, short } from './model';
import { useStepStyles, type StepProps } from './BasicsStep';

const useStyles = makeStyles({
  product: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, paddingBottom: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3, paddingLeft: tokens.spacingHorizontalXXL },
});

/** LicensesStep picks the usage location and the products with their apps; a product without a free seat can be bought by a billing admin. */
export function LicensesStep({ draft, patch, error, skus, catalog, buyer }: StepProps & { skus: SubscribedSku[]; catalog: CatalogProduct[]; buyer: boolean }) {
  const { t, i18n } = useTranslation('adduser');
  const f = useFormat();
  const s = { ...useStepStyles(), ...useStyles() };
  const list = useMemo(() => countries(i18n.language), [i18n.language]);
  const products = skus.filter((x) => x.appliesTo === 'User');
  const product = (skuId: string) => catalog.find((p) => p.skuId === skuId);
  const name = (skuId: string) => product(skuId)?.displayName ?? skus.find((x) => x.skuId === skuId)?.skuPartNumber ?? skuId;
  const picked = chosenSkus(draft);
  const lacking = short(draft, skus);
  const setChoice = (skuId: string, on: boolean, disabledPlans: string[]) => patch({ chosen: { ...draft.chosen, [skuId]: { on, disabledPlans } } });
  const locationMissing = picked.length > 0 && !draft.location;
  const locationError = error?.target === 'usageLocation' ? error.message : locationMissing ? t('licenses.locationHint') : undefined;
  return (
    <div className={s.col}>
      {error && error.target !== 'usageLocation' && <MessageBar intent="error" role="alert"><MessageBarBody>{error.message}</MessageBarBody></MessageBar>}
      <Field label={t('licenses.location')} required={picked.length > 0} hint={locationError ? undefined : t('licenses.locationHint')} validationMessage={locationError}>
        <Select value={draft.location ?? ''} onChange={(_, d) => patch({ location: d.value })}>
          <option value="" />
          {list.map((c) => <option key={c.code} value={c.code}>{c.name}</option>)}
        </Select>
      </Field>
      <Text as="h4" weight="semibold">{t('licenses.products')}</Text>
      {products.length === 0 && <Text>{t('licenses.noProducts')}</Text>}
      {products.map((x) => {
        const n = seats(x);
        const c = draft.chosen[x.skuId];
        const on = !!c?.on && !draft.noLicense;
        const price = product(x.skuId)?.unitPrice;
        return (
          <div key={x.skuId} className={s.product}>
            <Checkbox checked={on} disabled={draft.noLicense} label={name(x.skuId)} onChange={(_, d) => setChoice(x.skuId, !!d.checked, c?.disabledPlans ?? [])} />
            <Text size={200} className={s.muted}>{t('licenses.available', { available: n.available, total: n.total })}</Text>
            {on && lacking.includes(x.skuId) && (
              <div className={s.indent}>
                <MessageBar intent="warning">
                  <MessageBarBody>{t('licenses.noSeat', { product: name(x.skuId) })} {!buyer && t('licenses.askBilling')}</MessageBarBody>
                </MessageBar>
                {buyer && (
                  <Checkbox checked={draft.buy.includes(x.skuId)} label={t('licenses.buy', { product: name(x.skuId) })}
                    onChange={(_, d) => patch({ buy: d.checked ? [...draft.buy, x.skuId] : draft.buy.filter((b) => b !== x.skuId) })} />
                )}
                {buyer && price && <Text size={200}>{t('licenses.buyPrice', { price: formatMoney(f.locale, price) })}</Text>}
              </div>
            )}
            {on && (
              <PlanSwitches product={name(x.skuId)} plans={product(x.skuId)?.servicePlans ?? x.servicePlans ?? []}
                disabledPlans={c?.disabledPlans ?? []} states={[]} onChange={(p) => setChoice(x.skuId, true, p)} />
            )}
          </div>
        );
      })}
      <Checkbox checked={draft.noLicense} label={t('licenses.none')} onChange={(_, d) => patch({ noLicense: !!d.checked })} />
    </div>
  );
}
