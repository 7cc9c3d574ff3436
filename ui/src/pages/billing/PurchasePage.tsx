import { Button, Card, CardFooter, CardHeader, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page';
import { Empty, ErrorMessage, Loading } from '../../components/Status';
import { useFormat } from '../../i18n/format';
import { BuyDialog } from './BuyDialog';
import { useCatalog } from './data';
import { formatMoney } from './seats';
import type { CatalogProduct } from './types';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(280px, 1fr))', gap: tokens.spacingHorizontalL },
  plans: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** PurchasePage is Billing → Purchase services: the catalog as cards, each with Buy (licensing-and-billing.md §12). */
export default function PurchasePage() {
  const { t } = useTranslation('billing');
  const f = useFormat();
  const s = useStyles();
  const catalog = useCatalog();
  const [buying, setBuying] = useState<CatalogProduct>();
  const products = catalog.data?.filter((p) => p.appliesTo === 'User') ?? [];
  return (
    <Page title={t('purchase.title')} intro={t('purchase.intro')}>
      {catalog.isPending && <Loading />}
      {catalog.error && <ErrorMessage error={catalog.error} />}
      {catalog.data && products.length === 0 && <Empty>{t('purchase.empty')}</Empty>}
      <div className={s.grid}>
        {products.map((p) => (
          <Card key={p.skuId} role="region" aria-labelledby={`sku-${p.skuId}`}>
            <CardHeader header={<Text as="h2" id={`sku-${p.skuId}`} size={400} weight="semibold">{p.displayName}</Text>}
              description={<Text>{t('purchase.perSeat', { price: formatMoney(f.locale, p.unitPrice) })}</Text>} />
            <Text weight="semibold">{t('purchase.plans')}</Text>
            <ul className={s.plans}>{(p.servicePlans ?? []).map((sp) => <li key={sp.servicePlanId}>{sp.servicePlanName}</li>)}</ul>
            {p.maxSeats !== null && <Text className={s.muted}>{t('purchase.maxSeats', { count: p.maxSeats })}</Text>}
            <CardFooter>
              <Button appearance="primary" aria-label={t('purchase.buyNamed', { product: p.displayName })} onClick={() => setBuying(p)}>
                {t('purchase.buy')}
              </Button>
            </CardFooter>
          </Card>
        ))}
      </div>
      {buying && <BuyDialog product={buying} onClose={() => setBuying(undefined)} />}
    </Page>
  );
}
