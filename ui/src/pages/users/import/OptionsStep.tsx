import {
  Button, Checkbox, Field, MessageBar, MessageBarBody, Radio, RadioGroup, Select, Text, makeStyles, tokens,
} from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useSession } from '../../../api/session';
import { RouterLink } from '../../../components/RouterLink';
import { useNeeds } from '../Guarded';
import { ErrorMessage, Loading } from '../../../components/Status';
import { useFormat } from '../../../i18n/format';
import { countries } from '../../billing/countries';
import { productNames, useCatalog, useSkus } from '../../billing/data';
import { seats } from '../../billing/seats';
import { importKeys, start } from './data';
import { shortfalls, startBody, type Choices } from './model';
import type { Import } from './types';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, alignItems: 'flex-start', maxWidth: '720px' },
  products: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  muted: { color: tokens.colorNeutralForeground3, paddingLeft: tokens.spacingHorizontalXXL },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

/**
 * OptionsStep is Set user options: sign-in status, one location and one set
 * of products for every user of the file (or none), and how they get their
 * first password; Create users starts the import.
 */
export function OptionsStep({ imp, skip, onBack }: { imp: Import; skip: boolean; onBack: () => void }) {
  const { t, i18n } = useTranslation('import');
  const s = useStyles();
  const f = useFormat();
  const qc = useQueryClient();
  const buyer = can(useSession().data, 'billing.manage');
  // Licenses need licenses.manage besides users.write (the server checks it too).
  const needs = useNeeds()('licenses.manage');
  const skus = useSkus();
  const names = productNames(useCatalog().data);
  const list = useMemo(() => countries(i18n.language), [i18n.language]);
  const [c, setC] = useState<Choices>({ accountEnabled: true, usageLocation: '', skuIds: [], credentials: 'link' });
  const [tried, setTried] = useState(false);
  const set = (patch: Partial<Choices>) => setC((x) => ({ ...x, ...patch }));
  const products = (skus.data ?? []).filter((x) => x.appliesTo === 'User');
  const name = (skuId: string) => names.get(skuId) ?? products.find((x) => x.skuId === skuId)?.skuPartNumber ?? skuId;
  const needsLocation = c.skuIds.length > 0 && !c.usageLocation;
  const go = useMutation({
    mutationFn: () => start(imp.id, startBody(c, skip)),
    onSuccess: (next) => {
      qc.setQueryData(importKeys.one(next.id), next);
      void qc.invalidateQueries({ queryKey: importKeys.list });
    },
  });
  const submit = () => {
    setTried(true);
    if (!needsLocation) go.mutate();
  };
  const toggle = (skuId: string, on: boolean) => set({ skuIds: on ? [...c.skuIds, skuId] : c.skuIds.filter((x) => x !== skuId) });

  return (
    <div className={s.root}>
      <Field label={t('options.signIn')}>
        <RadioGroup value={c.accountEnabled ? 'allowed' : 'blocked'} onChange={(_, d) => set({ accountEnabled: d.value === 'allowed' })}>
          <Radio value="allowed" label={t('options.allowed')} />
          <Radio value="blocked" label={t('options.blocked')} />
        </RadioGroup>
      </Field>
      <Field label={t('options.location')} hint={t('options.locationHint')} validationMessage={tried && needsLocation ? t('options.locationRequired') : undefined}>
        <Select value={c.usageLocation} onChange={(_, d) => set({ usageLocation: d.value })}>
          <option value="">{t('options.none')}</option>
          {list.map((x) => <option key={x.code} value={x.code}>{x.name}</option>)}
        </Select>
      </Field>
      <div role="group" aria-labelledby="import-products" className={s.products}>
        <Text id="import-products" weight="semibold">{t('options.products')}</Text>
        <Text size={200}>{t('options.productsHint')}</Text>
        {skus.isPending && <Loading />}
        {skus.error && <ErrorMessage error={skus.error} />}
        {skus.data && products.length === 0 && <Text>{t('options.noProducts')}</Text>}
        {needs && products.length > 0 && <Text size={200}>{needs}</Text>}
        {products.map((x) => {
          const n = seats(x);
          return (
            <div key={x.skuId}>
              <Checkbox checked={c.skuIds.includes(x.skuId)} disabled={!!needs} label={name(x.skuId)} onChange={(_, d) => toggle(x.skuId, !!d.checked)} />
              <Text as="p" size={200} className={s.muted}>{t('options.available', { available: f.number(n.available), total: f.number(n.total) })}</Text>
            </div>
          );
        })}
      </div>
      {shortfalls(c.skuIds, products, imp.valid).map((x) => (
        <MessageBar key={x.skuId} intent="warning" layout="multiline">
          <MessageBarBody>
            {t('options.shortfall', { count: x.missing, missing: f.number(x.missing), product: name(x.skuId), available: f.number(x.available), rows: f.number(imp.valid) })}
            {buyer && <> <RouterLink to="/admin/billing/purchase">{t('options.buy')}</RouterLink></>}
          </MessageBarBody>
        </MessageBar>
      ))}
      <Field label={t('options.credentials')}>
        <RadioGroup value={c.credentials} onChange={(_, d) => set({ credentials: d.value === 'password' ? 'password' : 'link' })}>
          <Radio value="link" label={t('options.link')} />
          <Radio value="password" label={t('options.password')} />
        </RadioGroup>
      </Field>
      <Text as="p">{t('options.rows', { count: imp.valid, n: f.number(imp.valid) })}</Text>
      {go.error && <ErrorMessage error={go.error} />}
      <div className={s.actions}>
        <Button onClick={onBack} disabled={go.isPending}>{t('options.back')}</Button>
        <Button appearance="primary" onClick={submit} disabled={go.isPending}>{go.isPending ? t('options.creating') : t('options.create')}</Button>
      </div>
    </div>
  );
}
