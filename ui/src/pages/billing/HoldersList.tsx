import { Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { RouterLink } from '../../components/RouterLink';
import { Empty, ErrorMessage, Loading } from '../../components/Status';
import { useFormat } from '../../i18n/format';
import { eventual, usePaged } from '../groups/paging';

interface Holder { id: string; displayName: string | null; userPrincipalName: string }

/** holdersPath is the users list filtered on a product (Graph's assignedLicenses lambda), 50 a page, with the total. */
export function holdersPath(skuId: string): string {
  const filter = encodeURIComponent(`assignedLicenses/any(x:x/skuId eq ${skuId})`);
  return `/v1.0/users?$filter=${filter}&$select=id,displayName,userPrincipalName&$count=true&$top=50&$orderby=displayName`;
}

/** HoldersList is who has a product: the users holding it, paged, each linking to their details panel. */
export function HoldersList({ skuId, product }: { skuId: string; product: string }) {
  const { t } = useTranslation('billing');
  const f = useFormat();
  const list = usePaged<Holder>(['license-holders', skuId], holdersPath(skuId), eventual);
  if (list.isPending) return <Loading />;
  if (list.error) return <ErrorMessage error={list.error} />;
  if (list.items.length === 0) return <Empty>{t('licenses.holdersEmpty', { product })}</Empty>;
  return (
    <>
      <Table aria-label={t('licenses.holders', { product })} size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('licenses.column.name')}</TableHeaderCell>
            <TableHeaderCell>{t('licenses.column.username')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {list.items.map((u) => (
            <TableRow key={u.id}>
              <TableCell><RouterLink to={`/admin/users/${u.id}`}>{u.displayName ?? u.userPrincipalName}</RouterLink></TableCell>
              <TableCell>{u.userPrincipalName}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {list.count !== undefined && <span>{t('licenses.holdersShown', { shown: f.number(list.items.length), total: f.number(list.count) })}</span>}
      {list.hasNextPage && (
        <Button onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>{t('licenses.more')}</Button>
      )}
    </>
  );
}
