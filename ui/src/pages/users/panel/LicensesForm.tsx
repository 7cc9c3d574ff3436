import { Button, Checkbox, Field, MessageBar, MessageBarBody, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../../api/client';
import { can, useSession } from '../../../api/session';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorMessage } from '../../../components/Status';
import { useNotify } from '../../../components/useNotify';
import { useFormat } from '../../../i18n/format';
import { countries } from '../../billing/countries';
import { billingKeys, useSubscriptions } from '../../billing/data';
import { assignBody, choiceOf, formatMoney, seats, shortfall, type Choice } from '../../billing/seats';
import type { CatalogProduct, LicenseDetail, SubscribedSku } from '../../billing/types';
import { userKeys } from '../data';
import type { User } from '../types';
import { HeldLicenses } from './HeldLicenses';
import { PlanSwitches } from './PlanSwitches';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  product: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, paddingBottom: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3, paddingLeft: tokens.spacingHorizontalXXL },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

interface Props { user: User; skus: SubscribedSku[]; catalog: CatalogProduct[]; details: LicenseDetail[]; defaultLocation: string }

/** LicensesForm picks a usage location, products and their apps, and saves them in one assignLicense call. */
export function LicensesForm({ user, skus, catalog, details, defaultLocation }: Props) {
  const { t, i18n } = useTranslation('billing');
  const f = useFormat();
  const s = useStyles();
  const qc = useQueryClient();
  const notify = useNotify();
  const session = useSession().data;
  const buyer = can(session, 'billing.manage');
  const subs = useSubscriptions(buyer).data;
  const held = useMemo(() => choiceOf(details), [details]);
  const [chosen, setChosen] = useState<Choice>(held);
  const [location, setLocation] = useState(user.usageLocation ?? defaultLocation);
  const [problem, setProblem] = useState<string>();
  const [confirm, setConfirm] = useState<{ skuId: string; missing: number }[]>();
  const list = useMemo(() => countries(i18n.language), [i18n.language]);
  const products = skus.filter((x) => x.appliesTo === 'User');
  const product = (skuId: string) => catalog.find((p) => p.skuId === skuId);
  const name = (skuId: string) => product(skuId)?.displayName ?? skus.find((x) => x.skuId === skuId)?.skuPartNumber ?? skuId;
  const body = assignBody(held, chosen);

  const save = useMutation({
    mutationFn: async (autoPurchase: boolean) => {
      const path = `/v1.0/users/${encodeURIComponent(user.id)}`;
      if (location !== (user.usageLocation ?? '')) await api.patch(path, { usageLocation: location || null });
      if (body.addLicenses.length || body.removeLicenses.length) await api.post(`${path}/assignLicense`, autoPurchase ? { ...body, autoPurchase } : body);
    },
    onSuccess: () => {
      setConfirm(undefined);
      void qc.invalidateQueries({ queryKey: billingKeys.all });
      void qc.invalidateQueries({ queryKey: userKeys.one(user.id) });
      notify(t('userTab.saved'));
    },
    onError: () => setConfirm(undefined),
  });
  const err = save.error;
  const locationError = !location && body.addLicenses.length ? t('userTab.locationHint')
    : err instanceof ApiError && (err.target === 'usageLocation' || /usage location/i.test(err.message)) ? err.message : undefined;

  const submit = () => {
    setProblem(undefined);
    save.reset();
    if (!body.addLicenses.length && !body.removeLicenses.length && location === (user.usageLocation ?? '')) return notify(t('userTab.noChanges'), 'info');
    if (body.addLicenses.length && !location) return;
    const short = shortfall(body, held, skus);
    if (!short.length) return save.mutate(false);
    for (const x of short) {
      const p = name(x.skuId);
      if (!buyer) return setProblem(t('userTab.askBilling', { product: p }));
      const mine = (subs ?? []).filter((y) => y.skuId === x.skuId);
      const partner = mine.find((y) => y.purchaseChannel === 'partner')?.partner?.displayName;
      if (mine.length > 0 && partner && mine.every((y) => y.purchaseChannel === 'partner')) return setProblem(t('userTab.partnerOnly', { product: p, partner }));
    }
    setConfirm(short);
  };

  const toggle = (skuId: string, on: boolean) => setChosen((c) => ({ ...c, [skuId]: { on, disabledPlans: c[skuId]?.disabledPlans ?? [] } }));
  const setPlans = (skuId: string, disabledPlans: string[]) => setChosen((c) => ({ ...c, [skuId]: { on: c[skuId]?.on ?? false, disabledPlans } }));

  return (
    <div className={s.root}>
      <Field label={t('userTab.location')} required hint={t('userTab.locationHint')} validationMessage={locationError}>
        <Select value={location} onChange={(_, d) => setLocation(d.value)}>
          <option value="" />
          {list.map((c) => <option key={c.code} value={c.code}>{c.name}</option>)}
        </Select>
      </Field>
      <Text as="h3" weight="semibold">{t('userTab.products')}</Text>
      {products.length === 0 && <Text>{t('userTab.noProducts')}</Text>}
      {products.map((x) => {
        const n = seats(x);
        const c = chosen[x.skuId];
        return (
          <div key={x.skuId} className={s.product}>
            <Checkbox checked={!!c?.on} label={name(x.skuId)} onChange={(_, d) => toggle(x.skuId, !!d.checked)} />
            <Text size={200} className={s.muted}>{t('userTab.availableOf', { available: n.available, total: n.total })}</Text>
            {c?.on && (
              <PlanSwitches product={name(x.skuId)} plans={product(x.skuId)?.servicePlans ?? x.servicePlans ?? []}
                disabledPlans={c.disabledPlans} states={details.find((d) => d.skuId === x.skuId)?.servicePlans ?? []}
                onChange={(p) => setPlans(x.skuId, p)} />
            )}
          </div>
        );
      })}
      {problem && <MessageBar intent="error" role="alert"><MessageBarBody>{problem}</MessageBarBody></MessageBar>}
      {err && !locationError && <ErrorMessage error={err} />}
      <div className={s.actions}>
        <Button appearance="primary" onClick={submit} disabled={save.isPending}>{t('userTab.save')}</Button>
      </div>
      <HeldLicenses details={details} name={name} />
      {confirm && (
        <ConfirmDialog title={t('userTab.buyTitle')} confirmLabel={t('userTab.buyConfirm')} busy={save.isPending}
          onConfirm={() => save.mutate(true)} onClose={() => setConfirm(undefined)}>
          {confirm.map((x) => (
            <Text as="p" block key={x.skuId}>
              {t('userTab.buyText', { count: x.missing, product: name(x.skuId),
                price: product(x.skuId) ? formatMoney(f.locale, product(x.skuId)!.unitPrice) : '' })}
            </Text>
          ))}
        </ConfirmDialog>
      )}
    </div>
  );
}
